/**
 * The privacy rules, in one place. Everything the API, the web app, exports
 * and reports serve passes through src/privacy: group statistics under the
 * minimum group size are suppressed, people are pseudonymised for viewers and
 * for anonymised exports, and nothing personal is logged. See docs/security.md.
 */
export interface PrivacyPolicy {
  /** Smallest group whose statistics may be shown (default 5). */
  minGroupSize: number;
}

export const DEFAULT_MIN_GROUP_SIZE = 5;

export function privacyPolicy(minGroupSize: number = DEFAULT_MIN_GROUP_SIZE): PrivacyPolicy {
  if (!Number.isInteger(minGroupSize) || minGroupSize < 1) throw new RangeError('minimum group size must be a positive integer');
  return { minGroupSize };
}

/** How identifiable a presentation may be. */
export type Disclosure = 'named' | 'pseudonymised';
