import { esc, n2 } from './svg.js';

/** One school of the figure: its name and staff count. */
export interface SchoolNode {
  school: string;
  people: number;
}

/** Nominations from the staff of one school to colleagues of another. */
export interface SchoolTie {
  from: string;
  to: string;
  ties: number;
}

const WIDTH = 499;
const HEIGHT = 330;
const LABEL_SIZE = 8;
const ARROW_LEN = 6;
const ARROW_HALF = 3;

/**
 * The cross-school network of a district as an SVG string (points as units): each school a circle on
 * a ring (in the order given, first at the top, so the same district always gives the same picture),
 * its area proportional to its staff; each direction between two schools a curved arrow whose width is
 * proportional to the nominations it carries, labelled with their number. Arrows bend to the right
 * of their direction, so A → B and B → A never overlap. Only the schools and ties passed in are drawn:
 * the caller leaves out suppressed schools and every tie touching them.
 */
export function schoolsSvg(schools: readonly SchoolNode[], ties: readonly SchoolTie[]): string {
  const n = schools.length;
  const cx = WIDTH / 2;
  const cy = HEIGHT / 2;
  const ring = n <= 1 ? 0 : Math.min(WIDTH, HEIGHT) / 2 - 50;
  const maxPeople = Math.max(1, ...schools.map((s) => s.people));
  const at = new Map(
    schools.map((s, i) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(1, n);
      return [s.school, { x: cx + ring * Math.cos(angle), y: cy + ring * Math.sin(angle), r: 9 + 19 * Math.sqrt(s.people / maxPeople) }];
    }),
  );
  const drawn = ties.filter((t) => t.from !== t.to && t.ties > 0 && at.has(t.from) && at.has(t.to));
  const maxTies = Math.max(1, ...drawn.map((t) => t.ties));
  const out: string[] = [`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">`];
  out.push(`<rect x="0" y="0" width="${WIDTH}" height="${HEIGHT}" fill="#fbfbfd" stroke="#e3e5ea" stroke-width="0.5"/>`);
  const labels: string[] = [];
  for (const t of drawn) {
    const a = at.get(t.from)!;
    const b = at.get(t.to)!;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len = Math.hypot(dx, dy);
    if (len < a.r + b.r + ARROW_LEN) continue;
    // Control point to the right of the direction a → b.
    const bend = 0.18 * len;
    const qx = (a.x + b.x) / 2 - (dy / len) * bend;
    const qy = (a.y + b.y) / 2 + (dx / len) * bend;
    const start = towards(a, qx, qy, a.r + 1);
    const tip = towards(b, qx, qy, b.r + 1);
    const ux = (tip.x - qx) / Math.hypot(tip.x - qx, tip.y - qy);
    const uy = (tip.y - qy) / Math.hypot(tip.x - qx, tip.y - qy);
    const base = { x: tip.x - ux * ARROW_LEN, y: tip.y - uy * ARROW_LEN };
    const width = 0.6 + 5 * (t.ties / maxTies);
    out.push(
      `<path d="M${n2(start.x)},${n2(start.y)} Q${n2(qx)},${n2(qy)} ${n2(base.x)},${n2(base.y)}" fill="none" stroke="#0b5394" stroke-opacity="0.55" stroke-width="${n2(width)}"/>`,
      `<polygon points="${n2(tip.x)},${n2(tip.y)} ${n2(base.x - uy * ARROW_HALF)},${n2(base.y + ux * ARROW_HALF)} ${n2(base.x + uy * ARROW_HALF)},${n2(base.y - ux * ARROW_HALF)}" fill="#0b5394" fill-opacity="0.75"/>`,
    );
    // The count at the curve's midpoint (t = 0.5 of the quadratic Bézier).
    const mx = 0.25 * start.x + 0.5 * qx + 0.25 * base.x;
    const my = 0.25 * start.y + 0.5 * qy + 0.25 * base.y;
    const text = String(t.ties);
    const w = text.length * LABEL_SIZE * 0.55 + 4;
    labels.push(
      `<rect x="${n2(mx - w / 2)}" y="${n2(my - LABEL_SIZE / 2 - 2)}" width="${n2(w)}" height="${n2(LABEL_SIZE + 3)}" rx="2" fill="#ffffff" fill-opacity="0.9"/>`,
      `<text x="${n2(mx)}" y="${n2(my + LABEL_SIZE / 2 - 1)}" text-anchor="middle" font-family="Roboto" font-size="${LABEL_SIZE}" fill="#1f2430">${text}</text>`,
    );
  }
  for (const s of schools) {
    const p = at.get(s.school)!;
    out.push(`<circle cx="${n2(p.x)}" cy="${n2(p.y)}" r="${n2(p.r)}" fill="#9fc5e8" stroke="#0b5394" stroke-width="0.8"/>`);
    const below = p.y >= cy - 1;
    const y = below ? p.y + p.r + LABEL_SIZE + 2 : p.y - p.r - 4;
    labels.push(
      `<text x="${n2(p.x)}" y="${n2(y)}" text-anchor="middle" font-family="Roboto" font-size="${LABEL_SIZE}" font-weight="bold" fill="#1f2430">${esc(s.school)} (${s.people})</text>`,
    );
  }
  out.push(...labels, '</svg>');
  return out.join('');
}

/** The point at distance `d` from `c` towards (x, y). */
function towards(c: { x: number; y: number }, x: number, y: number, d: number): { x: number; y: number } {
  const len = Math.hypot(x - c.x, y - c.y) || 1;
  return { x: c.x + ((x - c.x) / len) * d, y: c.y + ((y - c.y) / len) * d };
}
