import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, Client, testServer, type TestServer } from './helpers/server.js';

let srv: TestServer;
beforeAll(async () => { process.env.LEADMAP_DEBUG = '1'; srv = await testServer(); });
afterAll(async () => { await srv.stop(); });

describe('server smoke', () => {
  it('signs in', async () => {
    const c = new Client(srv.url);
    await c.signIn('admin', ADMIN_PASSWORD);
    const r = await c.get('/api/schools');
    expect(r.status).toBe(200);
  });
});
