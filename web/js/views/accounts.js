// @ts-check
import { ApiError, api, del, esc, get, post } from '../api.js';

const ROLES = [
  ['admin', 'administrator: every school, accounts, audit log'],
  ['analyst', 'analyst: names and uploads in their schools'],
  ['viewer', 'viewer: pseudonymised results of their schools'],
];
const message = (e) => (e instanceof ApiError ? e.message : String(e));

/** Role options, the given one selected. */
const roleOptions = (current) =>
  ROLES.map(([r, text]) => `<option value="${r}"${r === current ? ' selected' : ''}>${esc(text)}</option>`).join('');

/**
 * Checkboxes of the organisation's schools, in a fieldset named `legend`. A district record (its latest
 * wave names two or more schools: `unitsBySchool`) also gets a choice of the one school of it the
 * account sees, or the whole record.
 */
function schoolChecks(schools, chosen, prefix, legend, unitsBySchool, units = {}) {
  if (schools.length === 0) return '<p class="muted small">No schools yet.</p>';
  const unitSelect = (s) => {
    const list = (unitsBySchool.get(s.id) ?? []).filter((u) => !u.districtLevel);
    if (list.length < 2) return '';
    const current = units[s.id] ?? '';
    const opts = [['', 'the whole record (every school)'], ...list.map((u) => [u.unit, `only ${u.unit} (${u.people} staff)`])]
      .map(([v, t]) => `<option value="${esc(v)}"${v === current ? ' selected' : ''}>${esc(t)}</option>`)
      .join('');
    return ` <label class="inline small" for="${prefix}-unit-${esc(s.id)}">Sees<span class="sr-only"> of ${esc(s.name)}</span> <select id="${prefix}-unit-${esc(s.id)}" data-unit-of="${esc(s.id)}">${opts}</select></label>`;
  };
  return `<fieldset class="school-checks"><legend>${esc(legend)}</legend>${schools
    .map(
      (s) =>
        `<span class="school-check"><label class="inline check" for="${prefix}-${esc(s.id)}"><input type="checkbox" id="${prefix}-${esc(s.id)}" value="${esc(s.id)}"${chosen.includes(s.id) ? ' checked' : ''}> ${esc(s.name)}</label>${unitSelect(s)}</span>`,
    )
    .join('')}</fieldset>`;
}

const checked = (box) => [...box.querySelectorAll('input[type=checkbox]:checked')].map((i) => /** @type {HTMLInputElement} */ (i).value);

/** The one-school choices of the checked district records: school id → school ({} for whole records). */
function chosenUnits(box, role) {
  if (role === 'admin') return {};
  const ids = new Set(checked(box));
  const out = {};
  for (const sel of box.querySelectorAll('select[data-unit-of]')) {
    const s = /** @type {HTMLSelectElement} */ (sel);
    if (s.value && ids.has(s.dataset.unitOf ?? '')) out[s.dataset.unitOf ?? ''] = s.value;
  }
  return out;
}

/** The one-time password, shown once: the server never gives it again. */
function passwordNotice(username, password) {
  return `<div class="ok-box" role="status" id="one-time-password"><p><strong>One-time password for ${esc(username)}:</strong> <code class="otp">${esc(password)}</code></p>
    <p class="small">Give it to them now, by a safe way: it is shown only this once. They choose their own password at first sign-in.</p></div>`;
}

