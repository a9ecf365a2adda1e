import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/server/auth/passwords.js';
import { ADMIN_PASSWORD, Client, testServer, type TestServer } from './helpers/server.js';
import { rosterCsv, tiesCsv } from './fixtures.js';
import { departmentColours } from '../../src/report/present/palette.js';

const PW = 'a-long-enough-password';
let srv: TestServer;
const ids: Record<string, string> = {};
const as: Record<string, Client> = {};

beforeAll(async () => {
  srv = await testServer();
  const admin = new Client(srv.url);
  await admin.signIn('admin', ADMIN_PASSWORD);
  for (const s of ['one', 'two']) {
    ids[`school_${s}`] = (await admin.post('/api/schools', { slug: s, name: `School ${s}` })).json.school.id;
    ids[`wave_${s}`] = (await admin.post(`/api/schools/${ids[`school_${s}`]}/waves`, { label: '2025' })).json.wave.id;
    const up = await admin.upload(ids[`wave_${s}`]!, { roster: rosterCsv(), ties: tiesCsv() });
    ids[`job_${s}`] = up.job.id;
  }
  for (const [name, role, school] of [
    ['analyst1', 'analyst', 'one'],
    ['viewer1', 'viewer', 'one'],
    ['analyst2', 'analyst', 'two'],
  ] as const) {
    const r = await admin.post('/api/accounts', { username: name, role, schoolIds: [ids[`school_${school}`]], password: PW });
    expect(r.status).toBe(201);
  }
  // A second organisation (another district) with its own admin and school.
  const other = await srv.store.ensureOrganisation('Other district');
  const foreign = await srv.store.createSchool(other.id, 'far', 'Far Away');
  ids.school_far = foreign.id;
  ids.wave_far = (await srv.store.createWave(foreign.id, '2025', null)).id;
  await srv.store.createAccount(other.id, 'otheradmin', 'admin', await hashPassword(PW), [], false);
  as.admin = admin;
  for (const n of ['analyst1', 'viewer1', 'analyst2', 'otheradmin']) {
    as[n] = new Client(srv.url);
    await as[n].signIn(n, PW);
  }
  as.anonymous = new Client(srv.url);
});
afterAll(async () => {
  await srv.stop();
});

/** Every route that takes a school, wave or job id. */
function routes(s: string, w: string, j: string): Array<[string, string, unknown?]> {
  return [
    ['GET', `/api/schools/${s}`],
    ['DELETE', `/api/schools/${s}`],
    ['PATCH', `/api/schools/${s}`, { name: 'Renamed' }],
    ['GET', `/api/schools/${s}/waves`],
    ['POST', `/api/schools/${s}/waves`, { label: 'x' }],
    ['GET', `/api/schools/${s}/compare?from=${w}&to=${w}`],
    ['GET', `/api/schools/${s}/export.zip`],
    ['GET', `/api/schools/${s}/units`],
    ['GET', `/api/waves/${w}`],
    ['DELETE', `/api/waves/${w}`],
    ['GET', `/api/waves/${w}/files`],
    ['GET', `/api/waves/${w}/files/any`],
    ['GET', `/api/waves/${w}/review`],
    ['POST', `/api/waves/${w}/review/abc`, { resolution: null }],
    ['POST', `/api/waves/${w}/uploads`, new FormData()],
    ['POST', `/api/waves/${w}/reprocess`],
    ['GET', `/api/waves/${w}/analysis`],
    ['GET', `/api/waves/${w}/graph`],
    ['GET', `/api/waves/${w}/leadership`],
    ['GET', `/api/waves/${w}/district`],
    ['GET', `/api/waves/${w}/district-report.pdf`],
    ['GET', `/api/waves/${w}/export/metrics.csv`],
    ['GET', `/api/waves/${w}/export/graph.gexf`],
    ['GET', `/api/waves/${w}/survey`],
    ['GET', `/api/waves/${w}/survey/skills.csv`],
    ['GET', `/api/jobs/${j}`],
    ['GET', `/api/jobs/${j}/events`],
  ];
}

