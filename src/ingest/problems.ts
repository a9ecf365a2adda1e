import type { Problem } from '../model/types.js';
import { CONTROL_CHARS } from './control-chars.js';

/** Problems of one kind (code and column) kept in full; later ones of that kind are only counted. */
export const KEEP_PER_KIND = 20;

/**
 * Collects the problems found while reading a file (the standard readers and the fast path alike).
 * Every problem is counted; the first `keepPerKind` of each kind (same code, same column) are kept
 * in full, and `list()` ends with one line per kind that overflowed ("41,203 more rows with the same
 * problem (…)"), so nothing is dropped silently and a 2,000,000-row file of bad weights does not hold
 * 2,000,000 objects. Values are clipped to 80 characters with control characters shown as "?".
 */
export class ProblemCollector {
  private readonly kept: Problem[] = [];
  private readonly kinds = new Map<string, { kept: number; more: number; first: Problem }>();
  private errorCount = 0;

  constructor(private readonly keepPerKind = KEEP_PER_KIND) {}

  add(p: Problem): void {
    if (p.severity === 'error') this.errorCount++;
    const key = `${p.code}\u0000${p.column ?? ''}`;
    let kind = this.kinds.get(key);
    if (kind === undefined) {
      kind = { kept: 0, more: 0, first: p };
      this.kinds.set(key, kind);
    }
    if (kind.kept < this.keepPerKind) {
      this.kept.push(p);
      kind.kept++;
    } else kind.more++;
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

  /** Kept problems, errors first, then by row; then one count line per kind that had more. */
  list(): Problem[] {
    const out = [...this.kept].sort((a, b) => (a.severity === b.severity ? (a.row ?? 0) - (b.row ?? 0) : a.severity === 'error' ? -1 : 1));
    for (const { more, first } of this.kinds.values()) {
      if (more > 0) {
        out.push({
          ...first,
          row: null,
          value: null,
          message: `${more.toLocaleString('en-US')} more rows with the same problem (${first.message})`,
        });
      }
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
export function formatProblems(problems: readonly Problem[], limit = 20): string {
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
  for (const [code, count] of hidden) lines.push(`… and ${count.toLocaleString('en-US')} more problems of the same kind [${code}]`);
  return lines.join('\n');
}
