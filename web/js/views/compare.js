// @ts-check
import { esc, fmt } from '../api.js';
import { flaggedCount, suppressionNote } from '../ui.js';

const anyRow = (list) => list.find((x) => x.domain === 'any');
const percent = (v) => (v === null || v === undefined ? '—' : `${Math.round(v * 100)} %`);
const signed = (v, f) => (v === null || v === undefined ? '—' : v > 0 ? `+${f(v)}` : v < 0 ? `−${f(-v)}` : f(0));

/** Indicators compared across waves; `good`: which direction means more distributed leadership. */
const INDICATORS = [
  { id: 'people', name: 'People', get: (w) => w.a.network.people, f: String },
  { id: 'ties', name: 'Ties', get: (w) => w.a.network.ties, f: String },
  { id: 'response', name: 'Response rate', get: (w) => w.l.quality.responseRate, f: percent, dp: (v) => `${Math.round(v * 100)} pts` },
  { id: 'density', name: 'Density', get: (w) => w.a.network.density, f: percent, dp: (v) => `${(v * 100).toFixed(1)} pts` },
  { id: 'reciprocity', name: 'Reciprocity', get: (w) => w.a.network.reciprocity, f: percent, dp: (v) => `${Math.round(v * 100)} pts` },
  { id: 'centralization', name: 'Centralization', get: (w) => w.a.network.inDegreeCentralization, f: (v) => fmt(v), good: -1 },
  {
    id: 'topPerson',
    name: 'Share of nominations to the most-named person',
    get: (w) => (w.a.network.ties ? Math.max(0, ...w.a.people.map((p) => p.inDegree)) / w.a.network.ties : null),
    f: percent,
    dp: (v) => `${Math.round(v * 100)} pts`,
    good: -1,
  },
  {
    id: 'topShare',
    name: 'Share of nominations to the most-named 10 %',
    get: (w) => anyRow(w.l.distribution.byDomain)?.topShare?.value,
    f: percent,
    dp: (v) => `${Math.round(v * 100)} pts`,
    good: -1,
  },
  {
    id: 'formalShare',
    name: 'Share of nominations to formal leaders',
    get: (w) => anyRow(w.l.formalInformal.byDomain)?.formalShare,
    f: percent,
    dp: (v) => `${Math.round(v * 100)} pts`,
  },
  { id: 'gini', name: 'Gini of nominations', get: (w) => anyRow(w.l.distribution.byDomain)?.gini?.value, f: (v) => fmt(v), good: -1 },
  { id: 'leaders', name: 'Leaders (all domains)', get: (w) => anyRow(w.l.distribution.byDomain)?.leaders, f: String, good: 1 },
  {
    id: 'hidden',
    name: 'Hidden leaders',
    get: (w) => {
      const f = anyRow(w.l.formalInformal.byDomain);
      return f ? flaggedCount(w.l, f, 'hiddenLeaders') : undefined;
    },
    f: String,
    good: 1,
  },
  {
    id: 'single',
    name: 'Domains with only one leader',
    get: (w) => w.l.distribution.byDomain.filter((d) => d.domain !== 'any' && d.leaders === 1).length,
    f: String,
    good: -1,
  },
  { id: 'ei', name: 'Silo index (E-I)', get: (w) => w.a.ei.value, f: (v) => (v > 0 ? `+${fmt(v)}` : fmt(v)), dp: (v) => fmt(v), good: 1 },
  { id: 'isolates', name: 'Isolates', get: (w) => w.a.network.isolates, f: String, good: -1 },
];

/** A tiny line chart (SVG attributes only, CSP-safe). */
function spark(values) {
  const pts = values.map((v, i) => [i, v]).filter(([, v]) => typeof v === 'number');
  if (pts.length < 2) return '';
  const w = 90,
    h = 22,
    lo = Math.min(...pts.map((p) => p[1])),
    hi = Math.max(...pts.map((p) => p[1]));
  const x = (i) => 3 + (i / (values.length - 1)) * (w - 6),
    y = (v) => (hi === lo ? h / 2 : h - 3 - ((v - lo) / (hi - lo)) * (h - 6));
  const d = pts.map(([i, v], k) => `${k ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`).join('');
  const [li, lv] = pts.at(-1);
  return `<svg class="spark" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" aria-hidden="true"><path d="${d}"/><circle cx="${x(li).toFixed(1)}" cy="${y(lv).toFixed(1)}" r="2.5"/></svg>`;
}

