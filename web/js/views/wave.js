import { esc, fmt, get } from '../api.js';
import { drawNetwork } from './network.js';

/** One wave: indicators, network, who leads what, departments and people. */
export async function renderWave(root, waveId, me, sel = {}) {
  const q = new URLSearchParams(Object.entries(sel).filter(([, v]) => v)).toString();
  const [{ wave, school }, { analysis: a }] = await Promise.all([
    get(`/api/waves/${encodeURIComponent(waveId)}`),
    get(`/api/waves/${encodeURIComponent(waveId)}/analysis${q ? `?${q}` : ''}`),
  ]);
  const opt = (values, current) => values.map((v) => `<option value="${esc(v)}"${v === current ? ' selected' : ''}>${esc(v)}</option>`).join('');
  const n = a.network;
  const kpi = (k, v, title = '') => `<div class="kpi" title="${esc(title)}"><div class="v">${esc(v)}</div><div class="k">${esc(k)}</div></div>`;
  const exportQ = (extra) => `?${new URLSearchParams({ relation: a.relation, domain: a.domain, ...extra })}`;
  root.innerHTML = `
    <p><a href="#/schools">← Schools</a></p>
    <h1>${esc(school.name)} · ${esc(wave.label)} <span class="badge">${a.disclosure === 'named' ? 'named' : 'pseudonymised'}</span></h1>
    <div class="toolbar">
      <label>Relation <select id="relation">${opt(a.relations, a.relation)}</select></label>
      <label>Domain <select id="domain">${opt(['any', ...a.domains.filter((d) => d !== 'any')], a.domain)}</select></label>
      <span class="muted">Groups under ${a.minGroupSize} people are suppressed.</span>
    </div>
    <div class="grid" id="indicators">
      ${kpi('people', n.people)}${kpi('ties', n.ties)}${kpi('density', fmt(n.density, 3), 'share of possible ties present')}
      ${kpi('reciprocity', fmt(n.reciprocity, 2))}${kpi('in-degree centralization', fmt(n.inDegreeCentralization, 2), '0 = evenly spread, 1 = one hub')}
      ${kpi('transitivity', fmt(n.transitivity, 2))}${kpi('isolates', n.isolates)}${kpi('departments E-I', a.ei.value === null ? '—' : fmt(a.ei.value, 2), '−1 silos … +1 all ties cross departments')}
    </div>
    <h2>How leadership is spread</h2>
    <div class="card" id="readings"><p class="muted">Loading…</p></div>
    <h2>Network</h2>
    <svg id="network" role="img" aria-label="Network of ${esc(a.relation)} ties"></svg>
    <div class="legend" id="legend"></div>
    <h2>Who leads what</h2>
    <div class="card leaders" id="who-leads">${a.whoLeads.map((d) => `
      <div class="domain"><strong>${esc(d.domain)}</strong>
        <table><thead><tr><th>#</th><th>Person</th><th>Department</th><th class="num">Named by</th></tr></thead><tbody>
        ${d.leaders.slice(0, 5).map((l) => `<tr><td>${l.rank}</td><td>${esc(l.name)}${l.leader ? ' <span class="badge">leader</span>' : ''}</td><td>${esc(l.department)}</td><td class="num">${l.inDegree}</td></tr>`).join('') || '<tr><td colspan="4" class="muted">Nobody named.</td></tr>'}
        </tbody></table></div>`).join('')}</div>
    <h2>Departments</h2>
    <div class="card"><table id="departments"><thead><tr><th>Department</th><th class="num">Size</th><th class="num">Response rate</th><th class="num">Ties inside</th><th class="num">Ties out</th><th class="num">E-I</th></tr></thead><tbody>
      ${a.departments.map((d) => d.suppressed
        ? `<tr><td>${esc(d.group)}</td><td colspan="5" class="suppressed">suppressed: fewer than ${a.minGroupSize} people (or needed to protect one that is)</td></tr>`
        : `<tr><td>${esc(d.group)}</td><td class="num">${d.size}</td><td class="num">${d.responseRate === null ? '—' : `${Math.round(d.responseRate * 100)} %`}</td><td class="num">${d.internal}</td><td class="num">${d.external}</td><td class="num">${fmt(d.ei)}</td></tr>`).join('')}
    </tbody></table></div>
    <h2>People</h2>
    <div class="card"><table id="people"><thead><tr><th>Person</th><th>Role</th><th>Department</th><th class="num">Named by</th><th class="num">Names</th><th class="num">Betweenness</th><th class="num">PageRank</th></tr></thead><tbody>
      ${[...a.people].sort((x, y) => y.inDegree - x.inDegree).slice(0, 25).map((p) => `<tr><td>${esc(p.name)}</td><td>${esc(p.role)}</td><td>${esc(p.department)}</td><td class="num">${p.inDegree}</td><td class="num">${p.outDegree}</td><td class="num">${fmt(p.betweenness, 3)}</td><td class="num">${fmt(p.pageRank, 3)}</td></tr>`).join('')}
    </tbody></table><p class="muted">Top 25 by number of colleagues who name them.</p></div>
    <h2>Exports</h2>
    <div class="card toolbar">
      <a href="/api/waves/${esc(waveId)}/export/metrics.csv${exportQ({})}">Metrics CSV</a>
      <a href="/api/waves/${esc(waveId)}/export/metrics.csv${exportQ({ anonymised: '1' })}">Metrics CSV (anonymised)</a>
      <a href="/api/waves/${esc(waveId)}/export/departments.csv${exportQ({})}">Departments CSV</a>
      <a href="/api/waves/${esc(waveId)}/export/graph.graphml${exportQ({})}">GraphML</a>
      <a href="/api/waves/${esc(waveId)}/export/graph.gexf${exportQ({})}">GEXF (Gephi)</a>
    </div>`;
  const rerender = () => renderWave(root, waveId, me, { relation: root.querySelector('#relation').value, domain: root.querySelector('#domain').value });
  root.querySelector('#relation').addEventListener('change', rerender);
  root.querySelector('#domain').addEventListener('change', rerender);
  get(`/api/waves/${encodeURIComponent(waveId)}/leadership?${new URLSearchParams({ relation: a.relation })}`).then(({ leadership: l }) => {
    const fi = new Map(l.formalInformal.byDomain.map((f) => [f.domain, f]));
    root.querySelector('#readings').innerHTML = `<table><thead><tr><th>Domain</th><th>Reading</th><th class="num">Leaders</th><th class="num">Hidden leaders</th><th>Gini</th></tr></thead><tbody>${
      l.distribution.byDomain.map((d) => `<tr><td>${esc(d.label)}</td><td>${esc(d.reading ?? '')}</td><td class="num">${d.leaders}</td><td class="num">${fi.get(d.domain)?.hiddenLeaders.length ?? '—'}</td><td class="num">${fmt(d.gini.value)}</td></tr>`).join('')
    }</tbody></table>`;
  }).catch((e) => { root.querySelector('#readings').innerHTML = `<p class="error">${esc(e.message)}</p>`; });
  const graph = await get(`/api/waves/${encodeURIComponent(waveId)}/graph?${new URLSearchParams({ relation: a.relation, domain: a.domain })}`);
  drawNetwork(root.querySelector('#network'), root.querySelector('#legend'), graph);
}
