// @ts-check
import { ApiError, esc } from '../api.js';
import * as data from '../data.js';
import { errorBox, schoolTitle, scopeNote, wireMore } from '../ui.js';
import { indicatorsSection, readingsSection } from './indicators.js';
import { drawNetwork, networkSection } from './network.js';
import { matrixSection } from './matrix.js';
import { silosSection, brokersSection } from './groups.js';
import { riskSection, peripherySection } from './risk.js';
import { peopleSection, wirePeople } from './people.js';
import { exportsSection } from './exports.js';
import { renderWaveData } from './wave-data.js';
import { districtSection } from './district.js';
import { surveySectionList, surveySections } from './survey.js';

const SECTIONS = [
  ['indicators', 'Indicators'],
  ['readings', 'Spread'],
  ['network-section', 'Network'],
  ['who-leads', 'Who leads what'],
  ['silos', 'Silos'],
  ['brokers', 'Brokers'],
  ['risk', 'Key-person risk'],
  ['periphery', 'New staff & overload'],
  ['people-section', 'People'],
  ['exports', 'Data & exports'],
];

/** "1 question (42 answers) and 2 names are not in these results yet — decide them", linked to the review. */
function completenessBanner(c, wave, me, school) {
  if (!c?.banner) return '';
  const [text] = c.banner.split(' — ');
  const link =
    me.role === 'viewer' || school.unit
      ? `an analyst of ${school.unit ? 'the whole record' : 'your school'} can decide them`
      : `<a href="#/wave/${esc(wave.id)}/data">decide them</a>`;
  return `<div class="warn-box" role="status" id="completeness-banner"><strong>Needs review:</strong> ${esc(text)} — ${link}. <span class="small">${c.recordWide ? `Across the whole district record, ${c.answersUsed} of ${c.answersRead} answers read are in its results.` : `${c.answersUsed} of ${c.answersRead} answers read are in these results.`}</span></div>`;
}

