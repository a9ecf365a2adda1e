// @ts-check
import { ApiError, api, del, esc, post } from '../api.js';
import { clearCache } from '../data.js';

/** A slug (the school's short name in URLs and exports) from its display name. */
export function slugOf(name) {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);
  return s || 'school';
}

const message = (e) => (e instanceof ApiError ? e.message : String(e));

/** The "New school" button and its form (admins). */
export function newSchoolHtml() {
  return `<div class="admin-bar"><button type="button" id="new-school-toggle" aria-expanded="false" aria-controls="new-school">New school</button></div>
    <form id="new-school" class="card inline-form admin-form" hidden novalidate>
      <label for="school-name">School name</label><input id="school-name" type="text" maxlength="120" required autocomplete="off">
      <button type="submit">Create school</button> <button type="button" class="secondary" data-cancel>Cancel</button>
      <p class="error" id="new-school-error" role="alert"></p>
    </form>`;
}

/** Rename and delete of one school, folded away under "Manage" (admins). */
export function schoolAdminHtml(s) {
  const id = esc(s.id);
  return `<details class="manage"><summary>Manage <span class="sr-only">${esc(s.name)}</span></summary>
    <form class="inline-form" data-rename="${id}" novalidate>
      <label for="rename-${id}">New name</label><input id="rename-${id}" type="text" maxlength="120" value="${esc(s.name)}" required autocomplete="off">
      <button type="submit" class="secondary">Rename school</button>
      <p class="error" role="alert"></p>
    </form>
    <form class="inline-form danger-zone" data-delete="${id}" data-name="${esc(s.name)}" novalidate>
      <p class="small">Deleting removes the school, its waves and every stored file. It cannot be undone.</p>
      <label for="confirm-${id}">Type <strong>${esc(s.name)}</strong> to confirm</label><input id="confirm-${id}" type="text" autocomplete="off">
      <button type="submit" class="danger">Delete school</button>
      <p class="error" role="alert"></p>
    </form></details>`;
}

/** Wires the new-school form and every school's rename and delete; `done` re-renders the page. */
export function wireSchoolAdmin(root, done) {
  const toggle = root.querySelector('#new-school-toggle');
  const form = root.querySelector('#new-school');
  if (toggle && form) {
    const open = (yes) => {
      form.hidden = !yes;
      toggle.setAttribute('aria-expanded', String(yes));
      if (yes) form.querySelector('#school-name').focus();
    };
    toggle.addEventListener('click', () => open(form.hidden));
    form.querySelector('[data-cancel]').addEventListener('click', () => open(false));
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const err = form.querySelector('#new-school-error');
      err.textContent = '';
      const name = form.querySelector('#school-name').value.trim();
      if (!name) {
        err.textContent = 'Give the school a name.';
        return;
      }
      const base = slugOf(name);
      // The slug must be unique in the organisation: a second "North High" becomes north-high-2.
      for (let n = 1; n <= 20; n++) {
        try {
          const { school } = await post('/api/schools', { name, slug: n === 1 ? base : `${base}-${n}` });
          clearCache();
          location.hash = `#/school/${encodeURIComponent(school.id)}`;
          return;
        } catch (e) {
          if (!(e instanceof ApiError && e.code === 'CONFLICT')) {
            err.textContent = message(e);
            return;
          }
        }
      }
      err.textContent = 'There are already many schools of that name; choose another.';
    });
  }
  for (const f of root.querySelectorAll('form[data-rename]')) {
    f.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const err = f.querySelector('.error');
      err.textContent = '';
      const name = f.querySelector('input').value.trim();
      if (!name) {
        err.textContent = 'Give the school a name.';
        return;
      }
      try {
        await api('PATCH', `/api/schools/${encodeURIComponent(f.dataset.rename)}`, { name });
        clearCache();
        await done();
      } catch (e) {
        err.textContent = message(e);
      }
    });
  }
  for (const f of root.querySelectorAll('form[data-delete]')) {
    f.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const err = f.querySelector('.error');
      err.textContent = '';
      if (f.querySelector('input').value.trim() !== f.dataset.name) {
        err.textContent = `Type the school's name exactly (${f.dataset.name}) to delete it.`;
        return;
      }
      try {
        await del(`/api/schools/${encodeURIComponent(f.dataset.delete)}`);
        clearCache();
        await done();
      } catch (e) {
        err.textContent = message(e);
      }
    });
  }
}
