// @ts-check
import { esc } from '../api.js';

/**
 * The legend as toggle buttons: pressing groups shows only them (aria-pressed), "Show all groups" undoes it.
 * @param {HTMLElement} el
 * @param {Array<{ key: string; label: string; colour: string; count: number }>} entries
 * @param {Set<string>} isolated
 */
export function legendButtons(el, entries, isolated) {
  el.innerHTML =
    entries
      .map(
        (e) =>
          `<button type="button" class="item" aria-pressed="${isolated.has(e.key)}" data-key="${esc(e.key)}"><span class="sw" data-colour="${esc(e.colour)}"></span>${esc(e.label)} (${e.count.toLocaleString('en-US')})</button>`,
      )
      .join('') + (isolated.size ? '<button type="button" class="link" id="legend-all">Show all groups</button>' : '');
  // Colours through the CSSOM (the CSP forbids style attributes).
  for (const sw of el.querySelectorAll('.sw'))
    /** @type {HTMLElement} */ (sw).style.background = /** @type {HTMLElement} */ (sw).dataset.colour ?? '';
}
