/** Where a decision is made, from the smallest unit to the whole district. */
export const DECISION_LEVELS = ['classroom', 'team', 'department', 'school', 'district'] as const;
export type DecisionLevel = (typeof DECISION_LEVELS)[number];

/** One row of a decision map (decisions.csv; docs/metrics.md, "Decision map"). */
export interface MapDecision {
  row: number;
  decision: string;
  /** Leadership domain, as tie lists name them (normaliseDomain), or "any" for every domain. */
  domain: string;
  level: DecisionLevel;
  /** Roster ids (roles on the row are expanded to everyone on the roster holding them). */
  decides: string[];
  consulted: string[];
  informed: string[];
  /** How often it is made, as written ("weekly", "each term"), or null. */
  frequency: string | null;
}
