import { ANY_DOMAIN } from '../model/types.js';
import type { LeadershipAnalysis } from '../metrics/analytics.js';
import { pooled, type Directory } from './directory.js';
import { dec, pct } from './format.js';
import { show } from './present/measures.js';
import { hiddenCount, hiddenIds, leaderIds, leaderPlusCount, leaderPlusIds } from './present/indicators.js';
import type { Shown, Brokers, DomainProfileRow, FormalInformal, Periphery, Quality, Risk, Silos, WhoLeadsMatrix } from './types.js';

type A = LeadershipAnalysis;
const realDomains = (a: A) => a.selection.domains.filter((d) => d !== ANY_DOMAIN);

/** Domains × people who lead at least one domain; cells are in-degrees, leaders marked. */
export function whoLeadsMatrix(a: A, dir: Directory): WhoLeadsMatrix {
  const real = realDomains(a);
  const doms = real.length > 0 ? a.leaders.byDomain.filter((d) => d.domain !== ANY_DOMAIN) : [pooled(a.leaders.byDomain)];
  const all = pooled(a.leaders.byDomain);
  const pooledIn = new Map(all.soughtOut.map((s) => [s.id, s.inDegree]));
  const ids = [...new Set(doms.flatMap((d) => d.leaders))];
  const rows = ids
    .map((id) => {
      const e = dir.get(id);
      const inDegree = doms.map((d) => d.soughtOut.find((s) => s.id === id)?.inDegree ?? null);
      const leads = doms.map((d) => d.leaders.includes(id));
      return {
        label: e.label,
        role: e.role,
        department: e.department,
        formal: e.formal,
        inDegree,
        leads,
        n: leads.filter(Boolean).length,
        total: pooledIn.get(id) ?? 0,
      };
    })
    .sort((x, y) => y.n - x.n || y.total - x.total || x.label.localeCompare(y.label));
  return {
    domains: doms.map((d) => (d.domain === ANY_DOMAIN ? 'all' : d.domain)),
    thresholds: doms.map((d) => d.rule.threshold),
    rows: rows.map(({ n: _n, total: _t, ...r }) => r),
  };
}

/** Distribution per domain (all domains together last), every number through the measure rules. */
export function profiles(a: A): DomainProfileRow[] {
  return a.distribution.byDomain.map((d) => ({
    domain: d.domain === ANY_DOMAIN ? 'all domains' : d.domain,
    key: d.domain,
    label: d.label,
    ties: show('ties', d.ties),
    density: show('density', d.density),
    reciprocity: show('reciprocity', d.reciprocity),
    centralization: show('centralization', d.centralization.value),
    gini: show('gini', d.gini.value),
    leaders: show('leaders', leaderIds(a, d.domain).length),
    leaderPlus: show('leaderPlus', leaderPlusCount(a, d.domain)),
    hidden: show('hidden', realDomains(a).length === 0 ? null : hiddenCount(a, d.domain)),
    level: d.profile.level ?? 'unknown',
    reading: d.domain === ANY_DOMAIN && realDomains(a).length > 0 ? pooledReading(a) : d.reading,
  }));
}

/** The all-domains reading, counting leaders as the indicators do (colleagues who lead at least one domain). */
export function pooledReading(a: A): string {
  const k = leaderIds(a).length;
  const multi = a.distribution.overlap.domainsLed.filter((x) => x.domains.length > 1).length;
  if (k === 0) return 'Across all domains, no one is named often enough to lead any domain.';
  return `Across all domains, ${show('leaders', k).text} ${k === 1 ? 'colleague leads' : 'colleagues lead'} at least one domain${multi > 0 ? `; ${show('leaders', multi).text} of them lead more than one` : ''}.`;
}

