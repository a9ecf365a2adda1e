import { showIn } from '../present/measures.js';
import { joinPrinted, moreText, printedRows } from '../print-limits.js';
import type { NetworkFigure, ReportModel } from '../types.js';
import { note, type Node } from './blocks.js';

/** The rows of a table the page prints (all of them for a school-sized wave), and the "and N more" note under it. */
export function cutRows<T>(m: ReportModel, rows: readonly T[], what: string): { rows: readonly T[]; tail: Node[] } {
  const p = printedRows(rows, m.meta.people);
  return { rows: p.rows, tail: p.more > 0 ? [note(moreText(p.more, what))] : [] };
}

/** A list printed inline, joined by `sep`; a large wave's list ends with "… and N more". */
export function cutList(m: ReportModel, items: readonly string[], what: string, sep = ', '): string {
  return joinPrinted(items, m.meta.people, what, sep);
}

/** The caption of a large wave's aggregated network figure (network-figure-large.ts). */
export function aggregatedCaption(f: NetworkFigure): string {
  const a = f.aggregate!;
  const n = (x: number) => showIn('count', x).text;
  return `The ${n(a.drawn)} most sought-out of the ${n(a.people)} staff are drawn as dots, coloured by department and sized by how many colleagues name them; everyone else is drawn as one shaded circle per department, named with its number of people. Lines stand for the ${n(a.ties)} advice ties (all domains): one line per pair of colleagues drawn, per colleague and department circle, and per pair of circles (${n(f.edges.length)} lines). Outlined dots are leaders; the ${f.labelled.length} most sought-out people are labelled.${a.moreGroups > 0 ? ` The legend shows the ${n(f.groups.length)} largest departments of ${n(f.groups.length + a.moreGroups)}.` : ''}`;
}
