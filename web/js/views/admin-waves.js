// @ts-check
import { ApiError, del, esc, post } from '../api.js';
import * as data from '../data.js';

const message = (e) => (e instanceof ApiError ? e.message : String(e));

/** The "New wave" button and its form (analysts and admins). */
export function newWaveHtml() {
  return `<div class="admin-bar"><button type="button" id="new-wave-toggle" aria-expanded="false" aria-controls="new-wave">New wave</button></div>
    <form id="new-wave" class="inline-form admin-form" hidden novalidate>
      <label class="inline" for="wave-label">Wave label <input id="wave-label" type="text" placeholder="e.g. 2026-27" required maxlength="40" autocomplete="off"></label>
      <label class="inline" for="wave-date">Collection date <input id="wave-date" type="date"></label>
      <button type="submit">Create wave</button> <button type="button" class="secondary" data-cancel>Cancel</button>
      <p class="error" id="new-wave-error" role="alert"></p></form>`;
}

/** Creates the wave and opens its uploads page. */
export function wireNewWave(root, schoolId) {
  const toggle = root.querySelector('#new-wave-toggle');
  const form = root.querySelector('#new-wave');
  if (!toggle || !form) return;
  const open = (yes) => {
    form.hidden = !yes;
    toggle.setAttribute('aria-expanded', String(yes));
    if (yes) form.querySelector('#wave-label').focus();
  };
  toggle.addEventListener('click', () => open(form.hidden));
  form.querySelector('[data-cancel]').addEventListener('click', () => open(false));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const err = form.querySelector('#new-wave-error');
    err.textContent = '';
    const label = form.querySelector('#wave-label').value.trim();
    if (!label) {
      err.textContent = 'Give the wave a label, e.g. the school year.';
      return;
    }
    try {
      const body = { label };
      const date = form.querySelector('#wave-date').value;
      if (date) body.collectedOn = date;
      const { wave } = await post(`/api/schools/${encodeURIComponent(schoolId)}/waves`, body);
      data.forgetSchool(schoolId);
      location.hash = `#/wave/${encodeURIComponent(wave.id)}/data`;
    } catch (e) {
      err.textContent = message(e);
    }
  });
}

/** Deleting the wave: a button, then a confirmation naming what goes. */
export function deleteWaveHtml(wave) {
  return `<section aria-labelledby="h-delete-wave"><h2 id="h-delete-wave">Delete this wave</h2><div class="card danger-zone" id="delete-wave">
    <p>Deleting removes the wave ${esc(wave.label)}, its results and its stored files. It cannot be undone.</p>
    <p><button type="button" class="danger" id="delete-wave-start">Delete wave</button></p>
    <div id="delete-wave-confirm" hidden><p role="alert">Delete ${esc(wave.label)} and everything stored with it?</p>
    <button type="button" class="danger" id="delete-wave-yes">Yes, delete ${esc(wave.label)}</button> <button type="button" class="secondary" id="delete-wave-no">Keep it</button></div>
    <p class="error" id="delete-wave-error" role="alert"></p></div></section>`;
}

export function wireDeleteWave(root, wave, school) {
  const start = root.querySelector('#delete-wave-start');
  const confirm = root.querySelector('#delete-wave-confirm');
  if (!start || !confirm) return;
  start.addEventListener('click', () => {
    confirm.hidden = false;
    start.hidden = true;
    root.querySelector('#delete-wave-no').focus();
  });
  root.querySelector('#delete-wave-no').addEventListener('click', () => {
    confirm.hidden = true;
    start.hidden = false;
    start.focus();
  });
  root.querySelector('#delete-wave-yes').addEventListener('click', async () => {
    try {
      await del(`/api/waves/${encodeURIComponent(wave.id)}`);
      data.forgetWave(wave.id);
      data.forgetSchool(school.id);
      location.hash = `#/school/${encodeURIComponent(school.id)}`;
    } catch (e) {
      root.querySelector('#delete-wave-error').textContent = message(e);
    }
  });
}
