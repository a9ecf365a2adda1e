import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, Client, settled, testServer, type TestServer } from './helpers/server.js';

/**
 * A school analyst (and viewer) who sees one school of a district record (issue 17, item 3): on the
 * Pinewood demo district's last two waves, an account scoped to Cedar Ridge K-8 gets that school's own
 * analysis — equal to the same school uploaded alone — and nothing of the other schools: no name, no
 * id, no file, no review item, no district view.
 */
const PW = 'a-long-enough-password';
const UNIT = 'Cedar Ridge K-8';
const demo = join(import.meta.dirname, '../../fixtures/demo/pinewood');
const WAVES = ['2024-25', '2025-26'] as const;
const read = (wave: string, file: string) => readFileSync(join(demo, wave, file), 'utf8');
const lines = (text: string) => text.trim().split('\n');

/** The roster's rows of one wave: id, name and school. */
function roster(wave: string): Array<{ id: string; name: string; school: string }> {
  return lines(read(wave, 'roster.csv'))
    .slice(1)
    .map((l) => l.split(','))
    .map((c) => ({ id: c[0]!, name: c[1]!, school: c[5]! }));
}

/** The demo wave's files, whole (the district record) or cut to one school (as if that school had uploaded alone). */
function files(wave: string, only?: string): Record<string, string> {
  const all = { roster: read(wave, 'roster.csv'), ties: read(wave, 'ties.csv'), respondents: read(wave, 'respondents.csv') };
  if (only === undefined) return { ...all, people: read(wave, 'people.csv'), outcomes: read(wave, 'outcomes.csv') };
  const ids = new Set(
    roster(wave)
      .filter((p) => p.school === only)
      .map((p) => p.id),
  );
  const keep = (text: string, test: (cells: string[]) => boolean) =>
    lines(text)
      .filter((l, i) => i === 0 || test(l.split(',')))
      .join('\n') + '\n';
  return {
    roster: keep(all.roster, (c) => ids.has(c[0]!)),
    ties: keep(all.ties, (c) => ids.has(c[0]!) && ids.has(c[1]!)),
    people: keep(read(wave, 'people.csv'), (c) => ids.has(c[0]!)),
    respondents: lines(all.respondents)
      .filter((l, i) => (i === 0 && !/^PW\d/.test(l)) || ids.has(l.trim()))
      .join('\n')
      .concat('\n'),
  };
}

const inUnit = new Set(WAVES.flatMap((w) => roster(w).filter((p) => p.school === UNIT)));
const unitIds = new Set([...inUnit].map((p) => p.id));
const unitNames = new Set([...inUnit].map((p) => p.name));
/** Staff of the other schools and the office: neither their ids nor their full names may reach a Cedar Ridge account. */
const outsiders = WAVES.flatMap((w) => roster(w)).filter((p) => !unitIds.has(p.id) && !unitNames.has(p.name));

let srv: TestServer;
let admin: Client;
let analyst: Client;
let viewer: Client;
let record: string;
let alone: string;
const wave: Record<string, string> = {};
const aloneWave: Record<string, string> = {};

beforeAll(async () => {
  srv = await testServer();
  admin = new Client(srv.url);
  await admin.signIn('admin', ADMIN_PASSWORD);
  record = (await admin.post('/api/schools', { slug: 'pinewood', name: 'Pinewood Rural District' })).json.school.id;
  alone = (await admin.post('/api/schools', { slug: 'cedar-alone', name: 'Cedar Ridge uploaded alone' })).json.school.id;
  for (const w of WAVES) {
    wave[w] = (await admin.post(`/api/schools/${record}/waves`, { label: w })).json.wave.id;
    expect((await admin.upload(wave[w]!, files(w))).job.status).toBe('succeeded');
    aloneWave[w] = (await admin.post(`/api/schools/${alone}/waves`, { label: w })).json.wave.id;
    expect((await admin.upload(aloneWave[w]!, files(w, UNIT))).job.status).toBe('succeeded');
  }
  for (const [username, role] of [
    ['cedar', 'analyst'],
    ['cedarview', 'viewer'],
  ] as const) {
    const r = await admin.post('/api/accounts', { username, role, schoolIds: [record], units: { [record]: UNIT }, password: PW });
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json.account.units).toEqual({ [record]: UNIT });
  }
  analyst = new Client(srv.url);
  await analyst.signIn('cedar', PW);
  viewer = new Client(srv.url);
  await viewer.signIn('cedarview', PW);
  // The whole record's views first, so a scoped view that reused their cache entries would show it.
  for (const path of ['analysis', 'graph', 'leadership', 'indicators', 'export/metrics.csv'])
    expect((await settled(admin, `/api/waves/${wave['2025-26']}/${path}`)).status).toBe(200);
}, 240_000);
afterAll(async () => {
  await srv?.stop();
});

/** Fails when a body carries an id or full name of someone outside the school. */
function noOutsider(text: string, where: string): void {
  for (const p of outsiders) {
    expect(text.includes(p.name), `${where}: names ${p.name} (${p.school})`).toBe(false);
    expect(new RegExp(`\\b${p.id}\\b`).test(text), `${where}: carries ${p.id} (${p.school})`).toBe(false);
  }
}

