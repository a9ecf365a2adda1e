import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, Client, settled, testServer, type TestServer } from './helpers/server.js';

/** Each school's change between two waves of the Pinewood demo district, in GET /api/waves/:id/district. */
const dir = (label: string) => join(import.meta.dirname, '../../fixtures/demo/pinewood', label);
const read = (label: string, f: string) => readFileSync(join(dir(label), f), 'utf8');

let srv: TestServer;
let admin: Client;
const waves: string[] = [];

async function district(c: Client, path: string) {
  const r = await settled(c, path);
  expect(r.status, r.text.slice(0, 200)).toBe(200);
  return r.json.district;
}

beforeAll(async () => {
  srv = await testServer();
  admin = new Client(srv.url);
  await admin.signIn('admin', ADMIN_PASSWORD);
  const school = (await admin.post('/api/schools', { slug: 'pinewood', name: 'Pinewood Rural District' })).json.school.id;
  for (const label of ['2024-25', '2025-26']) {
    const id = (await admin.post(`/api/schools/${school}/waves`, { label })).json.wave.id as string;
    const up = await admin.upload(id, {
      roster: read(label, 'roster.csv'),
      ties: read(label, 'ties.csv'),
      respondents: read(label, 'respondents.csv'),
    });
    expect(up.job.error ?? null).toBeNull();
    waves.push(id);
  }
}, 120_000);
afterAll(async () => {
  await srv.stop();
});

interface Row {
  school: string;
  key: string;
  before: string;
  after: string;
  change: string;
  interval: string;
  verdict: string;
}

describe('district: each school’s change since the previous wave', () => {
  it('gives every school present in both waves its density, centralization and Gini change with interval and verdict, the same numbers as each wave’s school rows', async () => {
    const before = await district(admin, `/api/waves/${waves[0]}/district`);
    const after = await district(admin, `/api/waves/${waves[1]}/district`);
    expect(before.changes).toBeNull();
    expect(after.changes.previous).toBe('2024-25');
    const schools = after.schools.map((s: { school: string }) => s.school);
    expect(after.changes.schools.map((s: { school: string }) => s.school)).toEqual(schools);
    const rows = after.table.changes.rows as Row[];
    expect(rows).toHaveLength(schools.length * 3);
    const indicator = { density: 'density', inDegreeCentralization: 'inDegreeCentralization', gini: 'gini' } as const;
    for (const r of rows) {
      const now = after.table.rows.find((x: { indicator: string }) => x.indicator === indicator[r.key as keyof typeof indicator]);
      const then = before.table.rows.find((x: { indicator: string }) => x.indicator === indicator[r.key as keyof typeof indicator]);
      const i = schools.indexOf(r.school);
      expect([r.before, r.after], `${r.school} ${r.key}`).toEqual([
        then.values[before.schools.map((s: { school: string }) => s.school).indexOf(r.school)].text,
        now.values[i].text,
      ]);
      expect(r.verdict).toMatch(/^(up|down|no clear change)/);
    }
    // "up" or "down" only when the interval excludes no change.
    for (const s of after.changes.schools as Array<{ indicators: Array<{ low: number; high: number; verdict: string }> }>)
      for (const i of s.indicators) {
        if (i.verdict === 'up') expect(i.low).toBeGreaterThan(0);
        if (i.verdict === 'down') expect(i.high).toBeLessThan(0);
      }
  }, 120_000);
});
