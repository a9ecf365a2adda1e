/**
 * The key indicators of one wave as they are shown everywhere: the web app's cards (served
 * preformatted by the API), the PDF's indicators table, the summary figures and the CSV export. Every
 * value goes through the measure rules (./measures.ts); every index is shown beside what chance would
 * give and read against it.
 */
import type { LeadershipAnalysis } from '../../metrics/analytics.js';
import { ANY_DOMAIN } from '../../model/types.js';
import type { IndicatorRow } from '../types.js';
import { NEED_WORDS } from '../needs.js';
import { MEASURES, show, showChange, type MeasureKey } from './measures.js';
import { hiddenIds, leaderIds, leaderPlusIds } from '../../metrics/leadership/leader-sets.js';
import type { PublicChange } from '../../privacy/present-change.js';
import { changeRow, shortReason } from './change.js';

export { hiddenIds, leaderIds, leaderPlusIds };

type A = LeadershipAnalysis;

export const INDICATOR_KEYS = [
  'people',
  'ties',
  'responseRate',
  'density',
  'reciprocity',
  'centralization',
  'gini',
  'topShare',
  'leaders',
  'leaderPlus',
  'hidden',
  'ei',
] as const satisfies readonly MeasureKey[];
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

const realDomains = (a: A) => a.selection.domains.filter((d) => d !== ANY_DOMAIN);
const pick = <T extends { domain: string }>(list: readonly T[], domain: string): T | undefined =>
  list.find((x) => x.domain === domain) ?? list.find((x) => x.domain === ANY_DOMAIN);

/**
 * How many of a domain's leaders (as leaderIds) hold no formal role. The anonymised presentation
 * removes the formal flag beside each pseudonym and keeps these counts instead (`withheld`).
 */
export function leaderPlusCount(a: A, domain: string = ANY_DOMAIN): number {
  if (a.withheld === undefined) return leaderPlusIds(a, domain).length;
  const key = domain === ANY_DOMAIN && realDomains(a).length > 0 ? 'all' : (pick(a.leaders.byDomain, domain)?.domain ?? ANY_DOMAIN);
  return a.withheld[`leaders.${key}.leaderPlus`] ?? 0;
}

/** How many hidden leaders a domain has (as hiddenIds); in the anonymised presentation, the count it keeps. */
export function hiddenCount(a: A, domain: string = ANY_DOMAIN): number {
  if (a.withheld === undefined) return hiddenIds(a, domain).length;
  const key = domain === ANY_DOMAIN && realDomains(a).length > 0 ? 'all' : (pick(a.formalInformal.byDomain, domain)?.domain ?? ANY_DOMAIN);
  return a.withheld[`leaders.${key}.hidden`] ?? 0;
}

/** Raw values of the indicators for one domain ('any' = all domains together). */
export function indicatorValues(a: A, domain: string = ANY_DOMAIN): Record<IndicatorKey, number | null> {
  const d = pick(a.distribution.byDomain, domain)!;
  const ei = pick(a.groups.ei, domain)!;
  return {
    people: a.selection.people,
    ties: d.ties,
    responseRate: a.quality.responseRate,
    density: d.density,
    reciprocity: d.reciprocity,
    centralization: d.centralization.value,
    gini: d.gini.value,
    topShare: d.topShare.value,
    leaders: leaderIds(a, domain).length,
    leaderPlus: leaderPlusCount(a, domain),
    // Hidden leaders are sought out outside a domain their role is responsible for: not assessed without domains.
    hidden: realDomains(a).length === 0 ? null : hiddenCount(a, domain),
    ei: ei.ei,
  };
}

/** Chance values beside the indices (null where chance has no meaning for the measure). */
function chanceValues(a: A, domain: string): Partial<Record<IndicatorKey, number | null>> {
  const c = pick(a.distribution.byDomain, domain)!.chance;
  return { density: c.density, reciprocity: c.reciprocity, centralization: c.centralization, gini: c.gini, ei: c.ei };
}

const domainWords = (a: A, domain: string) =>
  domain === ANY_DOMAIN ? (realDomains(a).length > 0 ? 'all domains' : 'the network') : domain;

