// @ts-check
import { esc, fmt, get } from '../api.js';
import { schoolWaves } from '../data.js';
import { schoolTitle, statusBadge } from '../ui.js';
import { newSchoolHtml, schoolAdminHtml, wireSchoolAdmin } from './admin-schools.js';

/** Schools the account may see, each with its waves. */
export async function renderSchools(root, me) {
  const { schools } = await get('/api/schools');
  const admin = me.role === 'admin';
  const again = () => renderSchools(root, me);
  if (schools.length === 0) {
    root.innerHTML = `<h1>Schools</h1>${admin ? newSchoolHtml() : ''}<div class="card empty">No schools yet.${admin ? ' Create one with “New school”.' : ' Ask an administrator to give you access to a school.'}</div>`;
    wireSchoolAdmin(root, again);
    return;
  }
  const cards = await Promise.all(
    schools.map(async (s) => {
      const waves = await schoolWaves(s.id);
      const ready = waves.filter((w) => w.status !== 'empty');
      const rows = waves
        .map(
          (w) => `<tr>
        <th scope="row">${w.status !== 'empty' ? `<a href="#/wave/${esc(w.id)}">${esc(w.label)}</a>` : esc(w.label)}</th>
        <td>${statusBadge(w)}</td><td class="num">${fmt(w.people)}</td><td class="num">${fmt(w.ties)}</td></tr>`,
        )
        .join('');
      return `<section class="card school" data-school="${esc(s.slug)}" aria-labelledby="s-${esc(s.id)}"><h2 id="s-${esc(s.id)}"><a href="#/school/${esc(s.id)}">${esc(schoolTitle(s))}</a></h2>
      <p class="muted small">${s.demo ? '<span class="badge demo" title="A fictional example school loaded at the first start">demo</span> ' : ''}${waves.length} wave${waves.length === 1 ? '' : 's'}${ready.length > 1 ? ` · <a href="#/school/${esc(s.id)}">how it changed, ${esc(ready[0].label)} → ${esc(ready.at(-1).label)}</a>` : ''}</p>
      <table><caption class="sr-only">Waves of ${esc(schoolTitle(s))}</caption><thead><tr><th scope="col">Wave</th><th scope="col">Status</th><th scope="col" class="num">People</th><th scope="col" class="num">Ties</th></tr></thead>
      <tbody>${rows || '<tr><td colspan="4" class="muted">No waves yet.</td></tr>'}</tbody></table>${admin ? schoolAdminHtml(s) : ''}</section>`;
    }),
  );
  const demo = admin && schools.some((s) => s.demo);
  root.innerHTML = `<h1>Schools</h1><p class="muted">Open a wave (a survey year) for its leadership report, or a school to see how it changed over the years.${demo ? ' Schools marked <span class="badge demo">demo</span> are fictional examples: delete them under “Manage” when you no longer need them.' : ''}</p>${admin ? newSchoolHtml() : ''}<div class="schools">${cards.join('')}</div>`;
  wireSchoolAdmin(root, again);
}
