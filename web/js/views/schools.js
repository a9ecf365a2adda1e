import { esc, fmt, get } from '../api.js';

/** Schools the account may see, each with its waves. */
export async function renderSchools(root, me) {
  const { schools } = await get('/api/schools');
  if (schools.length === 0) {
    root.innerHTML = `<h1>Schools</h1><div class="card muted">No schools yet.${me.role === 'admin' ? ' Create one through the API (POST /api/schools) or import a school zip.' : ' Ask an administrator to give you access to a school.'}</div>`;
    return;
  }
  const cards = await Promise.all(schools.map(async (s) => {
    const { waves } = await get(`/api/schools/${encodeURIComponent(s.id)}/waves`);
    const rows = waves.map((w) => `<tr>
        <td>${w.status === 'ready' ? `<a href="#/wave/${esc(w.id)}">${esc(w.label)}</a>` : esc(w.label)}</td>
        <td>${esc(w.status)}</td><td class="num">${fmt(w.people)}</td><td class="num">${fmt(w.ties)}</td></tr>`).join('');
    return `<section class="card school" data-school="${esc(s.slug)}"><h2>${esc(s.name)}</h2>
      <table><thead><tr><th>Wave</th><th>Status</th><th class="num">People</th><th class="num">Ties</th></tr></thead>
      <tbody>${rows || '<tr><td colspan="4" class="muted">No waves yet.</td></tr>'}</tbody></table></section>`;
  }));
  root.innerHTML = `<h1>Schools</h1>${cards.join('')}`;
}
