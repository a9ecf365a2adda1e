import { ANY_DOMAIN, type Dataset } from '../../model/types.js';
import { resolveRelation } from '../../graph/build-graph.js';
import { mulberry32 } from '../random.js';
import { BOOTSTRAP_DEFAULTS, drawWeights, percentileInterval, type BootstrapOptions } from './bootstrap.js';
import { matchWaves, type MatchReview } from './match-waves.js';
import { measureWave, observedLeaders, slotsFor, type Slot } from './measures.js';
import { tiePersistence, type TiePersistence } from './persistence.js';
import { indicatorSpec, type IndicatorKind } from './indicators.js';
import { waveFrame, type WaveFrame } from './wave-frame.js';

export type Verdict = 'up' | 'down' | 'no clear change' | 'not measured';
export type Population = 'all' | 'core';

/** One indicator's change between two waves. */
export interface ChangeIndicator {
  key: string;
  /** "all" (every domain pooled) or a domain. */
  domain: string;
  /** All staff of each wave, or the stable core (present and answering in both waves). */
  population: Population;
  kind: IndicatorKind;
  before: number | null;
  after: number | null;
  /** after − before. */
  change: number | null;
  /** Bootstrap percentile interval of the change. */
  low: number | null;
  high: number | null;
  verdict: Verdict;
  /** Why a value is missing ("not measured — needs …"), else null. */
  reason: string | null;
}

export interface ChangeNote {
  code: 'RESPONSE_RATES_DIFFER' | 'HIGH_TURNOVER' | 'NAMES_TO_REVIEW' | 'SMALL_CORE' | 'RESPONSE_UNKNOWN' | 'ASSOCIATION_NOT_CAUSE';
  message: string;
}

/** A domain whose leader left: did the domain keep leaders? */
export interface Succession {
  domain: string;
  /** Earlier-wave ids of the domain's leaders who left. */
  leftLeaders: string[];
  /** Leaders of the domain in the later wave. */
  leadersAfter: number;
  kept: boolean;
}

export interface WaveChange {
  relation: string;
  basis: {
    stayers: number;
    leavers: string[];
    joiners: string[];
    /** Stayers who answered in both waves. */
    core: number;
    staff: { before: number; after: number };
    /** Respondents ÷ roster; null when respondents are unknown. */
    responseRates: { before: number | null; after: number | null };
    /** Leavers ÷ staff of the earlier wave. */
    turnover: number | null;
  };
  indicators: ChangeIndicator[];
  notes: ChangeNote[];
  persistence: TiePersistence[];
  succession: Succession[];
  review: MatchReview[];
  method: { resampling: 'respondents'; replicates: number; level: number; seed: number };
}

export const CHANGE_DEFAULTS = {
  ...BOOTSTRAP_DEFAULTS,
  relation: undefined as string | undefined,
  /** Banner when response rates differ by more than this (share, 0.10 = 10 points). */
  responseGap: 0.1,
  /** Banner when more than this share of the earlier staff left. */
  turnover: 0.15,
  /** Below this many people the stable core is not compared. */
  minCore: 5,
  formalPatterns: undefined as readonly RegExp[] | undefined,
};
export type ChangeOptions = typeof CHANGE_DEFAULTS;

const EPS = 1e-9;

/**
 * What changed between two waves of one school, and whether it is real. People are matched across
 * waves (matchWaves); every measure (measureWave) is computed on all staff and on the stable core;
 * its change gets a seeded percentile bootstrap interval over respondents (Efron & Tibshirani 1993):
 * each replicate draws the people who answered in either wave with replacement, and every drawn
 * person's outgoing ties are counted as often as they were drawn in both waves (a paired
 * resampling: someone who answered twice carries both answers). The verdict is "up" or "down" only
 * when the interval excludes zero (and holds the observed change: an off-centre interval gives no
 * verdict), "no clear change" otherwise, "not measured" when either wave
 * lacks the input. Notes warn when response rates differ by more than 10 points or turnover exceeds
 * 15 %. O(R · D · (n log n + m)) for R replicates and D domains.
 */
