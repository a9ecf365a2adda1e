import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, Client, testServer, type TestServer, settled } from './helpers/server.js';
import { demoDir } from '../metrics/analytics/demo.js';
import { run } from '../cli/run.js';
import { hasPoppler } from '../helpers/system-tools.js';
import { tempDir } from '../store/helpers.js';

/**
 * School outcomes through the server: uploaded with a wave (field "outcomes"), refused with row and
 * column when malformed, shown beside the change since the previous wave (GET /api/schools/:id/compare,
 * the report's change page) as `leadmap compare --outcomes` shows them, carried by the school zip, and
 * loaded with the demo schools.
 */
let srv: TestServer;
let admin: Client;
let viewer: Client;
let school = '';
const waves: string[] = [];
const out = tempDir('leadmap-outcomes-');
const dir = (label: string) => join(demoDir, 'highland', label);
const read = (label: string, f: string) => readFileSync(join(dir(label), f), 'utf8');

beforeAll(async () => {
  srv = await testServer();
  admin = new Client(srv.url);
  await admin.signIn('admin', ADMIN_PASSWORD);
  school = (await admin.post('/api/schools', { slug: 'highland', name: 'Highland High' })).json.school.id;
  for (const label of ['2024-25', '2025-26']) {
    const id = (await admin.post(`/api/schools/${school}/waves`, { label })).json.wave.id as string;
    const up = await admin.upload(id, {
      roster: read(label, 'roster.csv'),
      ties: read(label, 'ties.csv'),
      respondents: read(label, 'respondents.csv'),
      outcomes: read(label, 'outcomes.csv'),
    });
    expect(up.job.error ?? null).toBeNull();
    waves.push(id);
  }
  const PW = 'viewer-password-for-tests';
  expect((await admin.post('/api/accounts', { username: 'viewer1', role: 'viewer', schoolIds: [school], password: PW })).status).toBe(201);
  viewer = new Client(srv.url);
  await viewer.signIn('viewer1', PW);
}, 120_000);
afterAll(async () => {
  await srv.stop();
  out.remove();
});

