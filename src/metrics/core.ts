import type { OrgGraph } from '../graph/org-graph.js';
import { toCsr, type Csr } from '../graph/csr.js';
import { degreeArrays } from './node/degree.js';
import { pageRankArray } from './node/pagerank.js';
import { allSourcesPaths } from './node/shortest-paths.js';
import { scaleBetweenness } from './node/betweenness.js';
import { closenessFromSums } from './node/closeness.js';
import { eigenvectorArray } from './node/eigenvector.js';
import { hitsArray } from './node/hits.js';
import { density } from './network/density.js';
import { reciprocity } from './network/reciprocity.js';
import { transitivity } from './network/transitivity.js';
import { strongComponentLabels, weakComponentLabels } from './network/components.js';
import { inDegreeCentralization } from './network/centralization.js';
import { isolates, type Isolates } from './network/isolates.js';

/** One person's core measures. Definitions, scaling and degenerate cases: docs/metrics.md. */
export interface PersonMetrics {
  id: string;
  inDegree: number;
  outDegree: number;
  inStrength: number;
  outStrength: number;
  /** Sums to 1 over the network; null only if the iteration did not converge (never at the defaults). */
  pageRank: number | null;
  /** Directed, hop counts, normalised by (n − 1)(n − 2). */
  betweenness: number;
  /** Incoming hop distances, Wasserman–Faust scaled. */
  closeness: number;
  /** Null when undefined for the network (no ties, no convergence); see `notes`. */
  eigenvector: number | null;
  hubs: number | null;
  authorities: number | null;
}

export interface NetworkMetrics {
  people: number;
  ties: number;
  /** Null with fewer than 2 people. */
  density: number | null;
  /** Null when there are no ties. */
  reciprocity: number | null;
  transitivity: number;
  weakComponents: number;
  strongComponents: number;
  /** Null with fewer than 2 people. */
  inDegreeCentralization: number | null;
  /** Number of people with no incoming and no outgoing tie (networkx number_of_isolates). */
  isolates: number;
  /** Their ids, in graph node order. */
  isolateIds: string[];
}

/** Why a metric is null for this network, e.g. { metric: 'eigenvector', reason: 'did not converge' }. */
export interface MetricNote {
  metric: 'pageRank' | 'eigenvector' | 'hubs' | 'authorities' | 'reciprocity' | 'density' | 'inDegreeCentralization';
  reason: string;
}

export interface CoreMetrics {
  network: NetworkMetrics;
  /** One entry per graph node (isolates included), in graph node order. */
  people: PersonMetrics[];
  /** Reasons for every metric reported as null. Empty when all are defined. */
  notes: MetricNote[];
}

/**
 * The core measures of one network with each metric's defaults (see the single-metric modules in
 * node/ and network/). Plain JSON: finite numbers or null, never NaN or Infinity.
 * Indexes the graph once (CSR) and runs one shortest-path pass for betweenness and closeness together.
 * O(n·m) time (the path pass), O(n + m) memory.
 */
export function coreMetrics(graph: OrgGraph): CoreMetrics {
  return coreMetricsOfCsr(toCsr(graph));
}

/** {@link coreMetrics} on an existing CSR view. */
export function coreMetricsOfCsr(c: Csr): CoreMetrics {
  const n = c.n;
  const notes: MetricNote[] = [];
  const deg = degreeArrays(c);
  const pr = pageRankArray(c);
  if (!pr.converged) notes.push({ metric: 'pageRank', reason: 'did not converge' });
  const paths = allSourcesPaths(c, { weighted: false, betweenness: true });
  const bc = scaleBetweenness(paths.betweenness, n, true);
  const cl = closenessFromSums(paths.distanceSum, paths.reachedBy, n);
  const ev = eigenvectorArray(c);
  if (ev.reason) notes.push({ metric: 'eigenvector', reason: ev.reason });
  const hi = hitsArray(c);
  if (hi.reason) {
    notes.push({ metric: 'hubs', reason: hi.reason }, { metric: 'authorities', reason: hi.reason });
  }
  const people = personRows(c, { degrees: deg, pageRank: pr, betweenness: bc, closeness: cl, eigenvector: ev.values, hits: hi });
  return { network: networkMetrics(c, notes), people, notes };
}

/** The per-person columns of the core measures, however a path computed them (arrays in index order). */
export interface PersonColumns {
  degrees: { inDegree: ArrayLike<number>; outDegree: ArrayLike<number>; inStrength: ArrayLike<number>; outStrength: ArrayLike<number> };
  /** Values are reported only when the iteration converged. */
  pageRank: { values: ArrayLike<number>; converged: boolean };
  betweenness: ArrayLike<number>;
  closeness: ArrayLike<number>;
  /** Null when undefined for the network (its note says why). */
  eigenvector: ArrayLike<number> | null;
  hits: { hubs: ArrayLike<number> | null; authorities: ArrayLike<number> | null };
}

/** One PersonMetrics per node of the index, in index order: the rows of both paths. */
export function personRows(c: Csr, cols: PersonColumns): PersonMetrics[] {
  const { degrees: deg, pageRank: pr, hits: hi } = cols;
  const people: PersonMetrics[] = [];
  for (let i = 0; i < c.n; i++) {
    people.push({
      id: c.ids[i]!,
      inDegree: deg.inDegree[i]!,
      outDegree: deg.outDegree[i]!,
      inStrength: deg.inStrength[i]!,
      outStrength: deg.outStrength[i]!,
      pageRank: pr.converged ? pr.values[i]! : null,
      betweenness: cols.betweenness[i]!,
      closeness: cols.closeness[i]!,
      eigenvector: cols.eigenvector ? cols.eigenvector[i]! : null,
      hubs: hi.hubs ? hi.hubs[i]! : null,
      authorities: hi.authorities ? hi.authorities[i]! : null,
    });
  }
  return people;
}

/**
 * The network-level core measures (one definition each, in src/metrics/network/), shared by the
 * standard path and the fast path. Pushes a note for each measure that is null.
 */
export function networkMetrics(c: Csr, notes: MetricNote[]): NetworkMetrics {
  const network: NetworkMetrics = {
    people: c.n,
    ties: c.m,
    density: density(c),
    reciprocity: reciprocity(c),
    transitivity: transitivity(c),
    weakComponents: weakComponentLabels(c).count,
    strongComponents: strongComponentLabels(c).count,
    inDegreeCentralization: inDegreeCentralization(c),
    ...isolateFields(isolates(c)),
  };
  if (network.density === null) notes.push({ metric: 'density', reason: 'fewer than 2 people' });
  if (network.reciprocity === null) notes.push({ metric: 'reciprocity', reason: 'no ties' });
  if (network.inDegreeCentralization === null) notes.push({ metric: 'inDegreeCentralization', reason: 'fewer than 2 people' });
  return network;
}

/** The isolates of a network as the two flat fields of NetworkMetrics. */
export function isolateFields(iso: Isolates): { isolates: number; isolateIds: string[] } {
  return { isolates: iso.count, isolateIds: iso.ids };
}
