import type { LeadershipAnalysis } from '../metrics/analytics.js';
import { showIn } from './present/measures.js';

/**
 * What a report prints of a large wave. Up to `fullUpTo` people (any school) the report prints every
 * row and draws every person, exactly as it always has. Above, each list prints its first `rows`
 * entries in its own order (the most sought-out first) with "and N more", and the network figure
 * draws the `figurePeople` most sought-out people with everyone else aggregated per department
 * (network-figure-large.ts), saying so in its caption. Every count and indicator still covers
 * everyone; the full lists are in `leadmap analyze --json` and the web app.
 */
export const PRINT_LIMITS = Object.freeze({ fullUpTo: 1000, rows: 40, figurePeople: 300, figureGroups: 12, legendGroups: 16 });

/** True when a wave of this many people is printed with limits. */
export function printsLimited(people: number): boolean {
  return people > PRINT_LIMITS.fullUpTo;
}

/** The rows a list prints and how many it leaves out: everything for a school-sized wave. */
export function printedRows<T>(rows: readonly T[], people: number): { rows: readonly T[]; more: number } {
  if (!printsLimited(people) || rows.length <= PRINT_LIMITS.rows) return { rows, more: 0 };
  return { rows: rows.slice(0, PRINT_LIMITS.rows), more: rows.length - PRINT_LIMITS.rows };
}

/** A list printed inline, joined by `sep`; a large wave's list ends with "… and N more". */
export function joinPrinted(items: readonly string[], people: number, what: string, sep = ', '): string {
  const p = printedRows(items, people);
  return p.more > 0 ? `${p.rows.join(sep)}${sep}… and ${showIn('count', p.more).text} more ${what}` : items.join(sep);
}

/**
 * The presented analysis as a large wave's report prints it: the cross-domain overlap reading (which
 * names everyone who leads every domain) names the first `rows` of them and counts the rest. Unchanged
 * for a school-sized wave or a short list.
 */
export function printedAnalysis(a: LeadershipAnalysis, labelOf: (key: string) => string): LeadershipAnalysis {
  const ov = a.distribution.overlap;
  const every = ov.leadEverything ?? [];
  if (!printsLimited(a.selection.people) || every.length <= PRINT_LIMITS.rows || ov.reading === null) return a;
  const reading = `${showIn('count', every.length).text} colleagues lead in every domain: ${joinPrinted(every.map(labelOf), a.selection.people, 'colleagues')}.`;
  return { ...a, distribution: { ...a.distribution, overlap: { ...ov, reading } } };
}

/** The sentence printed under a cut list. */
export function moreText(more: number, what: string): string {
  return `… and ${showIn('count', more).text} more ${what} (listed in full in the web app and in leadmap analyze --json).`;
}
