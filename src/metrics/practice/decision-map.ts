/**
 * The decision map: which decisions are made where, when and by whom (decisions.csv), as a matrix of
 * level by domain, checked against the network — are the people who decide a domain the people
 * colleagues go to for it? Definitions: docs/metrics.md, "Decision map".
 */
import { DECISION_LEVELS, type MapDecision, type DecisionLevel } from '../../model/decisions.js';
import { ANY_DOMAIN } from '../../model/types.js';

export interface DecisionRow extends MapDecision {
  /** Decided by one person while the colleagues sought out in its domain are neither that person nor consulted. */
  concentrated: boolean;
  why: string | null;
}

export type AlignmentCheck = 'aligned' | 'partly aligned' | 'not aligned' | 'not assessed';

export interface DomainAlignment {
  domain: string;
  decisions: number;
  /** Everyone who decides at least one decision of the domain. */
  deciders: string[];
  /** The domain's leaders in the network (the rule of "who leads what"); null when not assessed. */
  soughtOut: string[] | null;
  /** Deciders who are also sought out. */
  decidersSoughtOut: string[] | null;
  /** Sought-out people who neither decide nor are consulted on any of the domain's decisions. */
  soughtOutLeftOut: string[] | null;
  check: AlignmentCheck;
  why: string;
}

export interface DecisionMap {
  decisions: DecisionRow[];
  /** Decisions per level and domain (levels classroom → district; only cells with decisions). */
  matrix: Array<{ level: DecisionLevel; domain: string; decisions: number }>;
  byDomain: DomainAlignment[];
}

/** What the network says about a domain: its leaders, or why that cannot be said. */
export type LeadersOf = (domain: string) => { leaders: string[] } | { notAssessed: string };

/**
 * Builds the decision map. `leadersOf` reads the network (null without a tie list: every check is
 * "not assessed — needs a tie list"). Per domain: aligned when at least one decider is sought out in
 * the domain and every sought-out person decides or is consulted; not aligned when no decider is
 * sought out; partly aligned otherwise. `nameOf` words the people in `why` (ids by default). O(d · p)
 * for d decisions of p people.
 */
export function decisionMap(
  decisions: readonly MapDecision[],
  leadersOf: LeadersOf | null,
  nameOf: (id: string) => string = (id) => id,
): DecisionMap {
  const network = (domain: string) => (leadersOf ? leadersOf(domain) : { notAssessed: 'needs a tie list' });
  const rows: DecisionRow[] = decisions.map((d) => {
    const n = network(d.domain);
    if (!('leaders' in n) || d.decides.length !== 1) return { ...d, concentrated: false, why: null };
    const involved = new Set([...d.decides, ...d.consulted]);
    const others = n.leaders.filter((id) => !involved.has(id));
    if (others.length === 0) return { ...d, concentrated: false, why: null };
    return {
      ...d,
      concentrated: true,
      why: `decided by ${nameOf(d.decides[0]!)} alone, while colleagues go to ${others.map(nameOf).join(', ')} about ${d.domain === ANY_DOMAIN ? 'these matters' : d.domain}, who are not consulted`,
    };
  });
  const cells = new Map<string, { level: DecisionLevel; domain: string; decisions: number }>();
  for (const d of decisions) {
    const k = `${d.level}\u0000${d.domain}`;
    const c = cells.get(k) ?? { level: d.level, domain: d.domain, decisions: 0 };
    c.decisions++;
    cells.set(k, c);
  }
  const matrix = [...cells.values()].sort(
    (a, b) => DECISION_LEVELS.indexOf(a.level) - DECISION_LEVELS.indexOf(b.level) || a.domain.localeCompare(b.domain),
  );
  const domains = [...new Set(decisions.map((d) => d.domain))].sort();
  const byDomain = domains.map((domain): DomainAlignment => {
    const mine = decisions.filter((d) => d.domain === domain);
    const deciders = [...new Set(mine.flatMap((d) => d.decides))].sort();
    const involved = new Set([...deciders, ...mine.flatMap((d) => d.consulted)]);
    const n = network(domain);
    if (!('leaders' in n))
      return {
        domain,
        decisions: mine.length,
        deciders,
        soughtOut: null,
        decidersSoughtOut: null,
        soughtOutLeftOut: null,
        check: 'not assessed',
        why: `not assessed — ${n.notAssessed}`,
      };
    const soughtOut = [...n.leaders].sort();
    if (soughtOut.length === 0)
      return {
        domain,
        decisions: mine.length,
        deciders,
        soughtOut,
        decidersSoughtOut: [],
        soughtOutLeftOut: [],
        check: 'not assessed',
        why: 'not assessed — no one stands out as sought out in this domain',
      };
    const decidersSoughtOut = deciders.filter((id) => soughtOut.includes(id));
    const soughtOutLeftOut = soughtOut.filter((id) => !involved.has(id));
    const check: AlignmentCheck =
      decidersSoughtOut.length === 0 ? 'not aligned' : soughtOutLeftOut.length === 0 ? 'aligned' : 'partly aligned';
    const why =
      check === 'aligned'
        ? 'the people who decide include those colleagues go to, and everyone sought out decides or is consulted'
        : check === 'not aligned'
          ? 'none of the people who decide is someone colleagues go to in this domain'
          : `${soughtOutLeftOut.length} of the ${soughtOut.length} people colleagues go to neither decide nor are consulted`;
    return { domain, decisions: mine.length, deciders, soughtOut, decidersSoughtOut, soughtOutLeftOut, check, why };
  });
  return { decisions: rows, matrix, byDomain };
}
