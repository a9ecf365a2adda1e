// @ts-check
import { esc, fmt } from '../api.js';
import { empty, moreButton, suppressedCell, suppressionNote } from '../ui.js';

const FIRST = 10;

/**
 * A district wave (a roster naming several schools): its schools compared — each indicator per school
 * beside the district median and range (texts as the server formats them, one rule per measure),
 * nominations between schools as a school-by-school table, and the people colleagues of other schools
 * seek out. `d` is GET /api/waves/:id/district; schools too small to show are dashes everywhere.
 * Links to the district report (PDF): named for analysts and administrators, anonymised for everyone.
 */
export function districtSection(d, waveId, named) {
  const pdf = (edition) => `/api/waves/${encodeURIComponent(waveId)}/district-report.pdf?edition=${edition}`;
  const reports = `<div class="toolbar">${
    named ? `<a class="button secondary" href="${esc(pdf('named'))}" download>District report, named (PDF)</a>` : ''
  }<a class="button secondary" href="${esc(pdf('anonymised'))}" download>District report${named ? ', anonymised' : ''} (PDF)</a></div>`;
  const shown = d.schools.filter((s) => !s.suppressed);
  const anySuppressed = shown.length < d.schools.length;
  const schoolHead = d.table.schools
    .map((s) => `<th scope="col" class="num">${esc(s.school)}${s.suppressed ? '<span class="sr-only"> (suppressed)</span>' : ''}</th>`)
    .join('');
  const indicatorRows = d.table.rows
    .map((r) => {
      const cells = r.values
        .map((v, i) => (d.table.schools[i].suppressed ? suppressedCell(d.minGroupSize) : `<td class="num">${esc(v.text)}</td>`))
        .join('');
      const range = r.min.value === null ? '—' : `${r.min.text} – ${r.max.text}`;
      return `<tr><th scope="row" title="${esc(r.definition)}">${esc(r.label)}</th>${cells}<td class="num median">${esc(r.median.text)}</td><td class="num">${esc(range)}</td></tr>`;
    })
    .join('');
  const silo = [...shown].filter((s) => s.externalShare !== null).sort((a, b) => a.externalShare - b.externalShare)[0];
  const siloText = silo
    ? `<p class="note">Among the schools shown, advice least often leaves <strong>${esc(silo.school)}</strong>: ${esc(
        d.table.rows.find((r) => r.indicator === 'externalShare').values[d.schools.indexOf(silo)].text,
      )} of its staff's ties go to other schools.</p>`
    : '';

  const cell = (from, to) => d.matrix.find((b) => b.from === from && b.to === to);
  const matrixRows = d.schools
    .map((f) => {
      const cells = d.schools
        .map((t) => {
          const b = cell(f.school, t.school);
          if (!b || b.suppressed) return suppressedCell(d.minGroupSize);
          return `<td class="num${f.school === t.school ? ' own' : ''}">${fmt(b.ties)}</td>`;
        })
        .join('');
      return `<tr><th scope="row">${esc(f.school)}</th>${cells}</tr>`;
    })
    .join('');
  const matrixHead = d.schools.map((s) => `<th scope="col" class="num">${esc(s.school)}</th>`).join('');

  const leaders = d.crossSchoolLeaders;
  const leaderRows = leaders
    .map(
      (l, i) =>
        `<tr${i >= FIRST ? ' class="extra"' : ''}><th scope="row">${esc(l.name)}</th><td>${
          l.school === null
            ? `<span aria-hidden="true">—</span><span class="sr-only">not shown: fewer than ${d.minGroupSize} colleagues share it</span>`
            : esc(l.school)
        }</td><td class="num">${l.nominationsFromOtherSchools}</td><td class="num">${l.schoolsNaming}</td><td>${esc(l.domains.join(', '))}</td></tr>`,
    )
    .join('');
  const leadersTable = leaders.length
    ? `<div class="scroll" role="group" aria-label="Cross-school leaders (scrolls sideways)" tabindex="0"><table id="cross-school-leaders"><caption>Cross-school leaders</caption>
      <thead><tr><th scope="col">Person</th><th scope="col">School</th><th scope="col" class="num">Colleagues in other schools naming them</th><th scope="col" class="num">Other schools naming them</th><th scope="col">Asked about</th></tr></thead>
      <tbody>${leaderRows}</tbody></table></div>${moreButton(leaders.length, FIRST, 'cross-school leaders')}`
    : empty('No one is named by a colleague of another school.');
  const withheld = leaders.some((l) => l.school === null)
    ? `<p class="note">A school is left out beside a pseudonym when fewer than ${d.minGroupSize} colleagues share it with what else is shown about them.</p>`
    : '';

  return `<section id="district" aria-labelledby="h-district"><h2 id="h-district" tabindex="-1">District: schools compared</h2>
    <div class="card">
    <p class="lead-in">Each school measured on its own, beside the district median and range of the schools shown.</p>
    ${reports}
    <div class="scroll" role="group" aria-label="Indicators per school (scrolls sideways)" tabindex="0"><table id="district-indicators"><caption>Indicators per school</caption>
    <thead><tr><th scope="col">Indicator</th>${schoolHead}<th scope="col" class="num">District median</th><th scope="col" class="num">Range</th></tr></thead>
    <tbody>${indicatorRows}</tbody></table></div>
    ${siloText}
    <div class="scroll" role="group" aria-label="Ties between schools (scrolls sideways)" tabindex="0"><table id="district-matrix"><caption>Ties between schools</caption>
    <thead><tr><th scope="col">Staff of</th>${matrixHead}</tr></thead>
    <tbody>${matrixRows}</tbody></table></div>
    <p class="note">Each row is the staff of one school; each column the school of the colleagues they name. The diagonal is each school's own ties.</p>
    ${anySuppressed ? suppressionNote(d.minGroupSize) : ''}
    ${districtLevelNote(d)}
    ${changesHtml(d)}
    </div>
    <div class="card">${leadersTable}${withheld}</div>
    </section>`;
}

