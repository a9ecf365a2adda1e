import type { Request, RequestHandler } from 'express';
import { LeadmapError } from '../model/errors.js';
import type { Account, Role, School, Store, WaveRecord } from '../store/store.js';

/** The signed-in account, or a 401. */
export function accountOf(req: Request): Account {
  if (!req.account) throw new LeadmapError('UNAUTHENTICATED', 'sign in first');
  return req.account;
}

/** Signed in, and — for an account still on a one-time password — only after choosing a new one. */
export function requireSignIn(): RequestHandler {
  return (req, _res, next) => {
    const a = req.account;
    if (!a) {
      next(new LeadmapError('UNAUTHENTICATED', 'sign in first'));
      return;
    }
    if (a.mustChangePassword) {
      next(new LeadmapError('PASSWORD_CHANGE_REQUIRED', 'choose a new password first (POST /api/auth/password)'));
      return;
    }
    next();
  };
}

export function requireRole(...roles: Role[]): RequestHandler {
  return (req, _res, next) => {
    const a = req.account;
    if (!a) {
      next(new LeadmapError('UNAUTHENTICATED', 'sign in first'));
      return;
    }
    if (!roles.includes(a.role)) {
      next(new LeadmapError('FORBIDDEN', `this needs the ${roles.join(' or ')} role`));
      return;
    }
    next();
  };
}

/** May this account see this school? Admins: every school of their organisation; others: assigned schools. */
export function canSeeSchool(account: Account, school: School): boolean {
  if (school.organisationId !== account.organisationId) return false;
  return account.role === 'admin' || account.schoolIds.includes(school.id);
}

/**
 * The school, if it exists AND the account may see it. A school of another
 * tenant answers exactly like a missing one (404), so ids cannot be probed.
 */
export async function schoolFor(store: Store, req: Request, schoolId: unknown): Promise<School> {
  const account = accountOf(req);
  const school = typeof schoolId === 'string' && schoolId.length <= 64 ? await store.getSchool(schoolId) : null;
  if (!school || !canSeeSchool(account, school)) throw new LeadmapError('NOT_FOUND', 'no such school');
  return school;
}

export async function waveFor(store: Store, req: Request, waveId: unknown): Promise<{ wave: WaveRecord; school: School }> {
  const wave = typeof waveId === 'string' && waveId.length <= 64 ? await store.getWave(waveId) : null;
  if (!wave) throw new LeadmapError('NOT_FOUND', 'no such wave');
  const school = await store.getSchool(wave.schoolId);
  if (!school || !canSeeSchool(accountOf(req), school)) throw new LeadmapError('NOT_FOUND', 'no such wave');
  return { wave, school };
}

/** Named (identifiable) results: admins and analysts. Viewers get pseudonymised, aggregated results only. */
export function seesNames(account: Account): boolean {
  return account.role === 'admin' || account.role === 'analyst';
}

export function requireWriter(req: Request): Account {
  const a = accountOf(req);
  if (a.role === 'viewer') throw new LeadmapError('FORBIDDEN', 'viewers cannot change data');
  return a;
}
