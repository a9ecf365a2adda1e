/**
 * The words of a comparison of two waves, wherever it is shown: the PDF report's change page and the
 * web school page (served preformatted by GET /api/schools/:id/compare). Values come from
 * compareWaves through the privacy gate (presentChange); units and rounding from ./measures.ts.
 */
import { INDICATORS } from '../../metrics/change/indicators.js';
import { OFF_CENTRE } from '../../metrics/change/compare-waves.js';
import type { TrendIndicator } from '../../metrics/change/trend.js';
import type { PublicChange } from '../../privacy/present-change.js';
import type { OutcomeChange } from '../../metrics/change/outcomes.js';
import { showChangeIn, showIn, type Unit } from './measures.js';

/** One indicator's change as shown. */
export interface ChangeRowView {
  key: string;
  domain: string;
  population: 'all' | 'core';
  label: string;
  before: string;
  after: string;
  change: string;
  /** "−0.04 to +0.02"; "—" without an interval. */
  interval: string;
  /** "up", "down", "no clear change" or "not measured — needs …". */
  verdict: string;
  /** Why a clear change was withheld (response rates differ), else null. */
  reason: string | null;
  better: 'higher' | 'lower' | null;
}

export interface ChangeSectionView {
  population: 'all' | 'core';
  title: string;
  rows: ChangeRowView[];
}

export interface ChangeView {
  before: string;
  after: string;
  heading: string;
  /** Staff, stayers, leavers, joiners, stable core and response rates in one sentence. */
  basis: string;
  /** The comparison's notes (response rates differ, turnover, names to review …), one banner each. */
  banners: string[];
  sections: ChangeSectionView[];
  succession: string[];
  /** School outcomes beside the change (outcomes.csv of the later wave, the earlier one's for the change), or null. */
  outcomes: OutcomeRowView[] | null;
  /** How the intervals were made. */
  method: string;
}

/** One school outcome as shown beside the network change: association, never cause. */
export interface OutcomeRowView {
  indicator: string;
  before: string;
  after: string;
  change: string;
  /** "better", "worse", "no change" (by the outcome's own `better` direction), or "—" without an earlier value. */
  direction: string;
  source: string;
}

const OUTCOME_NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/**
 * School outcomes as shown: values with their unit, the change signed (typographic minus; percentage
 * points for a unit that starts with "%", so a change of a percentage never reads as a relative one),
 * the direction in words.
 */
export function outcomeRows(outcomes: readonly OutcomeChange[]): OutcomeRowView[] {
  const value = (v: number | null, unit: string) =>
    v === null ? '—' : `${OUTCOME_NUMBER.format(v).replace('-', '−')}${unit ? (unit === '%' ? ' %' : ` ${unit}`) : ''}`;
  return outcomes.map((o) => ({
    indicator: o.indicator,
    before: value(o.before, o.unit),
    after: value(o.after, o.unit),
    change:
      o.change === null
        ? '—'
        : o.change === 0
          ? '±0'
          : `${o.change > 0 ? '+' : '−'}${OUTCOME_NUMBER.format(Math.abs(o.change))}${o.unit.startsWith('%') ? ' pts' : o.unit ? ` ${o.unit}` : ''}`,
    direction: o.direction === null ? '—' : o.direction === 'same' ? 'no change' : o.direction,
    source: o.source,
  }));
}

/** The unit each change indicator is shown in (docs/metrics.md, "Change between waves"). */
const UNITS: Record<string, Unit> = {
  density: 'percent',
  reciprocity: 'percent',
  topShare: 'percent',
  diverseVoices: 'percent',
  adminFacultyCommunication: 'percent',
  retention: 'percent',
  inDegreeCentralization: 'index',
  gini: 'index',
  collaborationFrequency: 'index',
  participation: 'index',
  roleClarity: 'index',
  eiIndex: 'signed-index',
  leaders: 'count',
  hiddenLeaders: 'count',
  isolates: 'count',
  leaderDepartments: 'count',
  leaderExperienceBands: 'count',
};

/** How an indicator of the comparison is shown: percent, index, signed index or count. */
export const changeUnit = (key: string): Unit => UNITS[key] ?? 'index';
const unit = changeUnit;

/** An interval bound: counts that fall between two whole numbers keep two decimals, so "+0.40" never reads "±0". */
function bound(key: string, v: number): string {
  const u = unit(key);
  return showChangeIn(u === 'count' && !Number.isInteger(v) ? 'index' : u, v).text;
}

/**
 * Leaders and hidden leaders over all domains are counted in the network of every domain pooled, not
 * as "leads at least one domain" (the indicators page's count): the label says so, so the two never
 * read as one number that disagrees with itself.
 */
const POOLED_LABEL: Record<string, string> = {
  leaders: 'Leaders, all domains pooled',
  hiddenLeaders: 'Hidden leaders, all domains pooled',
};

/** The label of an indicator, with its domain when it is one domain's row. */
export function changeLabel(key: string, domain: string): string {
  if (domain === 'all' && POOLED_LABEL[key]) return POOLED_LABEL[key];
  return (INDICATORS[key]?.label ?? key) + (domain === 'all' ? '' : ` (${domain})`);
}

/** The verdict in words: "up", "down", "no clear change", or "not measured — needs …". */
export function verdictText(i: { verdict: string; reason: string | null }): string {
  return i.verdict === 'not measured' ? (i.reason ?? 'not measured') : i.verdict;
}

