import { Router } from 'express';
import { LeadmapError } from '../../model/errors.js';
import { ROLES, type AuditFilter, type Role } from '../../store/store.js';
import { checkPasswordRules, generatePassword, hashPassword } from '../auth/passwords.js';
import { accountOf, requireRole } from '../access.js';
import type { LoginThrottle } from '../auth/rate-limit.js';
import { AUDIT_ACTIONS } from '../../privacy/audit.js';
import type { AppDeps } from '../context.js';
import { stringList, text } from './validate.js';
import { publicAccount } from './views.js';

/** Account administration and the audit log: admins only, within their organisation. */
export function accountRoutes(deps: AppDeps, throttle: LoginThrottle): Router {
  const r = Router();
  const { store, audit } = deps;
  r.use('/api/accounts', requireRole('admin'));
  r.use('/api/audit', requireRole('admin'));

  const roleOf = (body: unknown): Role => {
    const role = (body as { role?: unknown })?.role;
    if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role))
      throw new LeadmapError('VALIDATION', `"role" must be one of ${ROLES.join(', ')}`);
    return role as Role;
  };
  const ownSchools = async (orgId: string, ids: string[] | undefined): Promise<string[] | undefined> => {
    if (ids === undefined) return undefined;
    const mine = new Set((await store.listSchools(orgId)).map((s) => s.id));
    const unknown = ids.filter((id) => !mine.has(id));
    if (unknown.length > 0) throw new LeadmapError('VALIDATION', `unknown school id(s): ${unknown.slice(0, 3).join(', ')}`);
    return ids;
  };

  /**
   * {"units": {"<school id>": "<school>"}}: for each district record among the account's schools, the one
   * school of it the account sees (the value of the roster's school column); the rest of the record is
   * closed to it. Not for administrators, who see whole records.
   */
  const unitsOf = (body: unknown, role: Role, schoolIds: string[]): Record<string, string> | undefined => {
    const v = (body as Record<string, unknown> | undefined)?.units;
    if (v === undefined) return undefined;
    if (typeof v !== 'object' || v === null || Array.isArray(v))
      throw new LeadmapError('VALIDATION', '"units" must be an object: school id → the one school of that district record');
    const entries = Object.entries(v as Record<string, unknown>);
    if (entries.length > 0 && role === 'admin')
      throw new LeadmapError('VALIDATION', 'administrators see whole records; "units" is for analysts and viewers');
    for (const [id, unit] of entries) {
      if (!schoolIds.includes(id))
        throw new LeadmapError('VALIDATION', `"units" names school id ${id.slice(0, 64)}, which is not among the account's schools`);
      if (typeof unit !== 'string' || unit.trim() === '' || unit.length > 120 || /[<>]/.test(unit))
        throw new LeadmapError('VALIDATION', `"units" of ${id.slice(0, 64)} must be a school's name (1–120 characters, no < or >)`);
    }
    return Object.fromEntries(entries.map(([id, unit]) => [id, (unit as string).trim()]));
  };

  r.get('/api/accounts', async (req, res) => {
    res.json({ accounts: (await store.listAccounts(accountOf(req).organisationId)).map(publicAccount) });
  });

  /** Creates an account; without "password" a one-time password is generated and returned once. */
  r.post('/api/accounts', async (req, res) => {
    const admin = accountOf(req);
    const username = text(req.body, 'username', 64);
    const role = roleOf(req.body);
    const schoolIds = (await ownSchools(admin.organisationId, stringList(req.body, 'schoolIds'))) ?? [];
    const units = unitsOf(req.body, role, schoolIds) ?? {};
    const given = (req.body as { password?: unknown }).password;
    const password = given === undefined ? generatePassword() : given;
    const rule = checkPasswordRules(password);
    if (rule) throw new LeadmapError('VALIDATION', rule);
    // User names are unique across organisations. A refusal says only "cannot be used" (never whose
    // it is), and refusals count against the admin like failed sign-ins, so names cannot be probed in bulk.
    const attempt = throttle.reserve(`account-create\u0000${admin.id}`, req.ip ?? 'unknown');
    if (!attempt.ok) {
      const seconds = Math.max(1, Math.ceil(attempt.waitMs / 1000));
      throw new LeadmapError('RATE_LIMITED', `too many refused user names; try again in ${seconds} s`, { retryAfterSeconds: seconds });
    }
    let account: Awaited<ReturnType<typeof store.createAccount>>;
    try {
      account = await store.createAccount(
        admin.organisationId,
        username,
        role,
        await hashPassword(password as string),
        schoolIds,
        given === undefined,
        units,
      );
    } catch (err) {
      attempt.reservation.failed();
      if (err instanceof LeadmapError && err.code === 'CONFLICT')
        throw new LeadmapError('CONFLICT', 'this user name cannot be used; choose another');
      throw err;
    }
    attempt.reservation.succeeded();
    audit.record({
      organisationId: admin.organisationId,
      accountId: admin.id,
      action: 'create',
      target: `account:${account.id}`,
      detail: role,
    });
    res.status(201).json({ account: publicAccount(account), ...(given === undefined ? { oneTimePassword: password } : {}) });
  });

  r.patch('/api/accounts/:accountId', async (req, res) => {
    const admin = accountOf(req);
    const target = await store.getAccount(String(req.params.accountId));
    if (!target || target.organisationId !== admin.organisationId) throw new LeadmapError('NOT_FOUND', 'no such account');
    const body = req.body as Record<string, unknown>;
    const role = body.role === undefined ? undefined : roleOf(body);
    if (target.id === admin.id && role !== undefined && role !== 'admin')
      throw new LeadmapError('VALIDATION', 'you cannot remove your own admin role');
    const schoolIds = await ownSchools(admin.organisationId, stringList(body, 'schoolIds'));
    // An administrator sees whole records: a change to admin drops the account's one-school scopes.
    const given = unitsOf(body, role ?? target.role, schoolIds ?? target.schoolIds);
    const units = role === 'admin' ? {} : given;
    let oneTimePassword: string | undefined;
    let passwordHash: string | undefined;
    if (body.resetPassword === true) {
      oneTimePassword = generatePassword();
      passwordHash = await hashPassword(oneTimePassword);
    }
    const updated = await store.updateAccount(target.id, {
      role,
      schoolIds,
      units,
      passwordHash,
      mustChangePassword: passwordHash ? true : undefined,
    });
    if (role !== undefined || passwordHash || schoolIds || units) await store.deleteSessionsOf(target.id);
    audit.record({
      organisationId: admin.organisationId,
      accountId: admin.id,
      action: 'update',
      target: `account:${target.id}`,
      detail:
        [
          role && `role=${role}`,
          schoolIds && `schools=${schoolIds.length}`,
          units && `one-school scopes=${Object.keys(units).length}`,
          passwordHash && 'password-reset',
        ]
          .filter(Boolean)
          .join(' ') || null,
    });
    res.json({ account: publicAccount(updated!), ...(oneTimePassword ? { oneTimePassword } : {}) });
  });

  r.delete('/api/accounts/:accountId', async (req, res) => {
    const admin = accountOf(req);
    const target = await store.getAccount(String(req.params.accountId));
    if (!target || target.organisationId !== admin.organisationId) throw new LeadmapError('NOT_FOUND', 'no such account');
    if (target.id === admin.id) throw new LeadmapError('VALIDATION', 'you cannot delete your own account');
    await store.deleteAccount(target.id);
    audit.record({
      organisationId: admin.organisationId,
      accountId: admin.id,
      action: 'delete',
      target: `account:${target.id}`,
      detail: null,
    });
    res.json({ deleted: target.id });
  });

  /** Newest first; ?account=<id>&action=<word>&from=YYYY-MM-DD&to=YYYY-MM-DD (both days included)&limit=. */
  r.get('/api/audit', async (req, res) => {
    await audit.flush();
    const limit = Math.min(1000, Math.max(1, Number(req.query.limit) || 200));
    res.json({ entries: await store.listAudit(accountOf(req).organisationId, limit, auditFilter(req.query)), actions: AUDIT_ACTIONS });
  });
  return r;
}

/** The audit filter of a query string; a malformed value is refused rather than ignored. */
function auditFilter(query: Record<string, unknown>): AuditFilter {
  const word = (key: string): string | undefined => {
    const v = query[key];
    if (v === undefined || v === '') return undefined;
    if (typeof v !== 'string' || v.length > 64) throw new LeadmapError('VALIDATION', `"${key}" must be one value of at most 64 characters`);
    return v;
  };
  const day = (key: string, plusDays: number): string | undefined => {
    const v = word(key);
    if (v === undefined) return undefined;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v)))
      throw new LeadmapError('VALIDATION', `"${key}" must be a date like 2026-03-31`);
    return new Date(Date.parse(v) + plusDays * 86_400_000).toISOString();
  };
  return { accountId: word('account'), action: word('action'), since: day('from', 0), until: day('to', 1) };
}
