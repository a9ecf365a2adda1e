import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { ADMIN_PASSWORD, Client, testServer, type TestServer } from './helpers/server.js';
import { rosterCsv, tiesCsv } from './fixtures.js';

let srv: TestServer;
let admin: Client;
let schoolId: string;
let waveId: string;
beforeAll(async () => {
  srv = await testServer();
  admin = new Client(srv.url);
  await admin.signIn('admin', ADMIN_PASSWORD);
  schoolId = (await admin.post('/api/schools', { slug: 'north', name: 'North High' })).json.school.id;
  waveId = (await admin.post(`/api/schools/${schoolId}/waves`, { label: '2025', collectedOn: '2025-06-30' })).json.wave.id;
});
afterAll(async () => {
  await srv.stop();
});

describe('upload → analyse → export', () => {
  it('ingests roster and ties as a background job and reports progress and counts', async () => {
    const up = await admin.upload(waveId, { roster: rosterCsv(), ties: tiesCsv() });
    expect(up.status).toBe(202);
    expect(up.job).toMatchObject({ status: 'succeeded', result: { people: 12, ties: 22 } });
    expect(up.job.progress.fraction).toBe(1);
    const w = await admin.get(`/api/waves/${waveId}`);
    expect(w.json.wave).toMatchObject({ status: 'ready', people: 12, ties: 22 });
    const files = await admin.get(`/api/waves/${waveId}/files`);
    expect(files.json.files.map((f: { originalName: string }) => f.originalName).sort()).toEqual(['roster.csv', 'ties.csv']);
    expect(files.json.files[0].sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('serves named core metrics, departments and who-leads-what to an admin', async () => {
    const a = (await admin.get(`/api/waves/${waveId}/analysis?relation=advice`)).json.analysis;
    expect(a.disclosure).toBe('named');
    expect(a.network).toMatchObject({ people: 12, ties: 22 });
    const t1 = a.people.find((p: { id: string }) => p.id === 'T1');
    expect(t1).toMatchObject({ name: 'Teacher Number1', inDegree: 11 });
    expect(a.whoLeads.map((d: { domain: string }) => d.domain).sort()).toEqual(['behaviour', 'curriculum']);
    expect(a.whoLeads.find((d: { domain: string }) => d.domain === 'curriculum').leaders[0].id).toBe('T1');
    const dom = (await admin.get(`/api/waves/${waveId}/analysis?domain=behaviour`)).json.analysis;
    expect(dom.network.ties).toBe(11);
  });

  it('suppresses statistics of departments smaller than the minimum group size', async () => {
    const a = (await admin.get(`/api/waves/${waveId}/analysis`)).json.analysis;
    const byName = Object.fromEntries(a.departments.map((d: { group: string }) => [d.group, d]));
    expect(byName.Art).toMatchObject({ suppressed: true, size: null, ei: null, internal: null, external: null });
    expect(byName.Maths).toMatchObject({ suppressed: false, size: 5 });
    // Secondary suppression: with one small group of three, the next smallest goes too.
    expect(a.departments.filter((d: { suppressed: boolean }) => d.suppressed)).toHaveLength(2);
    for (const b of a.mixing) if (b.from === 'Art' || b.to === 'Art') expect(b).toMatchObject({ ties: null, suppressed: true });
    const csv = (await admin.get(`/api/waves/${waveId}/export/departments.csv`)).text;
    expect(csv).toMatch(/\r\nArt,,,,,,,true\r\n/);
  });

  it('exports metrics CSV, GraphML and GEXF of the same graph', async () => {
    const csv = await admin.get(`/api/waves/${waveId}/export/metrics.csv?relation=advice`);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="?north-2025-advice-any-metrics.csv/);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(13);
    expect(lines[0]).toMatch(/^id,name,role,department,inDegree/);
    const graphml = (await admin.get(`/api/waves/${waveId}/export/graph.graphml`)).text;
    expect((graphml.match(/<node /g) ?? []).length).toBe(12);
    expect((graphml.match(/<edge /g) ?? []).length).toBe(22);
    const gexf = (await admin.get(`/api/waves/${waveId}/export/graph.gexf`)).text;
    expect(gexf).toContain('<gexf xmlns="http://gexf.net/1.3"');
    expect((gexf.match(/<edge /g) ?? []).length).toBe(22);
    expect((await admin.get(`/api/waves/${waveId}/export/graph.dot`)).status).toBe(404);
  });

  it('anonymised exports carry stable pseudonyms and no names or roster ids', async () => {
    const one = (await admin.get(`/api/waves/${waveId}/export/metrics.csv?anonymised=1`)).text;
    const two = (await admin.get(`/api/waves/${waveId}/export/metrics.csv?anonymised=1`)).text;
    expect(one).toBe(two);
    expect(one).not.toMatch(/Teacher|T1\b|principal/);
    expect(one).toMatch(/\r\nP-[0-9A-F]{4,},P-[0-9A-F]{4,},,/);
    const gml = (await admin.get(`/api/waves/${waveId}/export/graph.graphml?anonymised=1`)).text;
    expect(gml).not.toMatch(/Teacher|"T\d+"/);
  });

  it('compares two waves: change of every measure with its interval and verdict', async () => {
    const w2 = (await admin.post(`/api/schools/${schoolId}/waves`, { label: '2026' })).json.wave.id;
    const fewer = tiesCsv()
      .split('\n')
      .filter((l) => !l.includes('behaviour'))
      .join('\n');
    expect((await admin.upload(w2, { roster: rosterCsv(), ties: fewer })).job.status).toBe('succeeded');
    const c = (await admin.get(`/api/schools/${schoolId}/compare?from=${waveId}&to=${w2}`)).json;
    expect(c.basis).toMatchObject({ leavers: [], joiners: [], leaverCount: 0, joinerCount: 0 });
    expect(c.basis.stayers).toBe(c.basis.staff.before);
    const density = c.indicators.find((i: any) => i.key === 'density' && i.domain === 'all' && i.population === 'all');
    expect(density.after).toBeLessThan(density.before);
    expect(density.change).toBeCloseTo(density.after - density.before, 12);
  });

  it('exports a school as a zip of CSVs whose re-import gives identical analyses', async () => {
    const res = await fetch(`${srv.url}/api/schools/${schoolId}/export.zip`, {
      headers: { cookie: (admin as unknown as { cookie: string }).cookie },
    });
    expect(res.status).toBe(200);
    const zip = new Uint8Array(await res.arrayBuffer());
    const entries = unzipSync(zip);
    expect(Object.keys(entries).sort()).toEqual([
      'school.json',
      'wave-1/roster.csv',
      'wave-1/ties.csv',
      'wave-2/roster.csv',
      'wave-2/ties.csv',
    ]);
    expect(JSON.parse(strFromU8(entries['school.json']!)).waves.map((w: { label: string }) => w.label)).toEqual(['2025', '2026']);
    const form = new FormData();
    form.append('zip', new Blob([zip]), 'north.zip');
    form.append('slug', 'north-copy');
    const imp = await admin.post('/api/schools/import', form);
    expect(imp.status).toBe(202);
    const job = await admin.waitJob(imp.json.job.id);
    expect(job.status).toBe('succeeded');
    const copyWaves = (await admin.get(`/api/schools/${imp.json.school.id}/waves`)).json.waves;
    const origWaves = (await admin.get(`/api/schools/${schoolId}/waves`)).json.waves;
    for (let i = 0; i < 2; i++) {
      for (const q of ['', '?domain=curriculum']) {
        const a = (await admin.get(`/api/waves/${origWaves[i].id}/analysis${q}`)).json.analysis;
        const b = (await admin.get(`/api/waves/${copyWaves[i].id}/analysis${q}`)).json.analysis;
        expect({ ...b, waveId: null }).toEqual({ ...a, waveId: null });
      }
    }
  });

  it('deleting a wave removes it from the API and its analyses', async () => {
    const w = (await admin.post(`/api/schools/${schoolId}/waves`, { label: 'to-delete' })).json.wave.id;
    await admin.upload(w, { roster: rosterCsv(), ties: tiesCsv() });
    expect((await admin.del(`/api/waves/${w}`)).status).toBe(200);
    expect((await admin.get(`/api/waves/${w}/analysis`)).status).toBe(404);
    const audit = (await admin.get('/api/audit')).json.entries;
    expect(audit.some((e: { action: string; target: string }) => e.action === 'delete' && e.target === `wave:${w}`)).toBe(true);
  });
});
