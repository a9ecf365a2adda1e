// @ts-check
/**
 * The network view's force layout, one definition for the Web Worker (layout-worker.js) and the
 * main-thread fallback. Deterministic: d3-force's start (phyllotaxis by input order) and a seeded
 * random source, so the same wave gives the same picture on every screen and every visit. Positions
 * are in layout units, independent of the window: the view fits them to its canvas.
 */

/** Seed of the layout's random source (the jiggle d3-force uses to separate coincident points). */
export const LAYOUT_SEED = 20240611;

/** mulberry32: a small seeded generator of numbers in [0, 1). */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Positions for `n` people joined by `links` ([source index, target index] pairs), as [x0, y0, x1, y1, …].
 * People without a tie sit in rows under the network instead of drifting to its rim.
 * @param {any} d3 the d3 namespace (global in the page and in the worker)
 * @param {number} n
 * @param {Array<[number, number]>} links
 * @param {(done: number) => void} [progress] called with the share of ticks done
 * @returns {Float64Array}
 */
export function forceLayout(d3, n, links, progress = () => {}) {
  const degree = new Int32Array(n);
  for (const [s, t] of links) {
    degree[s]++;
    degree[t]++;
  }
  const linked = [];
  for (let i = 0; i < n; i++) if (degree[i] > 0) linked.push(i);
  const index = new Map(linked.map((i, k) => [i, k]));
  const nodes = linked.map(() => ({}));
  const edges = links.map(([s, t]) => ({ source: index.get(s), target: index.get(t) }));
  const dense = linked.length > 300;
  const sim = d3
    .forceSimulation(nodes)
    .randomSource(seededRandom(LAYOUT_SEED))
    .force(
      'link',
      d3
        .forceLink(edges)
        .distance(dense ? 30 : 55)
        .strength((/** @type {any} */ e) => 0.7 / Math.min(degree[linked[e.source.index]], degree[linked[e.target.index]])),
    )
    .force(
      'charge',
      d3
        .forceManyBody()
        .strength(dense ? -40 : -140)
        .theta(0.9)
        .distanceMax(600),
    )
    .force('x', d3.forceX(0).strength(0.04))
    .force('y', d3.forceY(0).strength(0.04))
    .stop();
  // d3-force's default cooling reaches its minimum after 300 ticks: a settled picture at any size.
  const ticks = 300;
  for (let i = 0; i < ticks; i++) {
    sim.tick();
    if (i % 20 === 19) progress((i + 1) / ticks);
  }
  const out = new Float64Array(2 * n);
  let x0 = 0,
    x1 = 0,
    y1 = 0;
  if (nodes.length) {
    x0 = Infinity;
    x1 = -Infinity;
    y1 = -Infinity;
    nodes.forEach((/** @type {any} */ p, k) => {
      out[2 * linked[k]] = p.x;
      out[2 * linked[k] + 1] = p.y;
      x0 = Math.min(x0, p.x);
      x1 = Math.max(x1, p.x);
      y1 = Math.max(y1, p.y);
    });
  }
  const step = 16;
  const perRow = Math.max(10, Math.floor((x1 - x0) / step));
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (degree[i] > 0) continue;
    out[2 * i] = x0 + (k % perRow) * step;
    out[2 * i + 1] = y1 + 40 + Math.floor(k / perRow) * step;
    k++;
  }
  return out;
}
