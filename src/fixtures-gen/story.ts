/**
 * A wave's story in declarative form (who leads what, what is planted) and its translation into a
 * survey plan. Ordinary staff are capped (a few nominations per domain) so that only the people a
 * story names can stand out; formal leaders, hidden leaders and overloaded leaders are pulled
 * strongly in their domains; nominal leaders are pulled weakly and capped harder.
 */
import { isFormalLeaderRole } from '../model/formal-roles.js';
import type { Random } from './random.js';
import { simulateSurvey, type SurveyPlan } from './survey.js';
import { DOMAINS, type Domain, type GenPerson, type Planted, type WaveOutput } from './types.js';

export interface Pull {
  id: string;
  domains: readonly Domain[];
  pull: number;
}

export interface WaveStory {
  label: string;
  year: number;
  story: string;
  people: GenPerson[];
  /** Formal (or otherwise expected) sources of advice: not planted, just the school's normal shape. */
  leaders: Pull[];
  hidden: Array<Pull & { why: string }>;
  overloaded: Array<Pull & { why: string }>;
  nominal: Array<{ id: string; why: string }>;
  keyPeople: Array<{ id: string; domain: Domain; dependents: string[]; why: string }>;
  isolates: Array<{ id: string; namesNobody: boolean; why: string }>;
  silos: Array<{ grouping: 'department' | 'school'; group: string; why: string }>;
  /** Share of staff who answer (others have no out-ties). */
  responseRate: number;
  /** Team/department/school affinity of a source for a target (before the target's pull). */
  affinity(s: GenPerson, t: GenPerson): number;
  /** Probability that a person answers a domain. */
  answerRate(p: GenPerson, d: Domain): number;
  /** Ordinary staff caps. */
  ordinaryDomainCap?: number;
  ordinaryPooledCap?: number;
  minInDegree?: number;
}

const SILO_LEAK = 0.02;

