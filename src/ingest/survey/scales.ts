/**
 * Answer scales: the words a survey tool writes into a cell, mapped to numbers. Matching folds
 * case, accents and punctuation. Every scale can be replaced or extended in the mapping file
 * (`scales: { frequency: { "Every lesson": 5 } }`). Numbers are accepted as written
 * (a decimal comma is read as a decimal point: "2,5" → 2.5).
 */
import { foldName } from '../names/normalize.js';

export type ScaleName = 'frequency' | 'agreement' | 'influence';
export type Scale = ReadonlyMap<string, number>;

/** Frequency → tie strength. 0 means "no tie". */
export const FREQUENCY_SCALE: Record<string, number> = {
  daily: 5,
  'every day': 5,
  'several times a day': 5,
  'almost daily': 5,
  weekly: 4,
  'once a week': 4,
  'several times a week': 4,
  'a few times a week': 4,
  '2 3 times a week': 4,
  monthly: 3,
  'once a month': 3,
  'a few times a month': 3,
  'every two weeks': 3,
  fortnightly: 3,
  biweekly: 3,
  'a few times a year': 2,
  termly: 2,
  'once a term': 2,
  'each term': 2,
  'every term': 2,
  'a few times a term': 2,
  quarterly: 2,
  rarely: 1,
  'once a year': 1,
  yearly: 1,
  'almost never': 1,
  never: 0,
  'not at all': 0,
  none: 0,
};

/** Agreement (5-point Likert). */
export const AGREEMENT_SCALE: Record<string, number> = {
  'strongly disagree': 1,
  disagree: 2,
  'somewhat disagree': 2,
  'slightly disagree': 2,
  'neither agree nor disagree': 3,
  'neither agree or disagree': 3,
  neutral: 3,
  neither: 3,
  undecided: 3,
  'somewhat agree': 4,
  'slightly agree': 4,
  agree: 4,
  'strongly agree': 5,
};

/** Perceived influence (Teacher Influence Scale style). */
export const INFLUENCE_SCALE: Record<string, number> = {
  none: 1,
  'no influence': 1,
  'very little': 2,
  little: 2,
  'a little': 2,
  some: 3,
  moderate: 3,
  'quite a bit': 4,
  'a lot': 4,
  'a great deal': 5,
  'very great': 5,
  'a very great deal': 5,
};

export const DEFAULT_SCALES: Record<ScaleName, Record<string, number>> = {
  frequency: FREQUENCY_SCALE,
  agreement: AGREEMENT_SCALE,
  influence: INFLUENCE_SCALE,
};

/** Builds a lookup table from a scale written by a person (keys folded). */
export function makeScale(words: Record<string, number>): Scale {
  return new Map(Object.entries(words).map(([k, v]) => [foldName(k), v]));
}

/** Parses "4", "4.5", "4,5" (decimal comma), "  3 "; null for anything else. */
export function parseNumber(text: string): number | null {
  const t = text.trim();
  if (!/^[+-]?\d+([.,]\d+)?$/.test(t)) return null;
  return Number(t.replace(',', '.'));
}

/** The number a cell stands for on this scale (words or plain numbers), or null when it is neither. */
export function scaleValue(text: string, scale: Scale): number | null {
  const n = parseNumber(text);
  if (n !== null) return n;
  const v = scale.get(foldName(text));
  return v === undefined ? null : v;
}

/** Which built-in scale a sample of answers fits best (≥ 80 % of non-empty answers), or null. */
export function detectScale(samples: readonly string[]): ScaleName | null {
  const filled = samples.map((s) => s.trim()).filter((s) => s !== '');
  if (filled.length === 0) return null;
  let best: ScaleName | null = null,
    bestHits = 0;
  for (const name of ['agreement', 'influence', 'frequency'] as const) {
    const scale = makeScale(DEFAULT_SCALES[name]);
    const hits = filled.filter((s) => scale.has(foldName(s))).length;
    if (hits > bestHits) {
      best = name;
      bestHits = hits;
    }
  }
  return best && bestHits >= 0.8 * filled.length ? best : null;
}
