import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, Client, testServer, type TestServer, settled } from './helpers/server.js';
import { demoDir } from '../metrics/analytics/demo.js';
import { run } from '../cli/run.js';
import { rosterCsv, tiesCsv } from './fixtures.js';

let srv: TestServer;
let admin: Client;
let viewer: Client;
let lakeside: string;
let waves: Array<{ id: string; label: string }>;

beforeAll(async () => {
  srv = await testServer({ demoDir });
  admin = new Client(srv.url);
  await admin.signIn('admin', ADMIN_PASSWORD);
  const schools = (await admin.get('/api/schools')).json.schools as Array<{ id: string; slug: string }>;
  lakeside = schools.find((s) => s.slug === 'lakeside')!.id;
  waves = (await admin.get(`/api/schools/${lakeside}/waves`)).json.waves;
  const PW = 'viewer-password-for-tests';
  expect((await admin.post('/api/accounts', { username: 'viewer1', role: 'viewer', schoolIds: [lakeside], password: PW })).status).toBe(
    201,
  );
  viewer = new Client(srv.url);
  await viewer.signIn('viewer1', PW);
}, 120_000);
afterAll(async () => {
  await srv.stop();
});

const files = (label: string) => {
  const d = join(demoDir, 'lakeside', label);
  return {
    roster: join(d, 'roster.csv'),
    ties: join(d, 'ties.csv'),
    respondents: join(d, 'respondents.csv'),
    outcomes: join(d, 'outcomes.csv'),
    people: join(d, 'people.csv'),
  };
};

