import type { OrgGraph } from '../../graph/org-graph.js';
import { asCsr, type Csr, type CsrArrays } from '../../graph/csr.js';

/** Component labels: `labels[i]` is the component of node i (0-based, numbered by first node). */
export interface ComponentLabels {
  count: number;
  labels: Int32Array;
}

/**
 * Weakly connected components: groups of people joined by ties in either direction.
 * Each isolate is its own component. Degenerate: empty graph → []; no ties → n singletons.
 * Returned as id lists, components ordered by their first node in graph order, members in graph order.
 * O(n + m). Ref: Wasserman & Faust (1994) §4.3; networkx `weakly_connected_components(G)`.
 * @example weakComponents(graphFrom(['c'], [['a','b']])) // [['a','b'], ['c']]
 */
export function weakComponents(graph: OrgGraph | Csr): string[][] {
  const c = asCsr(graph);
  return groups(c, weakComponentLabels(c));
}

/**
 * Strongly connected components: maximal groups in which everyone can reach everyone along tie directions.
 * Each person on no directed cycle is a singleton. Degenerate: empty graph → []; no ties → n singletons.
 * Ordering as {@link weakComponents}. O(n + m), Tarjan (1972), iterative.
 * Ref: networkx `strongly_connected_components(G)`.
 * @example strongComponents(graphFrom([], [['a','b'],['b','a'],['b','c']])) // [['a','b'], ['c']]
 */
export function strongComponents(graph: OrgGraph | Csr): string[][] {
  const c = asCsr(graph);
  return groups(c, strongComponentLabels(c));
}

/** Number of weakly connected components. */
export function weakComponentCount(graph: OrgGraph | Csr): number {
  return weakComponentLabels(asCsr(graph)).count;
}

/** Number of strongly connected components. */
export function strongComponentCount(graph: OrgGraph | Csr): number {
  return strongComponentLabels(asCsr(graph)).count;
}

/** Weak components numbered 0, 1, … in order of each component's first node (union–find). */
export function weakComponentLabels(c: CsrArrays): ComponentLabels {
  const { n } = c;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (let v = 0; v < n; v++) {
    for (let k = c.outOffsets[v]!; k < c.outOffsets[v + 1]!; k++) {
      const a = find(v);
      const b = find(c.outTargets[k]!);
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  }
  return renumber(n, (v) => find(v));
}

/** Strong components numbered 0, 1, … in order of each component's first node (see {@link tarjan}). */
export function strongComponentLabels(c: CsrArrays): ComponentLabels {
  const { comp } = tarjan(c);
  return renumber(c.n, (v) => comp[v]!);
}

/**
 * Tarjan's strongly connected components of the people not `removed` — the one SCC routine, used by the
 * component counts, reachability (src/metrics/risk/reach.ts) and the fast path's key-person removal.
 * `comp[v]` is v's component, numbered in completion order, which is a reverse topological order of
 * the condensation (sinks first); −1 for removed people. Iterative (no recursion limit).
 * Degenerate: empty graph or everyone removed → count 0. O(n + m).
 * Ref: Tarjan (1972), SIAM J. Computing 1(2), 146–160.
 */
export function tarjan(c: CsrArrays, removed?: Uint8Array): { comp: Int32Array; count: number } {
  const { n, outOffsets, outTargets } = c;
  const comp = new Int32Array(n).fill(-1);
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const stack = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const callV = new Int32Array(n);
  const callK = new Int32Array(n);
  let sp = 0;
  let next = 0;
  let count = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1 || removed?.[root]) continue;
    let depth = 0;
    callV[0] = root;
    callK[0] = outOffsets[root]!;
    index[root] = low[root] = next++;
    stack[sp++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const v = callV[depth]!;
      const k = callK[depth]!;
      if (k < outOffsets[v + 1]!) {
        callK[depth] = k + 1;
        const w = outTargets[k]!;
        if (removed?.[w]) continue;
        if (index[w] === -1) {
          index[w] = low[w] = next++;
          stack[sp++] = w;
          onStack[w] = 1;
          depth++;
          callV[depth] = w;
          callK[depth] = outOffsets[w]!;
        } else if (onStack[w] && index[w]! < low[v]!) low[v] = index[w]!;
        continue;
      }
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack[--sp]!;
          onStack[w] = 0;
          comp[w] = count;
        } while (w !== v);
        count++;
      }
      depth--;
      if (depth >= 0) {
        const u = callV[depth]!;
        if (low[v]! < low[u]!) low[u] = low[v]!;
      }
    }
  }
  return { comp, count };
}

/** Relabels representative ids 0, 1, … in order of each component's first node. */
function renumber(n: number, rep: (v: number) => number): ComponentLabels {
  const label = new Int32Array(n).fill(-1);
  const labels = new Int32Array(n);
  let count = 0;
  for (let v = 0; v < n; v++) {
    const r = rep(v);
    if (label[r]! < 0) label[r] = count++;
    labels[v] = label[r]!;
  }
  return { count, labels };
}

function groups(c: Csr, { count, labels }: ComponentLabels): string[][] {
  const out: string[][] = Array.from({ length: count }, () => []);
  for (let v = 0; v < c.n; v++) out[labels[v]!]!.push(c.ids[v]!);
  return out;
}