export function compareWaves(before: Dataset, after: Dataset, options: Partial<ChangeOptions> = {}): WaveChange {
  const o = { ...CHANGE_DEFAULTS, ...options };
  const relation = resolveRelation(after, o.relation);
  if (before.relations.length > 0) resolveRelation(before, relation);
  const match = matchWaves(before.people, after.people);
  const units = new Map<string, number>();
  const unitOf = (id: string) => {
    let u = units.get(id);
    if (u === undefined) units.set(id, (u = units.size));
    return u;
  };
  const beforeUnit = (id: string) => unitOf(match.toAfter.get(id) ?? `\u0000before:${id}`);
  const fa = waveFrame(before, relation, beforeUnit, undefined, o.formalPatterns);
  const fb = waveFrame(after, relation, unitOf, undefined, o.formalPatterns);
  const answeredBefore = new Set(fa.ids.filter((_, i) => fa.respondent[i]));
  const answeredAfter = new Set(fb.ids.filter((_, i) => fb.respondent[i]));
  const core = new Set(match.pairs.filter((p) => answeredBefore.has(p.before) && answeredAfter.has(p.after)).map((p) => p.after));
  const coreBefore = new Set(match.pairs.filter((p) => core.has(p.after)).map((p) => p.before));

  const domains = [...new Set([...fa.domains, ...fb.domains])].sort();
  const slots = slotsFor(domains);
  const indicators: ChangeIndicator[] = [];
  const pool = (f: WaveFrame, other: WaveFrame) =>
    Int32Array.from(new Set([...f.unit.filter((_, i) => f.respondent[i]), ...other.unit.filter((_, i) => other.respondent[i])]));
  indicators.push(...measureChange('all', fa, fb, pool(fa, fb), slots, units.size, o, o.seed));
  const enoughCore = core.size >= o.minCore;
  if (enoughCore) {
    const ca = waveFrame(before, relation, beforeUnit, coreBefore, o.formalPatterns);
    const cb = waveFrame(after, relation, unitOf, core, o.formalPatterns);
    indicators.push(...measureChange('core', ca, cb, pool(ca, cb), slots, units.size, o, (o.seed + 1) >>> 0));
  }

  const staffBefore = before.people.filter((p) => p.onRoster).length;
  const staffAfter = after.people.filter((p) => p.onRoster).length;
  const retention = staffBefore === 0 ? null : match.stayers.length / staffBefore;
  indicators.push({
    key: 'retention',
    domain: 'all',
    population: 'all',
    kind: 'lagging',
    before: null,
    after: retention,
    change: null,
    low: null,
    high: null,
    verdict: 'not measured',
    reason: `not measured — needs ${indicatorSpec('retention').needs}`,
  });
  indicators.push(notMeasured('teacherInitiatedImprovement'));

  const rr = (d: Dataset) => {
    if (d.respondents === null) return null;
    const roster = d.people.filter((p) => p.onRoster);
    const answered = new Set(d.respondents);
    return roster.length === 0 ? null : roster.filter((p) => answered.has(p.id)).length / roster.length;
  };
  const responseRates = { before: rr(before), after: rr(after) };
  const turnover = staffBefore === 0 ? null : match.leavers.length / staffBefore;
  const notes = changeNotes(responseRates, turnover, match.review.length, core.size, enoughCore, o);
  if (notes.some((n) => n.code === 'RESPONSE_RATES_DIFFER')) withholdResponseSensitive(indicators, responseRates);

  const succession: Succession[] = [];
  const leaversSet = new Set(match.leavers);
  const afterLeaders = new Map(fb.domains.map((d, k) => [d, observedLeaders(fb, fb.domainArcs[k]!).length]));
  afterLeaders.set(ANY_DOMAIN, observedLeaders(fb, fb.pooled).length);
  const beforeSets: [string, string[]][] = fa.domains.map((d, k) => [d, observedLeaders(fa, fa.domainArcs[k]!)]);
  beforeSets.push([ANY_DOMAIN, observedLeaders(fa, fa.pooled)]);
  for (const [domain, leaders] of beforeSets) {
    const left = leaders.filter((id) => leaversSet.has(id));
    if (left.length === 0) continue;
    const leadersAfter = afterLeaders.get(domain) ?? 0;
    succession.push({ domain: domain === ANY_DOMAIN ? 'all' : domain, leftLeaders: left, leadersAfter, kept: leadersAfter > 0 });
  }

  return {
    relation,
    basis: {
      stayers: match.stayers.length,
      leavers: match.leavers,
      joiners: match.joiners,
      core: core.size,
      staff: { before: staffBefore, after: staffAfter },
      responseRates,
      turnover,
    },
    indicators,
    notes,
    persistence: tiePersistence(before, after, match.toAfter, core),
    succession,
    review: match.review,
    method: { resampling: 'respondents', replicates: o.replicates, level: o.level, seed: o.seed },
  };
}