describe('an account that sees one school of a district record', () => {
  it('administrators list the schools of a district record to choose from', async () => {
    const r = await settled(admin, `/api/schools/${record}/units`);
    expect(r.json.wave.label).toBe('2025-26');
    expect(r.json.units).toEqual([
      { unit: 'Cedar Ridge K-8', people: 19, districtLevel: false },
      { unit: 'District Office', people: 5, districtLevel: true },
      { unit: 'Fox Hollow Elementary', people: 14, districtLevel: false },
      { unit: 'Pinewood Elementary', people: 29, districtLevel: false },
      { unit: 'Pinewood Junior/Senior High', people: 33, districtLevel: false },
    ]);
    expect((await analyst.get(`/api/schools/${record}/units`)).status).toBe(403);
  });

  it('refuses scopes it cannot honour', async () => {
    const bad = async (body: object) =>
      (await admin.post('/api/accounts', { username: 'x1', role: 'analyst', password: PW, ...body })).status;
    expect(await bad({ schoolIds: [], units: { [record]: UNIT } })).toBe(400); // not among its schools
    expect(await bad({ schoolIds: [record], units: { [record]: '<b>' } })).toBe(400);
    expect(await bad({ schoolIds: [record], units: { [record]: '' } })).toBe(400);
    expect(await bad({ schoolIds: [record], units: [UNIT] })).toBe(400);
    expect(await bad({ role: 'admin', schoolIds: [record], units: { [record]: UNIT } })).toBe(400);
  });

  it('lists the record under its one school', async () => {
    const schools = (await analyst.get('/api/schools')).json.schools;
    expect(schools).toHaveLength(1);
    expect(schools[0]).toMatchObject({ id: record, name: 'Pinewood Rural District', unit: UNIT });
    expect((await analyst.get(`/api/schools/${record}`)).json.school.unit).toBe(UNIT);
    expect((await analyst.get(`/api/waves/${wave['2025-26']}`)).json.school).toEqual({
      id: record,
      name: 'Pinewood Rural District',
      unit: UNIT,
    });
    expect((await admin.get('/api/schools')).json.schools.every((s: { unit?: string }) => s.unit === undefined)).toBe(true);
    // The stored counts are the whole record's: not given to a one-school account.
    for (const w of (await analyst.get(`/api/schools/${record}/waves`)).json.waves) expect(w).toMatchObject({ people: null, ties: null });
    expect((await analyst.get(`/api/waves/${wave['2025-26']}`)).json.wave).toMatchObject({ people: null, ties: null });
    expect((await admin.get(`/api/waves/${wave['2025-26']}`)).json.wave.people).toBe(100);
  });

  it("gets the school's own analysis, equal to the school uploaded alone, and nobody else", async () => {
    for (const path of ['analysis', 'leadership', 'graph']) {
      const scoped = await settled(analyst, `/api/waves/${wave['2025-26']}/${path}`);
      const own = await settled(admin, `/api/waves/${aloneWave['2025-26']}/${path}`);
      expect(scoped.status, path).toBe(200);
      noOutsider(scoped.text, path);
      const strip = (t: string) => t.replaceAll(wave['2025-26']!, 'W').replaceAll(aloneWave['2025-26']!, 'W');
      // The completeness counts are the record's, and say so (they are not kept per school).
      const { completeness, ...body } = JSON.parse(strip(scoped.text));
      const { completeness: ownCompleteness, ...ownBody } = JSON.parse(strip(own.text));
      expect(body, path).toEqual(ownBody);
      expect(completeness.recordWide).toBe(true);
      expect(ownCompleteness.recordWide).toBeUndefined();
    }
    const a = (await settled(analyst, `/api/waves/${wave['2025-26']}/analysis`)).json.analysis;
    expect(a.disclosure).toBe('named');
    expect(new Set(a.people.map((p: { id: string }) => p.id))).toEqual(
      new Set(
        roster('2025-26')
          .filter((p) => p.school === UNIT)
          .map((p) => p.id),
      ),
    );
    // The whole record is still the whole record for its administrator (no cache shared with the scoped view).
    expect((await settled(admin, `/api/waves/${wave['2025-26']}/analysis`)).json.analysis.people).toHaveLength(100);
  });

  it('indicators, exports, the comparison and the report are the school alone, with its own change', async () => {
    const ind = await settled(analyst, `/api/waves/${wave['2025-26']}/indicators`);
    const indAlone = await settled(admin, `/api/waves/${aloneWave['2025-26']}/indicators`);
    expect(ind.json.indicators.rows.length).toBe(12);
    expect(ind.json.indicators).toEqual(indAlone.json.indicators);
    // Cedar Ridge's response rate fell by 16 points: its all-staff centralization gets no verdict, and the card says why.
    expect(ind.json.indicators.rows.find((r: { key: string }) => r.key === 'centralization')).toMatchObject({
      verdict: 'no clear change',
      verdictReason: 'response rates differ',
    });
    noOutsider(ind.text, 'indicators');
    for (const file of ['metrics.csv', 'departments.csv', 'graph.gexf', 'graph.graphml']) {
      const r = await settled(analyst, `/api/waves/${wave['2025-26']}/export/${file}`);
      expect(r.status, file).toBe(200);
      noOutsider(r.text, file);
    }
    const cmp = await settled(analyst, `/api/schools/${record}/compare`);
    const cmpAlone = await settled(admin, `/api/schools/${alone}/compare`);
    expect(cmp.status).toBe(200);
    noOutsider(cmp.text, 'compare');
    expect(cmp.json.indicators).toEqual(cmpAlone.json.indicators);
    expect(cmp.json.outcomes ?? null).toBeNull(); // the record's outcomes are the district's, not the school's

    const url = `${srv.url}/api/waves/${wave['2025-26']}/report.pdf?edition=named`;
    let pdf = await fetch(url, { headers: { cookie: analyst.cookie } });
    if (pdf.status === 202) {
      await analyst.waitJob(((await pdf.json()) as { job: { id: string } }).job.id);
      pdf = await fetch(url, { headers: { cookie: analyst.cookie } });
    }
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-disposition')).toContain('pinewood-cedar-ridge-k-8-2025-26-report.pdf');
    const dir = mkdtempSync(join(tmpdir(), 'scoped-report-'));
    writeFileSync(join(dir, 'r.pdf'), Buffer.from(await pdf.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain(UNIT);
    // The cover says what the report covers; no other school of the district is named anywhere.
    expect(text.replace(/\s+/g, ' ')).toContain(
      "One school of Pinewood Rural District: its own staff and the advice ties among them. Ties with colleagues at the district's other schools are not in this report.",
    );
    expect(text).not.toMatch(/Fox Hollow|Pinewood Elementary|Junior\/Senior/);
    noOutsider(text.replace(/\s+/g, ' '), 'report.pdf');
  }, 180_000);

  it('a one-school viewer sees pseudonyms of that school only', async () => {
    const a = (await settled(viewer, `/api/waves/${wave['2025-26']}/analysis`)).json.analysis;
    expect(a.disclosure).toBe('pseudonymised');
    expect(a.people).toHaveLength(inUnit.size > 0 ? roster('2025-26').filter((p) => p.school === UNIT).length : 0);
    noOutsider(JSON.stringify(a), 'viewer analysis');
    expect(JSON.stringify(a)).not.toMatch(/"PW\d+"/);
  });

  it('is refused everything that holds the other schools: files, review, roster, mapping, uploads, survey files, district view, zip', async () => {
    const w = wave['2025-26']!;
    for (const who of [analyst, viewer]) {
      for (const [method, path, body] of [
        ['GET', `/api/waves/${w}/files`],
        ['GET', `/api/waves/${w}/files/any`],
        ['GET', `/api/waves/${w}/review`],
        ['POST', `/api/waves/${w}/review/abc`, { resolution: null }],
        ['GET', `/api/waves/${w}/roster`],
        ['GET', `/api/waves/${w}/mapping`],
        ['POST', `/api/waves/${w}/mapping`, { mapping: {} }],
        ['POST', `/api/waves/${w}/uploads`, new FormData()],
        ['POST', `/api/waves/${w}/reprocess`],
        ['DELETE', `/api/waves/${w}`],
        ['POST', `/api/schools/${record}/waves`, { label: 'x' }],
        ['GET', `/api/schools/${record}/export.zip`],
        ['GET', `/api/waves/${w}/district`],
        ['GET', `/api/waves/${w}/district-report.pdf`],
        ['GET', `/api/waves/${w}/survey`],
        ['GET', `/api/waves/${w}/survey/scales.csv`],
        ['GET', `/api/schools/${record}/units`],
      ] as Array<[string, string, unknown?]>) {
        const r = await who.req(method, path, body);
        expect(r.status, `${method} ${path}`).toBe(403);
        noOutsider(r.text, `${method} ${path}`);
      }
    }
    expect((await admin.get(`/api/waves/${w}/district`)).status).not.toBe(403);
  });

  it('changing the account keeps or drops the scope as asked, and ends its sessions', async () => {
    const list = (await admin.get('/api/accounts')).json.accounts;
    const cedar = list.find((a: { username: string }) => a.username === 'cedar');
    expect(cedar.units).toEqual({ [record]: UNIT });
    const kept = await admin.req('PATCH', `/api/accounts/${cedar.id}`, { schoolIds: [record, alone] });
    expect(kept.json.account.units).toEqual({ [record]: UNIT });
    expect((await analyst.get('/api/schools')).status).toBe(401); // sessions ended
    const whole = await admin.req('PATCH', `/api/accounts/${cedar.id}`, { units: {} });
    expect(whole.json.account.units).toEqual({});
    const c = new Client(srv.url);
    await c.signIn('cedar', PW);
    expect((await settled(c, `/api/waves/${wave['2025-26']}/analysis`)).json.analysis.people).toHaveLength(100);
    expect((await c.get(`/api/waves/${wave['2025-26']}/review`)).status).toBe(200);
  });
});
