/**
 * The survey simulator: who names whom. Each respondent, for each domain they answer, names 2–6
 * colleagues drawn with probability proportional to `pull(source, target, domain)` (team affinity ×
 * the target's standing in that domain). Capacities keep ordinary staff's in-degree low and even, so
 * only what a school plants stands out; forced answers plant sole-source dependence; a repair pass
 * makes sure everyone not planted as isolated is named by at least `minInDegree` colleagues.
 * Deterministic: domains in fixed order, respondents in a seeded shuffle of id order.
 */
import { isFormalLeaderRole } from '../../src/model/formal-roles.js';
import type { Random } from './random.js';
import { DOMAINS, type Domain, type GenPerson, type GenTie } from './types.js';

export interface SurveyPlan {
  people: readonly GenPerson[];
  respondents: ReadonlySet<string>;
  /** Advice domains a respondent answers. */
  answers(s: GenPerson): readonly Domain[];
  /** Attractiveness of t as an advice source for s in domain d; 0 = never named. */
  pull(s: GenPerson, t: GenPerson, d: Domain): number;
  /** Most distinct colleagues who may name t in d. */
  domainCap(t: GenPerson, d: Domain): number;
  /** Most colleagues s names in one domain (default 6). */
  maxNames?(s: GenPerson): number;
  /** Most distinct colleagues who may name t over all domains. */
  pooledCap(t: GenPerson): number;
  /** People s names first in d (leaders s goes to); the answer adds at least one more name. */
  preferred?(s: GenPerson, d: Domain): readonly string[];
  /** Exact answer of s in d (planted sole-source dependence), or undefined. */
  forced?(s: GenPerson, d: Domain): readonly string[] | undefined;
  /** People nobody names (planted isolates). */
  unnamed: ReadonlySet<string>;
  /** Everyone else is named (advice, any domain) by at least this many colleagues. */
  minInDegree: number;
  /** Collaboration partners: pull and in-degree cap. */
  collaborationPull(s: GenPerson, t: GenPerson): number;
  collaborationCap: number;
  /** Weight of a tie s→t in d, 1 (rarely) … 5 (daily); default by team and role. */
  weight?: (s: GenPerson, t: GenPerson, d: Domain, rng: Random) => number;
}

const NAMES_PER_DOMAIN: ReadonlyArray<readonly [number, number]> = [
  [2, 36],
  [3, 34],
  [4, 18],
  [5, 8],
  [6, 4],
];
const MAX_NAMES = 6;

export function defaultWeight(s: GenPerson, t: GenPerson, _d: Domain, rng: Random): number {
  if (s.team === t.team && s.school === t.school)
    return rng.fromTable([
      [2, 20],
      [3, 35],
      [4, 30],
      [5, 15],
    ]);
  if (isFormalLeaderRole(t.role))
    return rng.fromTable([
      [1, 10],
      [2, 30],
      [3, 35],
      [4, 20],
      [5, 5],
    ]);
  return rng.fromTable([
    [1, 35],
    [2, 40],
    [3, 20],
    [4, 5],
  ]);
}