describe('GET /api/schools/:id/compare', () => {
  it('defaults to the last two waves and gives the numbers of `leadmap compare --json` (one computation), with a trend over every wave', async () => {
    const r = await settled(admin, `/api/schools/${lakeside}/compare`);
    expect(r.status).toBe(200);
    const sorted = waves.map((w) => w.label).sort((x, y) => x.localeCompare(y, undefined, { numeric: true }));
    expect([r.json.from.label, r.json.to.label]).toEqual(sorted.slice(-2));
    const a = files(r.json.from.label);
    const b = files(r.json.to.label);
    const cli = await run([
      'compare',
      '--previous-roster',
      a.roster,
      '--previous-ties',
      a.ties,
      '--previous-respondents',
      a.respondents,
      '--roster',
      b.roster,
      '--ties',
      b.ties,
      '--respondents',
      b.respondents,
      // The demo waves carry their outcomes.csv, uploaded with them.
      '--previous-outcomes',
      a.outcomes,
      '--outcomes',
      b.outcomes,
      // And their people files: the survey scales (participation, role clarity) are measured alike.
      '--previous-people',
      a.people,
      '--people',
      b.people,
      '--json',
    ]);
    expect(cli.code).toBe(0);
    const want = JSON.parse(cli.stdout);
    expect(r.json.indicators).toEqual(want.indicators);
    expect(r.json.notes).toEqual(want.notes);
    expect(r.json.outcomes).toEqual(want.outcomes);
    expect(r.json.basis).toMatchObject({ ...want.basis, leaverCount: want.basis.leavers.length, joinerCount: want.basis.joiners.length });
    expect(r.json.method).toEqual(want.method);
    for (const key of [
      'density',
      'reciprocity',
      'inDegreeCentralization',
      'gini',
      'topShare',
      'leaders',
      'hiddenLeaders',
      'eiIndex',
      'isolates',
    ])
      expect(
        r.json.indicators.some((i: { key: string; domain: string }) => i.key === key && i.domain === 'all'),
        key,
      ).toBe(true);

    for (const key of ['participation', 'roleClarity'])
      expect(
        r.json.indicators.find(
          (i: { key: string; domain: string; population: string }) => i.key === key && i.domain === 'all' && i.population === 'all',
        ).verdict,
        key,
      ).not.toBe('not measured');

    expect(r.json.trend.waves.map((w: { label: string }) => w.label)).toEqual(sorted);
    // The trend reads the same comparisons: each wave's people file gives the scale indicators too.
    const participation = r.json.trend.indicators.find((t: { key: string }) => t.key === 'participation');
    expect(participation.values.every((v: number | null) => typeof v === 'number')).toBe(true);
    const density = r.json.trend.indicators.find((t: { key: string }) => t.key === 'density');
    expect(density.values).toHaveLength(sorted.length);
    expect(density.steps).toHaveLength(sorted.length - 1);
    // The last step of the trend is the pair compared.
    const last = r.json.indicators.find(
      (i: { key: string; domain: string; population: string }) => i.key === 'density' && i.domain === 'all' && i.population === 'all',
    );
    expect(density.steps.at(-1)).toEqual({ change: last.change, low: last.low, high: last.high, verdict: last.verdict });
    expect(density.values.at(-1)).toBe(last.after);

    const rows = r.json.presented.change.sections[0].rows;
    expect(rows.find((x: { key: string; domain: string }) => x.key === 'density' && x.domain === 'all').verdict).toBe(last.verdict);
    expect(r.json.presented.trend.waves).toEqual(sorted);
  });

  it('takes two chosen waves, and caches the result by data and selection', async () => {
    const [w0, w1] = [...waves].sort((x, y) => x.label.localeCompare(y.label, undefined, { numeric: true }));
    const path = `/api/schools/${lakeside}/compare?from=${w0!.id}&to=${w1!.id}`;
    const first = await settled(admin, path);
    expect(first.status).toBe(200);
    expect([first.json.from.id, first.json.to.id]).toEqual([w0!.id, w1!.id]);
    const jobs = srv.deps.views.stats().jobs;
    const again = await admin.get(`${path}&relation=advice`);
    expect(again.status).toBe(200);
    expect(again.text).toBe(first.text);
    expect(srv.deps.views.stats().jobs).toBe(jobs);
    expect((await admin.get(`/api/schools/${lakeside}/compare?from=nope&to=${w1!.id}`)).status).toBe(404);
  });

  it('still compares the pair when a wave of the school lacks the relation: the trend is left out', async () => {
    const school = (await admin.post('/api/schools', { slug: 'gappy', name: 'Gappy High' })).json.school.id;
    const ids: string[] = [];
    const collaboration = tiesCsv().replace(/,advice,/g, ',collaboration,');
    for (const [label, ties] of [
      ['2023', tiesCsv()],
      ['2024', collaboration],
      ['2025', tiesCsv()],
    ] as const) {
      const id = (await admin.post(`/api/schools/${school}/waves`, { label })).json.wave.id;
      expect((await admin.upload(id, { roster: rosterCsv(), ties })).job.status).toBe('succeeded');
      ids.push(id);
    }
    const r = await settled(admin, `/api/schools/${school}/compare?from=${ids[0]}&to=${ids[2]}`);
    expect(r.status).toBe(200);
    expect(r.json.trend).toBeNull();
    expect(r.json.presented.trend).toBeNull();
    expect(r.json.indicators.find((i: { key: string; population: string }) => i.key === 'density' && i.population === 'all').change).toBe(
      0,
    );
    // The default pair (2024, 2025) has no advice ties in 2024: refused with the reason.
    const d = await settled(admin, `/api/schools/${school}/compare`);
    expect(d.status).toBe(400);
    expect(d.json.error.code).toBe('UNKNOWN_RELATION');
  });

  it('viewers get counts, never ids: no leaver, joiner, departed leader or name to review', async () => {
    const named = (await settled(admin, `/api/schools/${lakeside}/compare`)).json;
    const r = await settled(viewer, `/api/schools/${lakeside}/compare`);
    expect(r.status).toBe(200);
    expect(r.json.disclosure).toBe('pseudonymised');
    expect(r.json.basis.leavers).toBeNull();
    expect(r.json.basis.joiners).toBeNull();
    expect(r.json.basis.leaverCount).toBe(named.basis.leavers.length);
    expect(r.json.basis.joinerCount).toBe(named.basis.joiners.length);
    expect(named.basis.leavers.length + named.basis.joiners.length).toBeGreaterThan(0);
    expect(r.json.review).toBeNull();
    for (const s of r.json.succession) expect(s.leftLeaders).toBeNull();
    const ids = [
      ...named.basis.leavers,
      ...named.basis.joiners,
      ...named.succession.flatMap((s: { leftLeaders: string[] }) => s.leftLeaders),
    ];
    for (const id of ids) expect(r.text).not.toContain(`"${id}"`);
    expect(r.json.indicators).toEqual(named.indicators);
    expect(r.json.presented.change).toEqual(named.presented.change);
  });
});
