// @ts-check
import { esc } from '../api.js';
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

/**
 * The change since the previous wave as the report prints it (text from the server). A direction (arrow
 * and colour) only when the comparison calls it "up" or "down" — its 95 % interval excludes no change;
 * otherwise the difference is shown with its verdict ("no clear change", "no interval") and no direction.
 */
function change(r, prevLabel) {
  if (!r.delta || r.delta.value === null) return null;
  const clear = r.verdict === 'up' || r.verdict === 'down';
  const tone = !clear || !r.better ? 'flat' : (r.better === 'higher') === (r.verdict === 'up') ? 'better' : 'worse';
  const interval = r.interval ? `, 95 % interval ${r.interval}` : '';
  return {
    text: `${r.delta.text} since ${prevLabel} (${r.previous?.text ?? '—'}): ${r.verdict ?? 'no interval'}${r.verdictReason ? ` (${r.verdictReason})` : ''}${interval}`,
    tone,
    arrow: clear ? (r.verdict === 'up' ? '▲' : '▼') : '',
    title:
      tone === 'better'
        ? 'more distributed than the previous wave (the interval excludes no change)'
        : tone === 'worse'
          ? 'less distributed than the previous wave (the interval excludes no change)'
          : `previous wave: ${prevLabel}; not a clear change`,
  };
}

/**
 * The key indicators exactly as the PDF report prints them: `ind` is GET /api/waves/:id/indicators
 * (values, chance, readings and changes preformatted by the server; nothing is formatted here).
 */
export function indicatorsSection(a, ind, schoolId) {
  const cards = ind.rows.map((r) => {
    const explain = [r.chance ? `Chance: ${r.chance.text}.` : '', r.reading ?? r.counted].filter(Boolean).join(' ');
    const tone = r.key === 'responseRate' && r.value.value !== null && r.value.value < 0.7 ? 'warn' : '';
    return kpi(r.key, r.label, r.value.text, explain, tone, ind.previousWave ? change(r, ind.previousWave) : null);
  });
  return `<section id="indicators" aria-labelledby="h-indicators"><h2 id="h-indicators" tabindex="-1">Key indicators <span class="muted small">${esc(a.relation)} · ${esc(domainText(a))}</span></h2>
    <div class="grid">${cards.join('')}</div>
    <p class="note">The same numbers as the PDF report. “Chance”: what the same people would give choosing colleagues at random; each index is read against it.${
      ind.previousWave
        ? ` Changes compared with ${esc(ind.previousWave)}: a direction is shown only when its 95 % interval excludes no change (the change page's verdict); <span class="better">green</span> = leadership more distributed, <span class="worse">red</span> = less. <a href="#/school/${esc(schoolId)}">All waves of this school</a>.`
        : ''
    }</p></section>`;
}

/** Spread per domain, as the report's table prints it (`ind.profiles` from the server, preformatted). */
export function readingsSection(a, ind) {
  const rows = [...ind.profiles].sort((x, y) => Number(x.key === 'any') - Number(y.key === 'any'));
  return `<section id="readings" aria-labelledby="h-readings"><h2 id="h-readings" tabindex="-1">How leadership is spread</h2>
    <div class="card scroll"><table><caption class="sr-only">Spread of leadership per domain</caption>
    <thead><tr><th scope="col">Domain</th><th scope="col">In plain words</th><th scope="col" class="num">Leaders</th><th scope="col" class="num">Hidden leaders</th><th scope="col" class="num">Gini</th><th scope="col" class="num">Centralization</th><th scope="col">Level</th></tr></thead><tbody>
    ${rows.map((d) => `<tr${d.key === a.domain ? ' class="current"' : ''}><th scope="row">${esc(d.domain)}</th><td>${esc(d.reading ?? '')}</td><td class="num">${esc(d.leaders.text)}</td><td class="num">${esc(d.hidden.text)}</td><td class="num">${esc(d.gini.text)}</td><td class="num">${esc(d.centralization.text)}</td><td><span class="level ${esc(d.level)}">${esc(d.level)}</span></td></tr>`).join('')}
    </tbody></table>
    <p class="note">Level: how distributed leadership is, from density, reciprocity, centralization and the number of central members (docs/metrics.md). For all domains together, leaders are the colleagues who lead at least one domain.</p></div></section>`;
}
