/**
 * Parses a timestamp straight from bytes to milliseconds since 1970-01-01 UTC, or NaN.
 * Accepted: ISO 8601 dates and date-times — 2025-03-01, 2025-03-01T08:15, 2025-03-01 08:15:30.5,
 * with Z or ±hh:mm (±hhmm) offsets (no offset = UTC); the same with "/" between date parts
 * (year first only: 2025/03/01); Unix epoch seconds (up to 11 digits) or milliseconds (12–13 digits).
 * Day-first or month-first dates (03/01/2025) are ambiguous across locales and are refused.
 */
export function parseTimestampBytes(buf: Uint8Array, start: number, end: number): number {
  while (start < end && (buf[start] === 32 || buf[start] === 9)) start++;
  while (end > start && (buf[end - 1] === 32 || buf[end - 1] === 9)) end--;
  const len = end - start;
  if (len === 0) return NaN;
  // Epoch number?
  let allDigits = true;
  for (let i = start; i < end; i++) {
    const c = buf[i]!;
    if (c < 48 || c > 57) {
      allDigits = false;
      break;
    }
  }
  if (allDigits) {
    if (len > 13 || len < 9) return NaN;
    const v = digits(buf, start, end);
    return len >= 12 ? v : v * 1000;
  }
  if (len < 10) return NaN;
  const sep = buf[start + 4];
  if ((sep !== 45 && sep !== 47) || buf[start + 7] !== sep) return NaN;
  const y = digits(buf, start, start + 4);
  const mo = digits(buf, start + 5, start + 7);
  const d = digits(buf, start + 8, start + 10);
  if (!(mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo))) return NaN;
  let ms = daysFromCivil(y, mo, d) * 86_400_000;
  let i = start + 10;
  if (i === end) return ms;
  if (buf[i] !== 84 && buf[i] !== 32 && buf[i] !== 116) return NaN;
  i++;
  if (end - i < 5 || buf[i + 2] !== 58) return NaN;
  const h = digits(buf, i, i + 2);
  const mi = digits(buf, i + 3, i + 5);
  if (!(h >= 0 && h <= 24 && mi >= 0 && mi <= 59)) return NaN;
  ms += h * 3_600_000 + mi * 60_000;
  i += 5;
  if (i < end && buf[i] === 58) {
    if (end - i < 3) return NaN;
    const s = digits(buf, i + 1, i + 3);
    if (!(s >= 0 && s <= 60)) return NaN;
    ms += s * 1000;
    i += 3;
    if (i < end && (buf[i] === 46 || buf[i] === 44)) {
      i++;
      let scale = 100;
      while (i < end && buf[i]! >= 48 && buf[i]! <= 57) {
        ms += (buf[i]! - 48) * scale;
        scale /= 10;
        i++;
      }
      ms = Math.floor(ms);
    }
  }
  if (i === end) return ms;
  const z = buf[i];
  if ((z === 90 || z === 122) && i + 1 === end) return ms;
  if (z === 43 || z === 45) {
    const rest = end - i - 1;
    let oh: number, om: number;
    if (rest === 5 && buf[i + 3] === 58) {
      oh = digits(buf, i + 1, i + 3);
      om = digits(buf, i + 4, i + 6);
    } else if (rest === 4) {
      oh = digits(buf, i + 1, i + 3);
      om = digits(buf, i + 3, i + 5);
    } else if (rest === 2) {
      oh = digits(buf, i + 1, i + 3);
      om = 0;
    } else return NaN;
    if (!(oh >= 0 && oh <= 14 && om >= 0 && om <= 59)) return NaN;
    const off = (oh * 60 + om) * 60_000;
    return z === 43 ? ms - off : ms + off;
  }
  return NaN;
}

function digits(buf: Uint8Array, start: number, end: number): number {
  let v = 0;
  for (let i = start; i < end; i++) {
    const c = buf[i]! - 48;
    if (c < 0 || c > 9) return NaN;
    v = v * 10 + c;
  }
  return v;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
