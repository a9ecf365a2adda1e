/** Plain-text tables for the terminal. */
export function table(headers: readonly string[], rows: ReadonlyArray<readonly string[]>, align?: ReadonlyArray<'l' | 'r'>): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const fmt = (cells: readonly string[]) =>
    cells
      .map((c, i) => ((align?.[i] ?? 'l') === 'r' ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [fmt(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt)].join('\n');
}

/** A number for people to read: integers as is, others with `digits` significant decimals; null as "n/a". */
export function num(x: number | null | undefined, digits = 3): string {
  if (x === null || x === undefined || Number.isNaN(x)) return 'n/a';
  if (Number.isInteger(x)) return x.toLocaleString('en-US');
  return x.toFixed(digits);
}

/** Reads a comma-separated list option: "contact, meeting" → ["contact", "meeting"]. */
export function listOption(v: string | undefined): string[] {
  return v === undefined
    ? []
    : v
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
}

/** Progress on stderr for long reads: "ties.csv 42% (120 MB of 290 MB)", at most twice a second. */
export function progressPrinter(
  label: string,
  write: (t: string) => void,
  minBytes = 50 * 1024 * 1024,
): (done: number, total: number) => void {
  let last = 0;
  const started = Date.now();
  return (done, total) => {
    if (total < minBytes) return;
    const now = Date.now();
    if (now - last < 500 && done < total) return;
    last = now;
    const secs = (now - started) / 1000;
    const rate = done / Math.max(secs, 1e-3);
    const eta = rate > 0 ? (total - done) / rate : 0;
    write(
      `\r${label} ${Math.floor((100 * done) / total)}% (${mb(done)} of ${mb(total)}, ${mb(rate)}/s, ETA ${eta.toFixed(0)} s)${done >= total ? '\n' : ''}`,
    );
  };
}

function mb(b: number): string {
  return `${(b / 1048576).toFixed(0)} MB`;
}
