/**
 * Response timestamps as survey tools write them, to ISO 8601 (local time, no zone: the tools
 * export the form owner's local time). Google Forms "3/14/2025 9:05:12", Microsoft Forms
 * "3/14/25 9:05:12" or an Excel date, Qualtrics "2025-03-14 09:05:12", European "14.03.2025 09:05",
 * Google Forms' own CSV download "2025/03/14 9:41:22 AM GMT-5" (the zone is dropped: all rows share it),
 * and an Excel date serial ("45730.40372") where a re-saved sheet lost the date format.
 * Day/month order: `ymd` is recognised by itself; otherwise the mapping's `dateOrder`, else `mdy`
 * unless some answer has a first number above 12 (then `dmy`). Unparseable → null (file order decides).
 */
export type DateOrder = 'mdy' | 'dmy' | 'ymd';

/** Year first: ISO "2025-03-14 09:05:12", Qualtrics, and Google Forms' own download "2025/03/14 9:41:22 AM GMT-5" (zone ignored). */
const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:,?[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*([AaPp]\.?[Mm]\.?)?)?/;
/** An Excel date serial (days since 1899-12-30, time as the fraction) left by a re-saved sheet: 2000-01-01 … 2099-12-31 only. */
const SERIAL = /^(\d{5})(?:[.,](\d+))?$/;
const SLASHED = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp]\.?[Mm]\.?)?)?/;

export function guessDateOrder(samples: readonly string[]): DateOrder {
  for (const s of samples) {
    const m = SLASHED.exec(s.trim());
    if (m && (Number(m[1]) > 12 || /^\d{1,2}\.\d{1,2}\./.test(s.trim()))) return 'dmy'; // dotted dates are day-first everywhere
  }
  return 'mdy';
}

export function parseTimestamp(text: string, order: DateOrder): string | null {
  const t = text.trim();
  if (!t) return null;
  let y: number, mo: number, d: number, h: number, mi: number, s: number;
  const iso = ISO.exec(t);
  const serial = SERIAL.exec(t);
  if (iso) {
    [y, mo, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    h = Number(iso[4] ?? 0);
    mi = Number(iso[5] ?? 0);
    s = Number(iso[6] ?? 0);
    const ampm = iso[7]?.replace(/\./g, '').toLowerCase();
    if (ampm === 'pm' && h < 12) h += 12;
    if (ampm === 'am' && h === 12) h = 0;
  } else if (serial) {
    const days = Number(serial[1]),
      frac = serial[2] ? Number('0.' + serial[2]) : 0;
    if (days < 36526 || days > 73050) return null;
    const ms = Date.UTC(1899, 11, 30) + days * 86_400_000 + Math.round(frac * 86_400) * 1000;
    return new Date(ms).toISOString().slice(0, 19);
  } else {
    const m = SLASHED.exec(t);
    if (!m) return null;
    const a = Number(m[1]),
      b = Number(m[2]);
    y = Number(m[3]);
    if (y < 100) y += 2000;
    [mo, d] = order === 'dmy' ? [b, a] : [a, b];
    h = Number(m[4] ?? 0);
    mi = Number(m[5] ?? 0);
    s = Number(m[6] ?? 0);
    const ampm = m[7]?.replace(/\./g, '').toLowerCase();
    if (ampm === 'pm' && h < 12) h += 12;
    if (ampm === 'am' && h === 12) h = 0;
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(y, 4)}-${p(mo)}-${p(d)}T${p(h)}:${p(mi)}:${p(s)}`;
}