describe("tenancy: one school never reachable from another school's account", () => {
  it.each(['analyst1', 'viewer1'])("%s gets 404 (or 403 for role-gated routes) on every route with school two's ids", async (who) => {
    for (const [method, path, body] of routes(ids.school_two!, ids.wave_two!, ids.job_two!)) {
      const r = await as[who]!.req(method, path, body);
      expect([403, 404], `${who} ${method} ${path} → ${r.status}`).toContain(r.status);
      expect(r.text).not.toMatch(/School two|Teacher/);
    }
  });

  it("an admin of another organisation cannot reach this organisation's school, nor list it", async () => {
    for (const [method, path, body] of routes(ids.school_one!, ids.wave_one!, ids.job_one!)) {
      const r = await as.otheradmin!.req(method, path, body);
      expect(r.status, `${method} ${path}`).toBe(404);
    }
    expect((await as.otheradmin!.get('/api/schools')).json.schools.map((s: { slug: string }) => s.slug)).toEqual(['far']);
    expect((await as.admin!.get(`/api/schools/${ids.school_far}`)).status).toBe(404);
    expect((await as.admin!.get(`/api/waves/${ids.wave_far}`)).status).toBe(404);
  });

  it('an analyst sees only assigned schools in the list', async () => {
    expect((await as.analyst1!.get('/api/schools')).json.schools.map((s: { slug: string }) => s.slug)).toEqual(['one']);
    expect((await as.admin!.get('/api/schools')).json.schools).toHaveLength(2);
  });

  it('nothing under /api answers without a session', async () => {
    expect((await as.anonymous!.get('/api/auth/me')).json).toEqual({ account: null });
    for (const [method, path, body] of routes(ids.school_one!, ids.wave_one!, ids.job_one!)) {
      expect((await as.anonymous!.req(method, path, body)).status, `${method} ${path}`).toBe(401);
    }
    for (const path of ['/api/schools', '/api/accounts', '/api/audit']) expect((await as.anonymous!.get(path)).status).toBe(401);
  });
});

