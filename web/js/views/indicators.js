import { esc, fmt, pct } from '../api.js';
import { kpi } from '../ui.js';

/** The leadership-analytics rows of the selected domain ('any' = all domains pooled). */
export function domainRows(a, l) {
  const pick = (list) => list.find((x) => x.domain === a.domain) ?? list.find((x) => x.domain === 'any');
  return {
    dist: pick(l.distribution.byDomain),
    fi: pick(l.formalInformal.byDomain),
    leaders: pick(l.leaders.byDomain),
    risk: pick(l.risk.byDomain),
  };
}

const domainText = (a) => (a.domain === 'any' ? 'all domains' : a.domain);
const sign = (v) => (v > 0 ? `+${fmt(v)}` : fmt(v));

export function indicatorsSection(a, l) {
  const n = a.network;
  const { dist, fi, leaders } = domainRows(a, l);
  const q = l.quality;
  const rule = leaders?.rule;
  const cards = [
    kpi('people', 'people', n.people, 'Staff on this wave\'s roster.'),
    kpi('ties', 'ties', n.ties, `Times a colleague named another for ${a.relation} (${domainText(a)}).`),
    kpi('density', 'density', pct(n.density), 'Share of all possible pairs that are connected.'),
    kpi('reciprocity', 'reciprocity', pct(n.reciprocity), 'Share of ties that go both ways: colleagues who name each other.'),
    kpi('centralization', 'centralization', fmt(n.inDegreeCentralization), '0 = everyone sought out equally; 1 = all go to one person.'),
    kpi('response', 'response rate', pct(q.responseRate), `${q.respondents ?? '—'} of ${q.rosterSize} staff answered the survey.`, q.responseRate !== null && q.responseRate < 0.7 ? 'warn' : ''),
    kpi('gini', 'Gini of nominations', fmt(dist?.gini?.value), '0 = nominations spread evenly; 1 = one person receives them all.'),
    kpi('leaders', 'leaders', dist?.leaders ?? '—', rule ? `Named by ${Math.max(rule.minNominations, Math.floor(rule.threshold) + 1)}+ colleagues, well above the average of ${fmt(rule.mean, 1)}.` : 'People sought out well above the average.'),
    kpi('hidden', 'hidden leaders', fi ? fi.hiddenLeaders.length : '—', 'Leaders colleagues seek out who hold no formal leadership role.', fi?.hiddenLeaders.length ? 'good' : ''),
    kpi('ei', 'silo index (E-I)', a.ei.value === null ? '—' : sign(a.ei.value), '−1 = advice stays inside departments; +1 = it all crosses them.'),
  ];
  return `<section id="indicators" aria-labelledby="h-indicators"><h2 id="h-indicators" tabindex="-1">Key indicators <span class="muted small">${esc(a.relation)} · ${esc(domainText(a))}</span></h2>
    <div class="grid">${cards.join('')}</div></section>`;
}

export function readingsSection(a, l) {
  const fi = new Map(l.formalInformal.byDomain.map((f) => [f.domain, f]));
  const rows = [...l.distribution.byDomain].sort((x, y) => (x.domain === 'any') - (y.domain === 'any'));
  return `<section id="readings" aria-labelledby="h-readings"><h2 id="h-readings" tabindex="-1">How leadership is spread</h2>
    <div class="card scroll"><table><caption class="sr-only">Spread of leadership per domain</caption>
    <thead><tr><th scope="col">Domain</th><th scope="col">In plain words</th><th scope="col" class="num">Leaders</th><th scope="col" class="num">Hidden leaders</th><th scope="col" class="num">Gini</th><th scope="col" class="num">Centralization</th><th scope="col">Level</th></tr></thead><tbody>
    ${rows.map((d) => `<tr${d.domain === a.domain ? ' class="current"' : ''}><th scope="row">${esc(d.domain === 'any' ? 'all domains' : d.domain)}</th><td>${esc(d.reading ?? '')}</td><td class="num">${d.leaders}</td><td class="num">${fi.get(d.domain)?.hiddenLeaders.length ?? '—'}</td><td class="num">${fmt(d.gini?.value)}</td><td class="num">${fmt(d.centralization?.value)}</td><td><span class="level ${esc(d.profile?.level ?? '')}">${esc(d.profile?.level ?? '—')}</span></td></tr>`).join('')}
    </tbody></table>
    <p class="note">Level: how distributed leadership is, from density, reciprocity, centralization and the number of central members (docs/metrics.md).</p></div></section>`;
}
