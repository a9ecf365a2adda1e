import { Router, type Request } from 'express';
import { LeadmapError } from '../../model/errors.js';
import { burnPasswordCheck, checkPasswordRules, hashPassword, verifyPassword } from '../auth/passwords.js';
import { LoginThrottle, type Reservation } from '../auth/rate-limit.js';
import { clearSessionCookie, forget, startSession } from '../auth/sessions.js';
import { accountOf } from '../access.js';
import type { AppDeps } from '../context.js';
import { publicAccount } from './views.js';

export function authRoutes(deps: AppDeps, throttle = new LoginThrottle()): Router {
  const r = Router();
  const timeouts = { idleMs: deps.options.sessionIdleMs, absoluteMs: deps.options.sessionAbsoluteMs };

  r.post('/api/auth/sign-in', async (req, res) => {
    const { username, password } = (req.body ?? {}) as { username?: unknown; password?: unknown };
    if (
      typeof username !== 'string' ||
      typeof password !== 'string' ||
      username.length === 0 ||
      username.length > 100 ||
      password.length > 200
    ) {
      throw new LeadmapError('BAD_REQUEST', 'send {"username": "...", "password": "..."}');
    }
    const attempt = reserveAttempt(throttle, username, clientAddress(req));
    const found = await settle(attempt, deps.store.findAccountSecret(username));
    const ok = await settle(attempt, found ? verifyPassword(password, found.passwordHash) : burnPasswordCheck(password).then(() => false));
    if (ok) attempt.succeeded();
    else attempt.failed();
    if (!ok || !found) {
      deps.audit.record({
        organisationId: found?.account.organisationId ?? null,
        accountId: found?.account.id ?? null,
        action: 'sign-in-failed',
        target: 'account',
        detail: null,
      });
      throw new LeadmapError('BAD_CREDENTIALS', 'user name or password is wrong');
    }
    await startSession(deps.store, req, res, found.account, timeouts);
    deps.audit.record({
      organisationId: found.account.organisationId,
      accountId: found.account.id,
      action: 'sign-in',
      target: `account:${found.account.id}`,
      detail: null,
    });
    res.json({ account: publicAccount(found.account) });
  });

  r.post('/api/auth/sign-out', async (req, res) => {
    if (req.sessionKey) await forget(deps.store, req.sessionKey);
    clearSessionCookie(req, res);
    res.json({ ok: true });
  });

  /** The signed-in account, or {account: null} (not an error: the web app asks before signing in). */
  r.get('/api/auth/me', (req, res) => {
    res.json({ account: req.account ? publicAccount(req.account) : null });
  });

  r.post('/api/auth/password', async (req, res) => {
    const account = accountOf(req);
    const { currentPassword, newPassword } = (req.body ?? {}) as { currentPassword?: unknown; newPassword?: unknown };
    if (typeof currentPassword !== 'string') throw new LeadmapError('BAD_REQUEST', 'send currentPassword and newPassword');
    if (currentPassword.length > 200) throw new LeadmapError('BAD_REQUEST', 'the current password is too long');
    const rule = checkPasswordRules(newPassword);
    if (rule) throw new LeadmapError('VALIDATION', rule);
    const attempt = reserveAttempt(throttle, account.username, clientAddress(req));
    const secret = await settle(attempt, deps.store.findAccountSecret(account.username));
    const ok = secret !== null && (await settle(attempt, verifyPassword(currentPassword, secret.passwordHash)));
    if (ok) attempt.succeeded();
    else attempt.failed();
    if (!ok || !secret) throw new LeadmapError('BAD_CREDENTIALS', 'the current password is wrong');
    if ((newPassword as string).trim() === currentPassword.trim() || (await verifyPassword(newPassword as string, secret.passwordHash)))
      throw new LeadmapError('VALIDATION', 'the new password must differ from the current one');
    await deps.store.updateAccount(account.id, { passwordHash: await hashPassword(newPassword as string), mustChangePassword: false });
    await deps.store.deleteSessionsOf(account.id);
    const fresh = (await deps.store.getAccount(account.id))!;
    req.sessionKey = undefined;
    await startSession(deps.store, req, res, fresh, timeouts);
    deps.audit.record({
      organisationId: account.organisationId,
      accountId: account.id,
      action: 'password-changed',
      target: `account:${account.id}`,
      detail: null,
    });
    res.json({ account: publicAccount(fresh) });
  });
  return r;
}

/** Takes a password attempt from the throttle before any hash is computed, or answers 429. */
function reserveAttempt(throttle: LoginThrottle, username: string, address: string): Reservation {
  const r = throttle.reserve(username, address);
  if (!r.ok) {
    const seconds = Math.max(1, Math.ceil(r.waitMs / 1000));
    throw new LeadmapError('RATE_LIMITED', `too many password attempts; try again in ${seconds} s`, { retryAfterSeconds: seconds });
  }
  return r.reservation;
}

/** Awaits a step of a password check; if it throws, the attempt counts as failed. */
async function settle<T>(attempt: Reservation, step: Promise<T>): Promise<T> {
  try {
    return await step;
  } catch (err) {
    attempt.failed();
    throw err;
  }
}

function clientAddress(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}
