// @ts-check
import { esc, fmt } from '../api.js';
import { empty, moreButton } from '../ui.js';

/** The sections of the survey side a wave has (id, chip label), for the page's section navigation. */
export function surveySectionList(s) {
  if (!s) return [];
  return [
    s.scales || s.surveyNetwork ? ['scales', 'Survey scales'] : null,
    s.skills ? ['skills', 'Skills'] : null,
    s.decisions ? ['decisions', 'Decision map'] : null,
    s.patterns ? ['patterns', 'Patterns'] : null,
  ].filter((x) => x !== null);
}

const KIND_WORDS = { people: 'people file (scales and skills)', activities: 'activity log', decisions: 'decision map' };

/** Every survey section the wave has, in page order. */
export function surveySections(s, exportsBase) {
  if (!s) return '';
  const unread = s.unreadable ?? [];
  return [
    unread.length > 0
      ? `<div class="warn-box" role="status" id="survey-unreadable"><strong>Not shown:</strong> the wave's ${unread.map((k) => esc(KIND_WORDS[k] ?? k)).join(', ')} could not be read. An analyst can upload ${unread.length === 1 ? 'it' : 'them'} again with the wave's files.</div>`
      : '',
    s.scales || s.surveyNetwork ? scalesSection(s, exportsBase) : '',
    s.skills ? skillsSection(s, exportsBase) : '',
    s.decisions ? decisionsSection(s, exportsBase) : '',
    s.patterns ? patternsSection(s, exportsBase) : '',
  ].join('');
}

/** A download of one of the section's CSV files; `base` is "/api/waves/<id>/survey" and keeps the page's relation. */
const csvLink = (base, file, text) => {
  const [path, query] = base.split('?');
  return `<p class="small"><a href="${esc(`${path}/${file}${query ? `?${query}` : ''}`)}" download>${esc(text)} (CSV)</a></p>`;
};

/** Alpha in words (the usual reading of internal consistency). */
function alphaWords(a) {
  if (a === null || a === undefined) return 'not computed';
  if (a >= 0.8) return 'good';
  if (a >= 0.7) return 'acceptable';
  if (a >= 0.6) return 'questionable';
  return 'poor: read the mean with care';
}

/** Scales: alpha and n, mean, group means of at least the minimum size; survey meets network beside it. */
function scalesSection(s, base) {
  const min = s.minGroupSize;
  const scales = s.scales ?? [];
  const table =
    scales.length === 0
      ? empty('The people file answers none of the scales (it holds the skills inventory only).')
      : `<div class="scroll"><table id="scales-table"><caption>Survey scales: internal consistency and means (1–5)</caption>
    <thead><tr><th scope="col">Scale</th><th scope="col" class="num">Items</th><th scope="col" class="num" title="Cronbach's alpha over the people who answered every item">Alpha</th><th scope="col" class="num">Alpha n</th><th scope="col" class="num">People scored</th><th scope="col" class="num">Mean</th><th scope="col">Groups (mean, n)</th></tr></thead><tbody>
    ${scales
      .map(
        (x) =>
          `<tr><th scope="row">${esc(x.scale)}</th><td class="num">${x.items}</td><td class="num">${fmt(x.alpha)} <span class="muted small">${esc(alphaWords(x.alpha))}</span></td><td class="num">${x.alphaN}</td><td class="num">${x.n}</td><td class="num">${fmt(x.mean)}</td><td class="small">${
            x.groups.map((g) => `${esc(g.group)} ${fmt(g.mean)} (${g.n})`).join('; ') || '<span class="muted">—</span>'
          }${x.groupsHidden ? ` <span class="muted">· ${x.groupsHidden} group${x.groupsHidden === 1 ? '' : 's'} not shown (fewer than ${min} people)</span>` : ''}</td></tr>`,
      )
      .join('')}</tbody></table></div>`;
  const net = s.surveyNetwork;
  const d = net?.distribution;
  const distribution =
    d && d.scales.length > 0
      ? `<h3>Perceived distribution beside measured centralization <span class="badge">exploratory</span></h3>
    <ul class="facts" id="perceived-distribution"><li>Measured: in-degree centralization of ${esc(d.relation)} is <b>${fmt(d.inDegreeCentralization)}</b> (0 = everyone named alike, 1 = one person named by all).</li>
    ${d.scales.map((x) => `<li>Perceived: ${esc(x.scale)} <b>${fmt(x.mean)}</b> of 5 (${x.n} people).</li>`).join('')}</ul>`
      : '';
  const items =
    net && net.items.length > 0
      ? `<h3>Survey meets network <span class="badge">exploratory</span></h3><p class="note">${esc(net.note)}</p>
    <div class="scroll"><table id="survey-network"><caption class="sr-only">Each influence item beside how often people are sought out in its domain</caption>
    <thead><tr><th scope="col">Item</th><th scope="col">Domain</th><th scope="col" class="num">People</th><th scope="col" class="num">Spearman</th></tr></thead><tbody>
    ${net.items.map((i) => `<tr><th scope="row">${esc(i.item)}</th><td>${esc(i.domain)}</td><td class="num">${i.n}</td><td class="num">${fmt(i.spearman)}</td></tr>`).join('')}</tbody></table></div>`
      : '';
  return `<section id="scales" aria-labelledby="h-scales"><h2 id="h-scales" tabindex="-1">Survey scales</h2>
    <div class="card"><p class="lead-in">What staff report, read as scales: each scale's score is the mean of a person's answers (reversed items turned round). Alpha says how consistently the items measure one thing. Group means are shown only for groups of at least ${min} people; no one's own score is shown.</p>
    ${table}${distribution}${items}${scales.length > 0 ? csvLink(base, 'scales.csv', 'Scales') : ''}</div></section>`;
}