describe('roles', () => {
  it('a viewer sees pseudonymised results only and cannot change anything', async () => {
    const v = as.viewer1!;
    const a = (await v.get(`/api/waves/${ids.wave_one}/analysis`)).json.analysis;
    expect(a.disclosure).toBe('pseudonymised');
    expect(JSON.stringify(a)).not.toMatch(/Teacher|"T\d+"|principal/);
    expect(a.people.every((p: { id: string; name: string }) => /^P-[0-9A-F]{4,}$/.test(p.id) && p.name === p.id)).toBe(true);
    // Asking for names does not help.
    expect((await v.get(`/api/waves/${ids.wave_one}/export/metrics.csv?anonymised=0`)).text).not.toMatch(/Teacher/);
    const g = (await v.get(`/api/waves/${ids.wave_one}/graph`)).json;
    expect(g.nodes.every((n: { id: string }) => n.id.startsWith('P-'))).toBe(true);
    expect(g.edges.every((e: { source: string }) => e.source.startsWith('P-'))).toBe(true);
    // Department colours come with the graph, by the report's rule, for every department the viewer sees.
    const depts = [...new Set(g.nodes.map((n: { department: string }) => n.department || '(none)'))] as string[];
    expect(g.departmentColours).toEqual(departmentColours(depts));
    for (const [method, path, body] of [
      ['POST', `/api/schools/${ids.school_one}/waves`, { label: 'v' }],
      ['DELETE', `/api/waves/${ids.wave_one}`],
      ['POST', `/api/waves/${ids.wave_one}/uploads`, new FormData()],
      ['GET', `/api/waves/${ids.wave_one}/files`],
      ['GET', `/api/waves/${ids.wave_one}/files/any`],
      ['GET', `/api/waves/${ids.wave_one}/review`],
      ['GET', `/api/schools/${ids.school_one}/export.zip`],
      ['PATCH', `/api/schools/${ids.school_one}`, { name: 'Renamed' }],
      ['GET', '/api/accounts'],
      ['POST', '/api/schools', { slug: 'x', name: 'x' }],
      ['GET', '/api/audit'],
    ] as Array<[string, string, unknown?]>) {
      expect((await v.req(method, path, body)).status, `${method} ${path}`).toBe(403);
    }
  });

  it("a viewer's leadership analytics carry no names, roster ids or roles, and small groups stay hidden", async () => {
    const named = (await as.analyst1!.get(`/api/waves/${ids.wave_one}/leadership`)).json.leadership;
    expect(JSON.stringify(named)).toMatch(/Teacher Number1/);
    const l = (await as.viewer1!.get(`/api/waves/${ids.wave_one}/leadership`)).json.leadership;
    const text = JSON.stringify(l);
    expect(text).not.toMatch(/Teacher Number|"T\d+"|principal|"Art"[^}]*"size":2|has 2 people/);
    expect(l.brokerage.people.filter((p: { group: string }) => p.group === 'Art')).toEqual([]);
    expect(text).toMatch(/"P-[0-9A-F]{4,}"/);
    const pooled = l.groups.ei[l.groups.ei.length - 1];
    const art = pooled.groups.find((g: { group: string }) => g.group === 'Art');
    expect(art).toMatchObject({ size: null, ei: null, suppressed: true });
    expect(l.groups.mixing.groups.filter((g: { suppressed: boolean }) => g.suppressed)).toHaveLength(2);
  });

  it('pseudonyms are stable within a wave and differ between waves', async () => {
    const one = (await as.viewer1!.get(`/api/waves/${ids.wave_one}/analysis`)).json.analysis.people.map((p: { id: string }) => p.id);
    const again = (await as.viewer1!.get(`/api/waves/${ids.wave_one}/analysis`)).json.analysis.people.map((p: { id: string }) => p.id);
    expect(again).toEqual(one);
    const two = (await as.analyst2!.get(`/api/waves/${ids.wave_two}/analysis?anonymised=1`)).json.analysis.people.map(
      (p: { id: string }) => p.id,
    );
    expect(new Set([...one, ...two]).size).toBe(one.length + two.length);
  });

  it('an analyst uploads and sees names for assigned schools but cannot administer', async () => {
    const a = as.analyst1!;
    expect((await a.get(`/api/waves/${ids.wave_one}/analysis`)).json.analysis.disclosure).toBe('named');
    const w = (await a.post(`/api/schools/${ids.school_one}/waves`, { label: 'analyst wave' })).json.wave.id;
    expect((await a.upload(w, { roster: rosterCsv(), ties: tiesCsv() })).job.status).toBe('succeeded');
    for (const [method, path, body] of [
      ['GET', '/api/accounts'],
      ['POST', '/api/schools', { slug: 'y', name: 'y' }],
      ['DELETE', `/api/schools/${ids.school_one}`],
      ['PATCH', `/api/schools/${ids.school_one}`, { name: 'Renamed' }],
      ['GET', '/api/audit'],
      ['GET', '/api/audit?action=upload'],
    ] as Array<[string, string, unknown?]>) {
      expect((await a.req(method, path, body)).status, `${method} ${path}`).toBe(403);
    }
  });

  it('another account cannot read an ingest job (its problems may quote file contents)', async () => {
    expect((await as.viewer1!.get(`/api/jobs/${ids.job_one}`)).status).toBe(404);
    expect((await as.analyst1!.get(`/api/jobs/${ids.job_one}`)).status).toBe(404);
    expect((await as.admin!.get(`/api/jobs/${ids.job_one}`)).status).toBe(200);
  });

  it('admins manage accounts: one-time passwords, role changes end sessions', async () => {
    const created = await as.admin!.post('/api/accounts', { username: 'newbie', role: 'viewer', schoolIds: [ids.school_one] });
    expect(created.json.oneTimePassword).toMatch(/^[\w-]{20,}$/);
    const c = new Client(srv.url);
    await c.signIn('newbie', created.json.oneTimePassword);
    expect((await c.get('/api/schools')).json.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await c.post('/api/auth/password', { currentPassword: created.json.oneTimePassword, newPassword: 'short' })).status).toBe(400);
    expect(
      (await c.post('/api/auth/password', { currentPassword: created.json.oneTimePassword, newPassword: 'newbie-new-password' })).status,
    ).toBe(200);
    expect((await c.get('/api/schools')).status).toBe(200);
    await as.admin!.req('PATCH', `/api/accounts/${created.json.account.id}`, { role: 'analyst' });
    expect((await c.get('/api/schools')).status).toBe(401);
    expect((await as.admin!.post('/api/accounts', { username: 'bad', role: 'root' })).status).toBe(400);
    expect((await as.admin!.post('/api/accounts', { username: 'x', role: 'viewer', schoolIds: [ids.school_far] })).status).toBe(400);
    expect((await as.otheradmin!.req('PATCH', `/api/accounts/${created.json.account.id}`, { role: 'admin' })).status).toBe(404);
  });
});
