// @ts-check
import { esc, followJob, get, post } from '../api.js';
import { forgetSchool, forgetWave } from '../data.js';
import { empty, errorBox } from '../ui.js';

/** What a question can be, in the words the review shows (values as in the mapping file). */
const KINDS = [
  ['nameGenerator', 'a name question (who do you go to…)'],
  ['rosterRow', 'names in one domain (a grid row)'],
  ['grid', 'a frequency grid about one colleague'],
  ['likert', 'a scale (agree … disagree)'],
  ['skills', 'skills and interests'],
  ['ignore', 'not used'],
];
const RELATIONS = ['advice', 'collaboration', 'information', 'influence', 'friendship'];
const DOMAINS = ['curriculum', 'instruction', 'behaviour', 'assessment', 'data', 'technology', 'wellbeing', 'professional learning', 'any'];
const domainLabel = (d) => (d === 'any' ? 'all domains' : d);
const NOT_ON_ROSTER = 'not on the roster';
const IGNORE = 'ignore this answer';

/** "Ana Ruiz · T012" for the type-ahead list; the id is read back from after the last " · ". */
const personOption = (p) => `${p.name} · ${p.id}`;

function decisionText(item, roster) {
  const r = item.resolution;
  if (r === null || r === undefined) return '';
  if (typeof r === 'object') return `${r.kind}${r.relation ? `, ${r.relation}` : ''}${r.domain ? `, ${domainLabel(r.domain)}` : ''}`;
  if (r === 'not on roster') return NOT_ON_ROSTER;
  if (r === 'ignore') return IGNORE;
  const p = roster.find((x) => x.id === r);
  return p ? personOption(p) : r;
}

/** Counters: still to decide (no decision), decided and waiting for "Apply and re-read", in the results. */
function counts(items) {
  const open = items.filter((i) => i.status !== 'decided' && (i.resolution === null || i.resolution === undefined)).length;
  const waiting = items.filter((i) => i.status !== 'decided' && i.resolution !== null && i.resolution !== undefined).length;
  const applied = items.filter((i) => i.status === 'decided').length;
  return { open, waiting, applied };
}

function countsText(items) {
  const c = counts(items);
  return `<b id="review-open">${c.open}</b> to decide · <b id="review-waiting">${c.waiting}</b> decided, waiting for “Apply and re-read” · <b id="review-applied">${c.applied}</b> in the results`;
}

function columnControls(item) {
  const s = (typeof item.resolution === 'object' && item.resolution) || item.suggestion || { kind: 'nameGenerator' };
  const id = esc(item.id);
  const domains = item.choices ?? DOMAINS;
  const q = esc(item.column ?? '');
  return `<fieldset class="column-decision" data-item="${id}"><legend class="sr-only">What the question “${q}” is</legend>
    <label class="inline">Kind <select data-field="kind" aria-label="Kind of question ${q}">${KINDS.map(([v, t]) => `<option value="${v}"${s.kind === v ? ' selected' : ''}>${esc(t)}</option>`).join('')}</select></label>
    <label class="inline">Relation <select data-field="relation" aria-label="Relation for ${q}">${RELATIONS.map((r) => `<option${s.relation === r ? ' selected' : ''}>${r}</option>`).join('')}</select></label>
    <label class="inline">Domain <select data-field="domain" aria-label="Domain for ${q}"><option value="">choose…</option>${domains.map((d) => `<option value="${esc(d)}"${s.domain === d ? ' selected' : ''}>${esc(domainLabel(d))}</option>`).join('')}</select></label>
    <button type="button" class="secondary" data-save="${id}">Save decision for ${q}</button></fieldset>`;
}

function personControls(item, roster) {
  const id = esc(item.id);
  const what = item.kind === 'respondent' ? `Who answered row ${item.row ?? ''} (${item.raw})` : `Who was meant by ${item.raw}`;
  return `<input type="text" class="who" list="roster-options" id="res-${id}" data-item="${id}" aria-label="${esc(what)}" placeholder="type a name…" value="${esc(decisionText(item, roster))}" autocomplete="off">`;
}

