/**
 * Which formal positions count as leadership roles. A person holds a formal
 * leadership role when their roster `role` matches one of these patterns
 * (case-insensitive, whole words). Teachers, counselors and support staff do
 * not; "teacher leader", "lead teacher", "content lead", "coach", "chair" do.
 * The list is exported so callers (and the mapping file) can replace it.
 */
export const DEFAULT_FORMAL_LEADER_PATTERNS: readonly RegExp[] = [
  /\bprincipal\b/i,
  /\bvice[- ]principal\b/i,
  /\bhead ?teacher\b/i,
  /\bheadmaster\b|\bheadmistress\b|\bhead of\b/i,
  /\bsuperintendent\b/i,
  /\bdirector\b/i,
  /\bdean\b/i,
  /\bchair(?:person)?\b/i,
  /\bcoach\b/i,
  /\bcoordinator\b/i,
  /\blead\b|\bleader\b/i,
  /\bceo\b|\bvice president\b|\bpresident\b|\bpartner\b|\bmanager\b/i,
  /\bilt\b|\bclt\b/i,
];

export function isFormalLeaderRole(role: string, patterns: readonly RegExp[] = DEFAULT_FORMAL_LEADER_PATTERNS): boolean {
  const r = role.trim();
  if (r === '' || /^unknown$/i.test(r)) return false;
  return patterns.some((p) => p.test(r));
}
