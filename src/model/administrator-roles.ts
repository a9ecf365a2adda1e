/**
 * Which formal positions count as the school's administration (for "communication between
 * administration and faculty"): principals and their deputies, heads, deans, directors,
 * superintendents and anyone titled administrator. Chairs, coaches, coordinators and lead
 * teachers hold formal leadership roles (formal-roles.ts) but teach: they count as faculty here.
 * Matched case-insensitively on whole words; the list is exported so callers can replace it.
 */
export const DEFAULT_ADMINISTRATOR_PATTERNS: readonly RegExp[] = [
  /\bprincipal\b/i,
  /\bhead ?teacher\b|\bheadmaster\b|\bheadmistress\b|\bhead of school\b/i,
  /\bsuperintendent\b/i,
  /\bdirector\b/i,
  /\bdean\b/i,
  /\badministrator\b/i,
];

/** True when the role is an administrator's position. Support staff ("administrative assistant") are not. */
export function isAdministratorRole(role: string, patterns: readonly RegExp[] = DEFAULT_ADMINISTRATOR_PATTERNS): boolean {
  const r = role.trim();
  return r !== '' && patterns.some((p) => p.test(r));
}
