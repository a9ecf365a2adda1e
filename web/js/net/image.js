// @ts-check
import { esc } from '../api.js';
import { departmentLabel, drawDepartments, placeDepartmentLabels } from './aggregate.js';
import { drawnEdges, drawScene, TIE_IN, TIE_OUT } from './render.js';

/**
 * "Download image": what is on screen, as PNG or SVG, with its title (the figure's accessible name)
 * and its legend. The PNG is drawn again at twice the resolution; the SVG is built from the same scene.
 */

const HEAD = 36;
const ROW = 20;
const FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** Legend rows: entries flow left to right and wrap at the image's width. */
function legendLayout(ctx, legend, width) {
  ctx.font = FONT;
  const spots = [];
  let x = 12,
    y = 0;
  for (const e of legend) {
    const text = `${e.label} (${e.count.toLocaleString('en-US')})`;
    const w = 18 + ctx.measureText(text).width + 16;
    if (x + w > width - 8 && x > 12) {
      x = 12;
      y += ROW;
    }
    spots.push({ ...e, text, x, y });
    x += w;
  }
  return { spots, height: legend.length ? y + ROW + 12 : 0 };
}

/**
 * @param {{ title: string; width: number; height: number; legend: Array<{ label: string; colour: string; count: number }>;
 *   draw: (ctx: CanvasRenderingContext2D) => void }} figure
 * @returns {Promise<Blob>}
 */
export function pngOf(figure) {
  const scale = 2;
  const probe = /** @type {CanvasRenderingContext2D} */ (document.createElement('canvas').getContext('2d'));
  const { spots, height: legendHeight } = legendLayout(probe, figure.legend, figure.width);
  const canvas = document.createElement('canvas');
  canvas.width = figure.width * scale;
  canvas.height = (HEAD + figure.height + legendHeight) * scale;
  const ctx = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
  ctx.scale(scale, scale);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, figure.width, HEAD + figure.height + legendHeight);
  ctx.fillStyle = '#1d2430';
  ctx.font = `bold 15px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif`;
  ctx.textBaseline = 'middle';
  ctx.fillText(figure.title, 12, HEAD / 2);
  ctx.save();
  ctx.translate(0, HEAD);
  ctx.beginPath();
  ctx.rect(0, 0, figure.width, figure.height);
  ctx.clip();
  figure.draw(ctx);
  ctx.restore();
  ctx.font = FONT;
  ctx.textBaseline = 'middle';
  for (const s of spots) {
    const y = HEAD + figure.height + 6 + s.y + ROW / 2;
    ctx.fillStyle = s.colour;
    ctx.fillRect(s.x, y - 6, 12, 12);
    ctx.fillStyle = '#1d2430';
    ctx.fillText(s.text, s.x + 18, y);
  }
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the image could not be made'))), 'image/png'),
  );
}

const num = (v) => String(Math.round(v * 10) / 10);

/**
 * The person view as SVG: ties, people, the labels on screen, title and legend.
 * @param {{ title: string; width: number; height: number; legend: Array<{ label: string; colour: string; count: number }> }} figure
 * @param {import('./render.js').Scene} scene
 * @param {import('./render.js').View} view
 * @param {Array<{ text: string; x: number; y: number }>} labels
 */
export function personSvg(figure, scene, view, labels) {
  const X = (v) => num(v * view.k + view.x),
    Y = (v) => num(v * view.k + view.y);
  const { nodes, visible, colours, focus } = scene;
  const lines = drawnEdges(scene).map((e) => {
    const a = nodes[e.s],
      b = nodes[e.t];
    const colour = e.t === focus ? TIE_IN : e.s === focus ? TIE_OUT : '#7882948c';
    return `<line x1="${X(a.x)}" y1="${Y(a.y)}" x2="${X(b.x)}" y2="${Y(b.y)}" stroke="${colour}" stroke-width="${num(Math.min(3.5, 0.6 + Math.sqrt(e.w) / 2))}"/>`;
  });
  const circles = [];
  nodes.forEach((n, i) => {
    if (visible[i])
      circles.push(
        `<circle cx="${X(n.x)}" cy="${Y(n.y)}" r="${num(n.r * view.k)}" fill="${colours[i]}" stroke="#fff" stroke-width="1"><title>${esc(n.label)}</title></circle>`,
      );
  });
  const texts = labels.map((l) => `<text x="${num(l.x)}" y="${num(l.y)}" dominant-baseline="middle">${esc(l.text)}</text>`);
  return svgFrame(figure, `<g>${lines.join('')}</g><g>${circles.join('')}</g><g class="labels">${texts.join('')}</g>`);
}

