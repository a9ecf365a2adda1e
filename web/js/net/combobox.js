// @ts-check
import { esc } from '../api.js';

/** Most options listed at once; typing narrows the list. */
const MAX_OPTIONS = 50;

/**
 * "Find a person": an ARIA 1.2 combobox with a list of suggestions over everyone in the wave (not only
 * those drawn). Type to narrow, arrows to move, Enter or a click to choose, Escape to close.
 * @param {HTMLInputElement} input role=combobox, labelled by its <label>
 * @param {HTMLElement} list role=listbox
 * @param {() => Array<{ id: string; label: string; note: string }>} people everyone, in display order
 * @param {(id: string | null) => void} choose
 */
export function wireCombobox(input, list, people, choose) {
  /** @type {Array<{ id: string; label: string; note: string }>} */
  let shown = [];
  let active = -1;
  const open = (yes) => {
    list.hidden = !yes;
    input.setAttribute('aria-expanded', String(yes));
    if (!yes) {
      active = -1;
      input.removeAttribute('aria-activedescendant');
    }
  };
  const render = () => {
    const q = input.value.trim().toLowerCase();
    const all = people();
    const starts = [],
      contains = [];
    for (const p of all) {
      const l = p.label.toLowerCase();
      if (!q || l.startsWith(q) || l.split(/[\s,.-]+/).some((w) => w.startsWith(q))) starts.push(p);
      else if (l.includes(q)) contains.push(p);
    }
    const matches = [...starts, ...contains];
    shown = matches.slice(0, MAX_OPTIONS);
    active = shown.length ? Math.min(Math.max(active, 0), shown.length - 1) : -1;
    list.innerHTML =
      shown
        .map(
          (p, i) =>
            `<li role="option" id="${list.id}-${i}" data-id="${esc(p.id)}" aria-selected="${i === active}">${esc(p.label)}${p.note ? ` <span class="muted small">${esc(p.note)}</span>` : ''}</li>`,
        )
        .join('') +
      (matches.length > shown.length
        ? `<li role="presentation" class="muted small more-matches">${matches.length - shown.length} more — keep typing</li>`
        : '') +
      (matches.length ? '' : '<li role="presentation" class="muted small">nobody by that name</li>');
    if (active >= 0) input.setAttribute('aria-activedescendant', `${list.id}-${active}`);
    else input.removeAttribute('aria-activedescendant');
    list.querySelector('[aria-selected=true]')?.scrollIntoView({ block: 'nearest' });
  };
  const pick = (i) => {
    const p = shown[i];
    if (!p) return;
    input.value = p.label;
    open(false);
    choose(p.id);
  };
  input.addEventListener('input', () => {
    active = 0;
    open(true);
    render();
    if (!input.value.trim()) choose(null);
  });
  input.addEventListener('focus', () => {
    input.select();
  });
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      if (list.hidden) {
        open(true);
        render();
        return;
      }
      active = Math.max(0, Math.min(shown.length - 1, active + (ev.key === 'ArrowDown' ? 1 : -1)));
      render();
    } else if (ev.key === 'Enter') {
      if (!list.hidden && active >= 0) {
        ev.preventDefault();
        pick(active);
      }
    } else if (ev.key === 'Escape') {
      if (!list.hidden) open(false);
      else {
        input.value = '';
        choose(null);
      }
    }
  });
  input.addEventListener('blur', () => setTimeout(() => open(false), 150));
  list.addEventListener('mousedown', (ev) => ev.preventDefault());
  list.addEventListener('click', (ev) => {
    const li = /** @type {HTMLElement} */ (ev.target).closest('[role=option]');
    if (li) pick(shown.findIndex((p) => p.id === /** @type {HTMLElement} */ (li).dataset.id));
  });
  return {
    /** Shows the chosen person's label (when chosen on the drawing), or clears the box. */
    set(label) {
      input.value = label ?? '';
      open(false);
    },
  };
}
