import { randomBytes } from 'node:crypto';
import { analyzeLeadership, type AnalyticsOptions, type LeadershipAnalysis } from '../metrics/analytics.js';
import { completenessBanner, type Completeness } from '../model/completeness.js';
import { isFormalLeaderRole } from '../model/formal-roles.js';
import { ANY_DOMAIN, type Dataset } from '../model/types.js';
import { presentLeadership } from '../privacy/present-leadership.js';
import { presentChange } from '../privacy/present-change.js';
import { compareWaves, type WaveChange } from '../metrics/change/compare-waves.js';
import { changeView, type TrendView } from './present/change.js';
import type { OutcomeChange } from '../metrics/change/outcomes.js';
import { DEFAULT_MIN_GROUP_SIZE, privacyPolicy } from '../privacy/policy.js';
import { Pseudonyms } from '../privacy/pseudonym.js';
import { DEFINITIONS } from './definitions.js';
import { Directory } from './directory.js';
import { isoDate } from './format.js';
import { networkFigure } from './network-figure.js';
import { indicatorRows, leaderIds } from './present/indicators.js';
import { brokers, formalInformalSection, periphery, profiles, quality, risk, silos, whoLeadsMatrix } from './sections.js';
import { printSummary } from './summary.js';
import { dataAvailable } from './needs.js';
import { actionsToTake } from './actions.js';
import { printedAnalysis } from './print-limits.js';
import type { Change, Edition, ReportModel } from './types.js';
import { LeadmapError } from '../model/errors.js';
import type { SurveyView } from './survey/view.js';

export interface WaveInput {
  dataset: Dataset;
  /** Wave label, e.g. "2025-26". */
  wave: string;
  /** The raw analysis when already computed (e.g. the server's cache); computed otherwise. */
  analysis?: LeadershipAnalysis;
  /** The wave's pseudonym secret (the store's); a fresh random one per report otherwise. */
  secret?: Buffer;
}

export interface ReportInput {
  school: string;
  /**
   * The district record this school's report is cut from (an account that sees one school of it): the
   * report covers the school's own staff and the ties among them, and its cover says so. Null or absent otherwise.
   */
  partOf?: string | null;
  current: WaveInput;
  /** The previous wave of the same school, for "change since last wave". */
  previous?: WaveInput | null;
  edition: Edition;
  /** Report date (default: today). */
  date?: Date;
  minGroupSize?: number;
  relation?: string;
  analytics?: Partial<AnalyticsOptions>;
  /** compareWaves(previous, current) when already computed (the server's cache); computed otherwise. */
  comparison?: WaveChange;
  /** School outcomes of this wave beside the previous wave's (outcomes.csv), shown on the change page as association. */
  outcomes?: OutcomeChange[] | null;
  /** Three or more waves: the trend (the web school page's, already through the privacy gate); printed after the change page. */
  trend?: TrendView | null;
  /** What of the current wave's answers is in the results (a survey import's); the report shows the web's banner when some wait for a decision. */
  completeness?: Completeness | null;
  /** The survey side for this edition (src/report/survey/view.ts, labelled with the current wave's secret), or null. */
  survey?: SurveyView | null;
}

/**
 * Builds the report model of one wave: runs (or takes) analyzeLeadership, passes it through the
 * privacy layer (presentLeadership: small-group suppression in both editions, pseudonyms in the
 * anonymised one), and shapes every section of the printed report. Deterministic for a given input,
 * date and secret. The model holds no name in the anonymised edition.
 */
