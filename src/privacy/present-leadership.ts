import type { LeadershipAnalysis } from '../metrics/analytics.js';
import { holdsFormalRoleIn } from '../model/formal-roles.js';
import { ANY_DOMAIN, type Person } from '../model/types.js';
import { KAnonymity } from './k-anonymity.js';
import { byLabel, byScoreThenLabel, bySeeker, compareLabels } from './order.js';
import type { Disclosure, PrivacyPolicy } from './policy.js';
import type { Pseudonyms } from './pseudonym.js';
import { groupLabelFor, hiddenGroups, suppressGroups, SMALL_GROUP_LABEL } from './suppress.js';

/** Per-person fields that are quasi-identifiers (roster facts) or response status: never beside a pseudonym. */
const PERSON_QUASI_IDENTIFIERS = ['formalLeader', 'startYear', 'yearsExperience', 'responded', 'capacity', 'ratio', 'fte', 'email'];

/** Lists withheld as a whole in pseudonymised output, by path; only their length is given (`withheld`). */
export type WithheldCounts = Record<string, number>;

/** The presented analysis: the analysis with, when pseudonymised, how many entries of a list were withheld. */
export type PresentedLeadership = LeadershipAnalysis & { withheld?: WithheldCounts };

/**
 * Passes the leadership analytics (src/metrics/analytics.ts) through the privacy rules.
 *
 * Every disclosure: per-group E-I rows (every domain) and mixing-matrix groups are suppressed with one
 * complementary set of hidden groups (src/privacy/suppress.ts); no person's response status is given.
 *
 * Pseudonymised (viewers, anonymised exports and report): every person id (an `id` field or any
 * string value) and every full name inside a text becomes the wave's label, object keys that are ids
 * are relabelled; roles, the formal-leader flag, start year, experience, release time (capacity and
 * the load/capacity ratio) and e-mail are dropped; a person's department is printed as the group
 * label (hidden groups merged into "(small group)", which has at least k people). Lists that would
 * tie a pseudonym to a roster fact become counts unless at least k staff share the printed
 * combination (src/privacy/k-anonymity.ts): nominal leaders (formal role), hidden and leader-plus
 * leaders (no formal role) entry by entry; isolated new staff (start year) and overload (release
 * time, formal role) always. Every list is ordered by what it shows and then by pseudonym, maps
 * keyed by person have sorted keys, and communities are renumbered by size and label
 * (src/privacy/order.ts), so no position follows the roster or the tie file.
 */
