/**
 * One rule per measure for every place a number is shown — the web app (through the API), the PDF
 * report and the CSV exports: its label, unit, rounding, which direction means more distributed
 * leadership, and what is counted. Nothing else formats an indicator: callers pass raw values here.
 * Formulas and sources: docs/metrics.md; what each shown number counts: docs/report.md.
 */
import type { Shown } from '../types.js';

const DASH = '—';
const MINUS = '−';

/**
 * Units:
 * - `count`: a whole number with thousands separators ("1,083").
 * - `percent`: a share shown as a percentage — one decimal under 10 % ("8.6 %"), whole above ("15 %").
 * - `index`: a value on a 0–1 scale with two decimals ("0.31").
 * - `signed-index`: a value on a −1…+1 scale with two decimals and its sign ("+0.44", "−0.20").
 */
export type Unit = 'count' | 'percent' | 'index' | 'signed-index';

export interface Measure {
  label: string;
  unit: Unit;
  /** Which direction counts as more distributed leadership (null = neither). */
  better: 'higher' | 'lower' | null;
  /** Plain-language definition (the formula in words; docs/metrics.md has the formula). */
  definition: string;
  /** The leading indicator of the domain reading this number speaks to, if any. */
  leading: string | null;
}

export const MEASURES = {
  people: {
    label: 'People',
    unit: 'count',
    better: null,
    definition: 'Staff in the analysis: everyone on the roster, including colleagues nobody named.',
    leading: null,
  },
  ties: {
    label: 'Ties',
    unit: 'count',
    better: null,
    definition:
      'Pairs in which one colleague names another (one per direction). With several domains, a colleague named for three domains is one tie here and three nominations in the domain rows.',
    leading: null,
  },
  responseRate: {
    label: 'Response rate',
    unit: 'percent',
    better: 'higher',
    definition: 'Respondents on the roster ÷ roster size. Below 70 % the picture may be incomplete.',
    leading: 'Increased teacher participation in decision-making',
  },
  density: {
    label: 'Density',
    unit: 'percent',
    better: 'higher',
    definition: 'Ties ÷ possible ties, m / (s (n − 1)), s = respondents: the share of possible advice links that exist.',
    leading: 'More frequent and substantive professional collaboration',
  },
  reciprocity: {
    label: 'Reciprocity',
    unit: 'percent',
    better: 'higher',
    definition: 'Share of ties returned (the colleague named also names the person), counting only ties to people who answered.',
    leading: 'More frequent and substantive professional collaboration',
  },
  centralization: {
    label: 'In-degree centralization',
    unit: 'index',
    better: 'lower',
    definition: 'Freeman: Σ (max d − d_i) / (n − 1)². 1 = everyone names one person; 0 = everyone named equally.',
    leading: 'More diverse voices contributing to school conversations',
  },
  gini: {
    label: 'Gini of nominations',
    unit: 'index',
    better: 'lower',
    definition: 'Inequality of nominations received: 0 = everyone named equally often, 1 = one person receives every nomination.',
    leading: 'More diverse voices contributing to school conversations',
  },
  topShare: {
    label: 'Share of top 10 %',
    unit: 'percent',
    better: 'lower',
    definition: 'Share of all nominations received by the most sought-out 10 % of staff.',
    leading: 'More diverse voices contributing to school conversations',
  },
  leaders: {
    label: 'Leaders',
    unit: 'count',
    better: 'higher',
    definition: 'People named by at least max(3, mean + 1 sd) colleagues.',
    leading: 'More diverse voices contributing to school conversations',
  },
  leaderPlus: {
    label: 'Leader-plus',
    unit: 'count',
    better: 'higher',
    definition: 'Leaders without a formal leadership role (Spillane’s “leader plus”).',
    leading: 'Emergence of teacher-initiated improvement efforts',
  },
  hidden: {
    label: 'Hidden leaders',
    unit: 'count',
    better: 'higher',
    definition:
      'Leaders sought out in a domain for which they hold no formal responsibility, named at least twice as often as the median colleague.',
    leading: 'Emergence of teacher-initiated improvement efforts',
  },
  pathsLost: {
    label: 'Advice paths lost',
    unit: 'percent',
    better: 'lower',
    definition:
      'If the person left: of the ordered pairs of colleagues joined by a chain of advice ties (the person’s own included), the share with no chain left (after Borgatti’s reachability).',
    leading: null,
  },
  externalShare: {
    label: 'Ties to other schools',
    unit: 'percent',
    better: 'higher',
    definition:
      "Share of a school's staff's ties (all domains pooled) that go to colleagues of other schools of the district. The lowest is the school silo.",
    leading: 'More frequent and substantive professional collaboration',
  },
  ei: {
    label: 'E-I index',
    unit: 'signed-index',
    better: 'higher',
    definition: '(external − internal) ÷ all ties, by department: −1 = all advice stays inside, +1 = all crosses.',
    leading: 'Improved communication between administration and faculty',
  },
} as const satisfies Record<string, Measure>;

export type MeasureKey = keyof typeof MEASURES;

/** The unit of a measure key (unknown keys count as plain counts). */
export function unitOf(key: string): Unit {
  return (MEASURES as Record<string, Measure>)[key]?.unit ?? 'count';
}

const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** The value of a measure as shown everywhere; "—" when unknown. */
export function show(key: MeasureKey, value: number | null | undefined): Shown {
  return showIn(MEASURES[key].unit, value);
}

/** A value in a unit, by the same rule as show(). */
export function showIn(unit: Unit, value: number | null | undefined): Shown {
  if (value === null || value === undefined || !Number.isFinite(value)) return { value: null, text: DASH };
  return { value, text: formatUnit(unit, value, false) };
}

/** A change in a measure, in the measure's unit: "+2", "−3 pts", "+0.05"; "±0" when it rounds to nothing. */
export function showChange(key: MeasureKey, delta: number | null): Shown {
  return showChangeIn(MEASURES[key].unit, delta);
}

/** A change in a unit, by the same rule as showChange(). */
export function showChangeIn(unit: Unit, delta: number | null): Shown {
  if (delta === null || !Number.isFinite(delta)) return { value: null, text: DASH };
  const body = formatUnit(unit, Math.abs(delta), true);
  const zero = !/[1-9]/.test(body);
  return { value: delta, text: zero ? `±${body}` : `${delta > 0 ? '+' : MINUS}${body}` };
}

function formatUnit(unit: Unit, v: number, change: boolean): string {
  switch (unit) {
    case 'count':
      return COUNT.format(Math.round(v));
    case 'percent': {
      const p = v * 100;
      const t = Math.abs(p) < 9.95 ? p.toFixed(1) : String(Math.round(p));
      return `${clean(t)}${change ? ' pts' : ' %'}`;
    }
    case 'index':
      return clean(v.toFixed(2));
    case 'signed-index': {
      const t = clean(v.toFixed(2));
      return change || t.startsWith(MINUS) || /^0\.00$/.test(t) ? t : `+${t}`;
    }
  }
}

/** Typographic minus; negative zero printed as zero. */
function clean(t: string): string {
  if (/^-0(\.0+)?$/.test(t)) return t.slice(1);
  return t.replace('-', MINUS);
}
