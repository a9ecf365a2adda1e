// @ts-check
import { ApiError, esc, followJob, get, upload } from '../api.js';
import { forgetSchool, forgetWave } from '../data.js';
import { empty } from '../ui.js';
import { loadReview, resultHtml, reviewHtml, wireReview } from './review.js';
import { deleteWaveHtml, wireDeleteWave } from './admin-waves.js';

const KB = (n) => (n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} kB`);

/** A wave's stored files, the upload form (with progress and every problem listed) and the survey review list. */
export async function renderWaveData(root, { wave, school, me, stale }) {
  document.title = `Uploads · ${school.name} ${wave.label} · leadmap`;
  const writer = me.role !== 'viewer';
  const crumbs = `<nav class="crumbs" aria-label="Breadcrumb"><a href="#/schools">Schools</a> › <a href="#/school/${esc(school.id)}">${esc(school.name)}</a> › ${wave.status !== 'empty' ? `<a href="#/wave/${esc(wave.id)}">${esc(wave.label)}</a>` : esc(wave.label)} › <span aria-current="page">Uploads &amp; review</span></nav>`;
  if (!writer) {
    root.innerHTML = `${crumbs}<div class="card">Uploads and the survey review list are for analysts and administrators.</div>`;
    return;
  }
  const [{ files }, review] = await Promise.all([get(`/api/waves/${encodeURIComponent(wave.id)}/files`), loadReview(wave)]);
  if (stale()) return;
  root.innerHTML = `${crumbs}
    <h1>${esc(school.name)} · ${esc(wave.label)} <span class="badge" id="wave-badge">${esc(badgeText(wave))}</span></h1>
    <section aria-labelledby="h-upload"><h2 id="h-upload">Upload files</h2>
    <form class="card upload" id="upload-form" novalidate>
      <fieldset><legend>What are you uploading?</legend>
        <label class="inline check"><input type="radio" name="mode" value="ties" checked> A roster and a tie list (CSV)</label>
        <label class="inline check"><input type="radio" name="mode" value="survey"> A survey export (Google Forms, Microsoft Forms, Qualtrics; CSV or .xlsx) and a roster</label>
      </fieldset>
      <div class="files">
        <div><label for="f-roster">Roster file</label><input type="file" id="f-roster" name="roster" accept=".csv,text/csv" aria-describedby="f-roster-hint"><p class="hint small" id="f-roster-hint">Staff list: id, name, role, department… <a href="/templates/roster.csv" download="roster-template.csv">Roster template (CSV)</a></p></div>
        <div data-mode="ties"><label for="f-ties">Ties file</label><input type="file" id="f-ties" name="ties" accept=".csv,text/csv" aria-describedby="f-ties-hint"><p class="hint small" id="f-ties-hint">Who names whom: source, target, relation, domain, weight. <a href="/templates/ties.csv" download="ties-template.csv">Ties template (CSV)</a></p></div>
        <div data-mode="ties"><label for="f-respondents">Respondents file</label><input type="file" id="f-respondents" name="respondents" accept=".csv,text/csv" aria-describedby="f-respondents-hint"><p class="hint small" id="f-respondents-hint">Optional: the ids of those who answered. <a href="/templates/respondents.csv" download="respondents-template.csv">Respondents template (CSV)</a></p></div>
        <div data-mode="survey" hidden><label for="f-survey">Survey export</label><input type="file" id="f-survey" name="survey" accept=".csv,.xlsx,text/csv" aria-describedby="f-survey-hint"><p class="hint small" id="f-survey-hint">Google Forms, Microsoft Forms or Qualtrics, CSV or .xlsx: <a href="#/docs/surveys">how it is read</a>.</p></div>
        <div><label for="f-people">People file</label><input type="file" id="f-people" name="people" accept=".csv,text/csv" aria-describedby="f-people-hint"><p class="hint small" id="f-people-hint">Optional: Likert answers and skills offered and needed, as <code>leadmap import</code> writes them (a survey export brings its own).</p></div>
        <div><label for="f-activities">Activity log</label><input type="file" id="f-activities" name="activities" accept=".csv,text/csv" aria-describedby="f-activities-hint"><p class="hint small" id="f-activities-hint">Optional: date, activity, routine, goal, participants — the patterns of distribution.</p></div>
        <div><label for="f-outcomes">Outcomes file</label><input type="file" id="f-outcomes" name="outcomes" accept=".csv,text/csv" aria-describedby="f-outcomes-hint"><p class="hint small" id="f-outcomes-hint">Optional: school outcomes of this wave — indicator, value, unit, better (higher or lower), source — shown beside the change since the previous wave as association, never cause. <a href="/templates/outcomes.csv" download="outcomes-template.csv">Outcomes template (CSV)</a></p></div>
        <div><label for="f-decisions">Decision map</label><input type="file" id="f-decisions" name="decisions" accept=".csv,text/csv" aria-describedby="f-decisions-hint"><p class="hint small" id="f-decisions-hint">Optional: decision, domain, level, decides, consulted, informed, frequency.</p></div>
      </div>
      <label class="inline" for="unknown">Names not on the roster <select id="unknown" name="unknownPeople"><option value="reject">stop and list them (safest)</option><option value="add">add them as new people</option></select></label>
      <p class="muted small">An upload is all or nothing: if any row has a problem nothing is stored, and the wave keeps its current data. Every column each file may have: <a href="#/docs/data-formats">data formats</a>.</p>
      <p><button type="submit" id="upload-button">Upload</button></p>
      <div id="upload-progress" class="progress-box" hidden>
        <div id="upload-phase" class="small">Sending…</div>
        <progress id="upload-bar" max="1" value="0" aria-labelledby="upload-phase"></progress>
      </div>
      <div id="upload-result" aria-live="polite"></div>
    </form></section>
    <section aria-labelledby="h-review"><h2 id="h-review">Survey review</h2><div class="card" id="review">${reviewHtml(review.items, review.roster)}</div></section>
    <section aria-labelledby="h-files"><h2 id="h-files">Stored files</h2><div class="card" id="files-card">${filesHtml(files, wave)}</div></section>
    ${deleteWaveHtml(wave)}`;
  const refresh = async (result, show = true) => {
    const fresh = {
      ...wave,
      status: result?.status ?? wave.status,
      people: result?.people ?? wave.people,
      ties: result?.ties ?? wave.ties,
    };
    const r = await loadReview(fresh);
    root.querySelector('#wave-badge').textContent = badgeText(fresh);
    root.querySelector('#review').innerHTML = reviewHtml(r.items, r.roster);
    wireReview(root, fresh, school, r.items, r.roster, refresh);
    if (result && show) {
      const status = root.querySelector('#reprocess-status') ?? root.querySelector('#review');
      status.insertAdjacentHTML('beforeend', resultHtml(result, fresh));
    }
  };
  wireUpload(root, wave, school, refresh);
  wireDeleteWave(root, wave, school);
  wireReview(root, wave, school, review.items, review.roster, refresh);
}

const badgeText = (w) => (w.status === 'empty' ? 'no data yet' : `${w.status} · ${w.people} people, ${w.ties} ties`);

function wireUpload(root, wave, school, refresh) {
  const form = root.querySelector('#upload-form');
  const modeInputs = form.querySelectorAll('input[name=mode]');
  const mode = () => [...modeInputs].find((i) => i.checked).value;
  for (const i of modeInputs)
    i.addEventListener('change', () => {
      for (const d of form.querySelectorAll('[data-mode]')) d.hidden = d.dataset.mode !== mode();
    });
  const out = root.querySelector('#upload-result');
  const box = root.querySelector('#upload-progress');
  const bar = root.querySelector('#upload-bar');
  const phase = root.querySelector('#upload-phase');
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    out.innerHTML = '';
    const fd = new FormData();
    const survey = ['people', 'activities', 'decisions', 'outcomes'];
    const fields = mode() === 'ties' ? ['roster', 'ties', 'respondents', ...survey] : ['roster', 'survey', ...survey];
    for (const f of fields) {
      const file = form.querySelector(`#f-${f}`).files[0];
      if (file) fd.append(f, file, file.name);
    }
    const need = mode() === 'ties' ? 'ties' : 'survey';
    if (!fd.has(need) || (mode() === 'survey' && !fd.has('roster'))) {
      out.innerHTML = `<p class="error" role="alert">Choose ${mode() === 'ties' ? 'a tie list' : 'a survey export and a roster'} first.</p>`;
      return;
    }
    fd.append('unknownPeople', form.unknownPeople.value);
    const button = root.querySelector('#upload-button');
    button.disabled = true;
    box.hidden = false;
    try {
      const { job } = await upload(`/api/waves/${encodeURIComponent(wave.id)}/uploads`, fd, (f) => {
        bar.value = f;
        phase.textContent = `Sending… ${Math.round(f * 100)} %`;
      });
      bar.value = 0;
      const done = await followJob(job.id, (j) => {
        const p = j.progress;
        phase.textContent = `${j.status === 'queued' ? 'Waiting' : 'Checking and storing'}${p?.phase ? `: ${p.phase}` : ''}${p?.fraction != null ? ` ${Math.round(p.fraction * 100)} %` : ''}`;
        if (p?.fraction != null) bar.value = p.fraction;
        else bar.removeAttribute('value');
      });
      box.hidden = true;
      forgetWave(wave.id);
      forgetSchool(school.id);
      if (done.status === 'succeeded') {
        const r = done.result;
        out.innerHTML = `${resultHtml(r, wave)}${r.problems?.length ? problemsTable(r.problems, 'Warnings (read anyway)') : ''}`;
        const stored = await get(`/api/waves/${encodeURIComponent(wave.id)}/files`).catch(() => ({ files: [] }));
        root.querySelector('#files-card').innerHTML = filesHtml(stored.files, wave);
        await refresh(r, false);
      } else {
        out.innerHTML = `<div class="error-box" role="alert"><strong>Nothing was stored.</strong> ${esc(done.error?.message ?? 'The files have problems.')}</div>${problemsTable(done.result?.problems ?? [], 'Problems to fix')}`;
      }
    } catch (e) {
      box.hidden = true;
      const problems = e instanceof ApiError ? e.details?.problems : null;
      out.innerHTML = `<div class="error-box" role="alert"><strong>Nothing was stored.</strong> ${esc(e instanceof Error ? e.message : String(e))}</div>${problems ? problemsTable(problems, 'Problems to fix') : ''}`;
    } finally {
      button.disabled = false;
    }
  });
}

