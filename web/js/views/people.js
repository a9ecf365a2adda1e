// @ts-check
import { esc, fmt } from '../api.js';

const COLS = [
  ['name', 'Person', false],
  ['department', 'Department', false],
  ['inDegree', 'Named by', true],
  ['outDegree', 'Names', true],
  ['betweenness', 'Betweenness', true],
  ['pageRank', 'PageRank', true],
];

export function peopleSection(a) {
  const named = a.disclosure === 'named';
  return `<section id="people-section" aria-labelledby="h-people"><h2 id="h-people" tabindex="-1">People</h2>
    <div class="card">
    <div class="toolbar"><label class="inline" for="people-filter">Filter <input id="people-filter" type="search" placeholder="${named ? 'name, role or department' : 'pseudonym or department'}"></label>
    <label class="inline check"><input type="checkbox" id="people-all"> show all ${a.people.length}</label></div>
    <div class="scroll"><table id="people"><caption class="sr-only">People and their network measures; sort by clicking a column heading</caption>
    <thead><tr>${COLS.map(([k, t, num]) => `${k === 'department' && named ? '<th scope="col">Role</th>' : ''}<th scope="col"${num ? ' class="num"' : ''} aria-sort="${k === 'inDegree' ? 'descending' : 'none'}"><button type="button" class="sort" data-key="${k}">${esc(t)}</button></th>`).join('')}</tr></thead>
    <tbody></tbody></table></div>
    <p class="note" id="people-note"></p>
    <p class="note">Named by: colleagues who name the person (in-degree). Betweenness: how often the person lies on the shortest advice paths between others. PageRank: named by people who are themselves named. Definitions: docs/metrics.md.</p>
    </div></section>`;
}

export function wirePeople(root, a) {
  const named = a.disclosure === 'named';
  const tbody = root.querySelector('#people tbody');
  const filter = root.querySelector('#people-filter');
  const all = root.querySelector('#people-all');
  const note = root.querySelector('#people-note');
  let key = 'inDegree',
    dir = -1;
  const draw = () => {
    const f = filter.value.trim().toLowerCase();
    let rows = a.people.filter((p) => !f || `${p.name} ${p.role} ${p.department}`.toLowerCase().includes(f));
    rows = [...rows].sort((x, y) => {
      const u = x[key],
        v = y[key];
      return (typeof u === 'number' ? u - v : String(u).localeCompare(String(v))) * dir;
    });
    const shown = all.checked || f ? rows : rows.slice(0, 25);
    tbody.innerHTML =
      shown
        .map(
          (p) =>
            `<tr><td><button type="button" class="link-like" data-show="${esc(p.id)}" title="Show ${esc(p.name)}'s ties in the network">${esc(p.name)}</button></td>${named ? `<td>${esc(p.role)}</td>` : ''}<td>${esc(p.department)}</td><td class="num">${p.inDegree}</td><td class="num">${p.outDegree}</td><td class="num">${fmt(p.betweenness, 3)}</td><td class="num">${fmt(p.pageRank, 3)}</td></tr>`,
        )
        .join('') || `<tr><td colspan="${named ? 7 : 6}" class="muted">Nobody matches “${esc(filter.value)}”.</td></tr>`;
    note.textContent = shown.length < rows.length ? `Showing ${shown.length} of ${rows.length}.` : `${rows.length} people.`;
    for (const b of root.querySelectorAll('#people button.sort'))
      b.parentElement.setAttribute('aria-sort', b.dataset.key === key ? (dir < 0 ? 'descending' : 'ascending') : 'none');
  };
  for (const b of root.querySelectorAll('#people button.sort')) {
    b.addEventListener('click', () => {
      if (key === b.dataset.key) dir = -dir;
      else {
        key = b.dataset.key;
        dir = ['name', 'department'].includes(key) ? 1 : -1;
      }
      draw();
    });
  }
  filter.addEventListener('input', draw);
  all.addEventListener('change', draw);
  draw();
}