/** The district's own staff (a district office): in the network and among cross-school leaders, never a school row. */
function districtLevelNote(d) {
  const units = d.districtLevel ?? [];
  if (units.length === 0) return '';
  const text = units
    .map((u) =>
      u.suppressed
        ? `${esc(u.unit)} (fewer than ${d.minGroupSize} staff: its size is not shown, and a school is hidden with it so nothing about it follows from the totals)`
        : `${esc(u.unit)} (${fmt(u.people)} staff)`,
    )
    .join('; ');
  return `<p class="note">District-level staff, not a school: ${text}. They count in the district network and can be cross-school leaders; they are not compared as a school.</p>`;
}

/** Each school's change since the previous wave, with the 95 % interval and verdict of the change page. */
function changesHtml(d) {
  const c = d.table.changes;
  if (!c || c.rows.length === 0) return '';
  const caption = `Change since ${c.previous}, per school`;
  return `<div class="scroll" role="group" aria-label="${esc(caption)} (scrolls sideways)" tabindex="0"><table id="district-changes"><caption>${esc(caption)}</caption>
    <thead><tr><th scope="col">School</th><th scope="col">Indicator</th><th scope="col" class="num">${esc(c.previous)}</th><th scope="col" class="num">Now</th><th scope="col" class="num">Change</th><th scope="col" class="num">95 % interval</th><th scope="col">Verdict</th></tr></thead>
    <tbody>${c.rows
      .map(
        (r) =>
          `<tr><th scope="row">${esc(r.school)}</th><td>${esc(r.label)}</td><td class="num">${esc(r.before)}</td><td class="num">${esc(r.after)}</td><td class="num">${esc(r.change)}</td><td class="num">${esc(r.interval)}</td><td>${esc(r.reason ? `${r.verdict} (${r.reason})` : r.verdict)}</td></tr>`,
      )
      .join('')}</tbody></table></div>
    <p class="note">Each school on its own network in both waves: “up” or “down” only when the 95 % interval of the change (bootstrap over the school's respondents) excludes no change.</p>`;
}
