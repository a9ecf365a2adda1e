/**
 * Which school and which wave a report is about, as printed on its cover and running header. Each
 * comes from what the user said or from what the data says unambiguously — never a placeholder such
 * as "this wave" and never whatever the first roster row happens to hold.
 */
import { LeadmapError } from '../model/errors.js';
import type { Dataset } from '../model/types.js';

export interface Identified {
  value: string;
  /** Where the value came from, in words ("--school", "the roster's school column", …). */
  from: string;
}

/**
 * The school: `given` (the `--school` option) when there is one; else the roster's school column when
 * every person who has a school names the same one. Throws SCHOOL_UNKNOWN when the roster has no
 * school and SCHOOL_AMBIGUOUS when it names several.
 */
export function schoolOf(dataset: Dataset, given?: string, option = '--school'): Identified {
  if (given !== undefined && given.trim() !== '') return { value: given.trim(), from: option };
  const schools = [...new Set(dataset.people.filter((p) => p.onRoster).map((p) => p.school.trim()))].filter((s) => s !== '').sort();
  if (schools.length === 1) return { value: schools[0]!, from: 'the roster’s school column' };
  if (schools.length === 0)
    throw new LeadmapError('SCHOOL_UNKNOWN', `the roster has no school column (or it is empty); name the school with ${option}`);
  const shown = schools.length > 5 ? `${schools.slice(0, 5).join(', ')}, …` : schools.join(', ');
  throw new LeadmapError(
    'SCHOOL_AMBIGUOUS',
    `the roster lists ${schools.length} schools (${shown}); name the school the report is about with ${option}, or write the district report with --district <name>`,
  );
}

/**
 * The wave: `given` (the `--wave` option) when there is one; else the tie list's wave column; else
 * the date the collection closed (the latest response timestamp in the tie list, yyyy-mm-dd).
 * Throws WAVE_UNKNOWN when none of these exists.
 */
export function waveOf(dataset: Dataset, given?: string, option = '--wave'): Identified {
  if (given !== undefined && given.trim() !== '') return { value: given.trim(), from: option };
  const label = dataset.wave?.label.trim();
  if (label) return { value: label, from: 'the tie list’s wave column' };
  const closed = dataset.wave?.collectedOn ?? collectionClosed(dataset);
  if (closed) return { value: closed, from: 'the date the survey closed (latest response in the tie list)' };
  throw new LeadmapError(
    'WAVE_UNKNOWN',
    `the tie list has neither a wave column nor response timestamps; name the wave with ${option} (e.g. ${option} 2025-26)`,
  );
}

/** The calendar date (yyyy-mm-dd) of the latest tie timestamp, or null when no tie has one. */
export function collectionClosed(dataset: Dataset): string | null {
  let last: string | null = null;
  for (const t of dataset.ties) {
    const day = t.timestamp?.slice(0, 10) ?? null;
    if (day !== null && /^\d{4}-\d{2}-\d{2}$/.test(day) && (last === null || day > last)) last = day;
  }
  return last;
}
