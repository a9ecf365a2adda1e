import { readDecisions } from '../../ingest/decisions.js';
import { formatProblems } from '../../ingest/problems.js';
import type { LeadershipAnalysis } from '../../metrics/analytics.js';
import { leaderIds } from '../../metrics/leadership/leader-sets.js';
import { decisionMap, type DecisionMap, type LeadersOf } from '../../metrics/practice/decision-map.js';
import { ANY_DOMAIN, type Person } from '../../model/types.js';

/** What the leadership analysis says about a domain's leaders, for the decision map's check. */
export function leadersFromAnalysis(a: LeadershipAnalysis): LeadersOf {
  const real = a.selection.domains.filter((d) => d !== ANY_DOMAIN);
  return (domain) => {
    if (domain === ANY_DOMAIN) return { leaders: leaderIds(a) };
    if (real.length === 0) return { notAssessed: 'needs a tie list with a domain column' };
    if (!real.includes(domain)) return { notAssessed: `the tie list has no ${a.selection.relation} ties about ${domain}` };
    return { leaders: leaderIds(a, domain) };
  };
}

/** The `decisions` section of leadmap analyze (--decisions): null when the file is refused. */
export async function decisionsSection(
  path: string,
  roster: readonly Person[],
  leadership: LeadershipAnalysis | null,
  stderr: (s: string) => void,
  nameOf?: (id: string) => string,
): Promise<DecisionMap | null> {
  const read = await readDecisions(path, roster);
  if (!read.ok) {
    stderr(`leadmap analyze: the decision map was not read (nothing was analysed):\n${formatProblems(read.problems)}\n`);
    return null;
  }
  return decisionMap(read.value, leadership ? leadersFromAnalysis(leadership) : null, nameOf);
}