export function buildReportModel(input: ReportInput): ReportModel {
  const min = input.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE;
  const policy = privacyPolicy(min);
  const options = { ...input.analytics, relation: input.relation, minGroupSize: min };
  const cur = input.current;
  // With fewer staff than the minimum group size, every line about a person narrows them to fewer than k
  // colleagues: the anonymised edition cannot exist (docs/security.md).
  if (input.edition === 'anonymised' && cur.dataset.people.length < min)
    throw new LeadmapError(
      'TOO_FEW_STAFF',
      `the anonymised edition needs at least ${min} staff (this wave has ${cur.dataset.people.length}): with fewer, any line about a colleague points at them; the named edition is for analysts and administrators`,
    );
  const raw = cur.analysis ?? analyzeLeadership(withWave(cur.dataset, cur.wave), options);
  const disclosure = input.edition === 'named' ? 'named' : 'pseudonymised';
  const pseudonyms = new Pseudonyms(
    cur.secret ?? randomBytes(32),
    cur.dataset.people.map((p) => p.id),
  );
  const dir = new Directory(cur.dataset, input.edition, pseudonyms, min, (r) => isFormalLeaderRole(r));
  const a = printedAnalysis(presentLeadership(raw, cur.dataset.people, { disclosure, policy, pseudonyms }), (k) => dir.label(k));

  let prevA: LeadershipAnalysis | null = null;
  let prevRaw: LeadershipAnalysis | null = null;
  const prev = input.previous ?? null;
  if (prev) {
    prevRaw = prev.analysis ?? analyzeLeadership(withWave(prev.dataset, prev.wave), { ...options, relation: raw.selection.relation });
    const prevPseudonyms = new Pseudonyms(
      prev.secret ?? randomBytes(32),
      prev.dataset.people.map((p) => p.id),
    );
    prevA = presentLeadership(prevRaw, prev.dataset.people, { disclosure, policy, pseudonyms: prevPseudonyms });
  }
  const publicChange =
    prev && prevRaw
      ? presentChange(input.comparison ?? compareWaves(prev.dataset, cur.dataset, { relation: raw.selection.relation }), {
          disclosure,
          policy,
        })
      : null;
  const rows = indicatorRows(a, ANY_DOMAIN, prevA && prev ? { label: prev.wave, analysis: prevA, comparison: publicChange } : null);
  const change: Change | null = prev && prevRaw ? changeSection(raw, prevRaw, prev, cur, rows, input.edition) : null;
  const comparison = publicChange && prev ? changeView(publicChange, { before: prev.wave, after: cur.wave }, input.outcomes ?? null) : null;
  const pooledLeaders = new Set(leaderIds(a));
  const data = dataAvailable(cur.dataset, a, prevA !== null);
  const sections = {
    formalInformal: formalInformalSection(a, dir),
    silos: silos(a, min),
    brokers: brokers(a, dir),
    risk: risk(a, dir),
    periphery: periphery(a, dir),
  };
  return {
    meta: {
      school: input.school,
      partOf: input.partOf ?? null,
      wave: cur.wave,
      previousWave: prev?.wave ?? null,
      date: isoDate(input.date ?? new Date()),
      edition: input.edition,
      relation: a.selection.relation,
      people: a.selection.people,
      domains: a.selection.domains,
      minGroupSize: min,
      groupBy: a.groups.groupBy,
      data,
    },
    summary: printSummary({ a, dir, data, indicators: rows, ...sections, comparison: publicChange }, input.school, prev?.wave ?? null),
    actions: actionsToTake({ a, dir, data, indicators: rows, ...sections }, change),
    indicators: rows,
    whoLeads: whoLeadsMatrix(a, dir),
    profiles: profiles(a),
    overlapReading: a.distribution.overlap.reading,
    ...sections,
    change,
    comparison,
    trend: input.trend ?? null,
    network: networkFigure(cur.dataset, a.selection.relation, dir, pooledLeaders, { seed: a.selection.seed }),
    quality: quality(a, input.edition, min),
    definitions: DEFINITIONS,
    completeness: completenessBanner(input.completeness),
    survey: input.survey ?? null,
  };
}

/** Sets the wave label on a dataset that has none, so the wave year (new staff) follows the label. */
export function withWave(d: Dataset, label: string): Dataset {
  return d.wave ? d : { ...d, wave: { id: label, label, schoolId: '', collectedOn: null } };
}

/** Leaders (who lead at least one domain, as counted in the indicators) who joined or left (roster ids are stable across waves). Names only in the named edition. */
function changeSection(
  raw: LeadershipAnalysis,
  prevRaw: LeadershipAnalysis,
  prev: WaveInput,
  cur: WaveInput,
  rows: Change['rows'],
  edition: Edition,
): Change {
  const now = new Set(leaderIds(raw));
  const before = new Set(leaderIds(prevRaw));
  const nameNow = new Map(cur.dataset.people.map((p) => [p.id, p.name]));
  const nameBefore = new Map(prev.dataset.people.map((p) => [p.id, p.name]));
  const joined = [...now].filter((id) => !before.has(id));
  const left = [...before].filter((id) => !now.has(id));
  const named = edition === 'named';
  return {
    previousWave: prev.wave,
    rows,
    newLeaders: named ? joined.map((id) => nameNow.get(id) ?? id).sort() : [],
    newLeaderCount: joined.length,
    formerLeaders: named ? left.map((id) => nameBefore.get(id) ?? nameNow.get(id) ?? id).sort() : [],
    formerLeaderCount: left.length,
  };
}
