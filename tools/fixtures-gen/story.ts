/**
 * A wave's story in declarative form (who leads what, what is planted) and its translation into a
 * survey plan. Ordinary staff are capped (a few nominations per domain) so that only the people a
 * story names can stand out; formal leaders, hidden leaders and overloaded leaders are pulled
 * strongly in their domains; nominal leaders are pulled weakly and capped harder.
 */
import { withPeopleAnswers } from './people-answers.js';
import { withPracticeLogs } from './practice-logs.js';
import { isFormalLeaderRole } from '../../src/model/formal-roles.js';
import { plantedMismatches } from './check.js';
import { Random, seedOf } from './random.js';
import { simulateSurvey, type SurveyPlan } from './survey.js';
import { schoolOutcomes } from './outcomes.js';
import { DOMAINS, type Domain, type GenPerson, type Planted, type SchoolOutput, type WaveOutput } from './types.js';

/**
 * A person colleagues go to in some domains: each respondent answering such a domain names them with
 * probability `share` (`teamShare` for their own team, when given). They are named only this way in
 * those domains (never by the random fill), so their in-degree there is ≈ share × respondents.
 */
export interface Pull {
  id: string;
  domains: readonly Domain[];
  share: number;
  teamShare?: number;
  /** Share for respondents of the same department (and school), when given. */
  deptShare?: number;
  /** Share for respondents of the same school (districts), when given. */
  schoolShare?: number;
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
  /** People outside every silo's walls (a superintendent who visits all schools). */
  unsiloed?: string[];
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
const SILO_SHARE_LEAK = 0.1;
const SMALL_SILO = 10;

export function runStory(school: string, w: WaveStory, rng: Random): WaveOutput {
  const byId = new Map(w.people.map((p) => [p.id, p]));
  const need = (id: string): GenPerson => {
    const p = byId.get(id);
    if (!p) throw new Error(`${school} ${w.label}: story names ${id}, who is not on the roster`);
    return p;
  };
  const pulls = [...w.leaders, ...w.hidden, ...w.overloaded];
  const pullOf = new Set<string>(); // `${id}|${d}`
  for (const l of pulls) {
    need(l.id);
    for (const d of l.domains) pullOf.add(`${l.id}|${d}`);
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
  const unsiloed = new Set(w.unsiloed ?? []);
  /** A tie between s and t crosses a silo wall. */
  const walled = (s: GenPerson, t: GenPerson): boolean =>
    !unsiloed.has(s.id) && !unsiloed.has(t.id) && inSilo(s) !== inSilo(t) && (inSilo(s) ?? inSilo(t)) !== undefined;
  const inSilo = (p: GenPerson): string | undefined => w.silos.find((s) => groupOf(p, s.grouping) === s.group)?.group;

  const siloSize = new Map<string, number>();
  for (const p of w.people) {
    const g = inSilo(p);
    if (g !== undefined) siloSize.set(g, (siloSize.get(g) ?? 0) + 1);
  }
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

  // Who goes to which leader: drawn per respondent, domain and leader, in fixed order.
  const preferred = new Map<string, string[]>();
  for (const s of w.people) {
    for (const d of answers.get(s.id) ?? []) {
      if (forced.has(`${s.id}|${d}`)) continue;
      const list: string[] = [];
      for (const l of pulls) {
        if (l.id === s.id || !l.domains.includes(d) || list.includes(l.id)) continue;
        const t = need(l.id);
        const leak = walled(s, t) ? SILO_SHARE_LEAK : 1;
        const sameSchool = s.school === t.school;
        const base =
          sameSchool && s.team === t.team && l.teamShare !== undefined
            ? l.teamShare
            : sameSchool && s.department === t.department && l.deptShare !== undefined
              ? l.deptShare
              : sameSchool && l.schoolShare !== undefined
                ? l.schoolShare
                : l.share;
        const share = base * leak;
        if (rng.chance(share)) list.push(l.id);
      }
      preferred.set(`${s.id}|${d}`, list);
    }
  }
  const domainCap = w.ordinaryDomainCap ?? 2;
  const pooledCap = w.ordinaryPooledCap ?? 7;
  const plan: SurveyPlan = {
    people: w.people,
    respondents,
    answers: (s) => answers.get(s.id) ?? [],
    pull: (s, t, d) => {
      const leak = walled(s, t) ? SILO_LEAK : 1;
      const base = nominal.has(t.id) ? 0.3 : pullOf.has(`${t.id}|${d}`) ? 0 : 1;
      return base * w.affinity(s, t) * leak;
    },
    // Leaders outside their own domains are asked now and then, like anyone, but capped at one.
    domainCap: (t, d) => (nominal.has(t.id) ? 1 : pullOf.has(`${t.id}|${d}`) ? Infinity : strong.has(t.id) ? 1 : domainCap),
    // Inside a large silo colleagues all ask each other, so its members may be named by more people.
    pooledCap: (t) =>
      nominal.has(t.id)
        ? 2
        : strong.has(t.id)
          ? Infinity
          : inSilo(t) !== undefined && siloSize.get(inSilo(t)!)! > SMALL_SILO
            ? 12
            : pooledCap,
    forced: (s, d) => forced.get(`${s.id}|${d}`),
    preferred: (s, d) => preferred.get(`${s.id}|${d}`) ?? [],
    // Silo members name few colleagues (two in a small silo, four in a large one), so the silo can answer from inside itself.
    maxNames: (s) => (inSilo(s) === undefined ? 6 : siloSize.get(inSilo(s)!)! <= SMALL_SILO ? 2 : 4),
    unnamed,
    minInDegree: w.minInDegree ?? 2,
    collaborationPull: (s, t) => {
      const leak = walled(s, t) ? 0 : 1;
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
    keyPeople: byIdSort(
      w.keyPeople.map((k) => ({ id: k.id, name: nameOf(k.id), domain: k.domain, dependents: [...k.dependents].sort(), why: k.why })),
    ),
    overloadedLeaders: byIdSort(
      w.overloaded.map((o) => ({ id: o.id, name: nameOf(o.id), releaseTime: need(o.id).releaseTime, domains: [...o.domains], why: o.why })),
    ),
    isolatedNewcomers: byIdSort(
      w.isolates.map((i) => {
        if (need(i.id).startYear !== w.year) throw new Error(`${i.id} is an isolated newcomer but did not start in ${w.year}`);
        return { id: i.id, name: nameOf(i.id), namesNobody: i.namesNobody, why: i.why };
      }),
    ),
    nominalLeaders: byIdSort(w.nominal.map((n) => ({ id: n.id, name: nameOf(n.id), role: need(n.id).role, why: n.why }))),
  };
  return { label: w.label, year: w.year, people: w.people, respondents: [...respondents].sort(), ties, planted, outcomes: [] };
}

/** The seed stream of the planted-noise wave (the latest wave's story with fresh random draws). */
export const REDRAW = 'redrawn';

/**
 * Runs a wave's story with the first of a fixed sequence of seeds whose result shows exactly what the
 * story plants under the reference reading (check.ts) — deterministic, since the sequence is fixed.
 */
export function runCheckedStory(
  school: string,
  w: WaveStory,
  groupings: ReadonlyArray<'department' | 'school'> = ['department'],
  attempts = 40,
  /** Another name for the seed sequence: the same story with fresh random draws (planted noise). */
  draw = '',
): WaveOutput {
  let last: string[] = [];
  const stream = draw ? `${w.label}|${draw}` : w.label;
  for (let i = 0; i < attempts; i++) {
    const out = runStory(school, w, new Random(seedOf(`${school}|${stream}|${i}`)));
    last = groupings.flatMap((g) => plantedMismatches(out, g));
    if (last.length === 0) return out;
  }
  if (process.env.DEMO_GEN_DEBUG) {
    process.stderr.write(`${school} ${w.label}: ${last.join('; ')}\n`);
    return runStory(school, w, new Random(seedOf(`${school}|${stream}|0`)));
  }
  throw new Error(`${school} ${w.label}: no seed among ${attempts} shows exactly what is planted; last: ${last.join('; ')}`);
}

/**
 * A school's waves from its stories (each checked as runCheckedStory does), each with its fictional
 * outcomes, and the planted noise: the latest story run again with fresh draws.
 */
export function runSchool(
  slug: string,
  name: string,
  stories: readonly WaveStory[],
  groupings: ReadonlyArray<'department' | 'school'> = ['department'],
  /** The seed stream of the planted noise (REDRAW for the committed demo; other names give further redraws, for calibration). */
  redraw: string = REDRAW,
): SchoolOutput {
  const outcomes = schoolOutcomes(slug, stories.length);
  const waves = stories.map((w, i) =>
    withPracticeLogs(withPeopleAnswers({ ...runCheckedStory(name, w, groupings), outcomes: outcomes[i]! }, `${slug}|${w.label}`)),
  );
  const last = stories[stories.length - 1]!;
  return {
    slug,
    name,
    waves,
    redrawn: withPracticeLogs(withPeopleAnswers(runCheckedStory(name, last, groupings, 40, redraw), `${slug}|${last.label}|${redraw}`)),
  };
}
