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

/** Raw indicator values of one wave (for the cards and for the change since the previous wave). */
function values(a, l) {
  const { dist, fi } = domainRows(a, l);
  return {
    people: a.network.people,
    ties: a.network.ties,
    density: a.network.density,
    reciprocity: a.network.reciprocity,
    centralization: a.network.inDegreeCentralization,
    response: l.quality.responseRate,
    gini: dist?.gini?.value ?? null,
    leaders: dist?.leaders ?? null,
    hidden: fi ? fi.hiddenLeaders.length : null,
    ei: a.ei.value,
  };
}
/** Which direction means more widely distributed leadership (for colouring the change). */
const GOOD = { centralization: -1, gini: -1, leaders: 1, hidden: 1, ei: 1 };
const PERCENT = new Set(['density', 'reciprocity', 'response']);

function change(id, now, before, label) {
  if (typeof now !== 'number' || typeof before !== 'number') return null;
  const d = now - before;
  const tiny = PERCENT.has(id) ? Math.abs(d) < 0.005 : Number.isInteger(now) ? d === 0 : Math.abs(d) < 0.005;
  const text = tiny
    ? `same as ${label}`
    : `${d > 0 ? '+' : '−'}${PERCENT.has(id) ? `${Math.abs(d * 100).toFixed(Math.abs(d) < 0.1 ? 1 : 0)} pts` : Number.isInteger(d) ? Math.abs(d) : Math.abs(d).toFixed(2)} since ${label}`;
  const tone = tiny || !GOOD[id] ? 'flat' : d * GOOD[id] > 0 ? 'better' : 'worse';
  return {
    text,
    tone,
    arrow: tiny ? '=' : d > 0 ? '▲' : '▼',
    title:
      tone === 'better'
        ? 'more distributed than the previous wave'
        : tone === 'worse'
          ? 'less distributed than the previous wave'
          : `previous wave: ${label}`,
  };
}

/** prev: { label, a, l } of the previous wave with data (same relation and domain), or null. */
export function indicatorsSection(a, l, prev = null) {
  const n = a.network;
  const { dist, fi, leaders } = domainRows(a, l);
  const q = l.quality;
  const rule = leaders?.rule;
  const now = values(a, l);
  const before = prev ? values(prev.a, prev.l) : {};
  const c = (id) => (prev ? change(id, now[id], before[id], prev.label) : null);
  const cards = [
    kpi('people', 'people', n.people, "Staff on this wave's roster.", '', c('people')),
    kpi('ties', 'ties', n.ties, `Times a colleague named another for ${a.relation} (${domainText(a)}).`, '', c('ties')),
    kpi('density', 'density', pct(n.density), 'Share of all possible pairs that are connected.', '', c('density')),
    kpi(
      'reciprocity',
      'reciprocity',
      pct(n.reciprocity),
      'Share of ties that go both ways: colleagues who name each other.',
      '',
      c('reciprocity'),
    ),
    kpi(
      'centralization',
      'centralization',
      fmt(n.inDegreeCentralization),
      '0 = everyone sought out equally; 1 = all go to one person.',
      '',
      c('centralization'),
    ),
    kpi(
      'response',
      'response rate',
      pct(q.responseRate),
      `${q.respondents ?? '—'} of ${q.rosterSize} staff answered the survey.`,
      q.responseRate !== null && q.responseRate < 0.7 ? 'warn' : '',
      c('response'),
    ),
    kpi(
      'gini',
      'Gini of nominations',
      fmt(dist?.gini?.value),
      '0 = nominations spread evenly; 1 = one person receives them all.',
      '',
      c('gini'),
    ),
    kpi(
      'leaders',
      'leaders',
      dist?.leaders ?? '—',
      rule
        ? `Named by ${Math.max(rule.minNominations, Math.floor(rule.threshold) + 1)}+ colleagues, well above the average of ${fmt(rule.mean, 1)}.`
        : 'People sought out well above the average.',
      '',
      c('leaders'),
    ),
    kpi(
      'hidden',
      'hidden leaders',
      fi ? fi.hiddenLeaders.length : '—',
      'Leaders colleagues seek out who hold no formal leadership role.',
      fi?.hiddenLeaders.length ? 'good' : '',
      c('hidden'),
    ),
    kpi(
      'ei',
      'silo index (E-I)',
      a.ei.value === null ? '—' : sign(a.ei.value),
      '−1 = advice stays inside departments; +1 = it all crosses them.',
      '',
      c('ei'),
    ),
  ];
  return `<section id="indicators" aria-labelledby="h-indicators"><h2 id="h-indicators" tabindex="-1">Key indicators <span class="muted small">${esc(a.relation)} · ${esc(domainText(a))}</span></h2>
    <div class="grid">${cards.join('')}</div>
    ${prev ? `<p class="note">Changes compared with ${esc(prev.label)}: <span class="better">green</span> = leadership more distributed, <span class="worse">red</span> = less. <a href="#/school/${esc(prev.schoolId)}">All waves of this school</a>.</p>` : ''}</section>`;
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
