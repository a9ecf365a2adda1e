/**
 * Each school's change between two waves of a district, with the intervals and verdicts of the change
 * between waves (src/metrics/change): the school's own network in each wave (its people, the ties
 * among them, its respondents; schools.ts schoolDataset) compared by compareWaves — a seeded bootstrap
 * over the school's respondents, "up" or "down" only when the 95 % interval excludes no change.
 */
import type { Dataset } from '../../model/types.js';
import { compareWaves, type ChangeIndicator } from '../change/compare-waves.js';
import { schoolDataset, schoolsOf } from './schools.js';

/** The school-row indicators that are measured the same way on a school's own network in both waves. */
export const SCHOOL_CHANGE_KEYS = ['density', 'inDegreeCentralization', 'gini'] as const;

export interface SchoolChange {
  school: string;
  /** All staff of the school, all domains pooled; one row per SCHOOL_CHANGE_KEYS key. */
  indicators: ChangeIndicator[];
}

/**
 * The change of every school present in both waves (by name), in the later wave's order. Staff counts
 * of each wave's units (schools and district-level units) come with it, so the privacy layer can hide
 * what either wave hides. O(S · compareWaves of one school).
 */
export function schoolChanges(
  before: Dataset,
  after: Dataset,
  options: { relation?: string; replicates?: number; seed?: number } = {},
): SchoolChange[] {
  const earlier = new Set(schoolsOf(before));
  const keys: readonly string[] = SCHOOL_CHANGE_KEYS;
  return schoolsOf(after)
    .filter((s) => earlier.has(s))
    .map((school) => {
      const c = compareWaves(schoolDataset(before, school), schoolDataset(after, school), options);
      return { school, indicators: c.indicators.filter((i) => i.population === 'all' && i.domain === 'all' && keys.includes(i.key)) };
    });
}
