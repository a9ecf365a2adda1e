import Graph from 'graphology';
import type { Person } from '../model/types.js';

/** Node attributes: the Person itself. */
export type NodeAttributes = Person;
/** Edge attributes: aggregated strength and number of aggregated input rows. */
export interface EdgeAttributes {
  /** Strength (frequency), > 0. A path algorithm must convert it to a distance (1/weight) explicitly. */
  weight: number;
  count: number;
}
export interface GraphAttributes {
  relation: string;
  domain: string;
}

/**
 * The graph every metric reads: directed, simple (at most one edge per ordered
 * pair), no self-loops, nodes keyed by person id, every roster person a node.
 */
export type OrgGraph = Graph<NodeAttributes, EdgeAttributes, GraphAttributes>;

export function createOrgGraph(relation: string, domain: string): OrgGraph {
  const g: OrgGraph = new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>({
    type: 'directed',
    multi: false,
    allowSelfLoops: false,
  });
  g.replaceAttributes({ relation, domain });
  return g;
}
