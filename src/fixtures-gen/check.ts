/**
 * A plain reference reading of a generated wave, used to prove each wave shows what it plants and
 * nothing else. Rules (advice ties only; in-degree = distinct colleagues naming a person):
 * - leader in a domain: in-degree ≥ max(3, mean + 1 sd) over everyone on the roster (leadmap's leader rule);
 * - hidden leader: leader in some domain without a formal leadership role;
 * - nominal leader: formal role, leader in no domain;
 * - overloaded: formal role, release time < 0.25, leader in ≥ 4 domains;
 * - key person: the only person named in a domain by ≥ 3 respondents;
 * - silo: department (or school) of ≥ 4 people whose E-I index (ties touching it) is ≤ −0.6;
 * - isolated newcomer: started this year and named by nobody.
 */
import { isFormalLeaderRole } from '../model/formal-roles.js';
import { DOMAINS, type Domain, type WaveOutput } from './types.js';

export interface WaveReading {
  leaders: Record<string, string[]>;
  hidden: string[];
  nominal: string[];
  overloaded: string[];
  keyPeople: Array<{ id: string; domain: Domain; dependents: string[] }>;
  silos: Array<{ grouping: 'department' | 'school'; group: string; ei: number }>;
  isolatedNewcomers: string[];
  eiByDepartment: Record<string, number>;
}

export const SILO_EI = -0.6;
export const KEY_DEPENDENTS = 3;
export const OVERLOAD_DOMAINS = 4;
export const OVERLOAD_RELEASE = 0.25;

export function readWave(w: WaveOutput, grouping: 'department' | 'school' = 'department'): WaveReading {
  const advice = w.ties.filter((t) => t.relation === 'advice');
  const ids = w.people.map((p) => p.id);
  const leaders: Record<string, string[]> = {};
  const leaderDomains = new Map<string, Domain[]>();
  for (const d of DOMAINS) {
    const inSrc = new Map<string, Set<string>>(ids.map((id) => [id, new Set()]));
    for (const t of advice) if (t.domain === d) inSrc.get(t.target)!.add(t.source);
    const deg = ids.map((id) => inSrc.get(id)!.size);
    const mean = deg.reduce((a, b) => a + b, 0) / deg.length;
    const sd = Math.sqrt(deg.reduce((a, b) => a + (b - mean) ** 2, 0) / deg.length);
    const thr = Math.max(3, mean + sd);
    leaders[d] = ids.filter((_id, i) => deg[i]! >= thr - 1e-12);
    for (const id of leaders[d]!) leaderDomains.set(id, [...(leaderDomains.get(id) ?? []), d]);
  }
  const person = new Map(w.people.map((p) => [p.id, p]));
  const formal = (id: string): boolean => isFormalLeaderRole(person.get(id)!.role);
  const hidden = ids.filter((id) => !formal(id) && leaderDomains.has(id));
  const nominal = ids.filter((id) => formal(id) && !leaderDomains.has(id));
  const overloaded = ids.filter((id) => formal(id) && person.get(id)!.releaseTime < OVERLOAD_RELEASE && (leaderDomains.get(id)?.length ?? 0) >= OVERLOAD_DOMAINS);
  const keyPeople: WaveReading['keyPeople'] = [];
  for (const d of DOMAINS) {
    const out = new Map<string, string[]>();
    for (const t of advice) if (t.domain === d) out.set(t.source, [...(out.get(t.source) ?? []), t.target]);
    const deps = new Map<string, string[]>();
    for (const [s, ts] of out) if (ts.length === 1) deps.set(ts[0]!, [...(deps.get(ts[0]!) ?? []), s]);
    for (const [id, ds] of deps) if (ds.length >= KEY_DEPENDENTS) keyPeople.push({ id, domain: d, dependents: ds.sort() });
  }
  const groupOf = (id: string): string => (grouping === 'department' ? person.get(id)!.department : person.get(id)!.school);
  const eiByDepartment: Record<string, number> = {};
  const silos: WaveReading['silos'] = [];
  const groups = [...new Set(ids.map(groupOf))].sort();
  for (const g of groups) {
    let internal = 0, external = 0;
    for (const t of advice) {
      const a = groupOf(t.source) === g, b = groupOf(t.target) === g;
      if (a && b) internal++; else if (a || b) external++;
    }
    const ei = internal + external === 0 ? 0 : (external - internal) / (external + internal);
    eiByDepartment[g] = Math.round(ei * 100) / 100;
    if (ids.filter((id) => groupOf(id) === g).length >= 4 && ei <= SILO_EI) silos.push({ grouping, group: g, ei });
  }
  const named = new Set(advice.map((t) => t.target));
  const isolatedNewcomers = ids.filter((id) => person.get(id)!.startYear === w.year && !named.has(id));
  return { leaders, hidden, nominal, overloaded, keyPeople, silos, isolatedNewcomers, eiByDepartment };
}

/** Differences between what a wave plants and what the reference reading finds ([] = agree). */
export function plantedMismatches(w: WaveOutput, grouping: 'department' | 'school' = 'department'): string[] {
  const r = readWave(w, grouping);
  const p = w.planted;
  const out: string[] = [];
  const same = (what: string, want: string[], got: string[]): void => {
    const a = [...new Set(want)].sort().join(','), b = [...new Set(got)].sort().join(',');
    if (a !== b) out.push(`${what}: planted [${a}] found [${b}]`);
  };
  same('hidden', p.hiddenLeaders.map((h) => h.id), r.hidden);
  same('nominal', p.nominalLeaders.map((h) => h.id), r.nominal);
  same('overloaded', p.overloadedLeaders.map((h) => h.id), r.overloaded);
  same('key', p.keyPeople.map((k) => `${k.id}/${k.domain}`), r.keyPeople.map((k) => `${k.id}/${k.domain}`));
  same('silos', p.silos.filter((s) => s.grouping === grouping).map((s) => s.group), r.silos.map((s) => s.group));
  same('isolated', p.isolatedNewcomers.map((h) => h.id), r.isolatedNewcomers);
  return out;
}