export function presentLeadership(
  a: LeadershipAnalysis,
  people: readonly Person[],
  ctx: {
    disclosure: Disclosure;
    policy: PrivacyPolicy;
    pseudonyms: Pseudonyms;
    /** Whether a person holds formal responsibility in a domain (the rule the analysis used; default: the shipped role → domains table). */
    formalIn?: (p: Person, domain: string) => boolean;
  },
): PresentedLeadership {
  const min = ctx.policy.minGroupSize;
  const out: PresentedLeadership = structuredClone(a);
  const hidden = hiddenGroups(new Map(out.groups.mixing.groups.map((g) => [g.name, g.size])), min);
  out.groups.ei = out.groups.ei.map((e) => ({ ...e, groups: suppressGroups(e.groups, min, hidden) as unknown as typeof e.groups }));
  suppressMixing(out.groups.mixing, hidden);
  for (const s of out.periphery.isolatedNewStaff) (s as { responded: boolean | null }).responded = null;
  if (ctx.disclosure === 'named') return out;

  const byDept = out.groups.groupBy === 'department';
  const deptHidden = byDept ? hidden : hiddenGroups(departmentSizes(people), min);
  const deptLabel = (d: string): string => groupLabelFor(d.trim() || '(none)', deptHidden);
  const formalIn = memoised(ctx.formalIn ?? ((p: Person, domain: string) => holdsFormalRoleIn(p, domain)));
  const k = new KAnonymity(people, (p) => deptLabel(p.department), min);
  const withheld: WithheldCounts = {};

  // Lists that carry a roster fact: entries kept only where at least k staff share the combination.
  const distinct = new Map<string, Set<string>>();
  // Hidden leaders as the indicators count them, before any entry is withheld from the lists below.
  const hiddenAll = new Set<string>();
  for (const f of out.formalInformal.byDomain) {
    withheld[`leaders.${f.domain}.hidden`] = f.hiddenLeaders.length;
    if (f.domain !== ANY_DOMAIN) for (const h of f.hiddenLeaders) hiddenAll.add(h.id);
  }
  withheld['leaders.all.hidden'] = hiddenAll.size;
  for (const f of out.formalInformal.byDomain) {
    const keep = (list: typeof f.nominalLeaders, formal: boolean, path: string) => {
      const kept = list.filter((e) => k.admit(e.id, (p) => formalIn(p, f.domain) === formal, `formalIn:${f.domain}:${formal}`));
      if (kept.length < list.length) withheld[`formalInformal.${f.domain}.${path}`] = list.length - kept.length;
      const all = distinct.get(path) ?? new Set<string>();
      for (const e of list) if (!kept.includes(e)) all.add(e.id);
      distinct.set(path, all);
      return kept;
    };
    f.nominalLeaders = keep(f.nominalLeaders, true, 'nominalLeaders');
    f.hiddenLeaders = keep(f.hiddenLeaders, false, 'hiddenLeaders');
    f.leaderPlus = keep(f.leaderPlus, false, 'leaderPlus');
  }
  for (const [path, all] of distinct) if (all.size > 0) withheld[`formalInformal.all.${path}`] = all.size;
  // Leaders without a formal role (the indicators' leader-plus), as counts: the formal flag beside a pseudonym goes below.
  const formal = new Set(out.leaders.byDomain.flatMap((d) => d.soughtOut.filter((s) => s.formalLeader).map((s) => s.id)));
  const plusAll = new Set<string>();
  for (const d of out.leaders.byDomain) {
    const plus = d.leaders.filter((id) => !formal.has(id));
    withheld[`leaders.${d.domain}.leaderPlus`] = plus.length;
    if (d.domain !== ANY_DOMAIN) for (const id of plus) plusAll.add(id);
  }
  withheld['leaders.all.leaderPlus'] = plusAll.size;
  const p = out.periphery;
  if (p.isolatedNewStaff.length > 0) withheld['periphery.isolatedNewStaff'] = p.isolatedNewStaff.length;
  p.isolatedNewStaff = [];
  if (p.overload.people.length > 0) withheld['periphery.overload.people'] = p.overload.people.length;
  if (p.overload.overloaded.length > 0) withheld['periphery.overload.overloaded'] = p.overload.overloaded.length;
  p.overload.people = [];
  p.overload.overloaded = [];

  const ids = new Set(people.map((x) => x.id));
  const names = people
    .map((x) => [x.name, x.id] as const)
    .filter(([n]) => n.trim().length >= 3)
    .sort((x, y) => y[0].length - x[0].length);
  const nameRe = names.length ? new RegExp(names.map(([n]) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g') : null;
  const idOfName = new Map(names);
  const label = (id: string): string => ctx.pseudonyms.label(id);
  const text = (s: string): string => {
    if (ids.has(s)) return label(s);
    return nameRe ? s.replace(nameRe, (m) => label(idOfName.get(m)!)) : s;
  };
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return text(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v === null || typeof v !== 'object') return v;
    const o = v as Record<string, unknown>;
    const personId = typeof o.id === 'string' && ids.has(o.id) ? o.id : null;
    const r: Record<string, unknown> = {};
    if (o.code === 'SMALL_GROUP' && typeof o.message === 'string') {
      return { ...o, message: `A group has fewer than ${min} people: its group results are suppressed.`, subject: null };
    }
    for (const [key0, x] of Object.entries(o)) {
      if (key0 === 'email') continue;
      if (personId && PERSON_QUASI_IDENTIFIERS.includes(key0)) continue;
      const key = ids.has(key0) ? label(key0) : key0; // maps keyed by person id (e.g. communityOf)
      if (personId && key0 === 'name') r[key] = label(personId);
      else if (personId && key0 === 'role') r[key] = '';
      else if (personId && key0 === 'department' && typeof x === 'string') r[key] = deptLabel(x);
      else if (personId && key0 === 'group' && typeof x === 'string') r[key] = byDept ? groupLabelFor(x, hidden) : SMALL_GROUP_LABEL;
      else r[key] = walk(x);
    }
    return r;
  };
  const shown = walk(out) as PresentedLeadership;
  reorder(shown);
  if (Object.keys(withheld).length > 0) shown.withheld = withheld;
  return shown;
}

/** Orders every list of a pseudonymised analysis by what it shows, then by pseudonym (src/privacy/order.ts). */
function reorder(a: LeadershipAnalysis): void {
  const id = (r: { id: string }) => r.id;
  const sorted = (xs: readonly string[]) => [...xs].sort(compareLabels);
  for (const d of a.leaders.byDomain) {
    d.soughtOut = bySeeker(d.soughtOut);
    const leaders = new Set(d.leaders);
    d.leaders = d.soughtOut.filter((s) => leaders.has(s.id)).map(id);
  }
  for (const d of a.distribution.byDomain) d.topShare.top = sorted(d.topShare.top);
  const ov = a.distribution.overlap;
  ov.domainsLed = byScoreThenLabel(ov.domainsLed, (x) => x.domains.length, id);
  for (const pair of ov.pairs) pair.shared = sorted(pair.shared);
  if (Array.isArray((ov as { leadEverything?: unknown }).leadEverything))
    (ov as { leadEverything: string[] }).leadEverything = sorted((ov as { leadEverything: string[] }).leadEverything);
  for (const f of a.formalInformal.byDomain) {
    f.nominalLeaders = byScoreThenLabel(f.nominalLeaders, (x) => x.inDegree, id);
    f.hiddenLeaders = byScoreThenLabel(f.hiddenLeaders, (x) => x.inDegree, id);
    f.leaderPlus = byScoreThenLabel(f.leaderPlus, (x) => x.inDegree, id);
  }
  const c = a.groups.communities;
  const members = c.communities.map(sorted);
  const order = members.map((m, i) => ({ m, i })).sort((x, y) => y.m.length - x.m.length || compareLabels(x.m[0] ?? '', y.m[0] ?? ''));
  const renumber = new Map(order.map((x, j) => [x.i, j]));
  c.communities = order.map((x) => x.m);
  c.communityOf = Object.fromEntries(
    Object.keys(c.communityOf)
      .sort(compareLabels)
      .map((key) => [key, renumber.get(c.communityOf[key]!) ?? c.communityOf[key]!]),
  );
  const b = a.brokerage;
  b.people = byLabel(b.people, id);
  for (const role of Object.keys(b.top) as (keyof typeof b.top)[]) b.top[role] = sorted(b.top[role]);
  b.cutPoints = byLabel(b.cutPoints, id);
  for (const r of a.risk.byDomain) {
    for (const kp of r.keyPeople) kp.leftWithoutSource = sorted(kp.leftWithoutSource);
    r.keyPeople = [...r.keyPeople].sort(
      (x, y) =>
        y.leftWithoutSource.length - x.leftWithoutSource.length ||
        (y.reachabilityDrop ?? 0) - (x.reachabilityDrop ?? 0) ||
        compareLabels(x.id, y.id),
    );
    for (const s of r.soleSources) s.dependents = sorted(s.dependents);
    r.soleSources = byScoreThenLabel(r.soleSources, (s) => s.dependents.length, id);
  }
  for (const d of a.periphery.byDomain) {
    d.isolates = sorted(d.isolates);
    d.noIncoming = sorted(d.noIncoming);
  }
}

/** People per department (empty departments as "(none)"): the sizes the department label beside a pseudonym is suppressed by. */
export function departmentSizes(people: readonly Person[]): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const p of people) {
    const d = p.department.trim() || '(none)';
    sizes.set(d, (sizes.get(d) ?? 0) + 1);
  }
  return sizes;
}

/** Mixing matrix: every group of the complementary hidden set is suppressed, with every block touching it. */
function suppressMixing(m: LeadershipAnalysis['groups']['mixing'], hidden: ReadonlySet<string>): void {
  for (const g of m.groups)
    if (hidden.has(g.name) || g.suppressed) {
      g.suppressed = true;
      (g as { size: number | null }).size = null;
    }
  const shut = new Set(m.groups.filter((g) => g.suppressed).map((g) => g.name));
  for (const b of m.blocks)
    if (shut.has(b.from) || shut.has(b.to)) {
      b.ties = null;
      b.density = null;
    }
}

/** The formal-responsibility rule remembered per domain and person (k-anonymity asks it of every colleague in a group, for every entry of a list). */
function memoised(rule: (p: Person, domain: string) => boolean): (p: Person, domain: string) => boolean {
  const seen = new Map<string, Map<Person, boolean>>();
  return (p, domain) => {
    let byPerson = seen.get(domain);
    if (!byPerson) seen.set(domain, (byPerson = new Map<Person, boolean>()));
    let v = byPerson.get(p);
    if (v === undefined) byPerson.set(p, (v = rule(p, domain)));
    return v;
  };
}