function itemRow(item, roster) {
  const decided = item.status === 'decided';
  const state = decided
    ? item.carriedFrom
      ? `decided last year (${esc(item.carriedFrom)})`
      : 'decided'
    : item.resolution !== null && item.resolution !== undefined
      ? 'decided — apply to use'
      : 'to decide';
  const kindLabel = { column: 'question', respondent: 'respondent', name: 'name' }[item.kind] ?? item.kind;
  const written = item.kind === 'column' ? '' : `<code>${esc(item.raw)}</code>`;
  const why =
    item.kind === 'column'
      ? `${esc(item.reason ?? item.raw)}${item.answers ? ` — ${item.answers} answer${item.answers === 1 ? '' : 's'} waiting` : ''}`
      : esc(
          item.reason ??
            (item.candidates?.length ? `could be ${item.candidates.map((c) => c.name).join(' or ')}` : 'not found on the roster'),
        );
  return `<tr data-item="${esc(item.id)}" data-kind="${esc(item.kind)}" class="${decided ? 'decided' : ''}"><td>${esc(kindLabel)}</td><td class="num">${item.row ?? '—'}</td><td class="small">${esc(item.column ?? '')}</td><td>${written}</td><td class="small">${why}</td>
    <td>${item.kind === 'column' ? columnControls(item) : personControls(item, roster)}</td><td class="small state" aria-live="polite">${state}</td></tr>`;
}

/** The review section: every item of every kind, the roster type-ahead, decisions as a mapping file. */
export function reviewHtml(items, roster) {
  const tools = `<p class="review-tools"><a class="button secondary" id="download-mapping" href="#" download="survey-mapping.yaml">Download decisions (mapping file)</a>
    <label class="inline" for="mapping-file">Use a mapping file <input type="file" id="mapping-file" accept=".yaml,.yml,.json"></label></p>`;
  if (!items.length)
    return `${empty('Nothing to review: every question, respondent and name in the survey was read and matched (or this wave came from a tie list).')}${tools}`;
  return `<p class="lead-in">Everything in the survey that needs a person: questions whose meaning is unclear, respondents who could not be identified for sure, and names that could be several people or no one on the staff list. Decide each, then apply. ${countsText(items)}.</p>
    <datalist id="roster-options">${roster.map((p) => `<option value="${esc(personOption(p))}"></option>`).join('')}<option value="${NOT_ON_ROSTER}"></option><option value="${IGNORE}"></option></datalist>
    <div class="scroll tall"><table id="review-table"><thead><tr><th scope="col">Kind</th><th scope="col" class="num">Row</th><th scope="col">Question</th><th scope="col">Written</th><th scope="col">Why</th><th scope="col">Decision</th><th scope="col">State</th></tr></thead><tbody>
    ${items.map((i) => itemRow(i, roster)).join('')}
    </tbody></table></div>
    <p><button type="button" id="reprocess">Apply and re-read</button> <span id="reprocess-status" class="small" aria-live="polite"></span></p>${tools}`;
}

/** Reads the typed decision: a roster person (by "Name · id", an exact id or an exact name), not on the roster, ignore. */
function parseWho(text, roster) {
  const t = text.trim();
  if (t === '') return { ok: true, value: null };
  if (t === NOT_ON_ROSTER) return { ok: true, value: 'not on roster' };
  if (t === IGNORE) return { ok: true, value: 'ignore' };
  const dot = t.lastIndexOf(' · ');
  const id = dot >= 0 ? t.slice(dot + 3) : t;
  const byId = roster.find((p) => p.id === id);
  if (byId) return { ok: true, value: byId.id };
  const byName = roster.filter((p) => p.name.toLowerCase() === t.toLowerCase());
  if (byName.length === 1) return { ok: true, value: byName[0].id };
  return { ok: false, message: byName.length > 1 ? 'several people have this name: pick one from the list' : 'pick someone from the list' };
}