/** One indicator row as shown. */
export function changeRow(i: PublicChange['indicators'][number]): ChangeRowView {
  const u = unit(i.key);
  return {
    key: i.key,
    domain: i.domain,
    population: i.population,
    label: changeLabel(i.key, i.domain),
    before: showIn(u, i.before).text,
    after: showIn(u, i.after).text,
    change: showChangeIn(u, i.change).text,
    interval: i.low === null || i.high === null ? '—' : `${bound(i.key, i.low)} to ${bound(i.key, i.high)}`,
    verdict: verdictText(i),
    reason: i.verdict === 'not measured' ? null : i.reason,
    better: INDICATORS[i.key]?.better ?? null,
  };
}

/**
 * The comparison as shown: a sentence on who stayed, left and joined; the notes as banners; a table per
 * population (all staff; the stable core) listing every indicator pooled over domains and each domain's
 * row only when it changed clearly; leadership succession; the method. Counts only: no one is named.
 */
export function changeView(
  c: PublicChange,
  labels: { before: string; after: string },
  outcomes: readonly OutcomeChange[] | null = null,
): ChangeView {
  const pct = (x: number | null) => (x === null ? 'unknown' : showIn('percent', x).text);
  const b = c.basis;
  const basis =
    `Staff: ${b.staff.before} in ${labels.before}, ${b.staff.after} in ${labels.after}; ${b.stayers} stayed, ${b.leaverCount} left, ${b.joinerCount} joined; ` +
    `stable core (present and answering both times): ${b.core}. Response: ${pct(b.responseRates.before)}, then ${pct(b.responseRates.after)}.`;
  const shown = (i: PublicChange['indicators'][number]) => i.domain === 'all' || i.verdict === 'up' || i.verdict === 'down';
  const sections: ChangeSectionView[] = (['all', 'core'] as const)
    .map((population) => ({
      population,
      title: population === 'all' ? 'All staff' : 'Stable core (present and answering both times)',
      rows: c.indicators.filter((i) => i.population === population && shown(i)).map(changeRow),
    }))
    .filter((s) => s.rows.length > 0);
  const succession = c.succession.map(
    (s) =>
      `${s.domain === 'all' ? 'All domains' : s.domain}: ${s.leftLeaderCount} ${s.leftLeaderCount === 1 ? 'leader' : 'leaders'} left; ` +
      (s.kept ? `${s.leadersAfter} ${s.leadersAfter === 1 ? 'leader' : 'leaders'} now.` : 'no leader now.'),
  );
  return {
    before: labels.before,
    after: labels.after,
    heading: `What changed from ${labels.before} to ${labels.after}, and whether it is real`,
    basis,
    banners: c.suppressed
      ? [`Fewer than ${c.minGroupSize} staff in a wave: the comparison is not shown.`, ...c.notes.map((n) => n.message)]
      : c.notes.map((n) => n.message),
    sections,
    succession,
    outcomes: outcomes ? outcomeRows(outcomes) : null,
    method:
      `95 % intervals: ${c.method.replicates.toLocaleString('en-US')} bootstrap replicates over respondents, seed ${c.method.seed}. ` +
      `A change reads “up” or “down” only when its interval excludes zero. Per-domain rows are listed when they changed clearly.` +
      (c.suppressed ? '' : ` ${chanceSentence(c) ?? ''}`.trimEnd()),
  };
}

/**
 * What chance alone would give beside the verdicts of one comparison: how many of the rows compared
 * (every indicator, population and domain that was measured) read "up" or "down", and how many would
 * with intervals of this level if nothing had changed (rows × (1 − level): 1 in 20 at 95 %). Null when
 * no row was measured.
 */
export function chanceSentence(c: { indicators: ReadonlyArray<{ verdict: string }>; method: { level: number } }): string | null {
  const measured = c.indicators.filter((i) => i.verdict !== 'not measured');
  if (measured.length === 0) return null;
  const clear = measured.filter((i) => i.verdict === 'up' || i.verdict === 'down').length;
  const expected = measured.length * (1 - c.method.level);
  const about = expected < 1 ? 'fewer than one' : `about ${Math.round(expected)}`;
  return (
    `${clear} of the ${measured.length} rows compared (every indicator, population and domain measured) ${clear === 1 ? 'reads' : 'read'} “up” or “down”. ` +
    `Even if nothing had changed, ${about} would read so by chance alone: trust most a change whose interval lies well clear of zero, or several that tell the same story.`
  );
}

/**
 * Why a clear-looking change got no verdict, in a few words, for the places that print the verdict
 * beside a value (the indicator cards, the PDF's indicator table): "response rates differ" or
 * "interval cannot tell"; the change page prints the whole reason. Null without a withheld verdict.
 */
export function shortReason(reason: string | null): string | null {
  if (reason === null || reason.startsWith('not measured')) return null;
  if (reason === OFF_CENTRE) return 'interval cannot tell';
  if (reason.startsWith('response rates differ')) return 'response rates differ';
  return reason;
}

/** A trend as shown: each indicator's value per wave and each step's change, interval and verdict. */
export interface TrendView {
  waves: string[];
  rows: Array<{
    key: string;
    label: string;
    /** Raw values, for a sparkline. */
    values: (number | null)[];
    shown: string[];
    steps: Array<{ change: string; interval: string; verdict: string; low: number | null; high: number | null }>;
  }>;
}

export function trendView(trend: readonly TrendIndicator[], waves: readonly string[]): TrendView {
  return {
    waves: [...waves],
    rows: trend.map((t) => ({
      key: t.key,
      label: changeLabel(t.key, 'all'),
      values: t.values,
      shown: t.values.map((v) => showIn(unit(t.key), v).text),
      steps: t.steps.map((s) => ({
        change: showChangeIn(unit(t.key), s.change).text,
        interval: s.low === null || s.high === null ? '—' : `${bound(t.key, s.low)} to ${bound(t.key, s.high)}`,
        verdict: verdictText({ verdict: s.verdict, reason: null }),
        low: s.low,
        high: s.high,
      })),
    })),
  };
}
