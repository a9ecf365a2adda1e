import { ANY_DOMAIN } from '../../model/types.js';
import { gini, topShareValue } from '../leadership/distribution.js';
import { isLeader, leaderThreshold } from '../leadership/who-leads.js';
import { densityOf } from '../network/density.js';
import { inDegreeCentralizationOf } from '../network/centralization.js';
import { isHiddenLeader } from '../leadership/formal-informal.js';
import type { Arcs, ScaleKey, WaveFrame } from './wave-frame.js';

/** Network measures computed per domain (and pooled) for change. */
export const DOMAIN_KEYS = ['leaders', 'hiddenLeaders'] as const;
/** Measures of the pooled network (all domains of the relation) and school-level indicators. */
export const POOLED_KEYS = [
  'density',
  'reciprocity',
  'inDegreeCentralization',
  'gini',
  'topShare',
  'leaders',
  'hiddenLeaders',
  'eiIndex',
  'isolates',
  'diverseVoices',
  'leaderDepartments',
  'leaderExperienceBands',
  'adminFacultyCommunication',
  'collaborationFrequency',
  'participation',
  'roleClarity',
] as const;
export type PooledKey = (typeof POOLED_KEYS)[number];

/** One slot of a measure vector: a key and the domain it is measured on (ANY_DOMAIN = all domains pooled). */
export interface Slot {
  key: PooledKey;
  domain: string;
}

/** The slots measured for a set of domains: pooled keys first, then each domain's leaders and hidden leaders. */
export function slotsFor(domains: readonly string[]): Slot[] {
  return [
    ...POOLED_KEYS.map((key) => ({ key, domain: ANY_DOMAIN })),
    ...domains.flatMap((domain) => DOMAIN_KEYS.map((key) => ({ key, domain }))),
  ];
}

/** Per-domain results the pooled indicators need (leader sets). */
interface DomainPass {
  leaders: number;
  hidden: number;
}

/**
 * Measures a wave under respondent weights: `weight[u]` is how many times person u was drawn
 * (1 for everyone in the observed data, bootstrap counts in a replicate). A node sends its ties
 * `weight` times when it is a respondent and not at all otherwise; the node set never changes.
 * Each measure is the project's single definition (src/metrics/leadership, docs/metrics.md) applied
 * to the weighted in-degrees: density m / (senders (n − 1)); reciprocity over arcs whose target
 * answered; Freeman in-degree centralization; Gini and top-10 % share of in-degree; leaders by the
 * leader rule; hidden leaders by the hidden-leader rule; E-I over pooled arcs by department;
 * isolates (no tie in or out). School-level indicators are defined in docs/metrics.md ("Change").
 * Writes NaN for a value that is undefined (e.g. reciprocity with no ties, a missing input).
 * O(D (n log n + m)) per call for D domains.
 */
export function measureWave(frame: WaveFrame, weight: ArrayLike<number>, slots: readonly Slot[], out: Float64Array): void {
  const n = frame.n;
  const sc = scratchOf(frame);
  const { send, inDeg, domainLeaderUnion, outAny } = sc;
  let senders = 0;
  for (let i = 0; i < n; i++) {
    send[i] = frame.respondent[i] ? weight[frame.unit[i]!]! : 0;
    senders += send[i]!;
  }
  const passes = new Map<string, DomainPass>();
  domainLeaderUnion.fill(0);
  for (let d = 0; d < frame.domains.length; d++) {
    const pass = domainPass(frame, frame.domainArcs[d]!, send, inDeg, sc.sorted, sc.leaderMask);
    passes.set(frame.domains[d]!, pass);
    for (let i = 0; i < n; i++) domainLeaderUnion[i]! |= sc.leaderMask[i]!;
  }
  const pooled = domainPass(frame, frame.pooled, send, inDeg, sc.sorted, sc.leaderMask);
  if (frame.domains.length === 0) domainLeaderUnion.set(sc.leaderMask);
  // inDeg now holds the pooled in-degrees.
  const arcs = frame.pooled;
  let m = 0;
  let replyable = 0;
  let mutual = 0;
  let internal = 0;
  for (let k = 0; k < arcs.src.length; k++) {
    const w = send[arcs.src[k]!]!;
    if (w === 0) continue;
    m += w;
    if (send[arcs.tgt[k]!]! > 0) {
      replyable += w;
      if (arcs.rev[k]) mutual += w;
    }
    if (frame.department[arcs.src[k]!] === frame.department[arcs.tgt[k]!]) internal += w;
  }
  outAny.fill(0);
  for (let k = 0; k < arcs.src.length; k++) if (send[arcs.src[k]!]! > 0) outAny[arcs.src[k]!] = 1;
  let isolates = 0;
  for (let i = 0; i < n; i++) if (inDeg[i] === 0 && !outAny[i]) isolates++;

  for (let s = 0; s < slots.length; s++) {
    const { key, domain } = slots[s]!;
    if (domain !== ANY_DOMAIN) {
      const p = passes.get(domain);
      out[s] = p === undefined ? Number.NaN : key === 'leaders' ? p.leaders : p.hidden;
      continue;
    }
    out[s] = pooledValue(key);
  }

  function pooledValue(key: PooledKey): number {
    switch (key) {
      case 'density':
        return orNaN(densityOf(m, n, senders));
      case 'reciprocity':
        return replyable === 0 ? Number.NaN : mutual / replyable;
      case 'inDegreeCentralization':
        return orNaN(inDegreeCentralizationOf(inDeg));
      case 'gini':
        return orNaN(gini(inDeg).value);
      case 'topShare':
        return orNaN(topShareValue(inDeg));
      case 'leaders':
        return pooled.leaders;
      case 'hiddenLeaders':
        return pooled.hidden;
      case 'eiIndex':
        return m === 0 ? Number.NaN : (m - 2 * internal) / m;
      case 'isolates':
        return isolates;
      case 'diverseVoices':
        return n === 0 ? Number.NaN : count(domainLeaderUnion) / n;
      case 'leaderDepartments':
        return distinct(domainLeaderUnion, frame.department);
      case 'leaderExperienceBands':
        return frame.experienceBand.some((b) => b >= 0) ? distinct(domainLeaderUnion, frame.experienceBand) : Number.NaN;
      case 'adminFacultyCommunication':
        return adminFaculty(frame, send);
      case 'collaborationFrequency':
        return collaboration(frame, send, senders);
      case 'participation':
      case 'roleClarity':
        return scaleMean(frame, send, key);
    }
  }
}

