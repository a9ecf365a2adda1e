import type { SiloRow } from '../types.js';
import { esc, n2 } from './svg.js';

/**
 * Horizontal bar chart of the E-I index per group on a fixed −1 … +1 axis, bars from 0 (left = advice
 * stays inside, right = crosses groups). Suppressed groups are listed as "suppressed" instead of a bar, so the reader sees they exist without seeing their value.
 */
export function eiBarsSvg(rows: readonly SiloRow[], width = 480): string {
  const labelW = 150,
    right = 40,
    rowH = 15,
    top = 22,
    bottom = 24;
  const plotW = width - labelW - right;
  const H = top + rows.length * rowH + bottom;
  const x = (v: number) => labelW + ((v + 1) / 2) * plotW;
  const out: string[] = [`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${H}" viewBox="0 0 ${width} ${H}">`];
  out.push(`<text x="${n2(x(-1))}" y="12" font-family="Roboto" font-size="7" fill="#5b6372">−1 all inside</text>`);
  out.push(`<text x="${n2(x(0))}" y="12" font-family="Roboto" font-size="7" fill="#5b6372" text-anchor="middle">0</text>`);
  out.push(`<text x="${n2(x(1))}" y="12" font-family="Roboto" font-size="7" fill="#5b6372" text-anchor="end">+1 all across</text>`);
  for (const v of [-1, -0.5, 0, 0.5, 1]) {
    out.push(
      `<line x1="${n2(x(v))}" y1="${top - 4}" x2="${n2(x(v))}" y2="${top + rows.length * rowH}" stroke="${v === 0 ? '#5b6372' : '#d9dce3'}" stroke-width="${v === 0 ? 0.8 : 0.5}"/>`,
    );
  }
  rows.forEach((r, k) => {
    const y = top + k * rowH;
    out.push(
      `<text x="${labelW - 6}" y="${n2(y + 10)}" font-family="Roboto" font-size="8" fill="#1f2430" text-anchor="end">${esc(r.group)}</text>`,
    );
    if (r.suppressed || r.ei === null) {
      out.push(`<rect x="${n2(x(0) + 1)}" y="${n2(y + 2)}" width="150" height="${rowH - 4}" fill="#ffffff"/>`);
      out.push(
        `<text x="${n2(x(0) + 4)}" y="${n2(y + 10)}" font-family="Roboto" font-size="7" font-style="italic" fill="#8a94a6">${r.suppressed ? 'suppressed (small group, see note)' : 'no ties'}</text>`,
      );
      return;
    }
    const a = Math.min(x(0), x(r.ei)),
      w = Math.max(0.8, Math.abs(x(r.ei) - x(0)));
    const fill = r.ei <= -0.5 ? '#c8553d' : r.ei < 0 ? '#e8a87c' : '#4e79a7';
    out.push(`<rect x="${n2(a)}" y="${n2(y + 3)}" width="${n2(w)}" height="${rowH - 6}" fill="${fill}"/>`);
    const tx = r.ei >= 0 ? x(r.ei) + 3 : x(r.ei) - 3;
    out.push(
      `<text x="${n2(tx)}" y="${n2(y + 10)}" font-family="Roboto" font-size="7" fill="#1f2430" text-anchor="${r.ei >= 0 ? 'start' : 'end'}">${r.ei.toFixed(2).replace('-', '−')}</text>`,
    );
  });
  const ly = top + rows.length * rowH + 14;
  const legend: Array<[string, string]> = [
    ['#c8553d', 'silo (E-I ≤ −0.5)'],
    ['#e8a87c', 'mostly inside'],
    ['#4e79a7', 'mostly across'],
  ];
  legend.forEach(([c, t], k) => {
    const lx = labelW + k * 105;
    out.push(
      `<rect x="${lx}" y="${ly - 7}" width="8" height="8" fill="${c}"/><text x="${lx + 11}" y="${ly}" font-family="Roboto" font-size="7" fill="#5b6372">${esc(t)}</text>`,
    );
  });
  out.push('</svg>');
  return out.join('\n');
}
