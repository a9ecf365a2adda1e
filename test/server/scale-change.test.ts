import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, Client, testServer, type TestServer, settled } from './helpers/server.js';
import { demoDir } from '../metrics/analytics/demo.js';
import { run } from '../cli/run.js';
import { hasPoppler } from '../helpers/system-tools.js';
import { tempDir } from '../store/helpers.js';

/**
 * The survey-scale change indicators through the server: when both waves have a stored people file,
 * GET /api/schools/:id/compare and the report's change page measure participation in decision-making
 * and role clarity with the numbers of `leadmap compare --people --previous-people`; a new people file
 * gives a new comparison (its checksum is part of the cache key); no person's score is shown.
 */
let srv: TestServer;
let admin: Client;
let school = '';
const waves: string[] = [];
const out = tempDir('leadmap-scale-change-');
const LABELS = ['2024-25', '2025-26'] as const;
const dir = (label: string) => join(demoDir, 'highland', label);
const read = (label: string, f: string) => readFileSync(join(dir(label), f), 'utf8');
const SCALE_KEYS = ['participation', 'roleClarity'];

interface Row {
  key: string;
  domain: string;
  population: string;
  before: number | null;
  after: number | null;
  change: number | null;
  low: number | null;
  high: number | null;
  verdict: string;
}
const scaleRows = (indicators: Row[]) =>
  indicators
    .filter((i) => SCALE_KEYS.includes(i.key))
    .map(({ key, domain, population, before, after, change, low, high, verdict }) => ({
      key,
      domain,
      population,
      before,
      after,
      change,
      low,
      high,
      verdict,
    }));

const files = (label: string, people: boolean) => ({
  roster: read(label, 'roster.csv'),
  ties: read(label, 'ties.csv'),
  respondents: read(label, 'respondents.csv'),
  ...(people ? { people: read(label, 'people.csv') } : {}),
});

beforeAll(async () => {
  srv = await testServer();
  admin = new Client(srv.url);
  await admin.signIn('admin', ADMIN_PASSWORD);
  school = (await admin.post('/api/schools', { slug: 'highland', name: 'Highland High' })).json.school.id;
  for (const label of LABELS) {
    const id = (await admin.post(`/api/schools/${school}/waves`, { label })).json.wave.id as string;
    const up = await admin.upload(id, files(label, false));
    expect(up.job.error ?? null).toBeNull();
    waves.push(id);
  }
}, 120_000);
afterAll(async () => {
  await srv.stop();
  out.remove();
});

describe('survey-scale change indicators through the server', () => {
  it('reads "not measured" without people files, then measures them as leadmap compare does once both waves have one', async () => {
    const without = await settled(admin, `/api/schools/${school}/compare`);
    expect(without.status).toBe(200);
    const unmeasured = scaleRows(without.json.indicators).filter((i) => i.domain === 'all');
    expect(unmeasured.length).toBeGreaterThan(0);
    expect(unmeasured.every((i) => i.verdict === 'not measured')).toBe(true);

    for (const [i, label] of LABELS.entries()) {
      const up = await admin.upload(waves[i]!, files(label, true));
      expect(up.job.error ?? null).toBeNull();
    }
    const r = await settled(admin, `/api/schools/${school}/compare`);
    expect(r.status).toBe(200);
    const [a, b] = LABELS.map(dir) as [string, string];
    const cli = await run([
      'compare',
      ...['--previous-roster', join(a, 'roster.csv'), '--previous-ties', join(a, 'ties.csv')],
      ...['--previous-respondents', join(a, 'respondents.csv'), '--previous-people', join(a, 'people.csv')],
      ...['--roster', join(b, 'roster.csv'), '--ties', join(b, 'ties.csv')],
      ...['--respondents', join(b, 'respondents.csv'), '--people', join(b, 'people.csv')],
      '--json',
    ]);
    expect(cli.code, cli.stderr).toBe(0);
    const expected = scaleRows((JSON.parse(cli.stdout) as { indicators: Row[] }).indicators);
    const shown = scaleRows(r.json.indicators);
    expect(shown).toEqual(expected);
    const all = shown.filter((i) => i.domain === 'all' && i.population === 'all');
    expect(all.map((i) => i.key).sort()).toEqual(['participation', 'roleClarity']);
    for (const i of all) {
      expect(i.verdict).not.toBe('not measured');
      expect(i.before).toBeGreaterThan(0);
      expect(i.after).toBeGreaterThan(0);
      expect(i.low).not.toBeNull();
    }
    // School-level figures only: no person's scale score (an attribute named after a scale) anywhere in the body.
    expect(r.text).not.toMatch(/"(participation in decision-making|role clarity|teacher influence over decisions)"\s*:/);
    // The words the report prints carry the measured rows.
    const words = JSON.stringify(r.json.presented.change);
    expect(words).toContain('Participation in decision-making');
    expect(words).toContain('Role clarity');
  });

  it('gives a new comparison when a wave gets a new people file (its checksum keys the cached comparison)', async () => {
    const first = scaleRows((await settled(admin, `/api/schools/${school}/compare`)).json.indicators);
    const up = await admin.upload(waves[1]!, { ...files(LABELS[1], false), people: read('2022-23', 'people.csv') });
    expect(up.job.error ?? null).toBeNull();
    const second = scaleRows((await settled(admin, `/api/schools/${school}/compare`)).json.indicators);
    const after = (rows: Row[], key: string) => rows.find((i) => i.key === key && i.domain === 'all' && i.population === 'all')!.after;
    expect(after(second, 'participation')).not.toBe(after(first, 'participation'));
    // Back to the wave's own people file, so the report below shows the comparison checked above.
    expect((await admin.upload(waves[1]!, files(LABELS[1], true))).job.error ?? null).toBeNull();
    expect(scaleRows((await settled(admin, `/api/schools/${school}/compare`)).json.indicators)).toEqual(first);
  });

  it.runIf(hasPoppler)('prints them on the report’s change page', async () => {
    const path = `${srv.url}/api/waves/${waves[1]}/report.pdf?edition=anonymised`;
    let res = await fetch(path, { headers: { cookie: admin.cookie } });
    if (res.status === 202) {
      await admin.waitJob(((await res.json()) as { job: { id: string } }).job.id);
      res = await fetch(path, { headers: { cookie: admin.cookie } });
    }
    expect(res.status).toBe(200);
    const file = join(out.path, 'report.pdf');
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const row = (label: string) => text.split('\n').find((l) => l.trimStart().startsWith(label)) ?? '';
    for (const label of ['Participation in decision-making', 'Role clarity']) {
      expect(row(label)).not.toMatch(/not measured/);
      expect(row(label)).toMatch(/\d\.\d+\s+\d\.\d+/);
    }
  });
});
