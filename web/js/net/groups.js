// @ts-check
import { LEADER_KIND } from '../ui.js';

/** Groups beyond this many share one colour and one legend entry, "other". */
export const DISTINCT_GROUPS = 20;
const OTHER = '\u0000other';

/**
 * The groups a colouring puts people in, with their colours and legend entries. Departments take the
 * server's colours (the report's rule, src/report/present/palette.ts); communities take the same
 * palette by size; after the 20th group every group is "other".
 * @param {'department' | 'leader' | 'community'} by
 * @param {Array<{ id: string; department?: string }>} nodes
 * @param {{ departmentColours?: Record<string, string>; palette?: { colours: string[]; other: string } }} graph
 * @param {(id: string) => string} kindOf hidden, formal, nominal or other
 * @param {Record<string, number> | undefined} communityOf Louvain community per person (leadership payload)
 */
export function grouping(by, nodes, graph, kindOf, communityOf) {
  const palette = graph.palette ?? { colours: Object.values(graph.departmentColours ?? {}), other: '#666666' };
  /** @type {(n: { id: string; department?: string }) => string} */
  let raw;
  /** @type {Map<string, { key: string; label: string; colour: string; count: number }>} */
  const entries = new Map();
  if (by === 'leader') {
    raw = (n) => kindOf(n.id);
    for (const [k, v] of Object.entries(LEADER_KIND)) entries.set(k, { key: k, label: v.label, colour: v.colour, count: 0 });
  } else if (by === 'community') {
    raw = (n) => (communityOf?.[n.id] === undefined ? 'none' : String(communityOf[n.id]));
    const sizes = countBy(nodes, raw);
    const order = [...sizes.keys()].filter((c) => c !== 'none').sort((x, y) => sizes.get(y) - sizes.get(x) || Number(x) - Number(y));
    order.forEach((c, i) => {
      if (i < DISTINCT_GROUPS) entries.set(c, { key: c, label: `community ${i + 1}`, colour: palette.colours[i], count: 0 });
    });
    if (sizes.has('none')) entries.set('none', { key: 'none', label: 'in no community', colour: '#BBBBBB', count: 0 });
  } else {
    raw = (n) => n.department || '(none)';
    const colours = graph.departmentColours ?? {};
    for (const d of [...new Set(nodes.map(raw))].sort((x, y) => x.localeCompare(y, 'en'))) {
      const colour = colours[d] ?? '#BBBBBB';
      if (colour !== palette.other) entries.set(d, { key: d, label: d, colour, count: 0 });
    }
  }
  const keyOf = (n) => {
    const k = raw(n);
    return entries.has(k) ? k : OTHER;
  };
  const keys = nodes.map(keyOf);
  if (keys.includes(OTHER)) {
    const others = new Set(nodes.filter((_n, i) => keys[i] === OTHER).map(raw)).size;
    entries.set(OTHER, { key: OTHER, label: `other (${others} more groups)`, colour: palette.other, count: 0 });
  }
  for (const k of keys) /** @type {{ count: number }} */ (entries.get(k)).count++;
  return { keys, entries: [...entries.values()] };
}

function countBy(items, f) {
  const m = new Map();
  for (const x of items) m.set(f(x), (m.get(f(x)) ?? 0) + 1);
  return m;
}
