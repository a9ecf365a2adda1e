import { readActivities } from '../../ingest/activities.js';
import { formatProblems } from '../../ingest/problems.js';
import { distributionPatterns, type PatternsResult } from '../../metrics/practice/patterns.js';
import type { Person } from '../../model/types.js';

/** The `patterns` section of leadmap analyze: the activity log (--activities) read and each entry classified; null when the file is refused. */
export async function patternsSection(
  path: string,
  roster: readonly Person[] | null,
  stderr: (s: string) => void,
): Promise<PatternsResult | null> {
  const log = await readActivities(path, roster);
  if (!log.ok) {
    stderr(`leadmap analyze: the activity log was not read (nothing was analysed):\n${formatProblems(log.problems)}\n`);
    return null;
  }
  const dept = new Map((roster ?? []).map((p) => [p.id, p.department || null]));
  return distributionPatterns(log.value, (id) => dept.get(id) ?? null);
}
