import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, Client, testServer, type TestServer } from './helpers/server.js';
import { rosterCsv, tiesCsv } from './fixtures.js';

const DEMO = resolve(import.meta.dirname, '../../fixtures/demo');
const DOCS = resolve(import.meta.dirname, '../../docs');
const PW = 'a-long-enough-password';
let srv: TestServer;
let admin: Client;
let analyst: Client;
let viewer: Client;
let schoolId: string;
let waveId: string;

beforeAll(async () => {
  srv = await testServer({ demoDir: DEMO });
  admin = new Client(srv.url);
  await admin.signIn('admin', ADMIN_PASSWORD);
  schoolId = (await admin.post('/api/schools', { slug: 'north', name: 'North High' })).json.school.id;
  waveId = (await admin.post(`/api/schools/${schoolId}/waves`, { label: '2026' })).json.wave.id;
  for (const [name, role] of [
    ['ana', 'analyst'],
    ['vic', 'viewer'],
  ] as const)
    expect((await admin.post('/api/accounts', { username: name, role, schoolIds: [schoolId], password: PW })).status).toBe(201);
  analyst = new Client(srv.url);
  await analyst.signIn('ana', PW);
  viewer = new Client(srv.url);
  await viewer.signIn('vic', PW);
  expect((await analyst.upload(waveId, { roster: rosterCsv(), ties: tiesCsv() })).job.status).toBe('succeeded');
});
afterAll(async () => {
  await srv.stop();
});

describe('school administration', () => {
  it('demo schools loaded at the first start are marked demo; schools created later are not; both can be deleted', async () => {
    const schools = (await admin.get('/api/schools')).json.schools as Array<{ id: string; slug: string; demo: boolean }>;
    const demo = schools.filter((s) => s.demo).map((s) => s.slug);
    expect(demo.length).toBeGreaterThan(0);
    expect(demo).toContain('highland');
    expect(schools.find((s) => s.slug === 'north')!.demo).toBe(false);
    const lakeside = schools.find((s) => s.slug === 'lakeside')!;
    expect((await admin.del(`/api/schools/${lakeside.id}`)).status).toBe(200);
    expect((await admin.get('/api/schools')).json.schools.map((s: { slug: string }) => s.slug)).not.toContain('lakeside');
  });

  it('an admin renames a school (slug kept); an analyst of the school cannot; a bad name is refused', async () => {
    const r = await admin.req('PATCH', `/api/schools/${schoolId}`, { name: 'North High School' });
    expect(r.status).toBe(200);
    expect(r.json.school).toMatchObject({ id: schoolId, slug: 'north', name: 'North High School', demo: false });
    expect((await analyst.get(`/api/schools/${schoolId}`)).json.school.name).toBe('North High School');
    expect((await analyst.req('PATCH', `/api/schools/${schoolId}`, { name: 'Mine' })).status).toBe(403);
    expect((await admin.req('PATCH', `/api/schools/${schoolId}`, { name: '   ' })).json.error.code).toBe('VALIDATION');
    expect((await admin.req('PATCH', '/api/schools/nope', { name: 'x' })).status).toBe(404);
  });
});

describe('stored originals', () => {
  it('an analyst of the school downloads each original byte for byte; a viewer cannot; an unknown file is 404', async () => {
    const { files } = (await analyst.get(`/api/waves/${waveId}/files`)).json as { files: Array<{ id: string; kind: string }> };
    expect(files.map((f) => f.kind).sort()).toEqual(['roster', 'ties']);
    for (const f of files) {
      const r = await analyst.get(`/api/waves/${waveId}/files/${f.id}`);
      expect(r.status).toBe(200);
      expect(r.text).toBe(f.kind === 'roster' ? rosterCsv() : tiesCsv());
      expect(r.headers.get('content-disposition')).toMatch(/^attachment; filename="?(roster|ties)\.csv"?$/);
    }
    expect((await viewer.get(`/api/waves/${waveId}/files/${files[0]!.id}`)).status).toBe(403);
    expect((await analyst.get(`/api/waves/${waveId}/files/not-a-file`)).status).toBe(404);
  });
});

describe('audit log filters', () => {
  it('filters by who, what and when; only admins may read it; malformed filters are refused', async () => {
    const accounts = (await admin.get('/api/accounts')).json.accounts as Array<{ id: string; username: string }>;
    const ana = accounts.find((a) => a.username === 'ana')!.id;
    const all = (await admin.get('/api/audit?limit=1000')).json;
    expect(all.actions).toContain('upload');
    const byAna = (await admin.get(`/api/audit?account=${ana}`)).json.entries as Array<{ accountId: string; action: string }>;
    expect(byAna.length).toBeGreaterThan(0);
    expect(byAna.every((e) => e.accountId === ana)).toBe(true);
    expect(byAna.map((e) => e.action)).toContain('upload');
    expect(byAna.length).toBeLessThan(all.entries.length);
    const uploads = (await admin.get('/api/audit?action=upload')).json.entries as Array<{ action: string; target: string }>;
    expect(uploads.map((e) => `${e.action} ${e.target}`)).toEqual([`upload wave:${waveId}`]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await admin.get(`/api/audit?from=${today}&to=${today}&action=upload`)).json.entries).toHaveLength(1);
    expect((await admin.get('/api/audit?to=2000-01-01')).json.entries).toEqual([]);
    expect((await admin.get('/api/audit?from=2999-01-01')).json.entries).toEqual([]);
    expect((await admin.get('/api/audit?from=yesterday')).json.error.code).toBe('VALIDATION');
    expect((await admin.get('/api/audit?action=a&action=b')).json.error.code).toBe('VALIDATION');
    expect((await analyst.get(`/api/audit?account=${ana}`)).status).toBe(403);
  });
});

describe('help pages and templates', () => {
  it('serves the user documentation pages the app links to, and nothing else from docs/', async () => {
    const r = await admin.get('/docs/data-formats.md');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(r.text).toBe(readFileSync(resolve(DOCS, 'data-formats.md'), 'utf8'));
    expect((await admin.get('/docs/metrics.md')).status).toBe(200);
    for (const p of ['/docs/security.md', '/docs/..%2Fpackage.json.md', '/docs/api.md']) expect((await admin.get(p)).status).toBe(404);
  });

  it('the CSV templates read as a valid upload', async () => {
    const get = async (name: string) => (await admin.get(`/templates/${name}.csv`)).text;
    const w = (await admin.post(`/api/schools/${schoolId}/waves`, { label: 'template check' })).json.wave.id;
    const up = await admin.upload(w, { roster: await get('roster'), ties: await get('ties'), respondents: await get('respondents') });
    expect(up.job.status).toBe('succeeded');
    expect(up.job.result).toMatchObject({ people: 2, ties: 2 });
  });
});