/** Buffers reused by every measurement of one frame (a bootstrap measures it thousands of times). */
interface Scratch {
  send: Float64Array;
  inDeg: Float64Array;
  sorted: Float64Array;
  leaderMask: Uint8Array;
  domainLeaderUnion: Uint8Array;
  outAny: Uint8Array;
}
const scratches = new WeakMap<WaveFrame, Scratch>();
function scratchOf(frame: WaveFrame): Scratch {
  let s = scratches.get(frame);
  if (!s) {
    const n = frame.n;
    s = {
      send: new Float64Array(n),
      inDeg: new Float64Array(n),
      sorted: new Float64Array(n),
      leaderMask: new Uint8Array(n),
      domainLeaderUnion: new Uint8Array(n),
      outAny: new Uint8Array(n),
    };
    scratches.set(frame, s);
  }
  return s;
}

/** In-degrees (written into inDeg), leaders (written into leaderMask) and hidden leaders of one domain's arcs under send weights. */
function domainPass(
  frame: WaveFrame,
  arcs: Arcs,
  send: Float64Array,
  inDeg: Float64Array,
  sorted: Float64Array,
  leaderMask: Uint8Array,
): DomainPass {
  inDeg.fill(0);
  for (let k = 0; k < arcs.src.length; k++) inDeg[arcs.tgt[k]!]! += send[arcs.src[k]!]!;
  const threshold = leaderThreshold(inDeg).threshold;
  sorted.set(inDeg);
  const med = medianOfSorted(sorted.sort());
  leaderMask.fill(0);
  let leaders = 0;
  let hidden = 0;
  for (let i = 0; i < frame.n; i++) {
    const d = inDeg[i]!;
    if (d > 0 && isLeader(d, threshold)) {
      leaderMask[i] = 1;
      leaders++;
    }
    if (d > 0 && isHiddenLeader(d, frame.formal[i] === 1, threshold, med)) hidden++;
  }
  return { leaders, hidden };
}

/** Share of faculty (staff who are not administrators) with a tie of any relation to or from an administrator. */
function adminFaculty(frame: WaveFrame, send: Float64Array): number {
  let faculty = 0;
  for (let i = 0; i < frame.n; i++) if (!frame.administrator[i]) faculty++;
  if (faculty === 0 || faculty === frame.n) return Number.NaN;
  const linked = new Uint8Array(frame.n);
  const { src, tgt } = frame.anyTie;
  for (let k = 0; k < src.length; k++) {
    const s = src[k]!;
    const t = tgt[k]!;
    if (send[s] === 0) continue;
    if (frame.administrator[s] && !frame.administrator[t]) linked[t] = 1;
    else if (!frame.administrator[s] && frame.administrator[t]) linked[s] = 1;
  }
  return count(linked) / faculty;
}

/** Mean frequency-weighted collaboration ties reported per respondent. */
function collaboration(frame: WaveFrame, send: Float64Array, senders: number): number {
  const c = frame.collaborationOut;
  if (c === null || senders === 0) return Number.NaN;
  let s = 0;
  for (let i = 0; i < frame.n; i++) s += send[i]! * c[i]!;
  return s / senders;
}

/** Mean answer on a survey scale over respondents who gave one. */
function scaleMean(frame: WaveFrame, send: Float64Array, key: ScaleKey): number {
  const v = frame.scales[key];
  if (v === null) return Number.NaN;
  let s = 0;
  let w = 0;
  for (let i = 0; i < frame.n; i++) {
    if (send[i] === 0 || Number.isNaN(v[i]!)) continue;
    s += send[i]! * v[i]!;
    w += send[i]!;
  }
  return w === 0 ? Number.NaN : s / w;
}

function count(mask: Uint8Array): number {
  let c = 0;
  for (let i = 0; i < mask.length; i++) c += mask[i]!;
  return c;
}

function distinct(mask: Uint8Array, label: Int32Array): number {
  const seen = new Set<number>();
  for (let i = 0; i < mask.length; i++) if (mask[i] && label[i]! >= 0) seen.add(label[i]!);
  return seen.size;
}

function orNaN(v: number | null): number {
  return v === null ? Number.NaN : v;
}

/** Ids of the leaders of one arc set in the observed wave (every respondent drawn once), in node order. */
export function observedLeaders(frame: WaveFrame, arcs: Arcs): string[] {
  const n = frame.n;
  const mask = new Uint8Array(n);
  domainPass(frame, arcs, Float64Array.from(frame.respondent), new Float64Array(n), new Float64Array(n), mask);
  return frame.ids.filter((_, i) => mask[i] === 1);
}

/** Median of ascending values (mean of the two middle ones for even n), as `median` in leadership/value.ts; null when empty. */
function medianOfSorted(s: Float64Array): number | null {
  const n = s.length;
  if (n === 0) return null;
  const h = n >> 1;
  return n % 2 === 1 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}
