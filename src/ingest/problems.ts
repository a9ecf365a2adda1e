import type { Problem } from '../model/types.js';
import { CONTROL_CHARS } from './control-chars.js';

/** Most problems of one code kept in full; the rest are counted. */
export const KEEP_PER_CODE = 1000;

/**
 * Collects problems found while reading a file. Every problem is counted; the
 * first KEEP_PER_CODE of each code are kept in full so a 2,000,000-row file of
 * bad weights does not hold 2,000,000 objects.
 */
export class ProblemCollector {
  private readonly kept: Problem[] = [];
  private readonly perCode = new Map<string, { errors: number; warnings: number; kept: number }>();
  private errorCount = 0;

  add(p: Problem): void {
    const c = this.perCode.get(p.code) ?? { errors: 0, warnings: 0, kept: 0 };
    if (p.severity === 'error') {
      c.errors++;
      this.errorCount++;
    } else c.warnings++;
    if (c.kept < KEEP_PER_CODE) {
      this.kept.push(p);
      c.kept++;
    }
    this.perCode.set(p.code, c);
  }

  error(file: string, row: number | null, column: string | null, value: string | null, code: string, message: string): void {
    this.add({ code, severity: 'error', file, row, column, value: clip(value), message });
  }

  warning(file: string, row: number | null, column: string | null, value: string | null, code: string, message: string): void {
    this.add({ code, severity: 'warning', file, row, column, value: clip(value), message });
  }

  get hasErrors(): boolean {
    return this.errorCount > 0;
  }
  get errors(): number {
    return this.errorCount;
  }

  /** Kept problems, errors first, then by row. */
  list(): Problem[] {
    return [...this.kept].sort((a, b) => (a.severity === b.severity ? (a.row ?? 0) - (b.row ?? 0) : a.severity === 'error' ? -1 : 1));
  }

  /** Problems not kept in full, per code (to print "… and 1,234 more"). */
  omitted(): Array<{ code: string; count: number }> {
    const out: Array<{ code: string; count: number }> = [];
    for (const [code, c] of this.perCode) {
      const total = c.errors + c.warnings;
      if (total > c.kept) out.push({ code, count: total - c.kept });
    }
    return out;
  }
}

function clip(v: string | null): string | null {
  if (v === null) return null;
  const s = v.replace(CONTROL_CHARS, '?');
  return s.length > 80 ? s.slice(0, 77) + '...' : s;
}

/** `ties.csv row 14, column "weight": "often" is not a positive number` */
export function formatProblem(p: Problem): string {
  let where = p.file;
  if (p.row !== null) where += ` row ${p.row}`;
  if (p.column !== null) where += `${p.row !== null ? ',' : ''} column "${p.column}"`;
  const value = p.value !== null ? `"${p.value}" ` : '';
  const sev = p.severity === 'warning' ? 'warning: ' : '';
  return `${sev}${where}: ${value}${p.message} [${p.code}]`;
}

/** Formats a list for a terminal: at most `limit` lines per code, then a count of the rest. */
export function formatProblems(
  problems: readonly Problem[],
  omitted: ReadonlyArray<{ code: string; count: number }> = [],
  limit = 20,
): string {
  const shown = new Map<string, number>();
  const lines: string[] = [];
  const hidden = new Map<string, number>();
  for (const p of problems) {
    const n = shown.get(p.code) ?? 0;
    if (n < limit) {
      lines.push(formatProblem(p));
      shown.set(p.code, n + 1);
    } else hidden.set(p.code, (hidden.get(p.code) ?? 0) + 1);
  }
  for (const o of omitted) hidden.set(o.code, (hidden.get(o.code) ?? 0) + o.count);
  for (const [code, count] of hidden) lines.push(`… and ${count.toLocaleString('en-US')} more problems of the same kind [${code}]`);
  return lines.join('\n');
}
