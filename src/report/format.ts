import type { Shown } from './types.js';

const DASH = '—';

/** A decimal with d places; "—" when unknown. Negative zero prints as 0. */
export function dec(value: number | null | undefined, d = 2): Shown {
  if (value === null || value === undefined || !Number.isFinite(value)) return { value: null, text: DASH };
  const t = value.toFixed(d);
  return { value, text: /^-0\.?0*$/.test(t) ? t.slice(1) : t.replace('-', '−') };
}

/** A share as a whole percentage ("87 %"); "—" when unknown. */
export function pct(value: number | null | undefined): Shown {
  if (value === null || value === undefined || !Number.isFinite(value)) return { value: null, text: DASH };
  return { value, text: `${Math.round(value * 100)} %` };
}

/** A whole number. */
export function int(value: number | null | undefined): Shown {
  if (value === null || value === undefined || !Number.isFinite(value)) return { value: null, text: DASH };
  return { value, text: String(Math.round(value)) };
}

/** A signed difference in the style of its value ("+0.05", "−3 pts", "+2"). */
export function signed(delta: number | null, kind: 'dec' | 'pct' | 'int'): Shown {
  if (delta === null || !Number.isFinite(delta)) return { value: null, text: DASH };
  const abs = Math.abs(delta);
  const body = kind === 'pct' ? `${Math.round(abs * 100)} pts` : kind === 'int' ? String(Math.round(abs)) : abs.toFixed(2);
  const zero = /^0(\.0+)?( pts)?$/.test(body);
  return { value: delta, text: zero ? `±${body}` : `${delta > 0 ? '+' : '−'}${body}` };
}

/** "2025-11-03" in the UTC calendar. */
export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Capitalised first letter. */
export function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
