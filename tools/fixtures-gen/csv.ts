/**
 * RFC 4180 CSV text: comma separated, fields quoted when they contain a comma, quote, CR or LF
 * (quotes doubled), LF line ends (RFC 4180 says CRLF; leadmap's readers accept both and the demo
 * files use LF so they diff cleanly), a final line end, UTF-8 without BOM.
 */
export type Cell = string | number | null;

export function csvField(value: Cell): string {
  if (value === null) return '';
  const s = typeof value === 'number' ? formatNumber(value) : value;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Numbers without float noise: integers as is, others with at most 2 decimals. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`not a finite number: ${x}`);
  return Number.isInteger(x) ? String(x) : String(Math.round(x * 100) / 100);
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string {
  const lines = [header.map(csvField).join(',')];
  for (const row of rows) {
    if (row.length !== header.length) throw new Error(`row has ${row.length} cells, header ${header.length}`);
    lines.push(row.map(csvField).join(','));
  }
  return lines.join('\n') + '\n';
}
