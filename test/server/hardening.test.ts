import { readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/server/auth/passwords.js';
import { startServer } from '../../src/server/main.js';
import { silentLogger } from '../../src/server/log.js';
import { ADMIN_PASSWORD, Client, testServer, type TestServer } from './helpers/server.js';
import { rosterCsv, tiesCsv } from './fixtures.js';

let srv: TestServer | null = null;
afterEach(async () => {
  await srv?.stop();
  srv = null;
});

async function adminWithWave(s: TestServer): Promise<{ admin: Client; schoolId: string; waveId: string }> {
  const admin = new Client(s.url);
  await admin.signIn('admin', ADMIN_PASSWORD);
  const schoolId = (await admin.post('/api/schools', { slug: 'south', name: 'South High' })).json.school.id;
  const waveId = (await admin.post(`/api/schools/${schoolId}/waves`, { label: '2025' })).json.wave.id;
  return { admin, schoolId, waveId };
}

/** Files under files/<school>/<wave>/ in the data directory. */
function storedFiles(s: TestServer, schoolId: string, waveId: string): string[] {
  const dir = join(s.dataDir, 'files', schoolId, waveId);
  return existsSync(dir) ? readdirSync(dir) : [];
}

describe('smaller findings (finding 9)', () => {
  it('a second server refuses a data directory in use, and leaves the first one’s uploads in progress alone', async () => {
    srv = await testServer();
    const inProgress = join(srv.dataDir, 'tmp', 'upload-in-progress');
    writeFileSync(inProgress, 'half an upload');
    await expect(
      startServer({ dataDir: srv.dataDir, port: 0, adminPassword: ADMIN_PASSWORD, demoDir: null, log: silentLogger }),
    ).rejects.toMatchObject({ code: 'DATA_DIR_IN_USE' });
    expect(existsSync(inProgress)).toBe(true);
    expect((await fetch(`${srv.url}/api/health`)).status).toBe(200);
  });

  it('removes a replaced upload’s files at once, not at the next start', async () => {
    srv = await testServer();
    const { admin, schoolId, waveId } = await adminWithWave(srv);
    await admin.upload(waveId, { roster: rosterCsv(), ties: tiesCsv() });
    const first = storedFiles(srv, schoolId, waveId);
    expect(first).toHaveLength(2);
    await admin.upload(waveId, { roster: rosterCsv(12), ties: tiesCsv(12) + 'T3,T4,advice,curriculum,2\n' });
    const second = storedFiles(srv, schoolId, waveId);
    expect(second).toHaveLength(2);
    expect(second.filter((f) => first.includes(f))).toEqual([]);
  });

  it('deleting a wave while its upload is processed cancels the upload and answers 409', async () => {
    srv = await testServer();
    const { admin, waveId } = await adminWithWave(srv);
    const form = new FormData();
    form.append('roster', new Blob([rosterCsv(3000)]), 'roster.csv');
    let ties = 'source,target,relation,domain,weight\n';
    for (let i = 0; i < 60_000; i++) ties += `T${1 + (i % 3000)},T${1 + ((i * 7) % 2999)},advice,curriculum,1\n`;
    form.append('ties', new Blob([ties]), 'ties.csv');
    const up = await admin.post(`/api/waves/${waveId}/uploads`, form);
    expect(up.status).toBe(202);
    const del = await admin.del(`/api/waves/${waveId}`);
    expect(del.status).toBe(409);
    expect(del.json.error.code).toBe('WAVE_BUSY');
    const job = await admin.waitJob(up.json.job.id);
    expect(job.status).toBe('failed');
    expect(job.error.code).toBe('CANCELLED');
    expect((await admin.del(`/api/waves/${waveId}`)).status).toBe(200);
  });

  it('deleting a school while one of its uploads is processed cancels the upload and answers 409', async () => {
    srv = await testServer();
    const { admin, schoolId, waveId } = await adminWithWave(srv);
    const form = new FormData();
    form.append('roster', new Blob([rosterCsv(3000)]), 'roster.csv');
    let ties = 'source,target,relation,domain,weight\n';
    for (let i = 0; i < 60_000; i++) ties += `T${1 + (i % 3000)},T${1 + ((i * 7) % 2999)},advice,curriculum,1\n`;
    form.append('ties', new Blob([ties]), 'ties.csv');
    const up = await admin.post(`/api/waves/${waveId}/uploads`, form);
    expect(up.status).toBe(202);
    const del = await admin.del(`/api/schools/${schoolId}`);
    expect(del.status).toBe(409);
    expect(del.json.error.code).toBe('SCHOOL_BUSY');
    const job = await admin.waitJob(up.json.job.id);
    expect(job.status).toBe('failed');
    expect(job.error.code).toBe('CANCELLED');
    expect((await admin.del(`/api/schools/${schoolId}`)).status).toBe(200);
    expect((await admin.get(`/api/waves/${waveId}`)).status).toBe(404);
  });

  it('a full disk answers writes with 507 and a clear message, while reads and sign-in keep working', async () => {
    srv = await testServer({ options: { sessionIdleMs: 1000 } });
    const { admin, waveId } = await adminWithWave(srv);
    await admin.upload(waveId, { roster: rosterCsv(), ties: tiesCsv() });
    const full = (): Promise<never> => Promise.reject(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }));
    const store = srv.store as unknown as Record<string, unknown>;
    for (const m of [
      'createSchool',
      'createWave',
      'createSession',
      'touchSession',
      'deleteSession',
      'appendAudit',
      'putCachedAnalysis',
      'replaceWaveData',
    ])
      store[m] = full;
    const write = await admin.post('/api/schools', { slug: 'more', name: 'More' });
    expect(write.status).toBe(507);
    expect(write.json.error.code).toBe('STORAGE_FULL');
    expect(write.json.error.message).toMatch(/disk is full/);
    await new Promise((r) => setTimeout(r, 150)); // past the touch interval: reads now try to touch the session
    expect((await admin.get('/api/schools')).status).toBe(200);
    expect((await admin.get(`/api/waves/${waveId}/analysis`)).status).toBe(200);
    const fresh = new Client(srv.url);
    await fresh.signIn('admin', ADMIN_PASSWORD);
    expect((await fresh.get('/api/schools')).status).toBe(200);
  });

  it('user names of another organisation cannot be told apart from other refused names', async () => {
    srv = await testServer();
    const other = await srv.store.ensureOrganisation('Other district');
    await srv.store.createAccount(other.id, 'far-admin', 'admin', await hashPassword('a-long-enough-password'), [], false);
    const admin = new Client(srv.url);
    await admin.signIn('admin', ADMIN_PASSWORD);
    const mine = await admin.post('/api/accounts', { username: 'near-analyst', role: 'analyst', schoolIds: [] });
    expect(mine.status).toBe(201);
    const ownDuplicate = await admin.post('/api/accounts', { username: 'near-analyst', role: 'analyst', schoolIds: [] });
    const foreign = await admin.post('/api/accounts', { username: 'far-admin', role: 'analyst', schoolIds: [] });
    expect(foreign.status).toBe(ownDuplicate.status);
    expect(foreign.json).toEqual(ownDuplicate.json);
    expect(foreign.text).not.toMatch(/taken|exists|organisation/i);
  });

  it('views of the review list and of stored files are audited', async () => {
    srv = await testServer();
    const { admin, waveId } = await adminWithWave(srv);
    await admin.upload(waveId, { roster: rosterCsv(), ties: tiesCsv() });
    expect((await admin.get(`/api/waves/${waveId}/files`)).status).toBe(200);
    expect((await admin.get(`/api/waves/${waveId}/review`)).status).toBe(200);
    const entries = (await admin.get('/api/audit')).json.entries as Array<{ action: string; target: string; detail: string | null }>;
    const views = entries.filter((e) => e.action === 'view' && e.target === `wave:${waveId}`).map((e) => e.detail);
    expect(views).toContain('stored files');
    expect(views).toContain('review list');
  });
});
