/**
 * The people file of a demo wave, as `leadmap import` writes it: Likert answers to the shipped
 * scales (scales/leadmap-scales.yaml, reversed items answered the other way) and the skills
 * inventory (offered and needed), with the skills findings it plants. The skills are chosen from the
 * wave's own network (check.ts reading), so no tie or roster changes:
 * - single-expert domain: the first domain with exactly one leader who answered; only that leader offers it, and
 *   one colleague who already goes to them would like support in it (the planted pairing);
 * - every other domain with leaders is offered by its leaders, and a one-leader domain also by a
 *   colleague named by at least two others who does not go to the leader (else it is planted as a
 *   single-expert domain too, with its reason);
 * - untapped strength: in the first domain (other than a single-expert one) with leaders and a colleague
 *   who answered, is named by nobody for it and goes to none of its leaders, that colleague offers it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { readWave } from './check.js';
import { Random, seedOf } from './random.js';
import { DOMAINS, type Domain, type GenPeopleFile, type PlantedSkills, type WaveOutput } from './types.js';

/** A label per domain, as a colleague would write it (leadmap import reads the domain back from it). */
export const SKILL_LABEL: Record<Domain, string> = {
  curriculum: 'Curriculum design',
  instruction: 'Teaching practice',
  behaviour: 'Classroom management',
  assessment: 'Assessment design',
  data: 'Data analysis',
  technology: 'Technology in the classroom',
  wellbeing: 'Student wellbeing',
  'professional learning': 'Coaching colleagues',
};

interface ShippedItem {
  item: string;
  reverse: boolean;
}

function shippedItems(): ShippedItem[] {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'scales', 'leadmap-scales.yaml'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('scales/leadmap-scales.yaml not found above the generator');
    dir = up;
  }
  const doc = YAML.parse(readFileSync(join(dir, 'scales', 'leadmap-scales.yaml'), 'utf8')) as {
    scales: Array<{ items: Array<string | { item: string; reverse?: boolean }> }>;
  };
  return doc.scales.flatMap((s) =>
    s.items.map((i) => (typeof i === 'string' ? { item: i, reverse: false } : { item: i.item, reverse: i.reverse === true })),
  );
}

/** The wave with its people file and the skills it plants (ties, roster and the rest unchanged). */
export function withPeopleAnswers(w: WaveOutput, stream: string): WaveOutput {
  const { planted, ...file } = peopleAnswers(w, stream);
  return { ...w, peopleFile: file, planted: { ...w.planted, skills: planted } };
}

function peopleAnswers(w: WaveOutput, stream: string): GenPeopleFile & { planted: PlantedSkills } {
  const items = shippedItems();
  const reading = readWave(w);
  const advice = w.ties.filter((t) => t.relation === 'advice');
  const names = (d: Domain, from: string, to: string) => advice.some((t) => t.domain === d && t.source === from && t.target === to);
  const inDegree = (d: Domain, id: string) => new Set(advice.filter((t) => t.domain === d && t.target === id).map((t) => t.source)).size;
  const nameOf = new Map(w.people.map((p) => [p.id, p.name.display]));
  const ids = w.people.map((p) => p.id).sort();
  const offers = new Map<string, Set<Domain>>(ids.map((id) => [id, new Set()]));
  const needs = new Map<string, Set<Domain>>(ids.map((id) => [id, new Set()]));
  const planted: PlantedSkills = { untappedStrengths: [], singleExpertDomains: [], pairings: [], unmetNeeds: [] };
  const responded = new Set(w.respondents);
  // Only people who answered have answers in the people file: every chosen colleague is one of them.
  const answering = ids.filter((id) => responded.has(id));
  const leadersOf = (d: Domain) => reading.leaders[d] ?? [];
  // The expert must have answered (else their offer is missing and the learner's need would go unmet).
  const single = DOMAINS.find((d) => leadersOf(d).length === 1 && responded.has(leadersOf(d)[0]!)) ?? null;
  for (const d of DOMAINS) {
    const leaders = leadersOf(d);
    for (const l of leaders) offers.get(l)!.add(d);
    if (leaders.length !== 1) continue;
    const expert = leaders[0]!;
    if (d === single) {
      planted.singleExpertDomains.push({
        domain: d,
        expert,
        name: nameOf.get(expert)!,
        why: 'colleagues go to one leader, and no one else lists it as something they could offer',
      });
      const learner = answering.find((id) => id !== expert && names(d, id, expert));
      if (learner) {
        needs.get(learner)!.add(d);
        planted.pairings.push({
          domain: d,
          leader: expert,
          successor: learner,
          because: 'needs',
          why: 'already goes to the one expert and would like support in it',
        });
      }
      continue;
    }
    const second = answering.find((id) => id !== expert && inDegree(d, id) >= 2 && !names(d, id, expert));
    if (second) offers.get(second)!.add(d);
    else
      planted.singleExpertDomains.push({
        domain: d,
        expert,
        name: nameOf.get(expert)!,
        why: 'one leader, and no colleague named by two or more who does not already go to them',
      });
  }
  for (const d of DOMAINS) {
    if (d === single || leadersOf(d).length === 0 || planted.singleExpertDomains.some((x) => x.domain === d)) continue;
    const ls = leadersOf(d);
    const id = answering.find((x) => inDegree(d, x) === 0 && !ls.some((l) => names(d, x, l)));
    if (!id) continue;
    offers.get(id)!.add(d);
    planted.untappedStrengths.push({
      domain: d,
      id,
      name: nameOf.get(id)!,
      why: 'could help colleagues with it, and no colleague names them for it',
    });
    break;
  }
  const random = new Random(seedOf(`${stream}|people`));
  const rows = [...w.people]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((p) => {
      const answered = responded.has(p.id);
      // A person's general view (2–4) plus a little noise per item; reversed items answered the other way.
      const view = 2 + random.next() * 2;
      const likert = items.map((it) => {
        const v = Math.min(5, Math.max(1, Math.round(view + (random.next() - 0.5) * 1.6)));
        return it.reverse ? 6 - v : v;
      });
      return {
        id: p.id,
        name: p.name.display,
        department: p.department,
        responded: answered,
        likert: answered ? likert : [],
        offers: answered ? DOMAINS.filter((d) => offers.get(p.id)!.has(d)) : [],
        needs: answered ? DOMAINS.filter((d) => needs.get(p.id)!.has(d)) : [],
      };
    });
  return { items: items.map((i) => i.item), rows, planted };
}