/** Observed values and bootstrap intervals of every slot for one population. */
function measureChange(
  population: Population,
  fa: WaveFrame,
  fb: WaveFrame,
  pool: Int32Array,
  slots: readonly Slot[],
  unitCount: number,
  o: BootstrapOptions,
  seed: number,
): ChangeIndicator[] {
  const S = slots.length;
  const a = new Float64Array(S);
  const b = new Float64Array(S);
  const weight = new Float64Array(unitCount);
  // The observed waves: everyone once (measureWave lets only respondents send ties).
  measureWave(fa, weight.fill(1), slots, a);
  measureWave(fb, weight, slots, b);
  const R = o.replicates;
  const diffs = new Float64Array(R * S);
  const ra = new Float64Array(S);
  const rb = new Float64Array(S);
  const rng = mulberry32(seed);
  for (let r = 0; r < R; r++) {
    drawWeights(pool, weight, rng);
    measureWave(fa, weight, slots, ra);
    measureWave(fb, weight, slots, rb);
    for (let s = 0; s < S; s++) diffs[s * R + r] = clean(rb[s]! - ra[s]!);
  }
  return slots.map((slot, s) => {
    const before = finite(a[s]!);
    const after = finite(b[s]!);
    const base = {
      key: slot.key,
      domain: slot.domain === ANY_DOMAIN ? 'all' : slot.domain,
      population,
      kind: indicatorSpec(slot.key).kind,
    };
    if (before === null || after === null)
      return {
        ...base,
        before,
        after,
        change: null,
        low: null,
        high: null,
        verdict: 'not measured' as const,
        reason: `not measured — needs ${indicatorSpec(slot.key).needs}`,
      };
    const ci = R > 0 ? percentileInterval(diffs.subarray(s * R, (s + 1) * R), o.level) : null;
    const low = ci ? clean(ci.low) : null;
    const high = ci ? clean(ci.high) : null;
    const change = clean(after - before);
    // A percentile interval that does not hold the observed change is off-centre: resampling moves this
    // measure's level itself (thresholds such as mean + 1 sd shift when people are drawn twice), so its
    // interval cannot say whether the change is real — no verdict, and the reason says why.
    if (low !== null && high !== null && (change < low - 1e-9 || change > high + 1e-9))
      return { ...base, before, after, change, low, high, verdict: 'no clear change' as const, reason: OFF_CENTRE };
    const verdict: Verdict = low !== null && low > 0 ? 'up' : high !== null && high < 0 ? 'down' : 'no clear change';
    return { ...base, before, after, change, low, high, verdict, reason: null };
  });
}

/** Why an off-centre interval gives no verdict (see measureChange). */
/** Why an all-staff verdict is withheld when response rates differ by `gap` points (withholdResponseSensitive). */
export function responseGapReason(gap: number): string {
  return `response rates differ by ${gap} points: this all-staff change cannot be told apart from the change in who answered; read the stable core`;
}

