// @ts-check
import * as data from '../data.js';
import { layoutFor } from './layout.js';

/**
 * Puts the wave's people where its layout says: the layout of the relation over all domains (so switching
 * domain moves nobody), fetched through the API cache, computed once and kept (layout.js).
 * @param {{ waveId: string; relation: string }} a
 * @param {{ edges: Array<{ source: string; target: string }> }} graph the selected graph (its ties stand in if the pooled one fails)
 * @param {import('./render.js').SceneNode[]} nodes
 * @param {(share: number) => void} progress
 * @returns {Promise<Map<string, { x: number; y: number }>>}
 */
export async function placeWave(a, graph, nodes, progress) {
  const pooled = await data.graph(a.waveId, { relation: a.relation, domain: 'any' }).catch(() => graph);
  const p = await layoutFor(
    layoutKeyOf(a),
    nodes.map((n) => n.id),
    pooled.edges,
    progress,
  );
  for (const n of nodes) Object.assign(n, p.get(n.id));
  return p;
}

/**
 * Above 5,000 people: one person's neighbourhood (`members`, node indices) laid out on its own, when asked for.
 * @param {{ waveId: string; relation: string }} a
 * @param {{ edges: Array<{ source: string; target: string }> }} graph
 * @param {import('./render.js').SceneNode[]} nodes
 * @param {number[]} members
 * @param {string} name what the layout is kept under (person and steps)
 */
export async function placeNeighbourhood(a, graph, nodes, members, name) {
  const ids = members.map((i) => nodes[i].id);
  const own = new Set(ids);
  const p = await layoutFor(
    `${layoutKeyOf(a)}|ego|${name}`,
    ids,
    graph.edges.filter((e) => own.has(e.source) && own.has(e.target)),
  );
  for (const i of members) Object.assign(nodes[i], p.get(nodes[i].id));
}

/** Layouts are kept per wave and relation. */
export function layoutKeyOf(a) {
  return `${a.waveId}|${a.relation}`;
}

/** A short fingerprint of the positions (tests check that filters and the window's width leave it alone). */
export function layoutHash(nodes) {
  let h = 0;
  for (const n of nodes) h = (Math.imul(h, 31) + Math.round(n.x * 10) * 7 + Math.round(n.y * 10)) | 0;
  return (h >>> 0).toString(16);
}
