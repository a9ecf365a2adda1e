/**
 * A plain reference reading of a generated wave, used to prove each wave shows what it plants and
 * nothing else. It mirrors leadmap's analytics rules (src/metrics/leadership, risk, group) on advice
 * ties only; in-degree = distinct colleagues naming a person; graphs = each domain and all pooled.
 * - leader (per graph): in-degree ≥ max(3, mean + 1 sd) over everyone on the roster;
 * - hidden leader: no formal role, leader and in-degree ≥ 2 × median in some graph;
 * - nominal leader: formal role, pooled in-degree < max(2, median pooled in-degree);
 * - overloaded: among formal leaders of ≥ 1 domain, load (Σ domain in-degrees) / max(release, 0.1)
 *   ≥ 2 × the median ratio, and load ≥ the median load;
 * - key person: the only person named by ≥ 3 respondents in one domain graph;
 * - silo: department (or school) of ≥ 5 people whose members' out-arcs (pooled graph) give E-I ≤ −0.5
 *   (a planted silo must reach −0.6 and any other group stay above −0.4, for a margin);
 * - isolated newcomer: started this year or last, or ≤ 1 year of experience, and named by nobody.
 */
import { isFormalLeaderRole } from '../../src/model/formal-roles.js';
import { DOMAINS, type Domain, type WaveOutput } from './types.js';

export interface WaveReading {
  leaders: Record<string, string[]>;
  hidden: string[];
  nominal: string[];
  overloaded: string[];
  keyPeople: Array<{ id: string; domain: Domain; dependents: string[] }>;
  silos: Array<{ grouping: 'department' | 'school'; group: string; ei: number }>;
  isolatedNewcomers: string[];
  ei: Record<string, number>;
}

export const SILO_EI = -0.5;
const SILO_MARGIN_IN = -0.6;
const SILO_MARGIN_OUT = -0.4;
export const KEY_DEPENDENTS = 3;
export const MIN_GROUP = 5;

