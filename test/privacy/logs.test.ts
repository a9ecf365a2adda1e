import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonLogger } from '../../src/server/log.js';
import { ADMIN_PASSWORD, Client, testServer, type TestServer } from '../server/helpers/server.js';
import { rosterCsv, tiesCsv } from '../server/fixtures.js';

const lines: string[] = [];
let srv: TestServer;
beforeAll(async () => {
  srv = await testServer({ log: jsonLogger((l) => lines.push(l)) });
});
afterAll(async () => {
  await srv.stop();
});

describe('logs', () => {
  it('never contain names, user names, file contents or survey answers', async () => {
    const c = new Client(srv.url);
    await c.signIn('admin', ADMIN_PASSWORD);
    await c.post('/api/auth/sign-in', { username: 'Secret Username', password: 'wrong-password-x' });
    const s = (await c.post('/api/schools', { slug: 'log', name: 'Log School' })).json.school.id;
    const w = (await c.post(`/api/schools/${s}/waves`, { label: 'w' })).json.wave.id;
    expect((await c.upload(w, { roster: rosterCsv(), ties: tiesCsv() })).job.status).toBe('succeeded');
    const bad = tiesCsv() + 'T2,Jane Unknown-Person,advice,curriculum,often\n';
    expect((await c.upload(w, { roster: rosterCsv(), ties: bad })).job.status).toBe('failed');
    await c.get(`/api/waves/${w}/analysis`);
    expect(lines.some((l) => l.includes('ingest_done'))).toBe(true);
    const all = lines.join('\n');
    for (const secret of ['Teacher Number', 'Secret Username', 'Jane', 'often', 'Maths', ADMIN_PASSWORD, 'admin"'])
      expect(all).not.toContain(secret);
  });
});
