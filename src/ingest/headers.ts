import type { ProblemCollector } from './problems.js';

/** Header comparison key: case-insensitive, spaces/underscores/hyphens/dots collapsed. "Start Year" = "start_year". */
export function headerKey(h: string): string {
  return h
    .trim()
    .toLowerCase()
    .replace(/[\s_\-.]+/g, '_')
    .replace(/^_|_$/g, '');
}

/** Canonical field → accepted header spellings (compared with headerKey). */
export type AliasTable<F extends string> = Record<F, readonly string[]>;

export interface ResolvedHeader<F extends string> {
  /** Column index of each canonical field found. */
  index: Partial<Record<F, number>>;
  /** Header as written, per canonical field (for problem messages). */
  label: Partial<Record<F, string>>;
  /** Columns that are no canonical field: kept as attributes, by index → header as written. */
  extra: Array<{ index: number; header: string }>;
  /** False when the header has duplicate or ambiguous columns (problems recorded). */
  ok: boolean;
}

/**
 * Maps a header row to canonical fields through an alias table. Duplicate
 * headers (same key) and two aliases of one field are errors, never renamed.
 * Empty header cells are errors too: a column without a name cannot be kept.
 */
export function resolveHeader<F extends string>(
  headers: readonly string[],
  aliases: AliasTable<F>,
  file: string,
  problems: ProblemCollector,
): ResolvedHeader<F> {
  const res: ResolvedHeader<F> = { index: {}, label: {}, extra: [], ok: true };
  const seen = new Map<string, number>();
  const lookup = new Map<string, F>();
  for (const field of Object.keys(aliases) as F[]) for (const a of aliases[field]) lookup.set(headerKey(a), field);
  headers.forEach((h, i) => {
    const key = headerKey(h);
    if (key === '') {
      // A trailing empty header cell with no data is common (Excel); data under it is checked per row.
      if (i === headers.length - 1 && i > 0) return;
      problems.error(file, 1, `(column ${i + 1})`, h, 'EMPTY_HEADER', 'every column needs a name in the header row');
      res.ok = false;
      return;
    }
    const prev = seen.get(key);
    if (prev !== undefined) {
      problems.error(
        file,
        1,
        h,
        h,
        'DUPLICATE_HEADER',
        `column ${i + 1} has the same name as column ${prev + 1} ("${headers[prev]}"); every column name must be unique`,
      );
      res.ok = false;
      return;
    }
    seen.set(key, i);
    const field = lookup.get(key);
    if (field === undefined) {
      res.extra.push({ index: i, header: h.trim() });
      return;
    }
    const other = res.index[field];
    if (other !== undefined) {
      problems.error(file, 1, h, h, 'AMBIGUOUS_HEADER', `columns "${res.label[field]}" and "${h}" both mean ${field}; keep one of them`);
      res.ok = false;
      return;
    }
    res.index[field] = i;
    res.label[field] = h.trim();
  });
  return res;
}

/** The accepted spellings of a field, for "expected a column named …" messages. */
export function describeAliases(list: readonly string[]): string {
  return list.map((a) => `"${a}"`).join(', ');
}
