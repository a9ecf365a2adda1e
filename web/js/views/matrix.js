// @ts-check
import { esc } from '../api.js';
import { empty, moreButton } from '../ui.js';

const FIRST = 30;

/**
 * Who leads what: one row per person who leads at least one domain, one column per domain;
 * a cell is the number of colleagues who name the person for that domain (bold and shaded
 * when the person is one of the domain's leaders). Badges mark informal (hidden) leaders.
 */
export function matrixSection(a, l) {
  const domains = l.leaders.byDomain.filter((d) => d.domain !== 'any');
  const hiddenIn = new Map();
  for (const f of l.formalInformal.byDomain) {
    if (f.domain === 'any') continue;
    for (const p of f.hiddenLeaders) hiddenIn.set(p.id, [...(hiddenIn.get(p.id) ?? []), f.domain]);
  }
  const rows = new Map();
  for (const d of domains) {
    const leaderIds = new Set(d.leaders);
    for (const s of d.soughtOut) {
      const r = rows.get(s.id) ?? {
        id: s.id,
        name: s.name,
        role: s.role,
        department: s.department,
        formal: s.formalLeader,
        cells: {},
        led: 0,
        total: 0,
      };
      r.cells[d.domain] = { n: s.inDegree, leader: leaderIds.has(s.id) };
      if (leaderIds.has(s.id)) r.led++;
      r.total += s.inDegree;
      rows.set(s.id, r);
    }
  }
  const leaders = [...rows.values()]
    .filter((r) => r.led > 0)
    .sort((x, y) => y.led - x.led || y.total - x.total || String(x.name).localeCompare(String(y.name)));
  if (leaders.length === 0) {
    return `<section id="who-leads" aria-labelledby="h-who"><h2 id="h-who" tabindex="-1">Who leads what</h2><div class="card">${empty('No one stands out as a leader in any domain: nominations are thin or evenly spread.')}</div></section>`;
  }
  const max = Math.max(...leaders.flatMap((r) => Object.values(r.cells).map((c) => c.n)), 1);
  const level = (n) => Math.min(5, Math.ceil((n / max) * 5));
  const single = new Set(domains.filter((d) => d.leaders.length === 1).map((d) => d.domain));
  const head = domains
    .map(
      (d) =>
        `<th scope="col" class="domain${d.domain === a.domain ? ' current' : ''}" data-domain="${esc(d.domain)}" title="${esc(d.label)}: ${d.leaders.length} leader${d.leaders.length === 1 ? '' : 's'}"><span>${esc(d.domain)}</span>${single.has(d.domain) ? '<span class="warn-dot" aria-label="only one leader">!</span>' : ''}</th>`,
    )
    .join('');
  const body = leaders
    .map((r, i) => {
      const hid = hiddenIn.get(r.id);
      const badge = hid
        ? `<span class="badge hidden-leader" title="Sought out for ${esc(hid.join(', '))} without a formal leadership role">informal leader</span>`
        : '';
      const cells = domains
        .map((d) => {
          const c = r.cells[d.domain];
          if (!c) return '<td class="cell l0" aria-label="not among the most named"></td>';
          return `<td class="cell l${level(c.n)}${c.leader ? ' lead' : ''}${d.domain === a.domain ? ' current' : ''}" data-domain="${esc(d.domain)}" title="${esc(r.name)}: named by ${c.n} for ${esc(d.domain)}${c.leader ? ' (leader)' : ''}">${c.n}${c.leader ? '<span class="sr-only"> (leader)</span>' : ''}</td>`;
        })
        .join('');
      const cls = [hid ? 'hidden-row' : '', i >= FIRST ? 'extra' : ''].filter(Boolean).join(' ');
      return `<tr data-person="${esc(r.id)}"${cls ? ` class="${cls}"` : ''}><th scope="row"><button type="button" class="pname link-like" data-show="${esc(r.id)}" title="Show ${esc(r.name)}'s ties in the network">${esc(r.name)}</button> ${badge}<div class="muted small">${esc([r.role, r.department].filter(Boolean).join(' · '))}</div></th><td class="num">${r.led}</td>${cells}</tr>`;
    })
    .join('');
  return `<section id="who-leads" aria-labelledby="h-who"><h2 id="h-who" tabindex="-1">Who leads what</h2>
    <div class="card">
    <p class="lead-in">Each row is a colleague who leads at least one domain; each number is how many colleagues name them for that domain. <b>Bold, dark cells</b> are leaders. <span class="badge hidden-leader">informal leader</span> marks people sought out without a formal leadership role — often the hidden capacity of a school.</p>
    <div class="scroll"><table class="matrix" id="leads-matrix"><caption class="sr-only">Nominations per domain for each leader</caption>
    <thead><tr><th scope="col">Person</th><th scope="col" class="num" title="number of domains led">Leads</th>${head}</tr></thead><tbody>${body}</tbody></table></div>
    ${moreButton(leaders.length, FIRST, 'leaders')}
    ${single.size ? `<p class="note"><span class="warn-dot" aria-hidden="true">!</span> Only one leader: ${esc([...single].join(', '))}. If that person leaves, colleagues lose their go-to person.</p>` : ''}
    </div></section>`;
}
