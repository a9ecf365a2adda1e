// @ts-check
import { esc, pct } from '../api.js';

/** Data quality of the wave and the downloads. */
export function exportsSection(a, wave, l) {
  const base = `/api/waves/${encodeURIComponent(wave.id)}/export`;
  const q = (extra) => `?${new URLSearchParams({ relation: a.relation, domain: a.domain, ...extra })}`;
  const named = a.disclosure === 'named';
  const link = (file, text, extra = {}) =>
    `<a class="button secondary" href="${esc(`${base}/${file}${q(extra)}`)}" download>${esc(text)}</a>`;
  return `<section id="exports" aria-labelledby="h-exports"><h2 id="h-exports" tabindex="-1">Data and exports</h2>
    <div class="card">
    <p class="lead-in">Small groups are suppressed in every file${named ? '' : ', and every file is pseudonymised'}.</p>
    <h3>Annual report (PDF)</h3>
    <p class="muted small">The distributed-leadership evaluation of this wave, compared with the previous one. It takes a few seconds to build.</p>
    <div class="toolbar">
      ${named ? `<a class="button" href="${esc(`/api/waves/${encodeURIComponent(wave.id)}/report.pdf?edition=named`)}" download>Report, named (PDF)</a>` : ''}
      <a class="button${named ? ' secondary' : ''}" href="${esc(`/api/waves/${encodeURIComponent(wave.id)}/report.pdf?edition=anonymised`)}" download>Report${named ? ', anonymised' : ''} (PDF)</a>
    </div>
    <h3>Data files <span class="muted small">for the relation and domain selected above</span></h3>
    <div class="toolbar">
      ${named ? link('metrics.csv', 'People (CSV)') : ''}${link('metrics.csv', named ? 'People, pseudonymised (CSV)' : 'People (CSV)', { anonymised: '1' })}
      ${link('departments.csv', 'Departments (CSV)')}${link('graph.graphml', 'GraphML')}${link('graph.gexf', 'GEXF for Gephi')}
    </div>
    <h3>Data quality</h3>${qualityList(l)}
    ${a.notes?.length ? `<h3>Notes on the measures</h3><ul>${a.notes.map((n) => `<li>${esc(n.message ?? n.text ?? JSON.stringify(n))}</li>`).join('')}</ul>` : ''}
    </div></section>`;
}

export function qualityList(l) {
  const q = l.quality;
  return `<ul class="facts"><li>Roster: <b>${q.rosterSize}</b> people; <b>${q.respondents ?? '—'}</b> answered (${pct(q.responseRate)}).</li>
    <li>Ties: ${q.ties.ties}; ${q.ties.confirmed} confirmed by both people; ${q.ties.toNonRespondents} point to colleagues who did not answer.</li>
    ${q.warnings.map((w) => `<li class="warn">${esc(w.message)}</li>`).join('')}</ul>`;
}
