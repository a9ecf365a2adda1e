// @ts-check
import { esc, fmt, pct } from '../api.js';
import { empty, suppressedCell, suppressionNote } from '../ui.js';

/** A diverging bar for an E-I value in [−1, 1] (SVG attributes only: CSP forbids inline styles). */
function eiBar(v) {
  if (v === null || v === undefined) return '';
  const w = 120,
    mid = w / 2,
    x = v < 0 ? mid + v * mid : mid,
    len = Math.abs(v) * mid;
  return `<svg class="eibar" width="${w}" height="12" viewBox="0 0 ${w} 12" aria-hidden="true"><rect x="0" y="5" width="${w}" height="2" class="axis"/><rect x="${x.toFixed(1)}" y="1" width="${Math.max(1, len).toFixed(1)}" height="10" class="${v < 0 ? 'in' : 'out'}"/><rect x="${mid - 0.5}" y="0" width="1" height="12" class="mid"/></svg>`;
}

function eiWords(v) {
  if (v === null || v === undefined) return '';
  if (v <= -0.5) return 'silo: advice stays inside';
  if (v < 0) return 'mostly inward';
  if (v < 0.5) return 'mostly outward';
  return 'open: advice crosses departments';
}

export function silosSection(a) {
  const min = a.minGroupSize;
  const rows = [...a.departments].sort((x, y) => x.suppressed - y.suppressed || (x.ei ?? 2) - (y.ei ?? 2));
  const anySuppressed = rows.some((d) => d.suppressed);
  return `<section id="silos" aria-labelledby="h-silos"><h2 id="h-silos" tabindex="-1">Silos: do departments talk to each other?</h2>
    <div class="card">
    <p class="lead-in">The E-I index counts ties leaving a department against ties staying inside it: −1 = a silo, +1 = all advice crosses departments. Sorted from most inward.</p>
    <div class="scroll"><table id="departments"><caption class="sr-only">Departments: size, response rate, ties inside and out, E-I index</caption>
    <thead><tr><th scope="col">Department</th><th scope="col" class="num">Size</th><th scope="col" class="num">Response rate</th><th scope="col" class="num">Ties inside</th><th scope="col" class="num">Ties out</th><th scope="col" class="num">E-I</th><th scope="col">Reading</th></tr></thead><tbody>
    ${rows
      .map((d) =>
        d.suppressed
          ? `<tr class="suppressed-row"><th scope="row">${esc(d.group)}</th>${suppressedCell(min)}${suppressedCell(min)}${suppressedCell(min)}${suppressedCell(min)}${suppressedCell(min)}<td class="muted small">fewer than ${min} people</td></tr>`
          : `<tr${d.ei !== null && d.ei <= -0.5 ? ' class="silo"' : ''}><th scope="row">${esc(d.group)}</th><td class="num">${d.size}</td><td class="num">${pct(d.responseRate)}</td><td class="num">${d.internal}</td><td class="num">${d.external}</td><td class="num ei">${fmt(d.ei)} ${eiBar(d.ei)}</td><td>${esc(eiWords(d.ei))}</td></tr>`,
      )
      .join('')}
    </tbody></table></div>
    ${anySuppressed ? suppressionNote(min) : ''}
    </div></section>`;
}

const ROLES = [
  ['liaison', 'Liaison', 'links two other departments'],
  ['gatekeeper', 'Gatekeeper', 'brings outside advice into their department'],
  ['representative', 'Representative', "carries their department's advice out"],
  ['coordinator', 'Coordinator', 'links colleagues within their own department'],
  ['itinerant', 'Itinerant', 'links two colleagues of one other department'],
];

export function brokersSection(l) {
  const b = l.brokerage;
  const top = [...(b?.people ?? [])]
    .filter((p) => p.total > 0)
    .sort((x, y) => y.total - x.total)
    .slice(0, 10);
  const body =
    top.length === 0
      ? empty('Nobody brokers between departments in this relation.')
      : `
    <div class="scroll"><table id="brokers-table"><caption class="sr-only">Top brokers and their brokerage roles</caption>
    <thead><tr><th scope="col">Person</th><th scope="col">Department</th><th scope="col" class="num">Brokerage</th>${ROLES.map(([, t, x]) => `<th scope="col" class="num" title="${esc(x)}">${esc(t)}</th>`).join('')}<th scope="col" class="num" title="Burt's constraint: low = many contacts who do not know each other">Constraint</th></tr></thead><tbody>
    ${top.map((p) => `<tr><th scope="row">${esc(p.name)}</th><td>${esc(p.group)}</td><td class="num"><b>${p.total}</b></td>${ROLES.map(([k]) => `<td class="num">${p[k]}</td>`).join('')}<td class="num">${fmt(p.constraint)}</td></tr>`).join('')}
    </tbody></table></div>`;
  return `<section id="brokers" aria-labelledby="h-brokers"><h2 id="h-brokers" tabindex="-1">Brokers: who connects the departments</h2>
    <div class="card"><p class="lead-in">Brokers sit on the paths between colleagues who do not talk directly (Gould–Fernandez roles over ${esc(b?.groupBy ?? 'department')}s, all domains). They spread ideas — and are a bottleneck if overloaded.</p>
    ${body}
    <dl class="roles">${ROLES.map(([, t, x]) => `<dt>${esc(t)}</dt><dd>${esc(x)}</dd>`).join('')}</dl></div></section>`;
}
