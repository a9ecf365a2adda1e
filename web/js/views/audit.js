// @ts-check
import { esc, get } from '../api.js';
import { schoolWaves } from '../data.js';
import { empty } from '../ui.js';

const FILTERS = ['account', 'action', 'from', 'to'];

/** The audit log (admins): who viewed, exported, uploaded, changed or deleted what, and when; filtered by who, what and when. */
export async function renderAudit(root, { me, params, stale }) {
  document.title = 'Audit log · leadmap';
  if (me.role !== 'admin') {
    root.innerHTML = '<h1>Audit log</h1><div class="card">The audit log is for administrators.</div>';
    return;
  }
  const query = new URLSearchParams(Object.entries(params).filter(([k, v]) => FILTERS.includes(k) && v));
  query.set('limit', '500');
  const [{ entries, actions }, { accounts }, { schools }] = await Promise.all([
    get(`/api/audit?${query}`),
    get('/api/accounts'),
    get('/api/schools'),
  ]);
  // Targets are ids; those still there are shown by name (a deleted school, wave or account keeps its id).
  const waves = await Promise.all(
    schools.map(async (s) => (await schoolWaves(s.id).catch(() => [])).map((w) => [`wave:${w.id}`, `wave ${s.name} ${w.label}`])),
  );
  if (stale()) return;
  const who = new Map(accounts.map((a) => [a.id, a.username]));
  const names = new Map([
    ...schools.map((s) => [`school:${s.id}`, `school ${s.name}`]),
    ...accounts.map((a) => [`account:${a.id}`, `account ${a.username}`]),
    ...waves.flat(),
  ]);
  const option = (value, text, current) =>
    `<option value="${esc(value)}"${value === (current ?? '') ? ' selected' : ''}>${esc(text)}</option>`;
  const filtered = FILTERS.some((k) => params[k]);
  root.innerHTML = `<h1>Audit log</h1>
    <p class="muted">Every sign-in, view, export, upload, change and deletion, newest first. Times are in your time zone; the day filters count whole days in UTC.</p>
    <form id="audit-filter" class="card toolbar filters" role="search" aria-label="Filter the audit log">
      <label class="inline" for="f-who">Who <select id="f-who" name="account">${option('', 'everyone', params.account)}${accounts.map((a) => option(a.id, a.username, params.account)).join('')}</select></label>
      <label class="inline" for="f-what">What <select id="f-what" name="action">${option('', 'every action', params.action)}${actions.map((a) => option(a, a, params.action)).join('')}</select></label>
      <label class="inline" for="f-from">From <input id="f-from" name="from" type="date" value="${esc(params.from ?? '')}"></label>
      <label class="inline" for="f-to">To <input id="f-to" name="to" type="date" value="${esc(params.to ?? '')}"></label>
      <button type="submit">Filter</button>${filtered ? ' <a href="#/audit">Show everything</a>' : ''}
    </form>
    <div class="card"><p class="small muted" id="audit-count" role="status">${entries.length === 500 ? 'The newest 500 entries' : `${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}`}${filtered ? ' matching the filter' : ''}.</p>
    ${
      entries.length === 0
        ? empty('Nothing recorded matches.')
        : `<table id="audit" class="stack" role="table"><caption class="sr-only">Audit log entries</caption><thead role="rowgroup"><tr role="row">${['When', 'Who', 'What', 'Target', 'Detail'].map((h) => `<th role="columnheader" scope="col">${h}</th>`).join('')}</tr></thead><tbody role="rowgroup">
      ${entries
        .map(
          (e) =>
            `<tr role="row"><td role="cell" data-label="When">${esc(new Date(e.at).toLocaleString())}</td><td role="cell" data-label="Who">${esc(e.accountId ? (who.get(e.accountId) ?? 'deleted account') : '—')}</td><td role="cell" data-label="What">${esc(e.action)}</td><td role="cell" data-label="Target">${esc(names.get(e.target) ?? e.target)}</td><td role="cell" class="small" data-label="Detail">${esc(e.detail ?? '')}</td></tr>`,
        )
        .join('')}</tbody></table>`
    }</div>`;
  root.querySelector('#audit-filter').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const form = /** @type {HTMLFormElement} */ (ev.target);
    const next = new URLSearchParams();
    for (const k of FILTERS) {
      const v = /** @type {HTMLInputElement} */ (form.elements.namedItem(k)).value;
      if (v) next.set(k, v);
    }
    location.hash = `#/audit${next.size ? `?${next}` : ''}`;
  });
}
