import { afterEach, describe, expect, it } from 'vitest';
import { FREE_FAILURES, MAX_DELAY_MS } from '../../src/server/auth/rate-limit.js';
import { checkPasswordRules } from '../../src/server/auth/passwords.js';
import { ADMIN_PASSWORD, Client, testServer, type TestServer } from './helpers/server.js';

let srv: TestServer | null = null;
afterEach(async () => {
  await srv?.stop();
  srv = null;
});

const signIn = (url: string, username: string, password: string): Promise<Response> =>
  fetch(`${url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });

/** Checks the design allows in `elapsedMs`: FREE_FAILURES + 1 at once, then one per delay window (1 s, 2 s, 4 s …). */
function allowedChecks(elapsedMs: number): number {
  let n = FREE_FAILURES + 1;
  for (let k = 0, spent = 0; (spent += Math.min(1000 * 2 ** k, MAX_DELAY_MS)) <= elapsedMs; k++) n++;
  return n;
}

function tally(statuses: number[]): Record<number, number> {
  const out: Record<number, number> = {};
  for (const s of statuses) out[s] = (out[s] ?? 0) + 1;
  return out;
}

describe('password-guess throttling under parallel requests (finding 1)', () => {
  it('150 parallel sign-in guesses: a handful are checked, the rest get 429', async () => {
    srv = await testServer();
    const url = srv.url;
    const guesses = Array.from({ length: 150 }, (_, i) => (i === 149 ? ADMIN_PASSWORD : `wrong-guess-number-${i}`));
    const started = Date.now();
    const statuses = await Promise.all(guesses.map(async (pw) => (await signIn(url, 'admin', pw)).status));
    const allowed = allowedChecks(Date.now() - started);
    const t = tally(statuses);
    expect((t[401] ?? 0) + (t[200] ?? 0), JSON.stringify(t)).toBeLessThanOrEqual(allowed);
    expect(t[429] ?? 0, JSON.stringify(t)).toBeGreaterThanOrEqual(150 - allowed);
  });

  it('60 parallel change-password guesses are throttled the same way', async () => {
    srv = await testServer();
    const c = new Client(srv.url);
    await c.signIn('admin', ADMIN_PASSWORD);
    const started = Date.now();
    const statuses = await Promise.all(
      Array.from(
        { length: 60 },
        async (_, i) =>
          (await c.post('/api/auth/password', { currentPassword: `wrong-current-${i}`, newPassword: 'a brand new passphrase' })).status,
      ),
    );
    const allowed = allowedChecks(Date.now() - started);
    const t = tally(statuses);
    expect(t[401] ?? 0, JSON.stringify(t)).toBeLessThanOrEqual(allowed);
    expect(t[429] ?? 0, JSON.stringify(t)).toBeGreaterThanOrEqual(60 - allowed);
  });
});

describe('no lockout of a school behind one address (finding 6)', () => {
  it('40 failures over many names from one address still let the right password in, and success resets the account', async () => {
    srv = await testServer();
    const url = srv.url;
    // 40 failures (the old per-address counter blocked everyone from the 31st on), 8 at a time.
    for (let batch = 0; batch < 5; batch++) {
      const statuses = await Promise.all(
        Array.from({ length: 8 }, async (_, i) => (await signIn(url, `teacher-${batch * 8 + i}`, 'mistyped-password')).status),
      );
      expect(statuses).toEqual(Array(8).fill(401));
    }
    expect((await signIn(url, 'admin', ADMIN_PASSWORD)).status).toBe(200);
    // A user's own typos: free ones, then the right password resets the count.
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < FREE_FAILURES - 1; i++) expect((await signIn(url, 'admin', 'typo-in-the-password')).status).toBe(401);
      expect((await signIn(url, 'admin', ADMIN_PASSWORD)).status).toBe(200);
    }
  }, 300_000);
});

describe('password rules (finding 8)', () => {
  it('refuses short, all-whitespace and common passwords; accepts a passphrase', () => {
    expect(checkPasswordRules(' '.repeat(10))).toMatch(/12 characters/);
    expect(checkPasswordRules(' '.repeat(30))).toMatch(/12 characters/);
    expect(checkPasswordRules('  abcdefghij  ')).not.toBeNull();
    for (const common of [
      'password1234',
      'Password!2024',
      'monkeymonkey',
      '123456789012',
      'qwertyuiopas',
      'aaaaaaaaaaaaa',
      'iloveyou2026!!',
    ])
      expect(checkPasswordRules(common), common).toMatch(/too common/);
    expect(checkPasswordRules('the staff room kettle')).toBeNull();
    expect(checkPasswordRules('x'.repeat(201))).toMatch(/200/);
  });

  it('over HTTP: ten spaces are refused and a one-time password cannot be "changed" to itself', async () => {
    srv = await testServer();
    const admin = new Client(srv.url);
    await admin.signIn('admin', ADMIN_PASSWORD);
    const created = await admin.post('/api/accounts', { username: 'newbie', role: 'analyst', schoolIds: [] });
    expect(created.status).toBe(201);
    const otp = created.json.oneTimePassword as string;
    const c = new Client(srv.url);
    await c.signIn('newbie', otp);
    const spaces = await c.post('/api/auth/password', { currentPassword: otp, newPassword: ' '.repeat(10) });
    expect(spaces.status).toBe(400);
    expect(spaces.json.error.code).toBe('VALIDATION');
    const same = await c.post('/api/auth/password', { currentPassword: otp, newPassword: otp });
    expect(same.status).toBe(400);
    expect(same.json.error.message).toMatch(/differ/);
    expect((await c.get('/api/auth/me')).json.account.mustChangePassword).toBe(true);
    expect((await admin.post('/api/accounts', { username: 'weak', role: 'viewer', schoolIds: [], password: 'password1234' })).status).toBe(
      400,
    );
  });

  it('LEADMAP_ADMIN_PASSWORD is held to the same rules', async () => {
    await expect(testServer({ adminPassword: 'abc' })).rejects.toMatchObject({ code: 'BAD_ARGUMENT' });
    await expect(testServer({ adminPassword: '          ' })).rejects.toMatchObject({ code: 'BAD_ARGUMENT' });
  });
});
