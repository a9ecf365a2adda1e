// @ts-check
import { esc, fmt } from '../api.js';
import { empty, listNames, moreButton, withheldCount } from '../ui.js';

const pts = (v) => (v === null || v === undefined ? '—' : `${Math.round(v * 100)}`);

/** Key-person risk: whose absence cuts colleagues off from advice, per domain. */
export function riskSection(a, l) {
  const nameOf = new Map(a.people.map((p) => [p.id, p.name]));
  const rows = l.risk.byDomain.filter((d) => d.domain !== 'any');
  const sole = rows.flatMap((d) => d.soleSources.map((s) => ({ ...s, domain: d.domain })));
  const table = `<div class="scroll"><table id="key-people"><caption class="sr-only">Key people per domain</caption>
    <thead><tr><th scope="col">Domain</th><th scope="col">Most critical person</th><th scope="col" class="num" title="share of colleague pairs that can reach each other through advice, in percentage points">Reach lost if away</th><th scope="col">Next in line</th><th scope="col" class="num" title="colleagues named by several others for this domain: people who could step in">Bench depth</th></tr></thead><tbody>
    ${rows
      .map((d) => {
        const [k, ...rest] = d.keyPeople;
        return `<tr${d.domain === a.domain ? ' class="current"' : ''}><th scope="row">${esc(d.domain)}</th><td>${k ? esc(k.name ?? nameOf.get(k.id) ?? k.id) : '<span class="muted">—</span>'}</td><td class="num">${k ? `${pts(k.reachabilityDrop)} point${pts(k.reachabilityDrop) === '1' ? '' : 's'}` : '—'}</td><td class="small">${esc(
          rest
            .slice(0, 2)
            .map((p) => p.name ?? nameOf.get(p.id) ?? p.id)
            .join(', '),
        )}</td><td class="num">${fmt(d.benchDepth)}</td></tr>`;
      })
      .join('')}</tbody></table></div>`;
  const soleList =
    sole.length === 0
      ? '<p class="ok">Nobody depends on a single colleague for advice in any domain.</p>'
      : `<ul class="risk-list">${sole.map((s, i) => `<li${i >= 8 ? ' class="extra"' : ''}><strong>${esc(s.name ?? nameOf.get(s.id) ?? s.id)}</strong> is the only source of ${esc(s.domain)} advice for ${s.dependents.length} colleague${s.dependents.length === 1 ? '' : 's'} (${esc(listNames(s.dependents.map((id) => nameOf.get(id) ?? id)))}).</li>`).join('')}</ul>${moreButton(sole.length, 8, 'sole sources')}`;
  return `<section id="risk" aria-labelledby="h-risk"><h2 id="h-risk" tabindex="-1">Key-person risk</h2>
    <div class="card"><p class="lead-in">Who would leave colleagues without advice if they were away. “Reach lost”: how many percentage points of colleague pairs could no longer reach each other through advice.</p>
    <h3>Sole sources</h3>${soleList}
    <h3>Most critical person per domain</h3>${table}</div></section>`;
}

/** New staff on the edge of the network, and leaders carrying more than their time allows. */
export function peripherySection(l) {
  const p = l.periphery;
  const newStaff = p.isolatedNewStaff ?? [];
  const ov = p.overload;
  const newWithheld = withheldCount(l, 'periphery.isolatedNewStaff');
  const ovWithheld = withheldCount(l, 'periphery.overload.people');
  const newList =
    newWithheld > 0
      ? `<p class="warn">${newWithheld} ${newWithheld === 1 ? 'colleague who started recently is' : 'colleagues who started recently are'} named by nobody yet. Shown as a count: with pseudonyms, a list would point at them (start years are on the roster).</p>`
      : newStaff.length === 0
        ? '<p class="ok">Every colleague who started this year is named by someone.</p>'
        : `<ul class="risk-list">${newStaff.map((s, i) => `<li${i >= 8 ? ' class="extra"' : ''}><strong>${esc(s.name)}</strong> started in ${esc(s.startYear)}${s.yearsExperience === 0 ? ' (first year of teaching)' : s.yearsExperience ? ` (${s.yearsExperience} years' experience)` : ''}: named by nobody${s.outDegree ? `, names ${s.outDegree} colleague${s.outDegree === 1 ? '' : 's'}` : ''}${s.responded === false ? '; did not answer the survey' : ''}.</li>`).join('')}</ul>${moreButton(newStaff.length, 8, 'new colleagues')}`;
  const ovRows = (ov?.people ?? []).slice(0, 8);
  const basis = ov?.basis === 'releaseTime' ? 'release time (share of a full post for leadership)' : 'their role';
  const ovFlagged = withheldCount(l, 'periphery.overload.overloaded');
  const ovTable =
    ovWithheld > 0
      ? `<p class="${ovFlagged > 0 ? 'warn' : 'ok'}">${ovFlagged === 0 ? 'No leader' : ovFlagged === 1 ? '1 leader' : `${ovFlagged} leaders`} ${ovFlagged === 1 ? 'carries' : 'carry'} far more than their release time allows (of ${ovWithheld} compared). Shown as a count: with pseudonyms, load against release time would point at people.</p>`
      : ovRows.length === 0
        ? empty(ov?.reason ?? 'No leaders to compare.')
        : `<div class="scroll"><table id="overload"><caption class="sr-only">Leaders' load against their time</caption>
    <thead><tr><th scope="col">Person</th><th scope="col" class="num">Colleagues who come to them</th><th scope="col" class="num">Domains led</th><th scope="col" class="num">Release time</th><th scope="col" class="num" title="load per unit of release time">Load per release time</th><th scope="col"></th></tr></thead><tbody>
    ${ovRows.map((r) => `<tr${r.overloaded ? ' class="overloaded"' : ''}><th scope="row">${esc(r.name)}${r.role ? `<div class="muted small">${esc(r.role)}</div>` : ''}</th><td class="num">${r.load}</td><td class="num">${r.domainsLed}</td><td class="num">${r.capacity === null || r.capacity === undefined ? '—' : `${Math.round(r.capacity * 100)} %`}</td><td class="num">${fmt(r.ratio, 0)}</td><td>${r.overloaded ? '<span class="badge warn">overloaded</span>' : ''}</td></tr>`).join('')}
    </tbody></table></div><p class="note">Compared with ${esc(basis)}; the median is ${fmt(ov.medianRatio, 0)}. Overloaded: far above the median.</p>`;
  return `<section id="periphery" aria-labelledby="h-periphery"><h2 id="h-periphery" tabindex="-1">New staff and overload</h2>
    <div class="card two-col"><div><h3>New staff nobody turns to yet</h3>${newList}</div>
    <div><h3>Leaders carrying the most</h3>${ovTable}</div></div></section>`;
}
