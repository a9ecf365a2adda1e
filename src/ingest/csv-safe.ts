/**
 * CSV cells safe against formula injection (OWASP "CSV Injection"): a text
 * cell starting with = + - @ TAB or CR gets a leading apostrophe so spreadsheet
 * programs show it as text instead of evaluating it; then every cell holding a
 * delimiter, quote, CR or LF is quoted with doubled inner quotes (RFC 4180).
 * Numbers we computed are written as numbers, and text that is only a number ("-3", "+2.5",
 * "-1,5") is left as it is: a spreadsheet reads it as that number, not as a formula ("-1+1" is guarded).
 */
const DANGEROUS_FIRST = new Set(['=', '+', '-', '@', '\t', '\r']);

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let s = value;
  if (s.length > 0 && DANGEROUS_FIRST.has(s[0]!) && !/^[+-]?\d+([.,]\d+)?$/.test(s)) s = `'${s}`;
  return /[",\r\n;]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: ReadonlyArray<string | number | boolean | null | undefined>): string {
  return cells.map(csvCell).join(',') + '\r\n';
}

/**
 * Undoes the formula guard leadmap's own CSV exports add (csvCell above): a cell written as
 * `'=A1` (apostrophe before = + - @ TAB CR) is read back as `=A1`, so an exported file re-imports to
 * the same ids. Any other text is returned as is.
 */
export function unguardCell(text: string): string {
  return text.length > 1 && text.charCodeAt(0) === 39 && DANGEROUS_FIRST.has(text[1]!) ? text.slice(1) : text;
}
