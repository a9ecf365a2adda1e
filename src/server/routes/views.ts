import type { Account, School, WaveRecord } from '../../store/store.js';

/** JSON shapes of records as the API serves them (no secrets, no hashes). */
export const publicAccount = (a: Account) => ({
  id: a.id,
  username: a.username,
  role: a.role,
  schoolIds: a.schoolIds,
  units: a.units,
  mustChangePassword: a.mustChangePassword,
  createdAt: a.createdAt,
});
/** A school record; `unit` (only when set): the one school of this district record the account sees. */
export const publicSchool = (s: School & { unit?: string | null }) => ({
  id: s.id,
  slug: s.slug,
  name: s.name,
  createdAt: s.createdAt,
  demo: s.demo,
  ...(s.unit ? { unit: s.unit } : {}),
});
/**
 * A wave record. For an account that sees one school of a district record (`unit`), `people` and `ties`
 * are null: the stored counts are the whole record's, and the school's own are in its analysis.
 */
export const publicWave = (w: WaveRecord, unit: string | null = null) => ({
  id: w.id,
  schoolId: w.schoolId,
  label: w.label,
  collectedOn: w.collectedOn,
  status: w.status,
  people: unit === null ? w.people : null,
  ties: unit === null ? w.ties : null,
  createdAt: w.createdAt,
});
