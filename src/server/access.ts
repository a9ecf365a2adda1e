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
 * The one school of a district record this account sees (the value of the roster's `school` column),
 * or null when it sees the whole record. Admins always see whole records.
 */
export function unitOf(account: Account, schoolId: string): string | null {
  if (account.role === 'admin' || !Object.hasOwn(account.units, schoolId)) return null;
  return account.units[schoolId]!;
}

/**
 * Whether a route serves accounts that see one school of a district record. Refused by default: only
 * the views computed on that school's own data (analysis, network, leadership, indicators, report,
 * comparison) and the record's and its waves' descriptions allow it. Everything else of the record —
 * uploads, review, stored files, roster, mapping, survey files, the district view, the zip — holds
 * other schools' staff.
 */
export type ScopePolicy = 'refuse-scoped' | 'allow-scoped';

function refuseScoped(account: Account, school: School, policy: ScopePolicy): string | null {
  const unit = unitOf(account, school.id);
  if (unit !== null && policy === 'refuse-scoped')
    throw new LeadmapError('FORBIDDEN', `this account sees one school of this district record (${unit}); this needs the whole record`);
  return unit;
}

/**
 * The school, if it exists AND the account may see it. A school of another
 * tenant answers exactly like a missing one (404), so ids cannot be probed.
 * `unit`: the one school of the record the account sees (unitOf), or null.
 */
export async function schoolFor(
  store: Store,
  req: Request,
  schoolId: unknown,
  policy: ScopePolicy = 'refuse-scoped',
): Promise<School & { unit: string | null }> {
  const account = accountOf(req);
  const school = typeof schoolId === 'string' && schoolId.length <= 64 ? await store.getSchool(schoolId) : null;
  if (!school || !canSeeSchool(account, school)) throw new LeadmapError('NOT_FOUND', 'no such school');
  return { ...school, unit: refuseScoped(account, school, policy) };
}

/** The wave and its school, if the account may see them (as schoolFor); `unit` as there. */
export async function waveFor(
  store: Store,
  req: Request,
  waveId: unknown,
  policy: ScopePolicy = 'refuse-scoped',
): Promise<{ wave: WaveRecord; school: School; unit: string | null }> {
  const wave = typeof waveId === 'string' && waveId.length <= 64 ? await store.getWave(waveId) : null;
  if (!wave) throw new LeadmapError('NOT_FOUND', 'no such wave');
  const school = await store.getSchool(wave.schoolId);
  const account = accountOf(req);
  if (!school || !canSeeSchool(account, school)) throw new LeadmapError('NOT_FOUND', 'no such wave');
  return { wave, school, unit: refuseScoped(account, school, policy) };
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
