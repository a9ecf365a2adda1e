// @ts-check
import { esc } from './api.js';

/** Marks a suppressed statistic: a dash, with the reason for screen readers and on hover. */
export function suppressedCell(min, colspan = 1) {
  const why = `fewer than ${min} people`;
  return `<td class="num suppressed"${colspan > 1 ? ` colspan="${colspan}"` : ''} title="${esc(why)}"><span aria-hidden="true">—</span><span class="sr-only">${esc(why)}</span></td>`;
}

/** The note that goes under every table with suppressed cells. */
export function suppressionNote(min) {
  return `<p class="note"><span class="dash" aria-hidden="true">—</span> suppressed: fewer than ${min} people in the group (or needed to protect a group that is). Applies to every account, every export.</p>`;
}

/**
 * An indicator card: big value, name, one-line plain-language explanation, and the change since the
 * previous wave when there is one.
 * @param {string} id
 * @param {string} name
 * @param {string} value
 * @param {string} explain
 * @param {string} [tone]
 * @param {{ text: string; tone: string; arrow: string; title: string } | null} [change]
 */
export function kpi(id, name, value, explain, tone = '', change = null) {
  const ch = change
    ? `<div class="change ${change.tone}" title="${esc(change.title)}"><span aria-hidden="true">${change.arrow}</span> ${esc(change.text)}</div>`
    : '';
  return `<div class="kpi${tone ? ` ${tone}` : ''}" data-kpi="${esc(id)}"><div class="v">${esc(value)}</div><div class="k">${esc(name)}</div>${ch}<p class="x">${esc(explain)}</p></div>`;
}

export function empty(text) {
  return `<p class="empty">${esc(text)}</p>`;
}

/** @param {unknown} e */
export function errorBox(e) {
  return `<div class="card error" role="alert">${esc(e instanceof Error ? e.message : String(e))}</div>`;
}

/** Joins names for prose: "A", "A and B", "A, B and C". */
export function listNames(names) {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** Okabe–Ito colours for leadership kinds. */
export const LEADER_KIND = {
  hidden: { colour: '#E69F00', label: 'informal leader (no formal role)' },
  formal: { colour: '#0072B2', label: 'formal leader, sought out' },
  nominal: { colour: '#CC79A7', label: 'formal role, rarely sought out' },
  other: { colour: '#BBBBBB', label: 'everyone else' },
};

/** A "show all" button for a container whose rows beyond the first few carry class "extra" (wired by wireMore). */
export function moreButton(total, shown, what) {
  return total > shown
    ? `<p><button type="button" class="secondary more" aria-expanded="false" data-more="${esc(what)}">Show all ${total} ${esc(what)}</button></p>`
    : '';
}

export function wireMore(root) {
  for (const b of root.querySelectorAll('button.more')) {
    const box = b.closest('.card');
    const label = b.textContent;
    b.addEventListener('click', () => {
      const open = box.classList.toggle('expanded');
      b.setAttribute('aria-expanded', String(open));
      b.textContent = open ? `Show fewer ${b.dataset.more}` : label;
    });
  }
}

/** A wave's state in words: ready, needs review (something read waits for a decision), no data yet. */
export function statusBadge(w) {
  if (w.status === 'ready') return '<span class="status ready">ready</span>';
  if (w.status === 'needs review') return '<span class="status review">needs review</span>';
  return '<span class="status empty">no data yet</span>';
}

/**
 * How many people a formal/informal list of one domain holds, including those a pseudonymised view
 * gives only as a count (`withheld`: a list that would identify someone becomes a number).
 */
export function flaggedCount(l, f, list) {
  return f[list].length + (l.withheld?.[`formalInformal.${f.domain}.${list}`] ?? 0);
}

/** How many entries of a list a pseudonymised view gives only as a count (0 when none). */
export function withheldCount(l, path) {
  return l.withheld?.[path] ?? 0;
}

/**
 * Tables that scroll sideways inside their box (on a narrow screen) can be scrolled by keyboard: each
 * `.scroll` box becomes a focusable region named after its table's caption.
 * @param {ParentNode} root
 */
export function keyboardScrolls(root) {
  for (const box of root.querySelectorAll('.scroll')) {
    if (box.hasAttribute('tabindex')) continue;
    const caption = box.querySelector('caption')?.textContent?.trim();
    box.setAttribute('tabindex', '0');
    box.setAttribute('role', 'region');
    box.setAttribute('aria-label', caption || 'Table');
  }
}

/**
 * A school record's title for this account: the record's name, or — for an account that sees one
 * school of a district record (`unit`) — that school with the record in brackets.
 */
export function schoolTitle(school) {
  return school.unit ? `${school.unit} (${school.name})` : school.name;
}

/** For an account that sees one school of a district record: what it sees, and what it does not. */
export function scopeNote(school) {
  if (!school.unit) return '';
  return `<p class="note scope" id="scope-note">You see <strong>${esc(school.unit)}</strong> of the district record ${esc(school.name)}: its own staff and the advice ties among them, measured as if the school had been surveyed alone. The other schools, the district view, the survey files, uploads and review are for accounts of the whole record.</p>`;
}
