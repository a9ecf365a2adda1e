// @ts-check
/**
 * Drawing the network on a 2D canvas (one path per colour and per tie width, so 5,000 people and
 * 50,000 ties stay fast), for the page and for the downloaded PNG. Labels are placed greedily in
 * screen space, most sought-out first, and a label that would overlap one already placed is left out.
 */

const TIE = 'rgba(120, 130, 148, 0.45)';
const TIE_DIM = 'rgba(120, 130, 148, 0.08)';
export const TIE_IN = '#9a4d00';
export const TIE_OUT = '#0b5394';
/** Above this many drawn ties, arrowheads are drawn only for the highlighted person's ties. */
const ARROWS_UP_TO = 3000;

/**
 * @typedef {{ id: string; label: string; department?: string; x: number; y: number; r: number; inDegree: number }} SceneNode
 * @typedef {{ s: number; t: number; w: number }} SceneEdge
 * @typedef {{ nodes: SceneNode[]; edges: SceneEdge[]; visible: Uint8Array; colours: string[]; minWeight: number;
 *   focus: number; near: Set<number>; fitK?: number }} Scene
 * @typedef {{ k: number; x: number; y: number }} View
 */

/** Ties drawn under the scene's filters (both people visible, strong enough). */
export function drawnEdges(scene) {
  const { edges, visible, minWeight } = scene;
  return edges.filter((e) => visible[e.s] && visible[e.t] && e.w >= minWeight);
}

/**
 * Draws the scene into ctx (already scaled for the device's pixel ratio) over width × height CSS pixels.
 * @param {CanvasRenderingContext2D} ctx
 * @param {Scene} scene
 * @param {View} view
 * @returns {{ people: number; ties: number; labels: Array<{ text: string; x: number; y: number }> }}
 */
export function drawScene(ctx, scene, view, width, height, background = '#ffffff') {
  const { nodes, visible, colours, focus, near } = scene;
  const { k } = view;
  ctx.save();
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, width, height);
  ctx.translate(view.x, view.y);
  ctx.scale(k, k);
  const ties = drawnEdges(scene);
  const focusing = focus >= 0;
  // Ties, grouped by on-screen width (1 to 3.5 px by weight).
  const byWidth = new Map();
  const mine = [];
  for (const e of ties) {
    if (focusing && (e.s === focus || e.t === focus)) {
      mine.push(e);
      continue;
    }
    const w = Math.min(3.5, 0.6 + Math.sqrt(e.w) / 2);
    const key = Math.round(w * 2) / 2;
    let list = byWidth.get(key);
    if (!list) byWidth.set(key, (list = []));
    list.push(e);
  }
  const arrows = ties.length <= ARROWS_UP_TO;
  for (const [w, list] of byWidth) {
    ctx.beginPath();
    for (const e of list) segment(ctx, nodes[e.s], nodes[e.t], k, arrows);
    ctx.lineWidth = w / k;
    ctx.strokeStyle = focusing ? TIE_DIM : TIE;
    ctx.stroke();
    if (arrows) {
      ctx.fillStyle = focusing ? TIE_DIM : TIE;
      ctx.beginPath();
      for (const e of list) arrowhead(ctx, nodes[e.s], nodes[e.t], k);
      ctx.fill();
    }
  }
  for (const [colour, inward] of [
    [TIE_IN, true],
    [TIE_OUT, false],
  ]) {
    const list = mine.filter((e) => (inward ? e.t === focus : e.s === focus));
    if (!list.length) continue;
    ctx.beginPath();
    for (const e of list) segment(ctx, nodes[e.s], nodes[e.t], k, true);
    ctx.lineWidth = 1.8 / k;
    ctx.strokeStyle = String(colour);
    ctx.stroke();
    ctx.fillStyle = String(colour);
    ctx.beginPath();
    for (const e of list) arrowhead(ctx, nodes[e.s], nodes[e.t], k);
    ctx.fill();
  }
  // People, one path per colour; dimmed when someone else is highlighted.
  const byColour = new Map();
  let people = 0;
  for (let i = 0; i < nodes.length; i++) {
    if (!visible[i]) continue;
    people++;
    const key = `${colours[i]}|${focusing && !near.has(i) ? 'dim' : ''}`;
    let list = byColour.get(key);
    if (!list) byColour.set(key, (list = []));
    list.push(i);
  }
  ctx.lineWidth = 1 / k;
  ctx.strokeStyle = '#ffffff';
  for (const [key, list] of byColour) {
    const [colour, dim] = key.split('|');
    ctx.globalAlpha = dim ? 0.25 : 1;
    ctx.fillStyle = colour;
    ctx.beginPath();
    for (const i of list) {
      const n = nodes[i];
      ctx.moveTo(n.x + n.r, n.y);
      ctx.arc(n.x, n.y, n.r, 0, 2 * Math.PI);
    }
    ctx.fill();
    if (list.length < 3000 || k > 2) ctx.stroke();
  }
  ctx.globalAlpha = 1;
  if (focusing) {
    const n = nodes[focus];
    ctx.beginPath();
    ctx.arc(n.x, n.y, n.r + 2 / k, 0, 2 * Math.PI);
    ctx.lineWidth = 2.5 / k;
    ctx.strokeStyle = '#1d2430';
    ctx.stroke();
  }
  ctx.restore();
  const labels = drawLabels(ctx, scene, view, width, height);
  return { people, ties: ties.length, labels };
}

