// @ts-check
import { forceLayout } from './layout-core.js';

/**
 * Positions of a wave's network, computed once (in a Web Worker) and kept: in memory for the visit and
 * in localStorage across visits, so filters, the window's width and a reload never move anyone. A
 * person dragged to a new place stays there (savePositions). Keys hold person ids (pseudonyms for
 * viewers) and nothing else.
 */
const memory = new Map();
const PREFIX = 'leadmap.layout.v1.';

/**
 * @param {string} key wave and relation
 * @param {string[]} ids everyone in the wave
 * @param {Array<{ source: string; target: string }>} edges the ties the layout follows
 * @param {(share: number) => void} [progress]
 * @returns {Promise<Map<string, { x: number; y: number }>>}
 */
export async function layoutFor(key, ids, edges, progress) {
  const known = memory.get(key) ?? load(key);
  if (known && ids.every((id) => known.has(id))) {
    memory.set(key, known);
    return known;
  }
  const index = new Map(ids.map((id, i) => [id, i]));
  /** @type {Array<[number, number]>} */
  const links = [];
  for (const e of edges) {
    const s = index.get(e.source),
      t = index.get(e.target);
    if (s !== undefined && t !== undefined) links.push([s, t]);
  }
  const xy = await inWorker(ids.length, links, progress).catch(() => forceLayout(window.d3, ids.length, links, progress));
  const out = new Map(ids.map((id, i) => [id, { x: xy[2 * i], y: xy[2 * i + 1] }]));
  memory.set(key, out);
  savePositions(key, out);
  return out;
}

/** Keeps the positions (after a drag) for this visit and the next. */
export function savePositions(key, positions) {
  memory.set(key, positions);
  try {
    const flat = [];
    for (const [id, p] of positions) flat.push(id, Math.round(p.x * 10) / 10, Math.round(p.y * 10) / 10);
    localStorage.setItem(PREFIX + key, JSON.stringify(flat));
  } catch {
    // storage full or disabled: the layout is kept for this visit only
  }
}

function load(key) {
  try {
    const flat = JSON.parse(localStorage.getItem(PREFIX + key) ?? 'null');
    if (!Array.isArray(flat)) return null;
    const out = new Map();
    for (let i = 0; i + 2 < flat.length; i += 3) out.set(String(flat[i]), { x: Number(flat[i + 1]), y: Number(flat[i + 2]) });
    return out;
  } catch {
    return null;
  }
}

/** @returns {Promise<Float64Array>} */
function inWorker(n, links, progress) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./layout-worker.js', import.meta.url), { type: 'module' });
    worker.onmessage = (ev) => {
      if (ev.data.progress !== undefined) return progress?.(ev.data.progress);
      worker.terminate();
      resolve(ev.data.xy);
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(e);
    };
    worker.postMessage({ n, links });
  });
}