export function runStory(school: string, w: WaveStory, rng: Random): WaveOutput {
  const byId = new Map(w.people.map((p) => [p.id, p]));
  const need = (id: string): GenPerson => {
    const p = byId.get(id);
    if (!p) throw new Error(`${school} ${w.label}: story names ${id}, who is not on the roster`);
    return p;
  };
  const pullOf = new Map<string, number>(); // `${id}|${d}` → pull
  for (const l of [...w.leaders, ...w.hidden, ...w.overloaded]) {
    need(l.id);
    for (const d of l.domains) pullOf.set(`${l.id}|${d}`, Math.max(pullOf.get(`${l.id}|${d}`) ?? 0, l.pull));
  }
  const strong = new Set([...w.leaders, ...w.hidden, ...w.overloaded].map((l) => l.id));
  const nominal = new Set(w.nominal.map((n) => need(n.id).id));
  const unnamed = new Set(w.isolates.map((i) => need(i.id).id));
  const silent = new Set(w.isolates.filter((i) => i.namesNobody).map((i) => i.id));
  const mustAnswer = new Set<string>(w.isolates.filter((i) => !i.namesNobody).map((i) => i.id));
  const forced = new Map<string, string[]>(); // `${s}|${d}` → [key]
  for (const k of w.keyPeople) {
    need(k.id);
    for (const dep of k.dependents) {
      need(dep);
      mustAnswer.add(dep);
      forced.set(`${dep}|${k.domain}`, [k.id]);
    }
  }
  const groupOf = (p: GenPerson, g: 'department' | 'school'): string => (g === 'department' ? p.department : p.school);
  const inSilo = (p: GenPerson): string | undefined =>
    w.silos.find((s) => groupOf(p, s.grouping) === s.group)?.group;

  // Respondents: a seeded draw, with planted people fixed.
  const respondents = new Set<string>();
  for (const p of w.people) {
    if (silent.has(p.id)) continue;
    if (mustAnswer.has(p.id) || rng.chance(w.responseRate)) respondents.add(p.id);
  }
  // Domains each respondent answers (at least two; dependents answer their key domain).
  const answers = new Map<string, Domain[]>();
  for (const p of w.people) {
    if (!respondents.has(p.id)) continue;
    let ds = DOMAINS.filter((d) => rng.chance(w.answerRate(p, d)));
    for (const d of DOMAINS) if (forced.has(`${p.id}|${d}`) && !ds.includes(d)) ds.push(d);
    while (ds.length < 2) {
      const d = rng.pick(DOMAINS);
      if (!ds.includes(d)) ds.push(d);
    }
    ds = DOMAINS.filter((d) => ds.includes(d));
    answers.set(p.id, ds);
  }

  const domainCap = w.ordinaryDomainCap ?? 2;
  const pooledCap = w.ordinaryPooledCap ?? 7;
  const plan: SurveyPlan = {
    people: w.people,
    respondents,
    answers: (s) => answers.get(s.id) ?? [],
    pull: (s, t, d) => {
      const silo = inSilo(s) ?? inSilo(t);
      const leak = silo !== undefined && inSilo(s) !== inSilo(t) ? SILO_LEAK : 1;
      const base = nominal.has(t.id) ? 0.3 : pullOf.get(`${t.id}|${d}`) ?? 1;
      return base * w.affinity(s, t) * leak;
    },
    domainCap: (t, d) => (nominal.has(t.id) ? 1 : pullOf.has(`${t.id}|${d}`) ? Infinity : domainCap),
    pooledCap: (t) => (nominal.has(t.id) ? 2 : strong.has(t.id) ? Infinity : pooledCap),
    forced: (s, d) => forced.get(`${s.id}|${d}`),
    // Silo members name two colleagues at most, so a small silo can answer from inside itself.
    maxNames: (s) => (inSilo(s) !== undefined ? 2 : 6),
    unnamed,
    minInDegree: w.minInDegree ?? 2,
    collaborationPull: (s, t) => {
      const silo = inSilo(s) ?? inSilo(t);
      const leak = silo !== undefined && inSilo(s) !== inSilo(t) ? 0 : 1;
      return (s.team === t.team ? 6 : s.department === t.department ? 2 : 0.3) * leak;
    },
    collaborationCap: 2,
  };
  const ties = simulateSurvey(plan, rng);
  const nameOf = (id: string): string => need(id).name.display;
  const byIdSort = <T extends { id: string }>(xs: T[]): T[] => [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const n of w.nominal) if (!isFormalLeaderRole(need(n.id).role)) throw new Error(`${n.id} is nominal but has no formal role`);
  for (const h of w.hidden) if (isFormalLeaderRole(need(h.id).role)) throw new Error(`${h.id} is hidden but has a formal role`);
  const planted: Planted = {
    school,
    wave: w.label,
    story: w.story,
    hiddenLeaders: byIdSort(w.hidden.map((h) => ({ id: h.id, name: nameOf(h.id), domains: [...h.domains], why: h.why }))),
    silos: w.silos.map((s) => ({ ...s })),
    keyPeople: byIdSort(w.keyPeople.map((k) => ({ id: k.id, name: nameOf(k.id), domain: k.domain, dependents: [...k.dependents].sort(), why: k.why }))),
    overloadedLeaders: byIdSort(w.overloaded.map((o) => ({ id: o.id, name: nameOf(o.id), releaseTime: need(o.id).releaseTime, domains: [...o.domains], why: o.why }))),
    isolatedNewcomers: byIdSort(w.isolates.map((i) => {
      if (need(i.id).startYear !== w.year) throw new Error(`${i.id} is an isolated newcomer but did not start in ${w.year}`);
      return { id: i.id, name: nameOf(i.id), namesNobody: i.namesNobody, why: i.why };
    })),
    nominalLeaders: byIdSort(w.nominal.map((n) => ({ id: n.id, name: nameOf(n.id), role: need(n.id).role, why: n.why }))),
  };
  return { label: w.label, year: w.year, people: w.people, respondents: [...respondents].sort(), ties, planted };
}
