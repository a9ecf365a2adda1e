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
 * has only coordinator brokerage. O(Σ_v d_in(v) · d_out(v) + Σ_v d_out(v)²).
 * Ref: Gould & Fernandez (1989), Sociological Methodology 19, 89–126; Butts, sna::brokerage docs.
 * Example: groups a,b:X c:Y; arcs a→c, c→b → c is itinerant once (X → Y → X).
 */
export function gouldFernandez(ig: Csr, groupOf: GroupOf): BrokerageCounts[] {
  const n = ig.n;
  const groups = ig.ids.map((id) => groupOf(id));
  const code = new Map<string, number>();
  const g = Int32Array.from(groups, (x) => {
    if (!code.has(x)) code.set(x, code.size);
    return code.get(x)!;
  });
  // a → b is a tie exactly when marked[b] === a once a's out-targets have been marked with a (an O(1)
  // lookup without hashing n² pair codes; marking costs Σ_a d_out(a)² over all brokers).
  const marked = new Int32Array(n).fill(-1);
  const out: BrokerageCounts[] = [];
  for (let v = 0; v < n; v++) {
    let coordinator = 0;
    let itinerant = 0;
    let gatekeeper = 0;
    let representative = 0;
    let liaison = 0;
    const gv = g[v]!;
    const outStart = ig.outOffsets[v]!;
    const outEnd = ig.outOffsets[v + 1]!;
    if (outEnd > outStart)
      for (let p = ig.inOffsets[v]!; p < ig.inOffsets[v + 1]!; p++) {
        const a = ig.inSources[p]!;
        const ga = g[a]!;
        for (let k = ig.outOffsets[a]!; k < ig.outOffsets[a + 1]!; k++) marked[ig.outTargets[k]!] = a;
        for (let q = outStart; q < outEnd; q++) {
          const b = ig.outTargets[q]!;
          if (b === a || marked[b] === a) continue;
          const gb = g[b]!;
          if (ga === gv && gv === gb) coordinator++;
          else if (ga === gb) itinerant++;
          else if (gv === gb) gatekeeper++;
          else if (ga === gv) representative++;
          else liaison++;
        }
      }
    out.push({
      id: ig.ids[v]!,
      group: groups[v]!,
      coordinator,
      itinerant,
      gatekeeper,
      representative,
      liaison,
      total: coordinator + itinerant + gatekeeper + representative + liaison,
    });
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
