import { readSkillAnswers } from '../../ingest/skill-answers.js';
import { formatProblems } from '../../ingest/problems.js';
import type { LeadershipAnalysis } from '../../metrics/analytics.js';
import { skillsMap, type SkillsMap, type SkillsNetwork } from '../../metrics/survey/skills-map.js';
import { buildGraph } from '../../graph/build-graph.js';
import { toCsr, toMap } from '../../graph/csr.js';
import { degreeArrays } from '../../metrics/node/degree.js';
import { ANY_DOMAIN, type Dataset } from '../../model/types.js';
import { leadersFromAnalysis } from './decisions.js';

/**
 * The `skills` section of leadmap analyze (--people): the inventory's offered and needed domains
 * beside the network of the analysed relation. Absent (undefined) when the people file has no
 * skills columns; null when the file is refused (problems on stderr). Prompts name people by id
 * unless `nameOf` is given (the text output; JSON keeps ids, as every other section).
 */
export async function skillsSection(
  peoplePath: string,
  network: { dataset: Dataset; relation: string; leadership: LeadershipAnalysis } | null,
  stderr: (s: string) => void,
  nameOf: ((id: string) => string) | null = null,
): Promise<SkillsMap | null | undefined> {
  const read = await readSkillAnswers(peoplePath);
  if (!read.ok) {
    stderr(`leadmap analyze: the people file was not read (nothing was analysed):\n${formatProblems(read.problems)}\n`);
    return null;
  }
  if (read.value === null) return undefined;
  const named = nameOf ?? ((id: string) => id);
  if (!network) return skillsMap(read.value, null, [], named);
  const { dataset, relation, leadership } = network;
  const ties = dataset.ties.filter((t) => t.relation === relation);
  const tieDomains = [...new Set(ties.map((t) => t.domain))].filter((d) => d !== ANY_DOMAIN);
  const leadersOf = leadersFromAnalysis(leadership);
  const names = new Set(ties.map((t) => `${t.domain}\u0000${t.source}\u0000${t.target}`));
  const net: SkillsNetwork = (domain) => {
    if (!tieDomains.includes(domain)) return null;
    const l = leadersOf(domain);
    if (!('leaders' in l)) return null;
    const c = toCsr(buildGraph(dataset, { relation, domain }));
    return {
      inDegree: toMap(c, degreeArrays(c).inDegree),
      leaders: l.leaders,
      names: (from, to) => names.has(`${domain}\u0000${from}\u0000${to}`),
    };
  };
  return skillsMap(read.value, net, tieDomains, named);
}
