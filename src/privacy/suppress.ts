/**
 * Small-group suppression, complementary across every table that shares totals.
 *
 * One set of hidden groups is chosen per grouping (`hiddenGroups`) and applied to every table built
 * on it — department rows, response rates, E-I rows of every domain, mixing-matrix blocks, legends,
 * and the department label printed beside a pseudonym. The set holds every group smaller than the
 * minimum, and, when those are fewer than two groups or fewer than `minGroupSize` people together,
 * the next smallest groups until both hold. Then:
 * - each hidden group's cells are unknowns that only ever appear summed with another hidden group's
 *   (no table shows a hidden group alone, and the totals give only their sum), so no linear
 *   combination of the published cells and totals determines one of them;
 * - the merged "(small group)" label covers at least `minGroupSize` people, so it is a
 *   quasi-identifier value shared by at least k staff.
 * When the whole school is smaller than the minimum, every group is hidden.
 * O(G log G) for G groups.
 */
export interface GroupRow {
  group: string;
  size: number;
}
export type Suppressed<T extends GroupRow> = {
  [K in keyof T]: K extends 'group' ? string : K extends 'size' ? number | null : T[K] | null;
} & { suppressed: boolean };

/** The groups whose statistics are hidden in every table of one grouping (see the file comment). */
export function hiddenGroups(sizes: ReadonlyMap<string, number>, minGroupSize: number): Set<string> {
  const groups = [...sizes].filter(([, n]) => n > 0).sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
  const hidden = new Set(groups.filter(([, n]) => n < minGroupSize).map(([g]) => g));
  if (hidden.size === 0) return hidden;
  let people = groups.filter(([g]) => hidden.has(g)).reduce((s, [, n]) => s + n, 0);
  for (const [g, n] of groups) {
    if (hidden.size >= 2 && people >= minGroupSize) break;
    if (hidden.has(g)) continue;
    hidden.add(g);
    people += n;
  }
  return hidden;
}

/** Sizes of the rows of one breakdown. */
export function sizesOf(rows: readonly GroupRow[]): Map<string, number> {
  return new Map(rows.map((r) => [r.group, r.size ?? 0]));
}

/** Rows of one breakdown with every statistic of a hidden group set to null and flagged. */
export function suppressGroups<T extends GroupRow>(
  rows: readonly T[],
  minGroupSize: number,
  hidden: ReadonlySet<string> = hiddenGroups(sizesOf(rows), minGroupSize),
): Array<Suppressed<T>> {
  return rows.map((r) => {
    if (!hidden.has(r.group)) return { ...r, suppressed: false } as unknown as Suppressed<T>;
    const out: Record<string, unknown> = { group: r.group, suppressed: true };
    for (const k of Object.keys(r)) if (k !== 'group') out[k] = null;
    return out as Suppressed<T>;
  });
}

export interface BlockRow {
  from: string;
  to: string;
  ties: number;
}

/** A mixing-matrix block is shown only when neither of its groups is hidden. */
export function suppressBlocks(
  blocks: readonly BlockRow[],
  hidden: ReadonlySet<string>,
): Array<{ from: string; to: string; ties: number | null; suppressed: boolean }> {
  return blocks.map((b) => {
    const ok = !hidden.has(b.from) && !hidden.has(b.to);
    return { from: b.from, to: b.to, ties: ok ? b.ties : null, suppressed: !ok };
  });
}

/** A person's group as a pseudonymised view prints it: hidden groups are merged into one label (of at least k people). */
export function groupLabelFor(group: string, hidden: ReadonlySet<string>): string {
  return hidden.has(group) ? SMALL_GROUP_LABEL : group;
}

export const SMALL_GROUP_LABEL = '(small group)';