/** The stored originals, each downloadable as it was uploaded. */
function filesHtml(files, wave) {
  if (files.length === 0) return empty('No files stored for this wave yet.');
  const href = (f) => `/api/waves/${encodeURIComponent(wave.id)}/files/${encodeURIComponent(f.id)}`;
  return `<div class="scroll"><table id="files"><thead><tr><th scope="col">File</th><th scope="col">Kind</th><th scope="col" class="num">Size</th><th scope="col">Uploaded</th></tr></thead><tbody>
    ${files.map((f) => `<tr><td><a href="${esc(href(f))}" download="${esc(f.originalName)}" data-direct>${esc(f.originalName)}</a></td><td>${esc(f.kind)}</td><td class="num">${KB(f.bytes)}</td><td>${esc(new Date(f.createdAt).toLocaleString())}</td></tr>`).join('')}</tbody></table></div>`;
}

export function problemsTable(problems, title) {
  if (!problems.length) return '';
  const shown = problems.slice(0, 500);
  return `<h3>${esc(title)} (${problems.length})</h3><div class="scroll tall"><table class="problems" id="problems"><thead><tr><th scope="col">File</th><th scope="col" class="num">Row</th><th scope="col">Column</th><th scope="col">Value</th><th scope="col">What was expected</th></tr></thead><tbody>
    ${shown.map((p) => `<tr class="${esc(p.severity)}"><td>${esc(p.file)}</td><td class="num">${p.row ?? '—'}</td><td>${esc(p.column ?? '—')}</td><td><code>${esc(p.value ?? '')}</code></td><td>${esc(p.message)}</td></tr>`).join('')}
    </tbody></table></div>${problems.length > shown.length ? `<p class="note">First ${shown.length} shown.</p>` : ''}`;
}