/** The formal-versus-informal section of the report model: hidden and nominal leaders pooled over domains. */
export function formalInformalSection(a: A, dir: Directory): FormalInformal {
  const fi = pooled(a.formalInformal.byDomain);
  // Hidden: sought out where they hold no formal responsibility; nominal: responsible and rarely sought out.
  const perDomain = (pick: (f: (typeof a.formalInformal.byDomain)[number]) => { id: string; inDegree: number }[]) => {
    const out = new Map<string, { inDegree: number; domains: string[] }>();
    for (const f of a.formalInformal.byDomain) {
      for (const h of pick(f)) {
        const cur = out.get(h.id) ?? { inDegree: 0, domains: [] };
        cur.domains.push(f.domain === ANY_DOMAIN ? 'all domains' : f.domain);
        cur.inDegree = Math.max(cur.inDegree, h.inDegree);
        out.set(h.id, cur);
      }
    }
    return out;
  };
  // Hidden leaders as the indicators count them: in at least one domain ("all domains" only beside one).
  const countedHidden = new Set(hiddenIds(a));
  const hidden = new Map([...perDomain((f) => f.hiddenLeaders)].filter(([id]) => countedHidden.has(id)));
  const nominal = perDomain((f) => f.nominalLeaders);
  const row = (id: string, inDegree: number, domains: string[]) => {
    const e = dir.get(id);
    return { label: e.label, role: e.role, department: e.department, inDegree, domains };
  };
  // Leader-plus as the indicators count them (leaders of at least one domain without a formal role);
  // the anonymised edition lists only those the privacy layer left listed, and counts the rest.
  // Colleagues naming each person over all domains (pooled list, else the most in any one domain).
  const pooledIn = new Map<string, number>();
  for (const d of a.leaders.byDomain)
    for (const s of d.soughtOut) pooledIn.set(s.id, d.domain === ANY_DOMAIN ? s.inDegree : Math.max(pooledIn.get(s.id) ?? 0, s.inDegree));
  const plusIds = leaderPlusIds(a);
  const listedByPrivacy = new Set(fi.leaderPlus.map((n) => n.id));
  const plusListed = (a.withheld === undefined ? plusIds : plusIds.filter((id) => listedByPrivacy.has(id))).sort(
    (x, y) => (pooledIn.get(y) ?? 0) - (pooledIn.get(x) ?? 0) || dir.label(x).localeCompare(dir.label(y)),
  );
  return {
    formalShare: pct(fi.formalShare),
    formalLeaders: fi.formalLeaders,
    hidden: [...hidden]
      .map(([id, h]) => row(id, h.inDegree, h.domains))
      .sort((x, y) => y.inDegree - x.inDegree || x.label.localeCompare(y.label)),
    nominal: [...nominal]
      .map(([id, h]) => row(id, h.inDegree, h.domains))
      .sort((x, y) => x.inDegree - y.inDegree || x.label.localeCompare(y.label)),
    leaderPlus: plusListed.map((id) => row(id, pooledIn.get(id) ?? 0, [])),
    withheld: {
      // So listed + counted is the indicators' number (a person listed in one domain and withheld in another counts once).
      hidden: a.withheld === undefined ? 0 : Math.max(0, hiddenCount(a) - hidden.size),
      nominal: a.withheld?.[`formalInformal.${fi.domain}.nominalLeaders`] ?? 0,
      leaderPlus: leaderPlusCount(a) - plusListed.length,
    },
  };
}

export function silos(a: A, minGroupSize: number): Silos {
  const ei = pooled(a.groups.ei);
  const groups = ei.groups
    .map((g) => ({
      group: g.group,
      size: g.size,
      ei: g.ei,
      internal: g.internal,
      external: g.external,
      suppressed: (g as { suppressed?: boolean }).suppressed === true,
    }))
    .sort((x, y) => Number(x.suppressed) - Number(y.suppressed) || (x.ei ?? 2) - (y.ei ?? 2) || x.group.localeCompare(y.group));
  const hidden = groups.filter((g) => g.suppressed).length;
  const total = ei.internal + ei.external;
  const test = ei.test
    ? ei.test.pLower <= 0.05
      ? `Fewer ties cross ${a.groups.groupBy}s than random group labels would give (p = ${ei.test.pLower.toFixed(3)}, ${ei.test.permutations} permutations; expected E-I ${ei.test.expected.toFixed(2).replace('-', '−')}).`
      : ei.test.pUpper <= 0.05
        ? `More ties cross ${a.groups.groupBy}s than random group labels would give (p = ${ei.test.pUpper.toFixed(3)}, ${ei.test.permutations} permutations).`
        : `The share of ties crossing ${a.groups.groupBy}s is within what random group labels would give (${ei.test.permutations} permutations).`
    : ei.testReason;
  const al = a.groups.communities.alignment;
  const communities =
    a.groups.communities.modularity === null || al.nmi === null
      ? null
      : `A community search (Louvain) finds ${a.groups.communities.count} clusters of colleagues who advise one another; they ${al.nmi >= 0.5 ? 'largely follow' : al.nmi >= 0.2 ? 'partly follow' : 'cut across'} ${a.groups.groupBy} lines (NMI ${al.nmi.toFixed(2)}, modularity ${a.groups.communities.modularity.toFixed(2)}).`;
  return {
    groupBy: a.groups.groupBy,
    overall: show('ei', ei.ei),
    withinShare: pct(total === 0 ? null : ei.internal / total),
    test,
    groups,
    suppressedNote:
      hidden === 0
        ? null
        : `${hidden} ${hidden === 1 ? 'group’s results are' : 'groups’ results are'} suppressed: results of groups with fewer than ${minGroupSize} people are suppressed, and when only one group would be hidden the next smallest is hidden too, so its value cannot be worked out from the totals.`,
    communities,
  };
}

export function brokers(a: A, dir: Directory): Brokers {
  const rows = [...a.brokerage.people]
    .filter((b) => b.total > 0)
    .sort((x, y) => y.total - x.total || (x.id < y.id ? -1 : 1))
    .slice(0, 10)
    .map((b) => {
      const e = dir.get(b.id);
      return {
        label: e.label,
        department: e.department,
        total: b.total,
        coordinator: b.coordinator,
        itinerant: b.itinerant,
        gatekeeper: b.gatekeeper,
        representative: b.representative,
        liaison: b.liaison,
        constraint: dec(b.constraint),
      };
    });
  return { rows, cutPoints: a.brokerage.cutPoints.map((c) => dir.label(c.id)) };
}

