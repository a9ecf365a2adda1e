// @ts-check
/** Which people the network view shows: the filters, and one person's neighbourhood (ego view). */

/**
 * Whether a person passes the filters (department, role, leader kind; '' = any).
 * @param {{ id: string; department?: string }} n
 * @param {{ dept: string; role: string; kind: string }} f
 * @param {(id: string) => string} roleOf
 * @param {(id: string) => string} kindOf
 */
export function passes(n, f, roleOf, kindOf) {
  return (!f.dept || (n.department || '(none)') === f.dept) && (!f.role || roleOf(n.id) === f.role) && (!f.kind || kindOf(n.id) === f.kind);
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