export function wireReview(root, wave, school, items, roster, rerender) {
  const base = `/api/waves/${encodeURIComponent(wave.id)}`;
  const refreshCounts = () => {
    const lead = root.querySelector('#review .lead-in');
    if (!lead) return;
    const c = counts(items);
    root.querySelector('#review-open').textContent = String(c.open);
    root.querySelector('#review-waiting').textContent = String(c.waiting);
    root.querySelector('#review-applied').textContent = String(c.applied);
  };
  const save = async (itemId, resolution, cell) => {
    cell.textContent = 'saving…';
    try {
      const { item } = await post(`${base}/review/${encodeURIComponent(itemId)}`, { resolution });
      const mine = items.find((i) => i.id === itemId);
      if (mine) Object.assign(mine, item);
      cell.textContent = item.status === 'decided' ? 'decided' : resolution === null ? 'to decide' : 'decided — apply to use';
      refreshCounts();
    } catch (e) {
      cell.innerHTML = `<span class="error">${esc(e instanceof Error ? e.message : String(e))}</span>`;
    }
  };
  for (const input of root.querySelectorAll('#review-table input.who')) {
    input.addEventListener('change', () => {
      const cell = input.closest('tr').querySelector('.state');
      const who = parseWho(input.value, roster);
      if (!who.ok) {
        cell.innerHTML = `<span class="error">${esc(who.message)}</span>`;
        return;
      }
      void save(input.dataset.item, who.value, cell);
    });
  }
  for (const button of root.querySelectorAll('#review-table button[data-save]')) {
    button.addEventListener('click', () => {
      const fs = button.closest('fieldset');
      const cell = button.closest('tr').querySelector('.state');
      const field = (f) => fs.querySelector(`[data-field=${f}]`).value;
      const kind = field('kind');
      const resolution = { kind };
      if (['nameGenerator', 'rosterRow', 'grid'].includes(kind)) {
        if (!field('domain')) {
          cell.innerHTML = '<span class="error">Choose a domain (or all domains) first.</span>';
          return;
        }
        resolution.relation = field('relation');
        resolution.domain = field('domain');
      }
      void save(button.dataset.save, resolution, cell);
    });
  }
  root.querySelector('#download-mapping')?.addEventListener('click', async (ev) => {
    ev.preventDefault();
    const res = await fetch(`${base}/mapping`, { credentials: 'same-origin' });
    const blob = await res.blob();
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${school.slug ?? 'survey'}-mapping.yaml`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  });
  const apply = async (status) => {
    status.textContent = 'Re-reading…';
    const { job } = await post(`${base}/reprocess`);
    const done = await followJob(job.id, (j) => {
      status.textContent = `Re-reading… ${j.progress?.phase ?? ''}`;
    });
    forgetWave(wave.id);
    forgetSchool(school.id);
    if (done.status !== 'succeeded') {
      status.innerHTML = `<span class="error">${esc(done.error?.message ?? 'the survey could not be re-read')}</span>`;
      return;
    }
    await rerender(done.result);
  };
  root.querySelector('#mapping-file')?.addEventListener('change', async (ev) => {
    const file = ev.target.files[0];
    if (!file) return;
    const status = root.querySelector('#reprocess-status') ?? root.querySelector('#review');
    try {
      const text = await file.text();
      await post(`${base}/mapping`, { name: file.name, text });
      await apply(status);
    } catch (e) {
      status.innerHTML = errorBox(e);
    }
  });
  root.querySelector('#reprocess')?.addEventListener('click', async () => {
    const status = root.querySelector('#reprocess-status');
    try {
      await apply(status);
    } catch (e) {
      status.innerHTML = errorBox(e);
    }
  });
}

/** Loads the review list and the roster (for the type-ahead) of a wave. */
export async function loadReview(wave) {
  const base = `/api/waves/${encodeURIComponent(wave.id)}`;
  const [review, roster] = await Promise.all([
    get(`${base}/review`).catch(() => ({ items: [] })),
    wave.status === 'empty' ? { people: [] } : get(`${base}/roster`).catch(() => ({ people: [] })),
  ]);
  return { items: review.items, roster: roster.people };
}

/** The upload / re-read result in words: "needs review" while anything waits for a decision, never a green "Stored". */
export function resultHtml(r, wave) {
  if (r.status === 'needs review') {
    return `<div class="warn-box" role="status"><strong>Needs review:</strong> ${r.people} people, ${r.ties} ties read so far. ${esc(r.banner ?? '')}. <a href="#review">Decide them below</a>, or <a href="#/wave/${esc(wave.id)}">look at the results so far</a>.</div>`;
  }
  return `<div class="ok-box" role="status"><strong>Ready:</strong> ${r.people} people, ${r.ties} ties. <a href="#/wave/${esc(wave.id)}">View report</a></div>`;
}
