/**
 * Small-group suppression. A group statistic (department E-I index, response
 * rate, mixing-matrix block, group mean …) is shown only when its group has at
 * least `minGroupSize` members. When exactly one group of a breakdown is
 * suppressed, the next smallest is suppressed too (secondary suppression), so
 * the hidden value cannot be recovered from a total by subtraction.
 */
export interface GroupRow {
  group: string;
  size: number;
}
export type Suppressed<T extends GroupRow> = {
  [K in keyof T]: K extends 'group' ? string : K extends 'size' ? number | null : T[K] | null;
} & { suppressed: boolean };

export function suppressGroups<T extends GroupRow>(rows: readonly T[], minGroupSize: number): Array<Suppressed<T>> {
  const small = new Set(rows.filter((r) => r.size < minGroupSize).map((r) => r.group));
  if (small.size === 1 && rows.length > 2) {
    const next = [...rows].filter((r) => !small.has(r.group)).sort((a, b) => a.size - b.size || a.group.localeCompare(b.group))[0];
    if (next) small.add(next.group);
  }
  return rows.map((r) => {
    if (!small.has(r.group)) return { ...r, suppressed: false } as unknown as Suppressed<T>;
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

/** A mixing-matrix block is shown only when both of its groups are large enough. */
export function suppressBlocks(
  blocks: readonly BlockRow[],
  sizes: ReadonlyMap<string, number>,
  minGroupSize: number,
): Array<{ from: string; to: string; ties: number | null; suppressed: boolean }> {
  return blocks.map((b) => {
    const ok = (sizes.get(b.from) ?? 0) >= minGroupSize && (sizes.get(b.to) ?? 0) >= minGroupSize;
    return { from: b.from, to: b.to, ties: ok ? b.ties : null, suppressed: !ok };
  });
}

/** Label a person's group for a pseudonymised view: small groups are merged into one "suppressed" label. */
export function groupLabelFor(group: string, sizes: ReadonlyMap<string, number>, minGroupSize: number): string {
  return (sizes.get(group) ?? 0) >= minGroupSize ? group : SMALL_GROUP_LABEL;
}

export const SMALL_GROUP_LABEL = '(small group)';