/** One wave: a report page with sections, or (tab "data") its uploads and survey review. */
export async function renderWave(root, { waveId, tab, params, me, stale }) {
  const { wave, school } = await data.waveInfo(waveId);
  if (tab === 'data') return renderWaveData(root, { wave, school, me, stale });
  const title = schoolTitle(school);
  // An account that sees one school of a district record reads only that school: no uploads, review or survey files.
  const writer = me.role !== 'viewer' && !school.unit;
  const head = (extra = '') => `
    <nav class="crumbs" aria-label="Breadcrumb"><a href="#/schools">Schools</a> › <a href="#/school/${esc(school.id)}">${esc(title)}</a> › <span aria-current="page">${esc(wave.label)}</span></nav>
    <h1>${esc(title)} · ${esc(wave.label)} ${extra}</h1>${scopeNote(school)}`;
  document.title = `${title} ${wave.label} · leadmap`;
  if (wave.status === 'empty') {
    root.innerHTML = `${head()}<div class="card"><p>This wave has no data yet.</p>${!writer ? '<p class="muted">An analyst of your school can upload it.</p>' : `<p><a class="button" href="#/wave/${esc(wave.id)}/data">Upload its files</a></p>`}</div>`;
    return;
  }
  root.innerHTML = `${head()}<p class="muted" aria-busy="true">Computing the analysis…</p>`;
  const sel = { relation: params.relation, domain: params.domain };
  let a;
  try {
    a = await data.analysis(waveId, sel);
  } catch (e) {
    // A relation or domain this wave does not have (e.g. kept from another wave's link): show the default instead.
    if (!(e instanceof ApiError && ['UNKNOWN_DOMAIN', 'UNKNOWN_RELATION'].includes(e.code))) throw e;
    a = await data.analysis(waveId, {});
  }
  const [l, g, ind, dist, sv] = await Promise.all([
    data.leadership(waveId, a.relation),
    data.graph(waveId, { relation: a.relation, domain: a.domain }),
    data.indicators(waveId, { relation: a.relation, domain: a.domain === 'any' ? undefined : a.domain }),
    a.district ? data.district(waveId, a.relation) : null,
    school.unit ? null : data.survey(waveId, a.relation),
  ]);
  const surveyChips = surveySectionList(sv);
  if (stale()) return;
  const named = a.disclosure === 'named';
  const opt = (values, current, label = (v) => v) =>
    values.map((v) => `<option value="${esc(v)}"${v === current ? ' selected' : ''}>${esc(label(v))}</option>`).join('');
  const domains = ['any', ...a.domains.filter((d) => d !== 'any')];
  const siblings = (await data.schoolWaves(school.id).catch(() => [])).filter((w) => w.status !== 'empty');
  const keep = new URLSearchParams(Object.entries(params).filter(([k, v]) => v && (k === 'relation' || k === 'domain'))).toString();
  const waveLinks =
    siblings.length > 1
      ? `<nav class="wave-links" aria-label="Waves of this school">Waves: ${siblings
          .map((w) =>
            w.id === wave.id
              ? `<span aria-current="page">${esc(w.label)}</span>`
              : `<a href="#/wave/${esc(w.id)}/report${keep ? `?${esc(keep)}` : ''}">${esc(w.label)}</a>`,
          )
          .join('')} <a class="small" href="#/school/${esc(school.id)}">compare all →</a></nav>`
      : '';
  if (stale()) return;
  root.innerHTML = `
    ${head(`<span class="badge ${named ? 'named' : 'pseudo'}" title="${named ? 'Names are shown: you are an analyst or administrator of this school.' : 'People are shown as stable pseudonyms (P-…); roles are hidden.'}">${named ? 'named' : 'pseudonymised'}</span>`)}
    ${waveLinks}
    ${completenessBanner(a.completeness, wave, me, school)}
    <div class="toolbar sticky" role="region" aria-label="Selection">
      <label class="inline" for="relation">Relation <select id="relation">${opt(a.relations, a.relation)}</select></label>
      <label class="inline" for="domain">Domain <select id="domain">${opt(domains, a.domain, (d) => (d === 'any' ? 'all domains' : d))}</select></label>
      <span class="muted small">Groups under ${a.minGroupSize} people are suppressed (—).</span>
      ${writer ? `<a class="button secondary" href="#/wave/${esc(wave.id)}/data">Uploads &amp; review</a>` : ''}
    </div>
    <nav class="sections" aria-label="Sections of this page">${[...(dist ? [SECTIONS[0], ['district', 'District'], ...SECTIONS.slice(1, -1)] : SECTIONS.slice(0, -1)), ...surveyChips, SECTIONS[SECTIONS.length - 1]].map(([id, t]) => `<button type="button" class="chip" data-target="${id}">${esc(t)}</button>`).join('')}</nav>
    ${named ? '' : '<p class="note privacy">You see pseudonyms (P-…) instead of names, and no roles: results about colleagues stay private. Ask an analyst if you need names for a specific follow-up.</p>'}
    ${indicatorsSection(a, ind, school.id)}
    ${dist ? districtSection(dist, wave.id, named) : ''}
    ${readingsSection(a, ind)}
    ${networkSection(a, g)}
    ${matrixSection(a, l)}
    ${silosSection(a)}
    ${brokersSection(l)}
    ${riskSection(a, l)}
    ${peripherySection(l)}
    ${peopleSection(a)}
    ${surveySections(sv, `/api/waves/${encodeURIComponent(wave.id)}/survey?${new URLSearchParams({ relation: a.relation })}`)}
    ${exportsSection(a, wave, l)}`;
  const go = (patch) => {
    const next = new URLSearchParams({ relation: a.relation, domain: a.domain, ...patch });
    if (next.get('domain') === 'any') next.delete('domain');
    location.hash = `#/wave/${encodeURIComponent(waveId)}/report?${next}`;
  };
  root.querySelector('#relation').addEventListener('change', (e) => go({ relation: e.target.value, domain: 'any' }));
  root.querySelector('#domain').addEventListener('change', (e) => go({ domain: e.target.value }));
  // The section chips, and links such as the network's "Everyone as a table" (the drawing's accessible alternative).
  for (const b of root.querySelectorAll('button[data-target]')) {
    b.addEventListener('click', () => {
      const t = document.getElementById(b.dataset.target);
      t?.scrollIntoView({ behavior: 'smooth', block: 'start' });
      t?.querySelector('h2')?.focus({ preventScroll: true });
    });
  }
  wirePeople(root, a);
  wireMore(root);
  let net = null;
  try {
    net = drawNetwork(root.querySelector('#network-section'), g, a, l);
  } catch (e) {
    root.querySelector('#network-holder').innerHTML = errorBox(e);
  }
  // Names in the matrix and the people table open that person's ties in the network.
  root.addEventListener('click', (ev) => {
    const b = ev.target.closest?.('button[data-show]');
    if (b && net) net.show(b.dataset.show);
  });
}