/** Plain-language headlines for the change from the first to the last wave. */
function headlines(first, last) {
  const v = (id, w) => INDICATORS.find((i) => i.id === id)?.get(w);
  const out = [];
  const ei0 = v('ei', first),
    ei1 = v('ei', last);
  if (ei0 !== null && ei1 !== null && Math.abs(ei1 - ei0) >= 0.2)
    out.push(
      ei1 > ei0
        ? `Silos are opening up: departments seek advice across department lines far more (E-I ${fmt(ei0)} → ${ei1 > 0 ? '+' : ''}${fmt(ei1)}).`
        : `Departments have turned inward (E-I ${fmt(ei0)} → ${fmt(ei1)}).`,
    );
  const c0 = v('centralization', first),
    c1 = v('centralization', last);
  const t0 = v('topShare', first),
    t1 = v('topShare', last);
  const l0 = v('leaders', first),
    l1 = v('leaders', last);
  if (c0 !== null && c1 !== null && c1 - c0 <= -0.1)
    out.push(
      `Advice no longer runs through a few hubs: centralization fell from ${fmt(c0)} to ${fmt(c1)}${t0 != null && t1 != null ? `, and the most-named 10 % now receive ${percent(t1)} of nominations (was ${percent(t0)})` : ''}.`,
    );
  else if (c0 !== null && c1 !== null && c1 - c0 >= 0.1)
    out.push(`Advice is more concentrated on a few people: centralization rose from ${fmt(c0)} to ${fmt(c1)}.`);
  if (l0 != null && l1 != null && l1 !== l0)
    out.push(`${l1 > l0 ? 'More' : 'Fewer'} colleagues lead: ${l0} → ${l1} people stand out as sought-out leaders.`);
  const f0 = v('formalShare', first),
    f1 = v('formalShare', last);
  if (f0 != null && f1 != null && Math.abs(f1 - f0) >= 0.1)
    out.push(
      f1 < f0
        ? `Leadership reaches beyond formal roles: the share of nominations going to role holders fell from ${percent(f0)} to ${percent(f1)}.`
        : `Colleagues with a formal leadership role are sought out more: they receive ${percent(f1)} of nominations (was ${percent(f0)}).`,
    );
  const p0 = v('topPerson', first),
    p1 = v('topPerson', last);
  if (p0 != null && p1 != null && Math.abs(p1 - p0) >= 0.03)
    out.unshift(
      p1 < p0
        ? `Less depends on one person: the most-named colleague receives ${percent(p1)} of all nominations (was ${percent(p0)}).`
        : `More depends on one person: the most-named colleague receives ${percent(p1)} of all nominations (was ${percent(p0)}).`,
    );
  const s0 = v('single', first),
    s1 = v('single', last);
  if (s1 > s0) out.push(`${s1} domain${s1 === 1 ? '' : 's'} now depend${s1 === 1 ? 's' : ''} on a single leader (was ${s0}).`);
  return out;
}

/** Department E-I across waves (suppressed cells as —). */
function departmentTable(per) {
  const groups = [...new Set(per.flatMap((w) => w.a.departments.map((d) => d.group)))].sort();
  const min = per[0].a.minGroupSize;
  let suppressed = false;
  const rows = groups
    .map((g) => {
      const cells = per
        .map((w) => {
          const d = w.a.departments.find((x) => x.group === g);
          if (!d) return '<td class="num muted">·</td>';
          if (d.suppressed) {
            suppressed = true;
            return `<td class="num suppressed" title="fewer than ${min} people"><span aria-hidden="true">—</span><span class="sr-only">fewer than ${min} people</span></td>`;
          }
          return `<td class="num${d.ei !== null && d.ei <= -0.5 ? ' silo' : ''}">${d.ei === null ? '—' : d.ei > 0 ? `+${fmt(d.ei)}` : fmt(d.ei)}</td>`;
        })
        .join('');
      return `<tr><th scope="row">${esc(g)}</th>${cells}</tr>`;
    })
    .join('');
  return `<h3>Silo index by department</h3><p class="muted small">−1: advice stays inside the department; +1: it all crosses. Highlighted: silos (≤ −0.5).</p>
    <div class="scroll"><table id="dept-trend"><thead><tr><th scope="col">Department</th>${per.map((w) => `<th scope="col" class="num">${esc(w.wave.label)}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table></div>${suppressed ? suppressionNote(min) : ''}`;
}

export function compareSection(per) {
  const first = per[0],
    last = per.at(-1);
  const lines = headlines(first, last);
  const rows = INDICATORS.map((ind) => {
    const vals = per.map((w) => ind.get(w));
    const a = vals[0],
      b = vals.at(-1);
    const delta = typeof a === 'number' && typeof b === 'number' ? b - a : null;
    const tone = delta === null || !ind.good || Math.abs(delta) < 1e-9 ? '' : delta * ind.good > 0 ? 'better' : 'worse';
    return `<tr data-indicator="${ind.id}"><th scope="row">${esc(ind.name)}</th>${vals.map((v) => `<td class="num">${v === null || v === undefined ? '—' : esc(ind.f(v))}</td>`).join('')}<td>${spark(vals)}</td><td class="num delta ${tone}">${delta === null ? '—' : esc(signed(delta, ind.dp ?? ind.f))}</td></tr>`;
  }).join('');
  return `${lines.length ? `<ul class="headlines">${lines.map((t) => `<li>${esc(t)}</li>`).join('')}</ul>` : '<p class="muted">No large change between the first and the latest wave.</p>'}
    <p class="muted small">${esc(first.a.relation)} ties, all domains; change from ${esc(first.wave.label)} to ${esc(last.wave.label)}. <span class="better">Green</span> = leadership more distributed, <span class="worse">red</span> = less.</p>
    <div class="scroll"><table id="compare-table"><thead><tr><th scope="col">Indicator</th>${per.map((w) => `<th scope="col" class="num"><a href="#/wave/${esc(w.wave.id)}">${esc(w.wave.label)}</a></th>`).join('')}<th scope="col">Trend</th><th scope="col" class="num">Change</th></tr></thead><tbody>${rows}</tbody></table></div>
    ${departmentTable(per)}`;
}
