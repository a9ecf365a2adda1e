import type { AttributeValue } from '../model/types.js';

/**
 * Parses a positive strength: "3", "2.5", " 4 ", and "2,5" when the file is
 * semicolon-delimited (European decimal comma). Returns null when the text is
 * not a positive finite number.
 */
export function parsePositiveNumber(text: string, decimalComma: boolean): number | null {
  const n = parseNumber(text, decimalComma);
  return n !== null && n > 0 && n <= MAX_STRENGTH ? n : null;
}

/**
 * Largest tie strength accepted (10^12). Frequencies and counts never come near it; the bound keeps
 * sums of strengths (in-strength, PageRank mass) finite.
 */
export const MAX_STRENGTH = 1e12;

/**
 * Why a weight cell is refused (BAD_WEIGHT): empty, above MAX_STRENGTH, or not a positive number.
 * The words of every tie reader (readTies and the fast path's readTiesCsr).
 */
export function badWeightMessage(text: string, decimalComma: boolean): string {
  if (text.trim() === '') return 'is empty; expected a positive number (or leave out the weight column for weight 1)';
  if ((parseNumber(text, decimalComma) ?? 0) > MAX_STRENGTH)
    return 'is too large; expected a tie strength (frequency or count) up to 1,000,000,000,000';
  return 'is not a positive number';
}

/** Why a count cell is refused (BAD_COUNT), in the words of every tie reader. */
export const BAD_COUNT_MESSAGE = 'is not a positive whole number (the number of times this tie was named)';

/** Parses a finite number (see parsePositiveNumber for the accepted shapes); null otherwise. */
export function parseNumber(text: string, decimalComma: boolean): number | null {
  let t = text.trim();
  if (t === '') return null;
  if (decimalComma && /^[+-]?\d+,\d+$/.test(t)) t = t.replace(',', '.');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** Parses a share: "0.4", "40%", "40 %" → 0.4. Null when not a number. */
export function parseShare(text: string, decimalComma: boolean): number | null {
  const t = text.trim();
  const pct = /^(.*?)\s*%$/.exec(t);
  if (pct) {
    const n = parseNumber(pct[1]!, decimalComma);
    return n === null ? null : n / 100;
  }
  return parseNumber(t, decimalComma);
}

/** Parses a four-digit year 1900..2100 (also from an ISO date "2019-08-15"). */
export function parseYear(text: string): number | null {
  const m = /^\s*(\d{4})(?:[-/.]\d{1,2}(?:[-/.]\d{1,2})?)?\s*$/.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  return y >= 1900 && y <= 2100 ? y : null;
}

/**
 * Types one extra column from all its values: numbers when every non-empty
 * value is a number (but not when any has a leading zero, like "007", which is
 * an identifier), booleans for true/false/yes/no, text otherwise. Empty → null.
 */
export function typeColumn(values: readonly string[], decimalComma: boolean): AttributeValue[] {
  const nonEmpty = values.map((v) => v.trim()).filter((v) => v !== '');
  const isNum = nonEmpty.length > 0 && nonEmpty.every((v) => parseNumber(v, decimalComma) !== null && !/^[+-]?0\d/.test(v));
  const isBool = nonEmpty.length > 0 && nonEmpty.every((v) => /^(true|false|yes|no)$/i.test(v));
  return values.map((raw) => {
    const v = raw.trim();
    if (v === '') return null;
    if (isNum) return parseNumber(v, decimalComma);
    if (isBool) return /^(true|yes)$/i.test(v);
    return v;
  });
}

/** Relation and domain names are compared lower-case with single spaces: "Professional  Learning" = "professional learning". */
export function normalizeLabel(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}
