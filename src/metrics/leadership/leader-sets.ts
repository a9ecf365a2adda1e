/**
 * The sets of people the product counts as leaders, one rule each, shared by every output (the
 * indicators, "who leads what", the report, the district breakdown).
 */
import type { LeadershipAnalysis } from './analysis-types.js';
import { ANY_DOMAIN } from '../../model/types.js';

type A = LeadershipAnalysis;

const realDomains = (a: A) => a.selection.domains.filter((d) => d !== ANY_DOMAIN);
const pick = <T extends { domain: string }>(list: readonly T[], domain: string): T | undefined =>
  list.find((x) => x.domain === domain) ?? list.find((x) => x.domain === ANY_DOMAIN);

/**
 * The leaders counted for a domain: that domain's leaders; for all domains together, everyone who
 * leads at least one domain (the rows of "who leads what"), or the pooled network's leaders when the
 * data has no domains.
 */
export function leaderIds(a: A, domain: string = ANY_DOMAIN): string[] {
  const real = realDomains(a);
  if (domain !== ANY_DOMAIN || real.length === 0) return pick(a.leaders.byDomain, domain)?.leaders ?? [];
  return [...new Set(a.leaders.byDomain.filter((d) => d.domain !== ANY_DOMAIN).flatMap((d) => d.leaders))];
}

/** Hidden leaders of a domain; for all domains together, everyone hidden in at least one domain. */
export function hiddenIds(a: A, domain: string = ANY_DOMAIN): string[] {
  const real = realDomains(a);
  if (domain !== ANY_DOMAIN || real.length === 0) return (pick(a.formalInformal.byDomain, domain)?.hiddenLeaders ?? []).map((h) => h.id);
  return [...new Set(a.formalInformal.byDomain.filter((d) => d.domain !== ANY_DOMAIN).flatMap((d) => d.hiddenLeaders.map((h) => h.id)))];
}

/** Leaders (as leaderIds) who hold no formal leadership role. */
export function leaderPlusIds(a: A, domain: string = ANY_DOMAIN): string[] {
  const formal = new Set<string>();
  for (const d of a.leaders.byDomain) for (const s of d.soughtOut) if (s.formalLeader) formal.add(s.id);
  return leaderIds(a, domain).filter((id) => !formal.has(id));
}
