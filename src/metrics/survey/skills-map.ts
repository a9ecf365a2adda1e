/**
 * The skills inventory beside the network: per domain, who could offer a skill (people file
 * `skill_domains`), who would like support in it (`need_domains`) and who colleagues go to for it.
 * Every finding is a prompt for a conversation about how expertise is shared, never a ranking of
 * people. Definitions: docs/metrics.md, "Skills offered and needed".
 */
import { ANY_DOMAIN } from '../../model/types.js';

/** A person's answers to the inventory: the domains of what they could offer and of where they would like support. */
export interface SkillAnswers {
  id: string;
  offers: readonly string[];
  needs: readonly string[];
}

/** What the network says about one domain, or null when the tie list has no ties about it. */
export type SkillsNetwork = (domain: string) => {
  /** Everyone's in-degree in the domain: the number of distinct colleagues who name them. */
  inDegree: ReadonlyMap<string, number>;
  /** The domain's leaders (the leader rule of "who leads what"). */
  leaders: readonly string[];
  /** Whether `from` names `to` in the domain. */
  names: (from: string, to: string) => boolean;
} | null;

/** Named by at most this many colleagues in a domain counts as rarely sought out in it. */
export const RARELY_SOUGHT_MAX = 1;

export interface SkillDomain {
  domain: string;
  offeredBy: string[];
  neededBy: string[];
  /** The domain's leaders; null when the network says nothing about the domain. */
  soughtOut: string[] | null;
}

export interface SkillsMap {
  note: string;
  domains: SkillDomain[];
  untappedStrengths: Array<{ domain: string; id: string; namedBy: number; prompt: string }>;
  singleExpertDomains: Array<{ domain: string; expert: string; namedBy: number; prompt: string }>;
  unmetNeeds: Array<{ domain: string; neededBy: string[]; prompt: string }>;
  pairings: Array<{ domain: string; leader: string; successor: string; because: 'offers' | 'needs'; prompt: string }>;
}

export const SKILLS_NOTE =
  'Prompts for a conversation about how expertise is shared, not a ranking of people: a survey answer and a count of nominations say nothing about how good anyone is.';

/**
 * Builds the skills map. Domains are those named in any answer or (when `network` is given) in the
 * tie list, in alphabetical order; people within each list in id order. `network` null (no tie
 * list): only the needs nobody offers are assessed. O(d · p) for d domains and p people (plus the
 * pairings' leader × person checks).
 */
export function skillsMap(
  people: readonly SkillAnswers[],
  network: SkillsNetwork | null,
  tieDomains: readonly string[],
  nameOf: (id: string) => string = (id) => id,
): SkillsMap {
  const byId = [...people].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const domains = [...new Set([...byId.flatMap((p) => [...p.offers, ...p.needs]), ...(network ? tieDomains : [])])]
    .filter((d) => d !== ANY_DOMAIN)
    .sort();
  const out: SkillsMap = { note: SKILLS_NOTE, domains: [], untappedStrengths: [], singleExpertDomains: [], unmetNeeds: [], pairings: [] };
  for (const domain of domains) {
    const offeredBy = byId.filter((p) => p.offers.includes(domain)).map((p) => p.id);
    const neededBy = byId.filter((p) => p.needs.includes(domain)).map((p) => p.id);
    const n = network ? network(domain) : null;
    out.domains.push({ domain, offeredBy, neededBy, soughtOut: n ? [...n.leaders].sort() : null });
    const unmet = neededBy.filter((id) => !offeredBy.some((o) => o !== id));
    if (unmet.length > 0)
      out.unmetNeeds.push({
        domain,
        neededBy: unmet,
        prompt: `${unmet.length === 1 ? `${nameOf(unmet[0]!)} would` : `${unmet.length} colleagues would`} like support in ${domain}, and no colleague listed it as something they could offer: where could that support come from?`,
      });
    if (!n) continue;
    const deg = (id: string) => n.inDegree.get(id) ?? 0;
    for (const id of offeredBy)
      if (deg(id) <= RARELY_SOUGHT_MAX)
        out.untappedStrengths.push({
          domain,
          id,
          namedBy: deg(id),
          prompt: `${nameOf(id)} could help colleagues with ${domain}, and ${deg(id) === 0 ? 'no colleague names them' : 'one colleague names them'} for it: do colleagues know, and is there a way to share it?`,
        });
    if (n.leaders.length === 1) {
      const expert = n.leaders[0]!;
      if (offeredBy.every((id) => id === expert))
        out.singleExpertDomains.push({
          domain,
          expert,
          namedBy: deg(expert),
          prompt: `Colleagues go to ${nameOf(expert)} for ${domain} (${deg(expert)} name them), and no one else lists it as something they could offer: what happens to ${domain} when ${nameOf(expert)} is away or moves on?`,
        });
    }
    for (const leader of [...n.leaders].sort())
      for (const p of byId) {
        if (p.id === leader || n.leaders.includes(p.id) || !n.names(p.id, leader)) continue;
        const because = p.offers.includes(domain) ? 'offers' : p.needs.includes(domain) ? 'needs' : null;
        if (!because) continue;
        out.pairings.push({
          domain,
          leader,
          successor: p.id,
          because,
          prompt: `${nameOf(p.id)} already goes to ${nameOf(leader)} about ${domain} and ${because === 'offers' ? 'could help colleagues with it' : 'would like support in it'}: could they work alongside ${nameOf(leader)} in ${domain}?`,
        });
      }
  }
  return out;
}
