import type { Completeness } from '../model/completeness.js';
import type { Account, AccountPatch, AuditEntry, AuditFilter, StoredReviewItem, Role, School, WaveRecord } from './store.js';

export interface SchoolRow {
  id: string;
  organisation_id: string;
  slug: string;
  name: string;
  created_at: string;
  demo: number | string;
}
export interface WaveRow {
  id: string;
  school_id: string;
  label: string;
  collected_on: string | null;
  status: 'empty' | 'ready';
  created_at: string;
  people_count: number;
  tie_count: number;
  data_hash: string | null;
  open_items: number;
  completeness_json: string | null;
}
export interface AccountRow {
  id: string;
  organisation_id: string;
  username: string;
  role: Role;
  password_hash: string;
  must_change_password: number;
  created_at: string;
}
export interface AuditRow {
  at: string;
  organisation_id: string | null;
  account_id: string | null;
  action: string;
  target: string;
  detail: string | null;
}

export const toSchool = (r: SchoolRow): School => ({
  id: r.id,
  organisationId: r.organisation_id,
  slug: r.slug,
  name: r.name,
  createdAt: r.created_at,
  demo: Number(r.demo) === 1,
});

export const toWave = (r: WaveRow): WaveRecord => ({
  id: r.id,
  schoolId: r.school_id,
  label: r.label,
  collectedOn: r.collected_on,
  status: r.status === 'ready' && r.open_items > 0 ? 'needs review' : r.status,
  createdAt: r.created_at,
  people: r.people_count,
  ties: r.tie_count,
  dataHash: r.data_hash,
  completeness: r.completeness_json ? (JSON.parse(r.completeness_json) as Completeness) : null,
});

/** An account from its row and its account_school rows (unit: null = the whole school record). */
export const toAccount = (r: AccountRow, schools: Array<{ school_id: string; unit: string | null }>): Account => ({
  id: r.id,
  organisationId: r.organisation_id,
  username: r.username,
  role: r.role,
  schoolIds: schools.map((s) => s.school_id),
  units: Object.fromEntries(schools.filter((s) => s.unit !== null).map((s) => [s.school_id, s.unit!])),
  mustChangePassword: r.must_change_password === 1,
  createdAt: r.created_at,
});

export const toAudit = (r: AuditRow): AuditEntry => ({
  at: r.at,
  organisationId: r.organisation_id,
  accountId: r.account_id,
  action: r.action,
  target: r.target,
  detail: r.detail,
});

export const WAVE_COLUMNS =
  'id, school_id, label, collected_on, status, created_at, people_count, tie_count, data_hash, open_items, completeness_json';

/** A review decision as stored: text for a person or keyword, JSON for a question mapping. */
export function resolutionText(r: StoredReviewItem['resolution']): string | null {
  return r === null ? null : typeof r === 'string' ? r : JSON.stringify(r);
}
export function resolutionOf(text: string | null, kind: string): StoredReviewItem['resolution'] {
  if (text === null) return null;
  return kind === 'column' && text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : text;
}

/** The WHERE clause (after the organisation) and values of an audit filter; `param(i)` writes the i-th placeholder. */
export function auditWhere(filter: AuditFilter, param: (i: number) => string, first: number): { sql: string; values: string[] } {
  const parts: string[] = [];
  const values: string[] = [];
  const add = (column: string, op: string, v: string | undefined): void => {
    if (v === undefined) return;
    values.push(v);
    parts.push(`${column} ${op} ${param(first + values.length - 1)}`);
  };
  add('account_id', '=', filter.accountId);
  add('action', '=', filter.action);
  add('at', '>=', filter.since);
  add('at', '<', filter.until);
  return { sql: parts.map((p) => ` AND ${p}`).join(''), values };
}

/**
 * The schools and one-school scopes an account keeps after a patch (both stores): `units` replaces the
 * scopes when given; otherwise the scopes of schools that stay are kept.
 */
export function patchedSchools(current: Account, patch: AccountPatch): { schoolIds: string[]; units: Record<string, string> } {
  const schoolIds = patch.schoolIds ?? current.schoolIds;
  const from = patch.units ?? current.units;
  return { schoolIds, units: Object.fromEntries(Object.entries(from).filter(([id]) => schoolIds.includes(id))) };
}
