import type { Problem } from '../model/types.js';

/**
 * Collects problems found while streaming a file: the first `keepPerKind` of each (code, column) are
 * kept as they are, later ones only counted, and `finish()` appends one summary problem per kind
 * ("… and 41,203 more rows like this"). Memory stays bounded however bad the file is.
 */
export class ProblemCollector {
  readonly problems: Problem[] = [];
  private readonly seen = new Map<string, { kept: number; more: number; first: Problem }>();
  errors = 0;

  constructor(
    readonly file: string,
    private readonly keepPerKind = 5,
  ) {}

  add(code: string, severity: Problem['severity'], row: number | null, column: string | null, value: string | null, message: string): void {
    if (severity === 'error') this.errors++;
    const key = `${code}\u0000${column ?? ''}`;
    let s = this.seen.get(key);
    const problem: Problem = { code, severity, file: this.file, row, column, value: value === null ? null : truncate(value), message };
    if (s === undefined) {
      s = { kept: 0, more: 0, first: problem };
      this.seen.set(key, s);
    }
    if (s.kept < this.keepPerKind) {
      s.kept++;
      this.problems.push(problem);
    } else {
      s.more++;
    }
  }

  error(code: string, row: number | null, column: string | null, value: string | null, message: string): void {
    this.add(code, 'error', row, column, value, message);
  }

  warning(code: string, row: number | null, column: string | null, value: string | null, message: string): void {
    this.add(code, 'warning', row, column, value, message);
  }

  get hasErrors(): boolean {
    return this.errors > 0;
  }

  /** The kept problems plus one count line per kind that overflowed. */
  finish(): Problem[] {
    const out = [...this.problems];
    for (const s of this.seen.values()) {
      if (s.more > 0) {
        out.push({
          ...s.first,
          row: null,
          value: null,
          message: `${s.more.toLocaleString('en-US')} more rows with the same problem (${s.first.message})`,
        });
      }
    }
    return out;
  }
}

function truncate(v: string): string {
  return v.length > 80 ? v.slice(0, 77) + '...' : v;
}

/** "ties.csv row 14, column "weight": "often" — a positive number was expected." */
export function formatProblem(p: Problem): string {
  const where = [p.file, p.row === null ? null : `row ${p.row}`, p.column === null ? null : `column "${p.column}"`]
    .filter(Boolean)
    .join(' ');
  const value = p.value === null ? '' : `: "${p.value}"`;
  return `${p.severity}: ${where}${value} — ${p.message} [${p.code}]`;
}