export function risk(a: A, dir: Directory): Risk {
  const real = realDomains(a);
  const doms = a.risk.byDomain.filter((r) => real.length === 0 || r.domain !== ANY_DOMAIN);
  const people = new Map(a.distribution.byDomain.map((d) => [d.domain, d.people]));
  const keyPeople = a.risk.byDomain
    .flatMap((r) =>
      r.keyPeople.map((k) => ({
        k,
        lost: pathsLost(k, people.get(r.domain) ?? 0),
        domain: r.domain === ANY_DOMAIN ? 'all domains' : r.domain,
      })),
    )
    .filter(({ k, lost }) => (lost ?? 0) > 0.005 || k.leftWithoutSource.length > 0)
    .sort((x, y) => y.k.leftWithoutSource.length - x.k.leftWithoutSource.length || (y.lost ?? 0) - (x.lost ?? 0))
    .slice(0, 10)
    .map(({ k, domain, lost }) => ({
      label: dir.label(k.id),
      domain,
      leftWithoutSource: k.leftWithoutSource.length,
      reachabilityDrop: showLost(lost),
    }));
  return {
    domains: doms.map((r) => ({
      domain: r.domain === ANY_DOMAIN ? 'all domains' : r.domain,
      benchDepth: r.benchDepth,
      soleSources: r.soleSources.map((s) => ({ label: dir.label(s.id), dependents: s.dependents.length })),
    })),
    keyPeople,
    note: a.risk.byDomain.find((r) => r.pathsReason)?.pathsReason ?? null,
  };
}

/**
 * Advice paths lost if a person left: of the ordered pairs (i, j) joined by a chain of advice ties
 * (Borgatti's reachability), the share with no chain once the person is gone — their own pairs
 * included, so anyone left without a source always counts. reachability = pairs / (n (n − 1)).
 */
export function pathsLost(k: { reachabilityBefore: number | null; reachabilityAfter: number | null }, n: number): number | null {
  if (k.reachabilityBefore === null || k.reachabilityAfter === null || n < 3) return null;
  const before = k.reachabilityBefore * n * (n - 1);
  const after = k.reachabilityAfter * (n - 1) * (n - 2);
  return before <= 0 ? 0 : Math.max(0, (before - after) / before);
}

/** A share of paths lost in the percent rule; a loss that rounds to nothing reads "< 0.1 %", never "0 %". */
function showLost(lost: number | null): Shown {
  const s = show('pathsLost', lost);
  return lost !== null && lost > 0 && !/[1-9]/.test(s.text) ? { value: lost, text: '< 0.1 %' } : s;
}

export function periphery(a: A, dir: Directory): Periphery {
  const ov = a.periphery.overload;
  return {
    newStaff: a.periphery.isolatedNewStaff.map((s) => ({
      label: dir.label(s.id),
      department: dir.get(s.id).department,
      startYear: s.startYear,
      namesOthers: s.outDegree,
    })),
    newStaffCount: counted(a, 'periphery.isolatedNewStaff'),
    overloadCompared: counted(a, 'periphery.overload.people'),
    overloadedCount: counted(a, 'periphery.overload.people') === null ? null : (a.withheld?.['periphery.overload.overloaded'] ?? 0),
    overload: ov.people.slice(0, 8).map((p) => ({
      label: dir.label(p.id),
      role: dir.get(p.id).role,
      load: p.load,
      domainsLed: p.domainsLed,
      capacity: p.capacity,
      ratio: dec(p.ratio, 0),
      overloaded: p.overloaded,
    })),
    overloadReason: ov.reason,
    medianRatio: dec(ov.medianRatio, 0),
  };
}

/** A list given only as a count by the privacy layer: its count (0 when empty), or null when the list itself is shown. */
function counted(a: A, path: string): number | null {
  if (a.withheld === undefined) return null;
  return a.withheld[path] ?? 0;
}

export function quality(a: A, edition: 'named' | 'anonymised', minGroupSize: number): Quality {
  const q = a.quality;
  const notes = [
    `Relation analysed: ${a.selection.relation}; ${realDomains(a).length} leadership domains and all domains pooled; seed ${a.selection.seed} for every random step (permutation test, community search, layout).`,
    `Results of groups with fewer than ${minGroupSize} people are suppressed in every edition.`,
    edition === 'anonymised'
      ? 'Anonymised edition: people appear under pseudonyms that are stable within this wave and cannot be linked across waves or reversed; roles are omitted and departments under the minimum size are merged into “(small group)”.'
      : 'Named edition: for analysts and administrators only. Share the anonymised edition with staff.',
  ];
  if (q.responseRate === null && q.responseRateReason) notes.push(`Response rate unknown: ${q.responseRateReason}.`);
  return {
    responseRate: show('responseRate', q.responseRate),
    respondents: q.respondents,
    rosterSize: q.rosterSize,
    ties: q.ties.ties,
    confirmed: q.ties.confirmed,
    unconfirmed: q.ties.unconfirmed,
    toNonRespondents: q.ties.toNonRespondents,
    warnings: q.warnings.map((w) => w.message),
    notes,
  };
}
