import type { CsrArrays } from '../graph/csr.js';
import { reachability } from '../metrics/risk/reach.js';

export interface KeyPersonImpact {
  /** Index of the person removed. */
  person: number;
  before: number | null;
  after: number | null;
  /** before − after: the share of ordered pairs that lose every directed path (relative to the new n). */
  drop: number | null;
}

/**
 * Key-person removal at scale: for each candidate, reachability of the network without them
 * (one at a time), against the intact network: the reachabilityDrop of src/metrics/risk/key-person.ts
 * (same reachability function) without its per-person extras (fragmentation, colleagues left without a
 * source), on indices rather than ids.
 * Typical candidates: the top brokers by betweenness. O(k · (n + m + m_c · C/32)).
 */
export function keyPersonRemoval(c: CsrArrays, candidates: readonly number[]): KeyPersonImpact[] {
  const before = reachability(c);
  const removed = new Uint8Array(c.n);
  return candidates.map((person) => {
    removed[person] = 1;
    const after = reachability(c, removed);
    removed[person] = 0;
    return { person, before, after, drop: before === null || after === null ? null : before - after };
  });
}
