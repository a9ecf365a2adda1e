import { createHash, randomBytes } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import type { Account, SessionRecord, Store } from '../../store/store.js';
import { isDiskFull } from '../errors.js';

export const SESSION_COOKIE = 'leadmap_sid';
/** Touch the stored last-seen time at most this often (fewer writes on the read path); a tenth of the idle timeout at most. */
const TOUCH_EVERY_MS = 60_000;

export interface SessionTimeouts {
  idleMs: number;
  absoluteMs: number;
}

/** The cookie holds a random 256-bit token; the store keeps only its SHA-256, so a database copy cannot be replayed. */
export function sessionKey(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i <= 0) continue;
    out.set(part.slice(0, i).trim(), part.slice(i + 1).trim());
  }
  return out;
}

/** Reads the session cookie; sets req.account when the session is valid (not idle, not too old). */
export function sessionMiddleware(store: Store, t: SessionTimeouts): RequestHandler {
  return async (req, res, next) => {
    const token = parseCookies(req.headers.cookie).get(SESSION_COOKIE);
    if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) {
      next();
      return;
    }
    const key = sessionKey(token);
    const s = (await store.getSession(key)) ?? unsaved.get(key) ?? null;
    const now = Date.now();
    if (!s || now - s.lastSeenAt > t.idleMs || now - s.createdAt > t.absoluteMs) {
      if (s) await forget(store, key);
      clearSessionCookie(req, res);
      next();
      return;
    }
    const account = await store.getAccount(s.accountId);
    if (!account) {
      clearSessionCookie(req, res);
      next();
      return;
    }
    if (now - s.lastSeenAt > Math.min(TOUCH_EVERY_MS, t.idleMs / 10)) {
      const held = unsaved.get(key);
      if (held) held.lastSeenAt = now;
      // Best effort: a full disk must not stop reading.
      else await store.touchSession(key, now).catch((err: unknown) => ignoreDiskFull(err));
    }
    req.account = account;
    req.sessionKey = key;
    next();
  };
}

/** Starts a fresh session (a new id every sign-in: no session fixation); the old one, if any, is deleted. */
export async function startSession(store: Store, req: Request, res: Response, account: Account, t: SessionTimeouts): Promise<void> {
  if (req.sessionKey) await forget(store, req.sessionKey);
  const token = randomBytes(32).toString('base64url');
  const now = Date.now();
  const session = { id: sessionKey(token), accountId: account.id, createdAt: now, lastSeenAt: now };
  try {
    await store.createSession(session);
  } catch (err) {
    // Disk full: the session is held in memory (until a restart), so signing in keeps working.
    ignoreDiskFull(err);
    if (unsaved.size >= MAX_UNSAVED) unsaved.delete(unsaved.keys().next().value!);
    unsaved.set(session.id, session);
  }
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: req.secure,
    path: '/',
    maxAge: t.absoluteMs,
  });
}

/** Sessions that could not be stored because the disk was full. */
const unsaved = new Map<string, SessionRecord>();
const MAX_UNSAVED = 10_000;

/** Ends a session, stored or held in memory. */
export async function forget(store: Store, key: string): Promise<void> {
  unsaved.delete(key);
  await store.deleteSession(key).catch((err: unknown) => ignoreDiskFull(err));
}

function ignoreDiskFull(err: unknown): void {
  if (!isDiskFull(err)) throw err;
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/' });
}