describe('school outcomes through the server', () => {
  it('shows the later wave’s outcomes beside the earlier wave’s, as leadmap compare --outcomes does, with the association note', async () => {
    const r = await settled(admin, `/api/schools/${school}/compare`);
    expect(r.status).toBe(200);
    const cli = await run([
      'compare',
      '--previous-roster',
      join(dir('2024-25'), 'roster.csv'),
      '--previous-ties',
      join(dir('2024-25'), 'ties.csv'),
      '--previous-respondents',
      join(dir('2024-25'), 'respondents.csv'),
      '--previous-outcomes',
      join(dir('2024-25'), 'outcomes.csv'),
      '--roster',
      join(dir('2025-26'), 'roster.csv'),
      '--ties',
      join(dir('2025-26'), 'ties.csv'),
      '--respondents',
      join(dir('2025-26'), 'respondents.csv'),
      '--outcomes',
      join(dir('2025-26'), 'outcomes.csv'),
      '--json',
    ]);
    expect(cli.code, cli.stderr).toBe(0);
    const expected = JSON.parse(cli.stdout) as { outcomes: unknown[]; notes: Array<{ code: string }> };
    expect(r.json.outcomes).toEqual(expected.outcomes);
    expect(r.json.outcomes.length).toBe(4);
    expect(r.json.notes.map((n: { code: string }) => n.code)).toContain('ASSOCIATION_NOT_CAUSE');
    const shown = r.json.presented.change.outcomes as Array<{
      indicator: string;
      before: string;
      after: string;
      change: string;
      direction: string;
    }>;
    const attendance = shown.find((o) => o.indicator === 'attendance')!;
    const raw = (r.json.outcomes as Array<{ indicator: string; before: number; after: number; direction: string }>).find(
      (o) => o.indicator === 'attendance',
    )!;
    expect(attendance.after).toBe(`${raw.after} %`);
    expect(attendance.before).toBe(`${raw.before} %`);
    expect(attendance.change).toMatch(/^[+−±][\d.]+( pts)?$/);
    expect(attendance.direction).toBe(raw.direction === 'same' ? 'no change' : raw.direction);
    expect(r.json.presented.change.banners.join(' ')).toMatch(/nothing here shows that one causes the other/);
    // School figures only: a viewer sees the same outcomes.
    expect((await settled(viewer, `/api/schools/${school}/compare`)).json.outcomes).toEqual(r.json.outcomes);
  });

  it.runIf(hasPoppler)('prints them on the report’s change page', async () => {
    const res = await fetch(`${srv.url}/api/waves/${waves[1]}/report.pdf?edition=anonymised`, { headers: { cookie: admin.cookie } });
    let body = res;
    if (res.status === 202) {
      await admin.waitJob(((await res.json()) as { job: { id: string } }).job.id);
      body = await fetch(`${srv.url}/api/waves/${waves[1]}/report.pdf?edition=anonymised`, { headers: { cookie: admin.cookie } });
    }
    expect(body.status).toBe(200);
    const file = join(out.path, 'report.pdf');
    writeFileSync(file, Buffer.from(await body.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('School outcomes (association, not cause)');
    expect(text).toMatch(/reading proficiency\s+[\d.]+ %\s+[\d.]+ %\s+[+−±][\d.]+ pts\s+(better|worse|no change)\s+fictional demo/);
  });

  it('refuses a malformed outcomes file with its row and column, and keeps the wave as it was', async () => {
    const id = (await admin.post(`/api/schools/${school}/waves`, { label: '2026-27' })).json.wave.id as string;
    const form = new FormData();
    form.append('roster', new Blob([read('2025-26', 'roster.csv')]), 'roster.csv');
    form.append('ties', new Blob([read('2025-26', 'ties.csv')]), 'ties.csv');
    form.append(
      'outcomes',
      new Blob([
        'indicator,value,unit,better,source\nattendance,ninety,%,higher,report card\nsuspensions,3,per 100,sideways,report card\n',
      ]),
      'outcomes 2026.csv',
    );
    const r = await admin.post(`/api/waves/${id}/uploads?wait=1`, form);
    expect(r.status).toBe(422);
    const problems = r.json.error.details.problems as Array<{ file: string; row: number; column: string; severity: string }>;
    expect(problems.filter((p) => p.severity === 'error').map((p) => [p.file, p.row, p.column])).toEqual([
      ['outcomes 2026.csv', 2, 'value'],
      ['outcomes 2026.csv', 3, 'better'],
    ]);
    expect((await admin.get(`/api/waves/${id}`)).json.wave.status).toBe('empty');
  });

  it('carries each wave’s outcomes in the school zip', async () => {
    const res = await fetch(`${srv.url}/api/schools/${school}/export.zip`, { headers: { cookie: admin.cookie } });
    expect(res.status).toBe(200);
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const outcomes = Object.keys(files).filter((f) => f.endsWith('/outcomes.csv'));
    expect(outcomes).toHaveLength(2);
    expect(strFromU8(files[outcomes[1]!]!)).toBe(read('2025-26', 'outcomes.csv'));
  });
});

describe('the demo schools', () => {
  it('load each wave’s outcomes, so the school page shows them beside the change', async () => {
    const demo = await testServer({ demoDir });
    try {
      const c = new Client(demo.url);
      await c.signIn('admin', ADMIN_PASSWORD);
      const lakeside = ((await c.get('/api/schools')).json.schools as Array<{ id: string; slug: string }>).find(
        (s) => s.slug === 'lakeside',
      )!;
      const r = await settled(c, `/api/schools/${lakeside.id}/compare`);
      expect(r.json.outcomes.map((o: { indicator: string }) => o.indicator).sort()).toEqual(
        ['attendance', 'chronic absence', 'reading proficiency', 'suspensions'].sort(),
      );
      expect(r.json.outcomes.every((o: { before: number | null }) => o.before !== null)).toBe(true);
    } finally {
      await demo.stop();
    }
  }, 120_000);
});
