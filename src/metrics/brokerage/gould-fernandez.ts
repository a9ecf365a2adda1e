import type { Csr } from '../../graph/csr.js';
import { compareIds } from '../../graph/compare-ids.js';
import type { GroupOf } from '../group/groups.js';

/** The five Gould–Fernandez roles, with sna's codes: w_I, w_O, b_OI, b_IO, b_O. */
export type BrokerRole = 'coordinator' | 'itinerant' | 'gatekeeper' | 'representative' | 'liaison';
export const BROKER_ROLES: readonly BrokerRole[] = ['coordinator', 'itinerant', 'gatekeeper', 'representative', 'liaison'];

export interface BrokerageCounts {
  id: string;
  group: string;
  coordinator: number;
  itinerant: number;
  gatekeeper: number;
  representative: number;
  liaison: number;
  total: number;
}

/**
 * Gould–Fernandez brokerage roles. Person v brokers the ordered pair (a, b) when a → v → b,
 * a ≠ b and a ↛ b (an open two-path; this is the definition of sna::brokerage, which follows
 * Gould & Fernandez and Marsden). Each such two-path is counted once, for its broker, as:
 *   coordinator    (w_I)  a, v, b all in one group                A → A → A
 *   itinerant      (w_O)  a and b in one group, v in another      A → B → A   ("consultant")
 *   gatekeeper     (b_OI) v and b in one group, a in another      A → B → B
 *   representative (b_IO) a and v in one group, b in another      A → A → B
 *   liaison        (b_O)  three different groups                  A → B → C
 * Weights are ignored (a tie is present or not). Counts match sna::brokerage(g, cl)$raw.nli.
 * Degenerate: a person without in- or out-ties brokers nothing (all zeros); a graph with one group
 * has only coordinator brokerage. O(Σ_v d_in(v) · d_out(v)) with an O(1) arc lookup.
 * Ref: Gould & Fernandez (1989), Sociological Methodology 19, 89–126; Butts, sna::brokerage docs.
 * Example: groups a,b:X c:Y; arcs a→c, c→b → c is itinerant once (X → Y → X).
 */
export function gouldFernandez(ig: Csr, groupOf: GroupOf): BrokerageCounts[] {
  const n = ig.n;
  const groups = ig.ids.map((id) => groupOf(id));
  const arcs = new Set<number>();
  for (let i = 0; i < n; i++) for (let k = ig.outOffsets[i]!; k < ig.outOffsets[i + 1]!; k++) arcs.add(i * n + ig.outTargets[k]!);
  const out: BrokerageCounts[] = [];
  for (let v = 0; v < n; v++) {
    const c: BrokerageCounts = {
      id: ig.ids[v]!,
      group: groups[v]!,
      coordinator: 0,
      itinerant: 0,
      gatekeeper: 0,
      representative: 0,
      liaison: 0,
      total: 0,
    };
    const gv = groups[v]!;
    for (let p = ig.inOffsets[v]!; p < ig.inOffsets[v + 1]!; p++) {
      const a = ig.inSources[p]!;
      const ga = groups[a]!;
      for (let q = ig.outOffsets[v]!; q < ig.outOffsets[v + 1]!; q++) {
        const b = ig.outTargets[q]!;
        if (b === a || arcs.has(a * n + b)) continue;
        const gb = groups[b]!;
        if (ga === gv && gv === gb) c.coordinator++;
        else if (ga === gb) c.itinerant++;
        else if (gv === gb) c.gatekeeper++;
        else if (ga === gv) c.representative++;
        else c.liaison++;
        c.total++;
      }
    }
    out.push(c);
  }
  return out;
}

/** The people with the most brokerage of a role (count > 0), most first, ties by id. */
export function topBrokers(counts: readonly BrokerageCounts[], role: BrokerRole | 'total', k = 5): BrokerageCounts[] {
  return counts
    .filter((c) => c[role] > 0)
    .sort((x, y) => y[role] - x[role] || compareIds(x.id, y.id))
    .slice(0, k);
}
