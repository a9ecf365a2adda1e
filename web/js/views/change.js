// @ts-check
import { ApiError, esc } from '../api.js';
import * as data from '../data.js';

/**
 * "What changed, and whether it is real" on the school page: the comparison of two waves from
 * GET /api/schools/:id/compare, shown in the words the PDF report prints (the server sends them
 * preformatted: `presented`), a picker for the two waves, and the trend when there are three or more.
 */
export function changeSection(root, schoolId, ready, stale) {
  const byLabel = [...ready].sort((a, b) => a.label.localeCompare(b.label, undefined, { numeric: true }));
  const options = (selected) =>
    byLabel.map((w) => `<option value="${esc(w.id)}"${w.id === selected ? ' selected' : ''}>${esc(w.label)}</option>`).join('');
  const from = byLabel.at(-2).id;
  const to = byLabel.at(-1).id;
  root.innerHTML = `<form id="change-picker" class="inline-form" novalidate>
      <label class="inline" for="change-from">Earlier wave <select id="change-from">${options(from)}</select></label>
      <label class="inline" for="change-to">Later wave <select id="change-to">${options(to)}</select></label>
      <button type="submit">Compare waves</button> <span class="error" id="change-error" role="alert"></span></form>
    <div id="change-result" aria-live="polite"></div>`;
  const result = root.querySelector('#change-result');
  const show = async (a, b) => {
    result.innerHTML = '<p class="muted" aria-busy="true">Comparing waves (1,000 bootstrap replicates)…</p>';
    try {
      const c = await data.compare(schoolId, a, b);
      if (stale()) return;
      result.innerHTML = changeHtml(c.presented.change) + (c.presented.trend ? trendHtml(c.presented.trend) : '');
    } catch (e) {
      result.innerHTML = `<p class="error">${esc(e instanceof ApiError ? e.message : String(e))}</p>`;
    }
  };
  root.querySelector('#change-picker').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const err = root.querySelector('#change-error');
    err.textContent = '';
    const a = root.querySelector('#change-from').value;
    const b = root.querySelector('#change-to').value;
    if (a === b) {
      err.textContent = 'Choose two different waves.';
      return;
    }
    void show(a, b);
  });
  return show(from, to);
}

const VERDICT_CLASS = { up: 'verdict-up', down: 'verdict-down', 'no clear change': 'verdict-none' };

function rowHtml(r) {
  const cls = VERDICT_CLASS[r.verdict] ?? 'verdict-none muted';
  const why = r.reason ? `<span class="small muted"> (${esc(r.reason)})</span>` : '';
  return `<tr data-change="${esc(r.key)}|${esc(r.domain)}|${esc(r.population)}"><th scope="row">${esc(r.label)}</th><td class="num">${esc(r.before)}</td><td class="num">${esc(r.after)}</td><td class="num">${esc(r.change)}</td><td class="num">${esc(r.interval)}</td><td class="${cls}">${esc(r.verdict)}${why}</td></tr>`;
}

/** The comparison: banners, who stayed and left, a table per population, school outcomes (association, not cause), succession, method. */
function changeHtml(v) {
  const banners = v.banners.map((b) => `<p class="warn-box" role="note">${esc(b)}</p>`).join('');
  const tables = v.sections
    .map(
      (s) => `<h3 id="change-${s.population}">${esc(s.title)}</h3>
    <div class="scroll"><table aria-labelledby="change-${s.population}" class="change-table"><thead><tr><th scope="col">Indicator</th><th scope="col" class="num">${esc(v.before)}</th><th scope="col" class="num">${esc(v.after)}</th><th scope="col" class="num">Change</th><th scope="col" class="num">95 % interval</th><th scope="col">Verdict</th></tr></thead>
    <tbody>${s.rows.map(rowHtml).join('')}</tbody></table></div>`,
    )
    .join('');
  const succession = v.succession.length
    ? `<h3>Leadership succession</h3><ul>${v.succession.map((t) => `<li>${esc(t)}</li>`).join('')}</ul>`
    : '';
  const outcomes = v.outcomes?.length
    ? `<h3 id="change-outcomes">School outcomes (association, not cause)</h3>
    <div class="scroll" role="group" aria-label="School outcomes (scrolls sideways)" tabindex="0"><table aria-labelledby="change-outcomes"><thead><tr><th scope="col">Outcome</th><th scope="col" class="num">${esc(v.before)}</th><th scope="col" class="num">${esc(v.after)}</th><th scope="col" class="num">Change</th><th scope="col">Direction</th><th scope="col">Source</th></tr></thead>
    <tbody>${v.outcomes
      .map(
        (o) =>
          `<tr><th scope="row">${esc(o.indicator)}</th><td class="num">${esc(o.before)}</td><td class="num">${esc(o.after)}</td><td class="num">${esc(o.change)}</td><td>${esc(o.direction)}</td><td class="small">${esc(o.source)}</td></tr>`,
      )
      .join('')}</tbody></table></div>`
    : '';
  return `<h3 class="sr-only">${esc(v.heading)}</h3>${banners}<p>${esc(v.basis)}</p>${tables}${outcomes}${succession}<p class="muted small">${esc(v.method)}</p>`;
}

/** A small line with the interval of each step drawn as a bar under it (SVG attributes only, CSP-safe). */
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
  return `<svg class="spark" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" aria-hidden="true"><path d="${d}"/></svg>`;
}

/** The trend over every wave: values per wave, and each step's change with its interval and verdict. */
function trendHtml(t) {
  const steps = t.waves.slice(1).map((w, i) => `${t.waves[i]} → ${w}`);
  const rows = t.rows
    .map(
      (r) =>
        `<tr data-trend="${esc(r.key)}"><th scope="row">${esc(r.label)}</th>${r.shown.map((s) => `<td class="num">${esc(s)}</td>`).join('')}<td>${spark(r.values)}</td>${r.steps
          .map(
            (s) =>
              `<td class="${VERDICT_CLASS[s.verdict] ?? 'muted'}">${esc(s.change)} <span class="small muted">(${esc(s.interval)})</span> ${esc(s.verdict)}</td>`,
          )
          .join('')}</tr>`,
    )
    .join('');
  return `<h3 id="change-trend">Trend over ${t.waves.length} waves (all staff)</h3>
    <div class="scroll"><table aria-labelledby="change-trend" class="change-table"><thead><tr><th scope="col">Indicator</th>${t.waves.map((w) => `<th scope="col" class="num">${esc(w)}</th>`).join('')}<th scope="col">Trend</th>${steps.map((s) => `<th scope="col">${esc(s)}: change (95 % interval)</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table></div>`;
}
