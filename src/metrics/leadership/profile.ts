import { ANY_DOMAIN } from '../../model/types.js';

export type Band = 'low' | 'moderate' | 'high';

/**
 * Band limits of the distribution profile: a value < low is "low", < high is "moderate", else "high".
 * De Jong et al. banded 14 small teams relative to each other (thirds of the observed range); a single
 * school has no peers to compare with, so leadmap uses absolute limits chosen for whole-school advice
 * networks of 20–150 staff (one domain: density typically 0.02–0.15).
 */
export const PROFILE_DEFAULTS = {
  density: { low: 0.05, high: 0.15 },
  reciprocity: { low: 0.2, high: 0.4 },
  centralization: { low: 0.2, high: 0.4 },
  /** Number of central members (= leaders by the leader rule): ≤ 1 low, 2–3 moderate, ≥ 4 high. */
  centralMembers: { low: 2, high: 4 },
};
export type ProfileOptions = typeof PROFILE_DEFAULTS;

export interface DistributionProfile {
  density: number | null;
  densityBand: Band | null;
  reciprocity: number | null;
  reciprocityBand: Band | null;
  centralization: number | null;
  centralizationBand: Band | null;
  centralMembers: number;
  centralMembersBand: Band;
  /**
   * Overall level of distribution: each dimension scores 0/1/2 towards distribution (high density,
   * high reciprocity, LOW centralization, MANY central members), known dimensions averaged:
   * mean ≥ 1.5 "high", ≥ 0.75 "moderate", else "low". null when no dimension is known.
   */
  level: Band | null;
}

export function band(x: number, limits: { low: number; high: number }): Band {
  return x < limits.low ? 'low' : x < limits.high ? 'moderate' : 'high';
}

/**
 * Distribution profile after de Jong et al.: a network shows distributed leadership when it has
 * relatively high density, high reciprocity, low in-degree centralization and several central members.
 * Degenerate: unknown measures stay null and are left out of `level`. O(1).
 * Ref: A. de Jong et al., "Describing and measuring leadership by applying a social network
 * perspective" (doctoral dissertation of A. de Jong, ch. 4, Table 4.5).
 */
export function distributionProfile(
  measures: { density: number | null; reciprocity: number | null; centralization: number | null; centralMembers: number },
  options: Partial<ProfileOptions> = {},
): DistributionProfile {
  const o = { ...PROFILE_DEFAULTS, ...options };
  const densityBand = measures.density === null ? null : band(measures.density, o.density);
  const reciprocityBand = measures.reciprocity === null ? null : band(measures.reciprocity, o.reciprocity);
  const centralizationBand = measures.centralization === null ? null : band(measures.centralization, o.centralization);
  const centralMembersBand = band(measures.centralMembers, o.centralMembers);
  const score = (b: Band | null, inverted = false): number | null =>
    b === null ? null : inverted ? { low: 2, moderate: 1, high: 0 }[b] : { low: 0, moderate: 1, high: 2 }[b];
  const scores = [score(densityBand), score(reciprocityBand), score(centralizationBand, true), score(centralMembersBand)].filter(
    (s): s is number => s !== null,
  );
  const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
  const level: Band | null = scores.length === 0 ? null : mean >= 1.5 ? 'high' : mean >= 0.75 ? 'moderate' : 'low';
  return { ...measures, densityBand, reciprocityBand, centralizationBand, centralMembersBand, level };
}

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
export function numberWord(k: number): string {
  return NUMBER_WORDS[k] ?? String(k);
}

/** "Advice on assessment", "Advice across all domains", or "Advice" when the data has no domains. */
export function domainLabel(relation: string, domain: string, hasDomains: boolean): string {
  const r = relation.charAt(0).toUpperCase() + relation.slice(1);
  if (domain !== ANY_DOMAIN) return `${r} on ${domain}`;
  return hasDomains ? `${r} across all domains` : r;
}

/** Joins names as "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * One plain-language sentence per domain, e.g. "Advice on assessment runs through one person (Ana Ruiz)."
 * Rules, in order: no ties → "No one reported …"; no leader → "… is scattered: no one is named by N or
 * more colleagues"; one leader who receives most of the domain's nominations and is the only
 * colleague someone goes to → "runs through one person"; one leader otherwise → "has one clear leader
 * …, with advice also sought from others"; several leaders and high centralization → "is concentrated
 * in k colleagues"; otherwise "is spread across k colleagues". Names are listed up to three.
 * `single`: for the one-leader case, the leader's share of the domain's nominations and whether some
 * colleague goes to no one else.
 */
export function domainReading(
  label: string,
  ties: number,
  leaderNames: readonly string[],
  threshold: number,
  centralizationBand: Band | null,
  single: { share: number; soleSource: boolean },
): string {
  if (ties === 0) return `No one reported any ${label.toLowerCase()}.`;
  const k = leaderNames.length;
  const names = k <= 3 ? ` (${joinNames(leaderNames)})` : '';
  if (k === 0) return `${label} is scattered: no one is named by ${Math.ceil(threshold - 1e-9)} or more colleagues.`;
  if (k === 1 && single.share > 0.5 && single.soleSource) return `${label} runs through one person${names}.`;
  if (k === 1) return `${label} has one clear leader${names}, with advice also sought from others.`;
  if (centralizationBand === 'high') return `${label} is concentrated in ${numberWord(k)} colleagues${names}.`;
  return `${label} is spread across ${numberWord(k)} colleagues${names}.`;
}