/** What this wave's number counts, in words (varies with the data, unlike the definition). */
function counted(a: A, key: IndicatorKey, domain: string): string {
  const d = pick(a.distribution.byDomain, domain)!;
  const q = a.quality;
  const real = realDomains(a);
  switch (key) {
    case 'people':
      return `${show('people', a.selection.people).text} staff on this wave’s roster.`;
    case 'ties': {
      if (domain !== ANY_DOMAIN || real.length === 0)
        return `Colleagues naming another for ${a.selection.relation}${domain === ANY_DOMAIN ? '' : ` on ${domain}`}.`;
      const nominations = a.distribution.byDomain.filter((x) => x.domain !== ANY_DOMAIN).reduce((s, x) => s + x.ties, 0);
      return `Pairs of colleagues, whatever the domain; the ${show('ties', nominations).text} ${a.selection.relation} nominations over ${real.length} domains count a colleague once per domain.`;
    }
    case 'responseRate':
      return q.respondents === null
        ? `Unknown: ${q.responseRateReason ?? 'no respondent list'}.`
        : `${show('people', q.respondents).text} of ${show('people', q.rosterSize).text} staff answered the survey.`;
    case 'density':
      return `${show('ties', d.ties).text} of the possible ties among ${show('people', d.people).text} people (${domainWords(a, domain)}).`;
    case 'reciprocity':
      return 'Ties the colleague named also returns.';
    case 'centralization':
      return '0 = everyone sought out equally; 1 = all go to one person.';
    case 'gini':
      return '0 = nominations spread evenly; 1 = one person receives them all.';
    case 'topShare':
      return `Nominations received by the ${show('people', d.topShare.top.length).text} most sought-out colleagues.`;
    case 'leaders': {
      const rule = pick(a.leaders.byDomain, domain)!.rule;
      return domain === ANY_DOMAIN && real.length > 0
        ? 'Colleagues who lead at least one domain (named by at least max(3, mean + 1 sd) colleagues in it).'
        : `Named by at least ${Math.ceil(rule.threshold - 1e-9)} colleagues (mean ${rule.mean.toFixed(1)} + 1 sd).`;
    }
    case 'leaderPlus':
      return 'Of these leaders, those without a formal leadership role.';
    case 'hidden':
      if (real.length === 0) return `Not assessed — needs ${NEED_WORDS.domains}.`;
      return domain === ANY_DOMAIN
        ? 'Sought out in at least one domain for which they hold no formal responsibility.'
        : 'Sought out here without formal responsibility for it.';
    case 'ei':
      return `Between ${a.groups.groupBy}s: −1 = advice stays inside; +1 = it all crosses.`;
  }
}

/** The plain-language verdict of an index read against chance (null when there is nothing to compare). */
function verdict(a: A, key: IndicatorKey, domain: string, v: number | null): string | null {
  const d = pick(a.distribution.byDomain, domain)!;
  const c = d.chance;
  if (v === null) return null;
  switch (key) {
    case 'density':
      return 'Chance gives the same density: it is the baseline the other indices are read against.';
    case 'reciprocity': {
      if (c.reciprocity === null || c.reciprocity === 0) return null;
      const r = v / c.reciprocity;
      const exp = show('reciprocity', c.reciprocity).text;
      if (r >= 1.5) return `Returned ${r.toFixed(1)} times as often as chance (${exp}) would give.`;
      if (r <= 2 / 3) return `Returned less often than chance (${exp}) would give.`;
      return `About as often as chance (${exp}) would give.`;
    }
    case 'centralization':
    case 'gini': {
      const mean = key === 'gini' ? c.gini : c.centralization;
      const sd = key === 'gini' ? c.giniSd : c.centralizationSd;
      if (mean === null || sd === null) return null;
      const gap = v - mean;
      const tol = Math.max(2 * sd, 0.02);
      if (gap > tol) return `More concentrated on a few people than random choice (${show(key, mean).text}) would give.`;
      if (gap < -tol) return `More even than random choice (${show(key, mean).text}) would give.`;
      return `Within what random choice (${show(key, mean).text}) would give.`;
    }
    case 'ei': {
      if (c.ei === null) return null;
      const t = pick(a.groups.ei, domain)!.test;
      const gb = a.groups.groupBy;
      const exp = show('ei', c.ei).text;
      if (t) {
        if (t.pLower <= 0.05) return `Advice stays inside ${gb}s more than chance would (chance ${exp}; p = ${t.pLower.toFixed(3)}).`;
        if (t.pUpper <= 0.05) return `Advice crosses ${gb}s more than chance would (chance ${exp}; p = ${t.pUpper.toFixed(3)}).`;
        return `Within what chance would give (chance ${exp}).`;
      }
      if (v < c.ei - 0.1) return `Advice stays inside ${gb}s more than chance would (chance ${exp}; not tested per domain).`;
      if (v > c.ei + 0.1) return `Advice crosses ${gb}s more than chance would (chance ${exp}; not tested per domain).`;
      return `Close to what chance would give (chance ${exp}).`;
    }
    default:
      return null;
  }
}

