// @ts-check
import { esc } from '../api.js';
import { LEADER_KIND } from '../ui.js';

/** The tooltip of one person: name, role (named edition), department, who names them and whom they name, kind of leader. */
export function personTip(n, p, kind) {
  return `<strong>${esc(n.label)}</strong>${p?.role ? `<br>${esc(p.role)}` : ''}<br>${esc(n.department || 'no department')}<br>named by <b>${n.inDegree}</b> colleague${n.inDegree === 1 ? '' : 's'}${p ? ` · names ${p.outDegree}` : ''}${kind !== 'other' ? `<br><span class="tip-kind">${esc(LEADER_KIND[kind].label)}</span>` : ''}`;
}

/**
 * Shows `lookup`'s HTML beside the pointer while it is over something on the canvas.
 * @param {HTMLCanvasElement} canvas
 * @param {HTMLElement} tip
 * @param {(sx: number, sy: number) => { html: string; person: boolean } | null} lookup canvas coordinates
 */
export function wireTooltip(canvas, tip, lookup) {
  canvas.addEventListener('mousemove', (ev) => {
    const b = canvas.getBoundingClientRect();
    const sx = ev.clientX - b.left,
      sy = ev.clientY - b.top;
    const found = lookup(sx, sy);
    canvas.style.cursor = found?.person ? 'pointer' : 'grab';
    if (!found) {
      tip.hidden = true;
      return;
    }
    tip.innerHTML = found.html;
    tip.hidden = false;
    tip.style.left = `${Math.min(sx + 14, b.width - 230)}px`;
    tip.style.top = `${Math.max(4, sy - 10)}px`;
  });
  canvas.addEventListener('mouseleave', () => {
    tip.hidden = true;
  });
}
