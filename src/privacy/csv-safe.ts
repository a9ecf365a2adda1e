/**
 * CSV cells safe against formula injection (OWASP "CSV Injection"): a text
 * cell starting with = + - @ TAB or CR gets a leading apostrophe so spreadsheet
 * programs show it as text instead of evaluating it; then every cell holding a
 * delimiter, quote, CR or LF is quoted with doubled inner quotes (RFC 4180).
 * Numbers we computed are written as numbers (a negative number is not a formula).
 */
const DANGEROUS_FIRST = new Set(['=', '+', '-', '@', '\t', '\r']);

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let s = value;
  if (s.length > 0 && DANGEROUS_FIRST.has(s[0]!)) s = `'${s}`;
  return /[",\r\n;]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: ReadonlyArray<string | number | boolean | null | undefined>): string {
  return cells.map(csvCell).join(',') + '\r\n';
}