export interface PreviousWave {
  label: string;
  analysis: A;
  /** The comparison of the two waves (compareWaves through presentChange): each change's verdict and interval. */
  comparison?: PublicChange | null;
}

/**
 * The comparison's indicator measuring the same thing as an indicator row (docs/metrics.md, "Change
 * between waves"). Over all domains, leaders and hidden leaders are not the same count on the two pages
 * (here: who leads at least one domain; there: leaders of the pooled network), so they take the
 * comparison's row for one domain only. People, ties, response rate and leaders without a formal role
 * have no resampled interval.
 */
const CHANGE_KEY: Partial<Record<IndicatorKey, string>> = {
  density: 'density',
  reciprocity: 'reciprocity',
  centralization: 'inDegreeCentralization',
  gini: 'gini',
  topShare: 'topShare',
  leaders: 'leaders',
  hidden: 'hiddenLeaders',
  ei: 'eiIndex',
};
const POOLED_DIFFERS = new Set<IndicatorKey>(['leaders', 'hidden']);

/** The verdict and interval of one indicator's change (see IndicatorRow.verdict). */
function changeVerdict(
  key: IndicatorKey,
  domain: string,
  c: PublicChange | null | undefined,
): { verdict: string; verdictReason: string | null; interval: string | null } {
  const none = { verdict: 'no interval', verdictReason: null, interval: null };
  const changeKey = CHANGE_KEY[key];
  if (!c || c.suppressed || changeKey === undefined || (domain === ANY_DOMAIN && POOLED_DIFFERS.has(key))) return none;
  const row = c.indicators.find(
    (i) => i.key === changeKey && i.population === 'all' && i.domain === (domain === ANY_DOMAIN ? 'all' : domain),
  );
  if (!row) return none;
  const shown = changeRow(row);
  return { verdict: shown.verdict, verdictReason: shortReason(row.reason), interval: shown.interval === '—' ? null : shown.interval };
}

/**
 * The indicator rows of one wave and domain ('any' = all domains together), with the values of the
 * previous wave and the change when one is given (same domain; null where it has no such domain), and
 * whether that change is real (the comparison's verdict and interval, when the comparison is given).
 */
export function indicatorRows(a: A, domain: string = ANY_DOMAIN, prev: PreviousWave | null = null): IndicatorRow[] {
  const dom = a.selection.domains.includes(domain) ? domain : ANY_DOMAIN;
  const now = indicatorValues(a, dom);
  const chance = chanceValues(a, dom);
  const prevHas = prev !== null && (dom === ANY_DOMAIN || prev.analysis.selection.domains.includes(dom));
  const before = prevHas ? indicatorValues(prev.analysis, dom) : null;
  return INDICATOR_KEYS.map((key) => {
    const m = MEASURES[key];
    const v = now[key];
    const p = before ? before[key] : null;
    return {
      key,
      label: m.label,
      value: show(key, v),
      chance: key in chance ? show(key, chance[key]) : null,
      reading: verdict(a, key, dom, v),
      counted: counted(a, key, dom),
      better: m.better,
      definition: m.definition,
      leadingIndicator: m.leading,
      previous: prev ? show(key, p) : null,
      delta: prev ? showChange(key, v === null || p === null ? null : v - p) : null,
      ...(prev ? changeVerdict(key, dom, prev.comparison) : { verdict: null, verdictReason: null, interval: null }),
    };
  });
}