/** The department view as SVG. @param {ReturnType<typeof import('./aggregate.js').departmentModel>} m */
export function departmentSvg(figure, m, view) {
  const X = (v) => num(v * view.k + view.x),
    Y = (v) => num(v * view.k + view.y);
  const max = Math.max(1, ...m.links.map((l) => l.ties));
  const lines = m.links.map(
    (l) =>
      `<line x1="${X(m.groups[l.a].x)}" y1="${Y(m.groups[l.a].y)}" x2="${X(m.groups[l.b].x)}" y2="${Y(m.groups[l.b].y)}" stroke="#78829459" stroke-width="${num(0.5 + 12 * (l.ties / max))}"/>`,
  );
  const circles = m.groups.map(
    (g) =>
      `<circle cx="${X(g.x)}" cy="${Y(g.y)}" r="${num(g.r * view.k)}" fill="${g.colour}" stroke="#fff"><title>${esc(departmentLabel(g))}</title></circle>`,
  );
  const probe = /** @type {CanvasRenderingContext2D} */ (document.createElement('canvas').getContext('2d'));
  probe.font = FONT;
  const texts = placeDepartmentLabels(probe, m, view, figure.width, figure.height).map(
    (l) => `<text x="${num(l.x)}" y="${num(l.y)}" dominant-baseline="middle">${esc(l.text)}</text>`,
  );
  circles.push(...texts);
  return svgFrame(figure, `<g>${lines.join('')}</g><g class="labels">${circles.join('')}</g>`);
}

function svgFrame(figure, body) {
  const probe = /** @type {CanvasRenderingContext2D} */ (document.createElement('canvas').getContext('2d'));
  const { spots, height: legendHeight } = legendLayout(probe, figure.legend, figure.width);
  const H = HEAD + figure.height + legendHeight;
  const legend = spots
    .map((s) => {
      const y = HEAD + figure.height + 6 + s.y + ROW / 2;
      return `<rect x="${s.x}" y="${y - 6}" width="12" height="12" fill="${s.colour}"/><text x="${s.x + 18}" y="${y}" dominant-baseline="middle">${esc(s.text)}</text>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="${figure.width}" height="${H}" viewBox="0 0 ${figure.width} ${H}" font-family="system-ui, sans-serif" font-size="12" fill="#1d2430">
<title>${esc(figure.title)}</title>
<rect width="100%" height="100%" fill="#fff"/>
<text x="12" y="${HEAD / 2}" font-size="15" font-weight="bold" dominant-baseline="middle">${esc(figure.title)}</text>
<svg x="0" y="${HEAD}" width="${figure.width}" height="${figure.height}" viewBox="0 0 ${figure.width} ${figure.height}" overflow="hidden">${body}</svg>
${legend}
</svg>
`;
}

/** Hands a file to the browser's downloads. */
export function saveFile(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.dataset.direct = '1';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Downloads the view as it is: the department view or the person view, PNG or SVG.
 * @param {{ svg: boolean; title: string; width: number; height: number; name: string;
 *   legend: Array<{ label: string; colour: string; count: number }>; departments: any; scene: import('./render.js').Scene;
 *   view: import('./render.js').View; labels: Array<{ text: string; x: number; y: number }> }} o
 */
export async function downloadImage(o) {
  const figure = { title: o.title, width: o.width, height: o.height, legend: o.legend };
  const name = o.name.replace(/[^a-z0-9-]+/gi, '-').toLowerCase();
  if (o.svg) {
    const text = o.departments ? departmentSvg(figure, o.departments, o.view) : personSvg(figure, o.scene, o.view, o.labels);
    saveFile(new Blob([text], { type: 'image/svg+xml' }), `${name}.svg`);
    return;
  }
  const draw = (c) =>
    o.departments ? drawDepartments(c, o.departments, o.view, o.width, o.height) : drawScene(c, o.scene, o.view, o.width, o.height);
  saveFile(await pngOf({ ...figure, draw }), `${name}.png`);
}