/** Skills: counts per domain, then the findings as prompts for a conversation. */
function skillsSection(s, base) {
  const k = s.skills;
  const list = (id, title, rows, none) =>
    `<h3 id="${id}-h">${esc(title)}</h3>${
      rows.length === 0
        ? empty(none)
        : `<ul class="prompts" aria-labelledby="${id}-h">${rows.map((r, i) => `<li${i >= 8 ? ' class="extra"' : ''}>${esc(r.prompt)}</li>`).join('')}</ul>${moreButton(rows.length, 8, title.toLowerCase())}`
    }`;
  return `<section id="skills" aria-labelledby="h-skills"><h2 id="h-skills" tabindex="-1">Skills offered and needed</h2>
    <div class="card"><p class="lead-in">${esc(k.note)}</p>
    <div class="scroll"><table id="skills-domains"><caption class="sr-only">Per domain: colleagues who offer it, would like support in it, and are sought out for it</caption>
    <thead><tr><th scope="col">Domain</th><th scope="col" class="num">Could offer</th><th scope="col" class="num">Would like support</th><th scope="col" class="num">Sought out</th></tr></thead><tbody>
    ${k.domains.map((d) => `<tr><th scope="row">${esc(d.domain)}</th><td class="num">${d.offeredBy}</td><td class="num">${d.neededBy}</td><td class="num">${d.soughtOut === null ? '—' : d.soughtOut}</td></tr>`).join('')}</tbody></table></div>
    ${list('untapped', 'Strengths colleagues may not know about', k.untappedStrengths, 'Everyone who offers a skill is already sought out for it.')}
    ${list('single-expert', 'Domains that rest on one person', k.singleExpertDomains, 'No domain rests on one person alone.')}
    ${list('unmet', 'Needs no colleague offers', k.unmetNeeds, 'Every need is something a colleague could offer.')}
    ${list('pairings', 'Possible pairings', k.pairings, 'No pairing suggests itself from the answers and the network.')}
    ${csvLink(base, 'skills.csv', 'Skills')}</div></section>`;
}

