// @ts-check
import { esc, fmt } from '../api.js';
import * as data from '../data.js';
import { empty, schoolTitle, scopeNote, statusBadge } from '../ui.js';
import { changeSection } from './change.js';
import { newWaveHtml, wireNewWave } from './admin-waves.js';

/** One school: its waves, a new-wave form (analysts), and what changed between waves with its intervals (the PDF's change page). */
export async function renderSchool(root, { schoolId, me, stale }) {
  const [{ school }, waves] = await Promise.all([data.schoolInfo(schoolId), data.schoolWaves(schoolId)]);
  if (stale()) return;
  const title = schoolTitle(school);
  document.title = `${title} · leadmap`;
  // Uploads and new waves are for accounts of the whole record (an account seeing one school of a district record reads only).
  const writer = me.role !== 'viewer' && !school.unit;
  root.innerHTML = `<nav class="crumbs" aria-label="Breadcrumb"><a href="#/schools">Schools</a> › <span aria-current="page">${esc(title)}</span></nav>
    <h1>${esc(title)}</h1>${scopeNote(school)}
    <section aria-labelledby="h-waves"><h2 id="h-waves">Waves</h2><div class="card">
    ${
      waves.length === 0
        ? empty('No waves yet.')
        : `<div class="scroll"><table id="waves"><caption class="sr-only">Waves of ${esc(title)}</caption><thead><tr><th scope="col">Wave</th><th scope="col">Collected</th><th scope="col">Status</th><th scope="col" class="num">People</th><th scope="col" class="num"><abbr title="Rows of the tie list: one per colleague named, per relation and domain. The indicators count ties: pairs of colleagues in one relation, all domains together.">Nominations</abbr></th>${writer ? '<th scope="col">Data</th>' : ''}</tr></thead><tbody>
    ${waves.map((w) => `<tr><th scope="row">${w.status !== 'empty' ? `<a href="#/wave/${esc(w.id)}">${esc(w.label)}</a>` : esc(w.label)}</th><td>${esc(w.collectedOn ?? '—')}</td><td>${statusBadge(w)}</td><td class="num">${fmt(w.people)}</td><td class="num">${fmt(w.ties)}</td>${writer ? `<td><a href="#/wave/${esc(w.id)}/data">${w.status !== 'empty' ? 'uploads &amp; review' : 'upload files'}</a></td>` : ''}</tr>`).join('')}
    </tbody></table></div>`
    }
    ${writer ? newWaveHtml() : ''}
    </div></section>
    <section id="change" aria-labelledby="h-change"><h2 id="h-change">What changed, and whether it is real</h2><div class="card" id="change-body"><p class="muted">A comparison needs two waves with data.</p></div></section>`;
  wireNewWave(root, schoolId);
  const ready = waves.filter((w) => w.status !== 'empty');
  if (ready.length >= 2) void changeSection(root.querySelector('#change-body'), schoolId, ready, stale);
}