export const OFF_CENTRE = 'the resampled changes do not surround the observed one, so this interval cannot tell';

/**
 * Measures that count nominations received (or who is named at all) fall and rise with the number of
 * people who answered, whatever happens in the school: with fewer respondents in-degrees shrink,
 * distributions look more unequal and more people look isolated (Kossinets 2006).
 */
export const RESPONSE_SENSITIVE: ReadonlySet<string> = new Set([
  'inDegreeCentralization',
  'gini',
  'topShare',
  'leaders',
  'hiddenLeaders',
  'isolates',
  'diverseVoices',
  'leaderDepartments',
  'leaderExperienceBands',
  'adminFacultyCommunication',
]);

/**
 * When response rates differ by more than the allowed gap, an all-staff change in a response-sensitive
 * measure cannot be told apart from the change in who answered: its numbers stay, its verdict is
 * "no clear change" with the reason. The stable core (the same people answering both times) keeps its verdicts.
 */
function withholdResponseSensitive(indicators: ChangeIndicator[], rates: { before: number | null; after: number | null }): void {
  const gap = Math.round(Math.abs((rates.after ?? 0) - (rates.before ?? 0)) * 100);
  for (const i of indicators) {
    if (i.population !== 'all' || !RESPONSE_SENSITIVE.has(i.key) || i.verdict === 'not measured') continue;
    if (i.verdict !== 'no clear change') i.reason = responseGapReason(gap);
    i.verdict = 'no clear change';
  }
}

function notMeasured(key: string): ChangeIndicator {
  const spec = indicatorSpec(key);
  return {
    key,
    domain: 'all',
    population: 'all',
    kind: spec.kind,
    before: null,
    after: null,
    change: null,
    low: null,
    high: null,
    verdict: 'not measured',
    reason: `not measured — needs ${spec.needs}`,
  };
}

function changeNotes(
  rates: { before: number | null; after: number | null },
  turnover: number | null,
  toReview: number,
  core: number,
  enoughCore: boolean,
  o: ChangeOptions,
): ChangeNote[] {
  const notes: ChangeNote[] = [];
  const pct = (x: number) => `${Math.round(x * 100)} %`;
  if (rates.before === null || rates.after === null)
    notes.push({
      code: 'RESPONSE_UNKNOWN',
      message:
        'Who answered is not known for one wave: everyone on its roster is counted as a respondent, so the stable core may include people who did not answer.',
    });
  else if (Math.abs(rates.after - rates.before) > o.responseGap + EPS)
    notes.push({
      code: 'RESPONSE_RATES_DIFFER',
      message: `Response rates differ by ${Math.round(Math.abs(rates.after - rates.before) * 100)} points (${pct(rates.before)}, then ${pct(rates.after)}): measures that count nominations (centralization, Gini, top share, leaders, isolates) move with the response rate itself, so their all-staff change gets no verdict. Read the stable core.`,
    });
  if (turnover !== null && turnover > o.turnover + EPS)
    notes.push({
      code: 'HIGH_TURNOVER',
      message: `${pct(turnover)} of the earlier staff left: all-staff change mixes who is there with how they work together. Read the stable core.`,
    });
  if (toReview > 0)
    notes.push({
      code: 'NAMES_TO_REVIEW',
      message: `${toReview} ${toReview === 1 ? 'person' : 'people'} of the earlier wave could not be matched with confidence and are counted as leavers until reviewed.`,
    });
  if (!enoughCore)
    notes.push({
      code: 'SMALL_CORE',
      message: `Only ${core} ${core === 1 ? 'person was' : 'people were'} present and answering in both waves: the stable core is not compared (needs ${o.minCore}).`,
    });
  return notes;
}

/** Treats floating-point residue as zero, so identical waves read as no change. */
function clean(x: number): number {
  return Math.abs(x) < EPS ? 0 : x;
}

function finite(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}