/** The decision map: level × domain matrix, and per domain whether those who decide are those colleagues go to. */
function decisionsSection(s, base) {
  const m = s.decisions;
  const named = s.disclosure === 'named';
  const cell = (level, domain) => m.matrix.find((c) => c.level === level && c.domain === domain)?.decisions ?? 0;
  const matrix = `<div class="scroll"><table id="decision-matrix"><caption>Decisions by level and domain</caption>
    <thead><tr><th scope="col">Level</th>${m.domains.map((d) => `<th scope="col" class="num">${esc(d === 'any' ? 'all domains' : d)}</th>`).join('')}</tr></thead><tbody>
    ${m.levels.map((l) => `<tr><th scope="row">${esc(l)}</th>${m.domains.map((d) => `<td class="num">${cell(l, d) || '<span class="muted" aria-label="none">·</span>'}</td>`).join('')}</tr>`).join('')}</tbody></table></div>`;
  const names = (list) => (list === null || list === undefined ? '—' : list.length === 0 ? 'no one' : list.join(', '));
  const check = `<div class="scroll"><table id="decision-check"><caption>Do the people who decide include those colleagues go to?</caption>
    <thead><tr><th scope="col">Domain</th><th scope="col" class="num">Decisions</th><th scope="col">Check</th><th scope="col">Why</th>${named ? '<th scope="col">Decide</th><th scope="col">Sought out</th>' : '<th scope="col" class="num">People deciding</th><th scope="col" class="num">Sought out</th>'}</tr></thead><tbody>
    ${m.byDomain
      .map(
        (d) =>
          `<tr><th scope="row">${esc(d.domain === 'any' ? 'all domains' : d.domain)}</th><td class="num">${d.decisions}</td><td><span class="badge check-${esc(d.check.replace(/ /g, '-'))}">${esc(d.check)}</span></td><td class="small">${esc(d.why)}</td>${
            named
              ? `<td class="small">${esc(names(d.people?.deciders))}</td><td class="small">${esc(names(d.people?.soughtOut))}</td>`
              : `<td class="num">${d.deciders}</td><td class="num">${d.soughtOut ?? '—'}</td>`
          }</tr>`,
      )
      .join('')}</tbody></table></div>`;
  const concentrated =
    m.concentrated.length === 0
      ? '<p class="ok">No decision sits with one person while colleagues go to others about it.</p>'
      : `<ul class="prompts" id="concentrated">${m.concentrated.map((d) => `<li><strong>${esc(d.decision)}</strong> (${esc(d.level)}, ${esc(d.domain)}): ${esc(d.why)}. Who else could be asked?</li>`).join('')}</ul>`;
  return `<section id="decisions" aria-labelledby="h-decisions"><h2 id="h-decisions" tabindex="-1">Decision map</h2>
    <div class="card"><p class="lead-in">Which decisions are made where, and whether the people who make them are the people colleagues go to in that domain.${named ? '' : ' Shown as counts: who decides at which level would point at roles.'}</p>
    ${matrix}<h3>Checked against the network</h3>${check}<h3>Decisions that sit with one person</h3>${concentrated}
    ${csvLink(base, 'decisions.csv', 'Decision map')}</div></section>`;
}

const PATTERN_WORDS = {
  collaborated: 'done together by two or more people',
  coordinated: 'steps of one routine, handed on in turn',
  collective: 'separate work by several people towards one goal',
  parallel: 'the same task done in different units',
  individual: 'one person, linked to no one else’s work',
};

/** Patterns of distribution in the activity log: counts, and (named) every entry with why. */
function patternsSection(s, base) {
  const p = s.patterns;
  const counts = `<div class="scroll"><table id="pattern-counts"><caption>Leadership activities by pattern of distribution (${p.total} in the log)</caption>
    <thead><tr><th scope="col">Pattern</th><th scope="col">Meaning</th><th scope="col" class="num">Activities</th></tr></thead><tbody>
    ${Object.entries(p.counts)
      .map(
        ([k, n]) => `<tr><th scope="row">${esc(k)}</th><td class="small">${esc(PATTERN_WORDS[k] ?? '')}</td><td class="num">${n}</td></tr>`,
      )
      .join('')}</tbody></table></div>`;
  const rows =
    p.activities.length === 0
      ? s.disclosure === 'named'
        ? ''
        : '<p class="note privacy">The entries themselves (who took part, where) are listed for analysts only: with pseudonyms they would point at people.</p>'
      : `<h3>Each activity</h3><div class="scroll"><table id="activities"><caption class="sr-only">Each activity with its pattern and why</caption>
    <thead><tr><th scope="col">Date</th><th scope="col">Activity</th><th scope="col">Pattern</th><th scope="col">Who</th><th scope="col">Why</th></tr></thead><tbody>
    ${p.activities.map((a, i) => `<tr${i >= 12 ? ' class="extra"' : ''}><td>${esc(a.date)}</td><th scope="row">${esc(a.activity)}</th><td>${esc(a.pattern)}</td><td class="small">${esc(a.participants.join(', '))}</td><td class="small">${esc(a.why)}</td></tr>`).join('')}</tbody></table></div>${moreButton(p.activities.length, 12, 'activities')}`;
  return `<section id="patterns" aria-labelledby="h-patterns"><h2 id="h-patterns" tabindex="-1">Patterns of distribution</h2>
    <div class="card"><p class="lead-in">How leadership work is shared, read from the activity log (Spillane's patterns).</p>
    ${counts}${rows}${csvLink(base, 'patterns.csv', 'Patterns')}</div></section>`;
}