export function simulateSurvey(plan: SurveyPlan, rng: Random): GenTie[] {
  const byId = new Map(plan.people.map((p) => [p.id, p]));
  const weightOf = plan.weight ?? defaultWeight;
  const ties: GenTie[] = [];
  const inDomain = new Map<string, Set<string>>(); // `${t}|${d}` → sources
  const inPooled = new Map<string, Set<string>>(); // t → sources
  const named = new Map<string, Set<string>>(); // `${s}|${d}` → targets
  const setOf = <K>(m: Map<K, Set<string>>, k: K): Set<string> => {
    let s = m.get(k);
    if (!s) m.set(k, (s = new Set()));
    return s;
  };
  const add = (s: GenPerson, t: GenPerson, d: Domain): void => {
    setOf(inDomain, `${t.id}|${d}`).add(s.id);
    setOf(inPooled, t.id).add(s.id);
    setOf(named, `${s.id}|${d}`).add(t.id);
    ties.push({ source: s.id, target: t.id, relation: 'advice', domain: d, weight: weightOf(s, t, d, rng) });
  };
  const open = (s: GenPerson, t: GenPerson, d: Domain): boolean =>
    t.id !== s.id &&
    !plan.unnamed.has(t.id) &&
    !(named.get(`${s.id}|${d}`)?.has(t.id) ?? false) &&
    (inDomain.get(`${t.id}|${d}`)?.size ?? 0) < plan.domainCap(t, d) &&
    ((inPooled.get(t.id)?.has(s.id) ?? false) || (inPooled.get(t.id)?.size ?? 0) < plan.pooledCap(t));

  const respondents = plan.people.filter((p) => plan.respondents.has(p.id));
  // Planted answers first, so capacities never crowd them out.
  for (const d of DOMAINS) {
    for (const s of respondents) {
      const forced = plan.answers(s).includes(d) ? plan.forced?.(s, d) : undefined;
      for (const id of forced ?? []) add(s, byId.get(id)!, d);
    }
  }
  for (const d of DOMAINS) {
    for (const s of rng.shuffled(respondents)) {
      if (!plan.answers(s).includes(d) || plan.forced?.(s, d) !== undefined) continue;
      const max = plan.maxNames?.(s) ?? MAX_NAMES;
      const first = (plan.preferred?.(s, d) ?? []).filter((id) => id !== s.id).slice(0, max - 1);
      for (const id of first) add(s, byId.get(id)!, d);
      let k = Math.min(Math.max(rng.fromTable(NAMES_PER_DOMAIN), first.length + 1), max) - first.length;
      while (k > 0) {
        const cands = plan.people.filter((t) => open(s, t, d) && plan.pull(s, t, d) > 0);
        if (cands.length === 0) break;
        add(s, cands[rng.weightedIndex(cands.map((t) => plan.pull(s, t, d)))]!, d);
        k--;
      }
    }
  }
  // Repair: everyone not planted as unnamed is named by at least minInDegree colleagues.
  for (const t of plan.people) {
    if (plan.unnamed.has(t.id)) continue;
    for (let guard = 0; (inPooled.get(t.id)?.size ?? 0) < plan.minInDegree && guard < 50; guard++) {
      const options: Array<[GenPerson, Domain, number]> = [];
      for (const s of respondents) {
        if (inPooled.get(t.id)?.has(s.id)) continue;
        for (const d of plan.answers(s)) {
          if (plan.forced?.(s, d) !== undefined) continue;
          if ((named.get(`${s.id}|${d}`)?.size ?? 0) >= (plan.maxNames?.(s) ?? MAX_NAMES)) continue;
          const w = plan.pull(s, t, d);
          if (w > 0 && open(s, t, d)) options.push([s, d, w]);
        }
      }
      if (options.length === 0) break;
      const [s, d] = options[rng.weightedIndex(options.map((o) => o[2]))]!;
      add(s, t, d);
    }
  }
  // Collaboration: a few planning partners per respondent, capped in-degree.
  const inCollab = new Map<string, number>();
  for (const s of rng.shuffled(respondents)) {
    let k = rng.fromTable([
      [1, 35],
      [2, 40],
      [3, 25],
    ]);
    const picked = new Set<string>();
    while (k > 0) {
      const cands = plan.people.filter(
        (t) =>
          t.id !== s.id &&
          !picked.has(t.id) &&
          !plan.unnamed.has(t.id) &&
          (inCollab.get(t.id) ?? 0) < plan.collaborationCap &&
          plan.collaborationPull(s, t) > 0,
      );
      if (cands.length === 0) break;
      const t = cands[rng.weightedIndex(cands.map((c) => plan.collaborationPull(s, c)))]!;
      picked.add(t.id);
      inCollab.set(t.id, (inCollab.get(t.id) ?? 0) + 1);
      ties.push({
        source: s.id,
        target: t.id,
        relation: 'collaboration',
        domain: 'instruction',
        weight: rng.fromTable([
          [2, 20],
          [3, 40],
          [4, 30],
          [5, 10],
        ]),
      });
      k--;
    }
  }
  return sortTies(ties);
}

export function sortTies(ties: GenTie[]): GenTie[] {
  const rel = (r: string): number => (r === 'advice' ? 0 : 1);
  return ties.sort(
    (a, b) =>
      cmp(a.source, b.source) ||
      rel(a.relation) - rel(b.relation) ||
      DOMAINS.indexOf(a.domain) - DOMAINS.indexOf(b.domain) ||
      cmp(a.target, b.target),
  );
}

/** Code-unit order: locale-independent, so files are identical on every machine. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
