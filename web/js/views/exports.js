import { esc, pct } from '../api.js';

/** Data quality of the wave and the downloads. */
export function exportsSection(a, wave, l) {
  const base = `/api/waves/${encodeURIComponent(wave.id)}/export`;
  const q = (extra) => `?${new URLSearchParams({ relation: a.relation, domain: a.domain, ...extra })}`;
  const named = a.disclosure === 'named';
  const link = (file, text, extra = {}) => `<a class="button secondary" href="${esc(`${base}/${file}${q(extra)}`)}" download>${esc(text)}</a>`;
  return `<section id="exports" aria-labelledby="h-exports"><h2 id="h-exports" tabindex="-1">Data and exports</h2>
    <div class="card">
    <p class="lead-in">Downloads follow the relation and domain selected above${named ? '' : ' and are pseudonymised'}; small groups are suppressed in every file.</p>
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
