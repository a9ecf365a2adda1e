import type { OrgGraph } from '../../graph/org-graph.js';
import { asCsr, toMap, type Csr } from '../../graph/csr.js';

/**
 * Degree and strength of every person.
 *
 * - inDegree(v)    = |{u : u → v}|  — number of distinct colleagues who name v.
 * - outDegree(v)   = |{w : v → w}|  — number of distinct colleagues v names.
 * - inStrength(v)  = Σ_{u → v} w(u, v) — summed tie strengths received.
 * - outStrength(v) = Σ_{v → w} w(v, w) — summed tie strengths sent.
 *
 * Raw counts, not normalised (divide by n − 1 for networkx's in_degree_centrality).
 * The graph is simple (one edge per ordered pair), so degree counts distinct neighbours.
 * Degenerate: empty graph → empty map; isolates → 0; n = 1 → 0. Never NaN.
 * O(n + m) once the CSR view exists.
 * Ref: Wasserman & Faust (1994) §5.2; networkx `G.in_degree()`, `G.in_degree(weight='weight')`.
 *
 * @example inDegree(graphFrom(['a','b'], [['a','b']])) // Map { a → 0, b → 1 }
 */
export function inDegree(graph: OrgGraph | Csr): Map<string, number> {
  const c = asCsr(graph);
  return toMap(c, degreeArrays(c).inDegree);
}

/** Number of distinct colleagues each person names. See {@link inDegree}. */
export function outDegree(graph: OrgGraph | Csr): Map<string, number> {
  const c = asCsr(graph);
  return toMap(c, degreeArrays(c).outDegree);
}

/** Summed strength of ties each person receives. See {@link inDegree}. */
export function inStrength(graph: OrgGraph | Csr): Map<string, number> {
  const c = asCsr(graph);
  return toMap(c, degreeArrays(c).inStrength);
}

/** Summed strength of ties each person sends. See {@link inDegree}. */
export function outStrength(graph: OrgGraph | Csr): Map<string, number> {
  const c = asCsr(graph);
  return toMap(c, degreeArrays(c).outStrength);
}

export interface DegreeArrays {
  inDegree: Float64Array;
  outDegree: Float64Array;
  inStrength: Float64Array;
  outStrength: Float64Array;
}

/** All four per-node arrays at once, indexed like `csr.ids`. O(n + m). */
export function degreeArrays(c: Csr): DegreeArrays {
  const { n } = c;
  const inDeg = new Float64Array(n);
  const outDeg = new Float64Array(n);
  const inStr = new Float64Array(n);
  const outStr = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    outDeg[v] = c.outOffsets[v + 1]! - c.outOffsets[v]!;
    inDeg[v] = c.inOffsets[v + 1]! - c.inOffsets[v]!;
    let so = 0;
    for (let k = c.outOffsets[v]!; k < c.outOffsets[v + 1]!; k++) so += c.outWeights[k]!;
    let si = 0;
    for (let k = c.inOffsets[v]!; k < c.inOffsets[v + 1]!; k++) si += c.inWeights[k]!;
    outStr[v] = so;
    inStr[v] = si;
  }
  return { inDegree: inDeg, outDegree: outDeg, inStrength: inStr, outStrength: outStr };
}
