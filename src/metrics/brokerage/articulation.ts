import type { Csr } from '../../graph/csr.js';
import { compareIds } from '../../graph/compare-ids.js';
import { undirectedIndex } from '../../graph/undirected.js';

/**
 * Cut-points: articulation points of the undirected version of the graph (i–j when i→j or j→i) —
 * people whose departure splits a connected group of colleagues in two. Matches
 * networkx.articulation_points(G.to_undirected()).
 * Iterative Hopcroft–Tarjan DFS (no recursion limit). Degenerate: isolates and graphs with < 3 people
 * have none. Returned ids sorted. O(n + m).
 * Ref: Hopcroft & Tarjan (1973), Comm. ACM 16(6), 372–378.
 */
export function articulationPoints(ig: Csr): string[] {
  const u = undirectedIndex(ig);
  const n = ig.n;
  const disc = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const next = new Int32Array(n);
  const isCut = new Uint8Array(n);
  let time = 0;
  const stack: number[] = [];
  for (let root = 0; root < n; root++) {
    if (disc[root] !== -1) continue;
    let rootChildren = 0;
    disc[root] = low[root] = time++;
    next[root] = u.start[root]!;
    stack.push(root);
    while (stack.length > 0) {
      const v = stack[stack.length - 1]!;
      if (next[v]! < u.start[v + 1]!) {
        const w = u.adj[next[v]!++]!;
        if (disc[w] === -1) {
          parent[w] = v;
          disc[w] = low[w] = time++;
          next[w] = u.start[w]!;
          stack.push(w);
          if (v === root) rootChildren++;
        } else if (w !== parent[v]) {
          low[v] = Math.min(low[v]!, disc[w]!);
        }
      } else {
        stack.pop();
        const p = parent[v]!;
        if (p >= 0) {
          low[p] = Math.min(low[p]!, low[v]!);
          if (p !== root && low[v]! >= disc[p]!) isCut[p] = 1;
        }
      }
    }
    if (rootChildren > 1) isCut[root] = 1;
  }
  const out: string[] = [];
  for (let i = 0; i < n; i++) if (isCut[i]) out.push(ig.ids[i]!);
  return out.sort(compareIds);
}
