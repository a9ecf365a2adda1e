/**
 * A number that may be undefined for a stated reason. Analytics results are
 * plain JSON: never NaN or Infinity; a degenerate case gives `value: null` and a
 * plain-language `reason` ("no ties", "fewer than 2 people").
 */
export interface MaybeNumber {
  value: number | null;
  reason: string | null;
}

export function known(value: number): MaybeNumber {
  return Number.isFinite(value) ? { value, reason: null } : { value: null, reason: 'not a finite number' };
}

export function unknown(reason: string): MaybeNumber {
  return { value: null, reason };
}

/** Rounds to `digits` decimals for display-oriented outputs (the raw functions never round). */
export function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Median of numbers (mean of the two middle values for even n); null for an empty list. */
export function median(values: ArrayLike<number>): number | null {
  const n = values.length;
  if (n === 0) return null;
  const s = Array.from(values).sort((a, b) => a - b);
  const h = n >> 1;
  return n % 2 === 1 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}