/** Accounts of the organisation (admins): who has which role in which schools; create, change, reset, delete. */
export async function renderAccounts(root, { me, stale }) {
  document.title = 'Accounts · leadmap';
  if (me.role !== 'admin') {
    root.innerHTML = '<h1>Accounts</h1><div class="card">Accounts are managed by administrators.</div>';
    return;
  }
  const [{ accounts }, { schools }] = await Promise.all([get('/api/accounts'), get('/api/schools')]);
  // The schools each record's latest wave names (district records: two or more), for the one-school choice.
  const unitsBySchool = new Map(
    await Promise.all(
      schools.map(async (s) => [
        s.id,
        await get(`/api/schools/${encodeURIComponent(s.id)}/units`).then(
          (r) => r.units,
          () => [],
        ),
      ]),
    ),
  );
  if (stale()) return;
  const schoolName = new Map(schools.map((s) => [s.id, s.name]));
  const schoolsOf = (a) =>
    a.role === 'admin'
      ? '<span class="muted">all schools</span>'
      : a.schoolIds.length
        ? esc(
            a.schoolIds
              .map((id) => (a.units?.[id] ? `${a.units[id]} (${schoolName.get(id) ?? id})` : (schoolName.get(id) ?? id)))
              .join(', '),
          )
        : '<span class="muted">none</span>';
  const rows = accounts
    .map((a) => {
      const id = esc(a.id);
      const self = a.id === me.id;
      return `<tr role="row" data-account="${id}"><th role="rowheader" scope="row">${esc(a.username)}${self ? ' <span class="muted small">(you)</span>' : ''}${a.mustChangePassword ? ' <span class="badge warn" title="Still on a one-time password">new password pending</span>' : ''}</th>
        <td role="cell" data-label="Role">${esc(a.role)}</td><td role="cell" data-label="Schools">${schoolsOf(a)}</td>
        <td role="cell" class="actions"><div class="actions">${
          self
            ? '<span class="muted small">—</span>'
            : `<button type="button" class="secondary small-button" data-edit="${id}" aria-expanded="false" aria-controls="edit-${id}">Change <span class="sr-only">${esc(a.username)}</span></button>
          <button type="button" class="secondary small-button" data-reset="${id}">Reset password <span class="sr-only">of ${esc(a.username)}</span></button>
          <button type="button" class="danger small-button" data-remove="${id}">Delete <span class="sr-only">${esc(a.username)}</span></button>`
        }</div></td></tr>
        ${
          self
            ? ''
            : `<tr role="row" class="edit-row" id="edit-${id}" hidden><td role="cell" colspan="4"><form class="inline-form" data-save="${id}" novalidate>
          <label class="inline" for="role-${id}">Role of ${esc(a.username)} <select id="role-${id}">${roleOptions(a.role)}</select></label>
          ${schoolChecks(schools, a.schoolIds, `sch-${id}`, `Schools of ${a.username}`, unitsBySchool, a.units)}
          <button type="submit">Save changes</button> <p class="error" role="alert"></p></form></td></tr>`
        }`;
    })
    .join('');
  root.innerHTML = `<h1>Accounts</h1>
    <p class="muted">Administrators see every school; analysts see names and upload data in their schools; viewers see pseudonymised results of theirs.</p>
    <div class="admin-bar"><button type="button" id="new-account-toggle" aria-expanded="false" aria-controls="new-account">New account</button></div>
    <form id="new-account" class="card admin-form" hidden novalidate>
      <h2>New account</h2>
      <p><label for="new-username">User name</label><input id="new-username" type="text" maxlength="64" autocomplete="off" required></p>
      <p><label for="new-role">Role</label><select id="new-role">${roleOptions('analyst')}</select></p>
      ${schoolChecks(schools, [], 'new-sch', 'Schools', unitsBySchool)}
      <p class="small muted">A one-time password is made for the account and shown once; they choose their own at first sign-in.</p>
      <p><button type="submit">Create account</button> <button type="button" class="secondary" data-cancel>Cancel</button></p>
      <p class="error" id="new-account-error" role="alert"></p>
    </form>
    <div id="account-notice" aria-live="polite"></div>
    <div class="card"><table id="accounts" class="stack" role="table"><caption class="sr-only">Accounts</caption>
    <thead role="rowgroup"><tr role="row"><th role="columnheader" scope="col">User name</th><th role="columnheader" scope="col">Role</th><th role="columnheader" scope="col">Schools</th><th role="columnheader" scope="col">Actions</th></tr></thead>
    <tbody role="rowgroup">${rows}</tbody></table></div>`;
  const notice = root.querySelector('#account-notice');
  const again = async (html = '') => {
    await renderAccounts(root, { me, stale });
    root.querySelector('#account-notice').innerHTML = html;
  };
  const toggle = root.querySelector('#new-account-toggle');
  const form = root.querySelector('#new-account');
  const open = (yes) => {
    form.hidden = !yes;
    toggle.setAttribute('aria-expanded', String(yes));
    if (yes) form.querySelector('#new-username').focus();
  };
  toggle.addEventListener('click', () => open(form.hidden));
  form.querySelector('[data-cancel]').addEventListener('click', () => open(false));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const err = form.querySelector('#new-account-error');
    err.textContent = '';
    const username = form.querySelector('#new-username').value.trim();
    if (!username) {
      err.textContent = 'Give the account a user name.';
      return;
    }
    try {
      const role = form.querySelector('#new-role').value;
      const r = await post('/api/accounts', { username, role, schoolIds: checked(form), units: chosenUnits(form, role) });
      await again(passwordNotice(r.account.username, r.oneTimePassword));
    } catch (e) {
      err.textContent = message(e);
    }
  });
  for (const b of root.querySelectorAll('button[data-edit]')) {
    b.addEventListener('click', () => {
      const row = root.querySelector(`#edit-${CSS.escape(b.dataset.edit)}`);
      row.hidden = !row.hidden;
      b.setAttribute('aria-expanded', String(!row.hidden));
      if (!row.hidden) row.querySelector('select').focus();
    });
  }
  for (const f of root.querySelectorAll('form[data-save]')) {
    f.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      try {
        const role = f.querySelector('select').value;
        const r = await api('PATCH', `/api/accounts/${encodeURIComponent(f.dataset.save)}`, {
          role,
          schoolIds: checked(f),
          units: chosenUnits(f, role),
        });
        await again(
          `<p class="ok-box" role="status">Saved: ${esc(r.account.username)} is now ${esc(r.account.role)}. Their sessions were ended.</p>`,
        );
      } catch (e) {
        f.querySelector('.error').textContent = message(e);
      }
    });
  }
  const name = (id) => accounts.find((a) => a.id === id)?.username ?? id;
  for (const b of root.querySelectorAll('button[data-reset]')) {
    b.addEventListener('click', async () => {
      try {
        const r = await api('PATCH', `/api/accounts/${encodeURIComponent(b.dataset.reset)}`, { resetPassword: true });
        await again(passwordNotice(r.account.username, r.oneTimePassword));
      } catch (e) {
        notice.innerHTML = `<p class="error" role="alert">${esc(message(e))}</p>`;
      }
    });
  }
  for (const b of root.querySelectorAll('button[data-remove]')) {
    b.addEventListener('click', async () => {
      const id = b.dataset.remove;
      // Two steps: the first click asks, the second deletes.
      if (b.dataset.armed !== '1') {
        b.dataset.armed = '1';
        b.innerHTML = `Confirm: delete ${esc(name(id))}`;
        b.focus();
        return;
      }
      try {
        await del(`/api/accounts/${encodeURIComponent(id)}`);
        await again(`<p class="ok-box" role="status">Deleted the account ${esc(name(id))}.</p>`);
      } catch (e) {
        notice.innerHTML = `<p class="error" role="alert">${esc(message(e))}</p>`;
      }
    });
  }
}
