import type { Dataset, Person } from '../../model/types.js';
import { degreeArrays } from '../node/degree.js';
import type { Csr } from '../../graph/csr.js';
import { compareIds } from '../../graph/compare-ids.js';

export const PERIPHERY_DEFAULTS = {
  /** New staff: startYear ≥ waveYear − newStaffYears … */
  newStaffYears: 1,
  /** … or yearsExperience ≤ newStaffMaxExperience. */
  newStaffMaxExperience: 1,
  /** Year of the wave; null = taken from the wave (collectedOn, then a 4-digit year in its label), else the newest startYear on the roster. */
  waveYear: null as number | null,
};
export type PeripheryOptions = typeof PERIPHERY_DEFAULTS;

/**
 * The year a wave was collected: options.waveYear, else the year of wave.collectedOn, else the first
 * 4-digit year in the wave label ("2025-26 spring" → 2025), else the newest startYear on the roster
 * (the latest hiring cohort), else null.
 */
export function waveYearOf(dataset: Pick<Dataset, 'wave' | 'people'>, explicit: number | null = null): number | null {
  if (explicit !== null) return explicit;
  const w = dataset.wave;
  const fromDate = w?.collectedOn ? Number(w.collectedOn.slice(0, 4)) : NaN;
  if (Number.isInteger(fromDate)) return fromDate;
  const m = w?.label.match(/\b(19|20)\d{2}\b/);
  if (m) return Number(m[0]);
  let newest: number | null = null;
  for (const p of dataset.people) if (p.startYear !== null) newest = Math.max(newest ?? p.startYear, p.startYear);
  return newest;
}

/**
 * New staff: startYear ≥ waveYear − newStaffYears (started this year or last), or
 * yearsExperience ≤ newStaffMaxExperience (new to teaching). Unknown fields never make someone new.
 */
export function isNewStaff(p: Person, waveYear: number | null, options: Partial<PeripheryOptions> = {}): boolean {
  const o = { ...PERIPHERY_DEFAULTS, ...options };
  if (p.startYear !== null && waveYear !== null && p.startYear >= waveYear - o.newStaffYears) return true;
  return p.yearsExperience !== null && p.yearsExperience <= o.newStaffMaxExperience;
}

export interface DomainPeriphery {
  /** People with no tie at all in this graph (neither naming nor named). */
  isolates: string[];
  /** People nobody names (in-degree 0), isolates included. */
  noIncoming: string[];
}

/** Isolates and people nobody names, ids sorted. O(n). */
export function domainPeriphery(ig: Csr): DomainPeriphery {
  const isolates: string[] = [];
  const noIncoming: string[] = [];
  const deg = degreeArrays(ig);
  for (let i = 0; i < ig.n; i++) {
    if (deg.inDegree[i] === 0) {
      noIncoming.push(ig.ids[i]!);
      if (deg.outDegree[i] === 0) isolates.push(ig.ids[i]!);
    }
  }
  return { isolates: isolates.sort(compareIds), noIncoming: noIncoming.sort(compareIds) };
}

export interface NewStaffFlag {
  id: string;
  name: string;
  startYear: number | null;
  yearsExperience: number | null;
  inDegree: number;
  outDegree: number;
  /** Answered the survey (null when respondents are unknown). */
  responded: boolean | null;
  /** No tie at all. */
  isolate: boolean;
}

/**
 * Isolated new staff: new staff (isNewStaff) whom nobody names in the pooled graph (in-degree 0) —
 * colleagues have not (yet) drawn them into the advice network. `isolate` marks those who also name
 * nobody; with `responded: false` that may only mean they did not answer. Sorted by id. O(n).
 */
export function isolatedNewStaff(
  ig: Csr,
  personOf: (id: string) => Person | undefined,
  waveYear: number | null,
  respondents: ReadonlySet<string> | null,
  options: Partial<PeripheryOptions> = {},
): NewStaffFlag[] {
  const out: NewStaffFlag[] = [];
  const deg = degreeArrays(ig);
  for (let i = 0; i < ig.n; i++) {
    const p = personOf(ig.ids[i]!);
    if (!p || !p.onRoster || deg.inDegree[i] !== 0 || !isNewStaff(p, waveYear, options)) continue;
    out.push({
      id: p.id,
      name: p.name,
      startYear: p.startYear,
      yearsExperience: p.yearsExperience,
      inDegree: 0,
      outDegree: deg.outDegree[i]!,
      responded: respondents === null ? null : respondents.has(p.id),
      isolate: deg.outDegree[i] === 0,
    });
  }
  return out.sort((a, b) => compareIds(a.id, b.id));
}