const median = (xs: readonly number[]): number => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export function readWave(w: WaveOutput, grouping: 'department' | 'school' = 'department'): WaveReading {
  const advice = w.ties.filter((t) => t.relation === 'advice');
  const ids = w.people.map((p) => p.id);
  const person = new Map(w.people.map((p) => [p.id, p]));
  const formal = (id: string): boolean => isFormalLeaderRole(person.get(id)!.role);
  const inDegrees = (d: Domain | null): number[] => {
    const src = new Map<string, Set<string>>(ids.map((id) => [id, new Set()]));
    for (const t of advice) if (d === null || t.domain === d) src.get(t.target)!.add(t.source);
    return ids.map((id) => src.get(id)!.size);
  };
  const leaders: Record<string, string[]> = {};
  const ledDomains = new Map<string, number>();
  const load = new Map<string, number>();
  const hidden = new Set<string>();
  let pooled: number[] = [];
  for (const d of [...DOMAINS, null]) {
    const deg = inDegrees(d);
    if (d === null) pooled = deg;
    const mean = deg.reduce((a, b) => a + b, 0) / deg.length;
    const sd = Math.sqrt(deg.reduce((a, b) => a + (b - mean) ** 2, 0) / deg.length);
    const thr = Math.max(3, mean + sd);
    const med = median(deg);
    const led = ids.filter((_id, i) => deg[i]! >= thr - 1e-12);
    leaders[d ?? 'any'] = led;
    ids.forEach((id, i) => {
      if (!formal(id) && deg[i]! >= thr - 1e-12 && deg[i]! >= 2 * med) hidden.add(id);
      if (d !== null) load.set(id, (load.get(id) ?? 0) + deg[i]!);
    });
    if (d !== null) for (const id of led) ledDomains.set(id, (ledDomains.get(id) ?? 0) + 1);
  }
  const pooledMedian = median(pooled);
  const nominal = ids.filter((id, i) => formal(id) && pooled[i]! < Math.max(2, pooledMedian));
  const cands = ids.filter((id) => formal(id) && ledDomains.has(id));
  const ratio = (id: string): number => load.get(id)! / Math.max(person.get(id)!.releaseTime, 0.1);
  const medRatio = median(cands.map(ratio));
  const medLoad = median(cands.map((id) => load.get(id)!));
  const overloaded = cands.length < 2 ? [] : cands.filter((id) => ratio(id) >= 2 * medRatio - 1e-12 && load.get(id)! >= medLoad);

  const keyPeople: WaveReading['keyPeople'] = [];
  for (const d of DOMAINS) {
    const out = new Map<string, string[]>();
    for (const t of advice) if (t.domain === d) out.set(t.source, [...(out.get(t.source) ?? []), t.target]);
    const deps = new Map<string, string[]>();
    for (const [s, ts] of out) if (ts.length === 1) deps.set(ts[0]!, [...(deps.get(ts[0]!) ?? []), s]);
    for (const [id, ds] of deps) if (ds.length >= KEY_DEPENDENTS) keyPeople.push({ id, domain: d, dependents: ds.sort() });
  }
  const groupOf = (id: string): string => (grouping === 'department' ? person.get(id)!.department : person.get(id)!.school);
  const arcs = new Set(advice.map((t) => `${t.source}>${t.target}`));
  const ei: Record<string, number> = {};
  const silos: WaveReading['silos'] = [];
  for (const g of [...new Set(ids.map(groupOf))].sort()) {
    if (ids.filter((id) => groupOf(id) === g).length < MIN_GROUP) continue;
    // Arcs of the pooled graph (one per ordered pair), members' out-arcs, as leadmap's eiIndex counts them.
    let internal = 0,
      external = 0;
    for (const key of arcs) {
      const [s, t] = key.split('>') as [string, string];
      if (groupOf(s) !== g) continue;
      if (groupOf(t) === g) internal++;
      else external++;
    }
    if (internal + external === 0) continue;
    const v = (external - internal) / (external + internal);
    ei[g] = Math.round(v * 100) / 100;
    if (v <= SILO_EI) silos.push({ grouping, group: g, ei: v });
  }
  const named = new Set(advice.map((t) => t.target));
  const isNew = (id: string): boolean => person.get(id)!.startYear >= w.year - 1 || person.get(id)!.yearsExperience <= 1;
  const isolatedNewcomers = ids.filter((id) => isNew(id) && !named.has(id));
  return { leaders, hidden: [...hidden].sort(), nominal, overloaded, keyPeople, silos, isolatedNewcomers, ei };
}

/** Differences between what a wave plants and what the reference reading finds ([] = agree). */
export function plantedMismatches(w: WaveOutput, grouping: 'department' | 'school' = 'department'): string[] {
  const r = readWave(w, grouping);
  const p = w.planted;
  const out: string[] = [];
  const same = (what: string, want: string[], got: string[]): void => {
    const a = [...new Set(want)].sort().join(','),
      b = [...new Set(got)].sort().join(',');
    if (a !== b) out.push(`${what}: planted [${a}] found [${b}]`);
  };
  same(
    'hidden',
    p.hiddenLeaders.map((h) => h.id),
    r.hidden,
  );
  same(
    'nominal',
    p.nominalLeaders.map((h) => h.id),
    r.nominal,
  );
  same(
    'overloaded',
    p.overloadedLeaders.map((h) => h.id),
    r.overloaded,
  );
  same(
    'key',
    p.keyPeople.map((k) => `${k.id}/${k.domain}`),
    r.keyPeople.map((k) => `${k.id}/${k.domain}`),
  );
  same(
    'silos',
    p.silos.filter((s) => s.grouping === grouping).map((s) => s.group),
    r.silos.map((s) => s.group),
  );
  same(
    'isolated',
    p.isolatedNewcomers.map((h) => h.id),
    r.isolatedNewcomers,
  );
  // Margins, so a small change of rule or rounding does not flip a silo: planted ≤ −0.6, others > −0.4.
  const planted = new Set(p.silos.filter((s) => s.grouping === grouping).map((s) => s.group));
  for (const [g, v] of Object.entries(r.ei)) {
    if (planted.has(g) && v > SILO_MARGIN_IN) out.push(`silo ${g}: E-I ${v} is not clearly inward`);
    if (!planted.has(g) && v <= SILO_MARGIN_OUT) out.push(`${g}: E-I ${v} is close to a silo`);
  }
  return out;
}
