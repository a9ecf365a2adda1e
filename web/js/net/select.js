// @ts-check
/** Which people the network view shows: the filters, and one person's neighbourhood (ego view). */

/**
 * Whether a person passes the filters (department, role, leader kind, one roster fact as JSON [name, value]; '' = any).
 * @param {{ id: string; department?: string }} n
 * @param {{ dept: string; role: string; kind: string; fact?: string }} f
 * @param {(id: string) => string} roleOf
 * @param {(id: string) => string} kindOf
 * @param {(id: string) => Record<string, unknown> | undefined} [factsOf]
 */
export function passes(n, f, roleOf, kindOf, factsOf = () => undefined) {
  if (f.dept && (n.department || '(none)') !== f.dept) return false;
  if (f.role && roleOf(n.id) !== f.role) return false;
  if (f.kind && kindOf(n.id) !== f.kind) return false;
  if (f.fact) {
    const [name, value] = JSON.parse(f.fact);
    const has = factsOf(n.id)?.[name];
    if (has === undefined || String(has) !== value) return false;
  }
  return true;
}

/**
 * The person and everyone within `steps` ties of them, ties followed both ways (named or naming),
 * ties weaker than `minWeight` left out.
 * @param {number} start
 * @param {Array<{ s: number; t: number; w: number }>} edges
 * @returns {Set<number>}
 */
export function egoSet(start, edges, steps, minWeight) {
  const seen = new Set([start]);
  let frontier = new Set([start]);
  for (let k = 0; k < steps; k++) {
    const next = new Set();
    for (const e of edges) {
      if (e.w < minWeight) continue;
      if (frontier.has(e.s) && !seen.has(e.t)) next.add(e.t);
      if (frontier.has(e.t) && !seen.has(e.s)) next.add(e.s);
    }
    for (const i of next) seen.add(i);
    frontier = next;
  }
  return seen;
}