function segment(ctx, a, b, k, shorten) {
  const dx = b.x - a.x,
    dy = b.y - a.y,
    len = Math.hypot(dx, dy) || 1;
  const cut = shorten ? b.r + 1.5 / k : 0;
  ctx.moveTo(a.x, a.y);
  ctx.lineTo(b.x - (dx / len) * cut, b.y - (dy / len) * cut);
}

function arrowhead(ctx, a, b, k) {
  const dx = b.x - a.x,
    dy = b.y - a.y,
    len = Math.hypot(dx, dy) || 1;
  const ux = dx / len,
    uy = dy / len;
  const tipX = b.x - ux * (b.r + 1.5 / k),
    tipY = b.y - uy * (b.r + 1.5 / k);
  const s = 6 / k;
  ctx.moveTo(tipX, tipY);
  ctx.lineTo(tipX - ux * s - uy * s * 0.45, tipY - uy * s + ux * s * 0.45);
  ctx.lineTo(tipX - ux * s + uy * s * 0.45, tipY - uy * s - ux * s * 0.45);
  ctx.closePath();
}

/**
 * Which people get a label: the highlighted person and their most sought-out colleagues, or else the
 * most sought-out people on screen (12 when the whole network fits, more as one zooms in beyond that).
 */
function labelCandidates(scene, view) {
  const { nodes, visible, focus, near } = scene;
  const pool = focus >= 0 ? [...near] : nodes.map((_, i) => i).filter((i) => visible[i]);
  pool.sort((x, y) =>
    x === focus ? -1 : y === focus ? 1 : nodes[y].inDegree - nodes[x].inDegree || nodes[x].label.localeCompare(nodes[y].label),
  );
  const zoomedIn = Math.max(1, view.k / (scene.fitK || 1));
  const limit = focus >= 0 ? 30 : Math.min(200, Math.round(12 * zoomedIn * zoomedIn));
  return pool.slice(0, limit);
}

/** Places labels without overlap (right, left, above, below the circle); returns those drawn (screen positions). */
function drawLabels(ctx, scene, view, width, height) {
  const { nodes } = scene;
  ctx.save();
  ctx.font = '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';
  /** @type {Array<[number, number, number, number]>} */
  const placed = [];
  /** @type {Array<{ text: string; x: number; y: number }>} */
  const drawn = [];
  const free = (b) =>
    b[0] >= 0 &&
    b[1] >= 0 &&
    b[2] <= width &&
    b[3] <= height &&
    !placed.some((p) => b[0] < p[2] && b[2] > p[0] && b[1] < p[3] && b[3] > p[1]);
  for (const i of labelCandidates(scene, view)) {
    const n = nodes[i];
    const sx = n.x * view.k + view.x,
      sy = n.y * view.k + view.y,
      r = n.r * view.k;
    if (sx < 0 || sy < 0 || sx > width || sy > height) continue;
    const w = ctx.measureText(n.label).width,
      h = 14;
    const spots = [
      [sx + r + 3, sy - h / 2],
      [sx - r - 3 - w, sy - h / 2],
      [sx - w / 2, sy - r - 2 - h],
      [sx - w / 2, sy + r + 2],
    ];
    for (const [x, y] of spots) {
      /** @type {[number, number, number, number]} */
      const box = [x - 2, y, x + w + 2, y + h];
      if (!free(box)) continue;
      placed.push(box);
      ctx.lineWidth = 3;
      ctx.strokeStyle = 'rgba(255,255,255,0.9)';
      ctx.strokeText(n.label, x, y + h / 2);
      ctx.fillStyle = '#1d2430';
      ctx.fillText(n.label, x, y + h / 2);
      drawn.push({ text: n.label, x, y: y + h / 2 });
      break;
    }
  }
  ctx.restore();
  return drawn;
}
