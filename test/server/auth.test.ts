import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginThrottle, FREE_FAILURES, MAX_DELAY_MS } from '../../src/server/auth/rate-limit.js';
import { hashPassword, verifyPassword, SCRYPT } from '../../src/server/auth/passwords.js';
import { ADMIN_PASSWORD, Client, testServer, type TestServer } from './helpers/server.js';

let srv: TestServer;
beforeAll(async () => {
  srv = await testServer({ options: { sessionIdleMs: 400 } });
});
afterAll(async () => {
  await srv.stop();
});

describe('passwords', () => {
  it('are hashed with scrypt N=2^15, r=8, p=1 and a random salt', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(new RegExp(`^scrypt\\$${SCRYPT.logN}\\$8\\$1\\$`));
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
    expect(await verifyPassword('x', 'garbage')).toBe(false);
  });
});

describe('sessions', () => {
  it('cookie is HttpOnly and SameSite=Lax, not Secure over plain HTTP, and rotated at every sign-in', async () => {
    const r1 = await fetch(`${srv.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    });
    const c1 = r1.headers.getSetCookie()[0]!;
    expect(c1).toMatch(/^leadmap_sid=[\w-]{43};/);
    expect(c1).toMatch(/HttpOnly/);
    expect(c1).toMatch(/SameSite=Lax/);
    expect(c1).not.toMatch(/Secure/);
    const token1 = c1.split(';')[0]!;
    const r2 = await fetch(`${srv.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: token1 },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    });
    const token2 = r2.headers.getSetCookie()[0]!.split(';')[0]!;
    expect(token2).not.toBe(token1);
    expect((await fetch(`${srv.url}/api/schools`, { headers: { cookie: token1 } })).status).toBe(401);
    expect((await fetch(`${srv.url}/api/schools`, { headers: { cookie: token2 } })).status).toBe(200);
  });

  it('expires after the idle timeout and on sign-out', async () => {
    const c = new Client(srv.url);
    await c.signIn('admin', ADMIN_PASSWORD);
    expect((await c.get('/api/schools')).status).toBe(200);
    await new Promise((r) => setTimeout(r, 700));
    expect((await c.get('/api/schools')).status).toBe(401);
    await c.signIn('admin', ADMIN_PASSWORD);
    const saved = c.cookie;
    await c.post('/api/auth/sign-out');
    c.cookie = saved;
    expect((await c.get('/api/schools')).status).toBe(401);
  });

  it('sets Secure behind a trusted TLS proxy', async () => {
    const tls = await testServer({ options: { trustProxy: 1 } });
    try {
      const r = await fetch(`${tls.url}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
        body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
      });
      expect(r.headers.getSetCookie()[0]).toMatch(/; Secure/);
    } finally {
      await tls.stop();
    }
  });
});

describe('CSRF', () => {
  it('refuses writes from another origin or site and accepts same-origin ones', async () => {
    const c = new Client(srv.url);
    await c.signIn('admin', ADMIN_PASSWORD);
    const bad1 = await c.post('/api/schools', { slug: 'evil', name: 'Evil' }, { origin: 'http://evil.example' });
    expect(bad1.status).toBe(403);
    expect(bad1.json.error.code).toBe('CSRF');
    const bad2 = await c.post('/api/schools', { slug: 'evil', name: 'Evil' }, { 'sec-fetch-site': 'cross-site' });
    expect(bad2.json.error.code).toBe('CSRF');
    expect((await c.req('DELETE', '/api/schools/x', undefined, { 'sec-fetch-site': 'same-site' })).status).toBe(403);
    const ok = await c.post(
      '/api/schools',
      { slug: 'fine', name: 'Fine' },
      { origin: srv.url.replace('localhost', '127.0.0.1'), 'sec-fetch-site': 'same-origin' },
    );
    expect([201, 403]).toContain(ok.status);
    const same = await c.post(
      '/api/schools',
      { slug: 'fine2', name: 'Fine' },
      {
        origin:
          new URL(srv.url).origin.replace('localhost', '127.0.0.1') === new URL(srv.url).origin ? srv.url : `http://localhost:${srv.port}`,
        host: `localhost:${srv.port}`,
      },
    );
    expect(same.status).toBe(201);
    expect((await c.get('/api/schools')).json.schools.map((s: { slug: string }) => s.slug)).not.toContain('evil');
  });
});

describe('sign-in throttling', () => {
  it('slows repeated failures per account from any address, and a success resets the account', () => {
    let now = 1_000_000;
    const t = new LoginThrottle(() => now);
    const attempt = (name: string, address: string): number | 'ok' => {
      const r = t.reserve(name, address);
      if (!r.ok) return r.waitMs;
      r.reservation.failed();
      return 'ok';
    };
    for (let i = 0; i <= FREE_FAILURES; i++) expect(attempt('alice', `10.0.0.${i}`)).toBe('ok');
    // Counted per account: a fresh address does not help the guesser.
    expect(attempt('alice', '2.2.2.2')).toBe(1000);
    now += 1000;
    expect(attempt('Alice ', '2.2.2.2')).toBe('ok');
    expect(t.waitFor('alice', '3.3.3.3')).toBe(2000);
    for (let i = 0; i < 20; i++) {
      now += MAX_DELAY_MS;
      attempt('alice', '1.1.1.1');
    }
    expect(t.waitFor('alice', '1.1.1.1')).toBe(MAX_DELAY_MS);
    now += MAX_DELAY_MS;
    const r = t.reserve('alice', '1.1.1.1');
    expect(r.ok).toBe(true);
    if (r.ok) r.reservation.succeeded();
    expect(t.waitFor('alice', '1.1.1.1')).toBe(0);
    // Another account is never delayed by alice's failures.
    expect(t.waitFor('bob', '10.0.0.1')).toBe(0);
  });

  it('answers 429 with Retry-After over HTTP, and the same error for unknown users and wrong passwords', async () => {
    const c = new Client(srv.url);
    const unknown = await c.post('/api/auth/sign-in', { username: 'nobody', password: 'whatever-password' });
    const wrong = await c.post('/api/auth/sign-in', { username: 'admin', password: 'whatever-password' });
    expect(unknown.json).toEqual(wrong.json);
    // Parallel attempts count at once (a slow machine cannot let the 1 s delay pass between them).
    const burst = await Promise.all(
      Array.from({ length: FREE_FAILURES + 2 }, () => c.post('/api/auth/sign-in', { username: 'admin', password: 'whatever-password' })),
    );
    const last = burst.find((r) => r.status === 429)!;
    expect(last?.status).toBe(429);
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('HTTP hygiene', () => {
  it('sends a strict CSP and no stack traces or paths in errors', async () => {
    const r = await fetch(`${srv.url}/`);
    const csp = r.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(r.headers.get('x-powered-by')).toBeNull();
    const bad = await fetch(`${srv.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"username": ',
    });
    expect(bad.status).toBe(400);
    const text = await bad.text();
    expect(text).not.toMatch(/at \w|\/work\/|node_modules|\.ts:/);
    expect(JSON.parse(text).error.code).toBe('BAD_JSON');
  });
});
