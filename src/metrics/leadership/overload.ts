import type { Person } from '../../model/types.js';
import { isFormalLeaderRole } from '../../model/formal-roles.js';
import { compareIds } from '../../graph/compare-ids.js';
import { median } from './value.js';

export const OVERLOAD_DEFAULTS = {
  /** Capacity measure: release time for leadership (default) or FTE. */
  basis: 'releaseTime' as 'releaseTime' | 'fte',
  /** Floor of capacity, so 0 release time gives a finite ratio (0 → 0.1). */
  minCapacity: 0.1,
  /** Overloaded when load / capacity ≥ factor × the median ratio of the candidates … */
  factor: 2,
  /** … and load ≥ the median load of the candidates (busy, not just low release time). */
  requireAboveMedianLoad: true,
  /** Only formal role holders are candidates (release time is granted to formal roles; informal leaders are reported as hidden leaders). */
  formalOnly: true,
};
export type OverloadOptions = typeof OVERLOAD_DEFAULTS;

export interface LoadEntry {
  id: string;
  name: string;
  role: string;
  /** Nominations received summed over domains (a colleague naming them for 3 domains counts 3). */
  load: number;
  domainsLed: number;
  capacity: number;
  /** load / max(capacity, minCapacity). */
  ratio: number;
  overloaded: boolean;
}

export interface OverloadResult {
  basis: 'releaseTime' | 'fte' | null;
  /** Why no result (no capacity data, no candidates), else null. */
  reason: string | null;
  medianRatio: number | null;
  medianLoad: number | null;
  /** Candidates (leaders with known capacity), highest ratio first. */
  people: LoadEntry[];
  overloaded: string[];
}

/**
 * Overload of leaders relative to their release time (or FTE):
 *   load_i  = Σ_domains in-degree_d(i)  (pooled in-degree when the data has no domains)
 *   ratio_i = load_i / max(capacity_i, minCapacity)
 *   overloaded ⇔ ratio_i ≥ factor · median(ratio over candidates) ∧ load_i ≥ median(load over candidates)
 * Candidates: people who lead at least one domain (or the pooled graph), with known capacity,
 * formal role holders only by default. Relative to the school's own leaders, so the rule adapts to
 * how much release time a school grants.
 * Degenerate: no one on the roster has the basis field → reason "roster has no release time"; fewer
 * than 2 candidates → no one flagged ("fewer than 2 leaders with release time to compare").
 * O(n log n). Ref: the domain reading's "Overloading Teacher Leaders" barrier; a leadmap definition.
 */
export function overload(
  loads: ReadonlyMap<string, { load: number; domainsLed: number }>,
  personOf: (id: string) => Person | undefined,
  people: readonly Person[],
  options: Partial<OverloadOptions> & { formalPatterns?: readonly RegExp[] } = {},
): OverloadResult {
  const o = { ...OVERLOAD_DEFAULTS, ...options };
  const capOf = (p: Person): number | null => (o.basis === 'fte' ? p.fte : p.releaseTime);
  if (!people.some((p) => capOf(p) !== null)) {
    return {
      basis: null,
      reason: o.basis === 'fte' ? 'roster has no FTE' : 'roster has no release time',
      medianRatio: null,
      medianLoad: null,
      people: [],
      overloaded: [],
    };
  }
  const entries: LoadEntry[] = [];
  for (const [id, l] of loads) {
    const p = personOf(id);
    if (!p || l.domainsLed === 0) continue;
    const cap = capOf(p);
    if (cap === null) continue;
    if (o.formalOnly && !isFormalLeaderRole(p.role, options.formalPatterns)) continue;
    entries.push({
      id,
      name: p.name,
      role: p.role,
      load: l.load,
      domainsLed: l.domainsLed,
      capacity: cap,
      ratio: l.load / Math.max(cap, o.minCapacity),
      overloaded: false,
    });
  }
  const medianRatio = median(entries.map((e) => e.ratio));
  const medianLoad = median(entries.map((e) => e.load));
  entries.sort((a, b) => b.ratio - a.ratio || compareIds(a.id, b.id));
  if (entries.length < 2) {
    return {
      basis: o.basis,
      reason: 'fewer than 2 leaders with release time to compare',
      medianRatio,
      medianLoad,
      people: entries,
      overloaded: [],
    };
  }
  for (const e of entries) {
    e.overloaded = e.ratio >= o.factor * medianRatio! - 1e-12 && (!o.requireAboveMedianLoad || e.load >= medianLoad!);
  }
  return {
    basis: o.basis,
    reason: null,
    medianRatio,
    medianLoad,
    people: entries,
    overloaded: entries.filter((e) => e.overloaded).map((e) => e.id),
  };
}
