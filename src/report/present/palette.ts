/**
 * Department colours, one rule for the PDF's network figure and the web app's network view (served
 * with the graph, GET /api/waves/:id/graph → departmentColours): the wave's departments as printed
 * (after the privacy layer's merging) in alphabetical order, each taking the next colour of a
 * colour-blind-safe palette (Paul Tol's "muted", then "light", then three of "vibrant";
 * https://personal.sron.nl/~pault/): 20 distinct colours, and every department after the 20th shares
 * OTHER_GROUP_COLOUR (shown as "other"). "(none)" and "(small group)" are light grey. The same
 * department list gives the same colours everywhere. The web app colours its other groupings (Louvain
 * communities) from the same palette, served with the graph.
 */
export const DEPARTMENT_PALETTE = [
  '#332288',
  '#88CCEE',
  '#44AA99',
  '#117733',
  '#999933',
  '#DDCC77',
  '#CC6677',
  '#882255',
  '#AA4499',
  '#77AADD',
  '#EE8866',
  '#BBCC33',
  '#FFAABB',
  '#99DDFF',
  '#44BB99',
  '#EEDD88',
  '#AAAA00',
  '#CC3311',
  '#0077BB',
  '#EE3377',
] as const;
export const NO_DEPARTMENT_COLOUR = '#BBBBBB';
/** Every group after the palette's 20th: one shared colour, labelled "other". */
export const OTHER_GROUP_COLOUR = '#666666';

const isUngrouped = (d: string) => d === '(none)' || d === '(small group)' || d.trim() === '';

/** Colour per department name (any order, duplicates allowed in the input). */
export function departmentColours(departments: Iterable<string>): Record<string, string> {
  const names = [...new Set(departments)].sort((x, y) => x.localeCompare(y, 'en'));
  const out: Record<string, string> = {};
  let k = 0;
  for (const d of names) out[d] = isUngrouped(d) ? NO_DEPARTMENT_COLOUR : (DEPARTMENT_PALETTE[k++] ?? OTHER_GROUP_COLOUR);
  return out;
}
