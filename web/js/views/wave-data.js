import { ApiError, esc, followJob, get, post, upload } from '../api.js';
import { forgetSchool, forgetWave } from '../data.js';
import { empty, errorBox } from '../ui.js';

const KB = (n) => (n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} kB`);

/** A wave's stored files, the upload form (with progress and every problem listed) and the survey review list. */
export async function renderWaveData(root, { wave, school, me, stale }) {
  document.title = `Uploads · ${school.name} ${wave.label} · leadmap`;
  const writer = me.role !== 'viewer';
  const crumbs = `<nav class="crumbs" aria-label="Breadcrumb"><a href="#/schools">Schools</a> › <a href="#/school/${esc(school.id)}">${esc(school.name)}</a> › ${wave.status === 'ready' ? `<a href="#/wave/${esc(wave.id)}">${esc(wave.label)}</a>` : esc(wave.label)} › <span aria-current="page">Uploads &amp; review</span></nav>`;
  if (!writer) {
    root.innerHTML = `${crumbs}<div class="card">Uploads and the survey review list are for analysts and administrators.</div>`;
    return;
  }
  const [{ files }, review] = await Promise.all([
    get(`/api/waves/${encodeURIComponent(wave.id)}/files`),
    get(`/api/waves/${encodeURIComponent(wave.id)}/review`).catch(() => ({ items: [] })),
  ]);
  if (stale()) return;
  root.innerHTML = `${crumbs}
    <h1>${esc(school.name)} · ${esc(wave.label)} <span class="badge" id="wave-badge">${esc(wave.status === 'ready' ? `${wave.people} people, ${wave.ties} ties` : 'no data yet')}</span></h1>
    <section aria-labelledby="h-upload"><h2 id="h-upload">Upload files</h2>
    <form class="card upload" id="upload-form" novalidate>
      <fieldset><legend>What are you uploading?</legend>
        <label class="inline check"><input type="radio" name="mode" value="ties" checked> A roster and a tie list (CSV)</label>
        <label class="inline check"><input type="radio" name="mode" value="survey"> A survey export (Google Forms, Microsoft Forms, Qualtrics; CSV or .xlsx) and a roster</label>
      </fieldset>
      <div class="files">
        <div><label for="f-roster">Roster <span class="muted small">staff list: id, name, role, department…</span></label><input type="file" id="f-roster" name="roster" accept=".csv,text/csv"></div>
        <div data-mode="ties"><label for="f-ties">Tie list <span class="muted small">who names whom</span></label><input type="file" id="f-ties" name="ties" accept=".csv,text/csv"></div>
        <div data-mode="ties"><label for="f-respondents">Respondents <span class="muted small">optional: ids of those who answered</span></label><input type="file" id="f-respondents" name="respondents" accept=".csv,text/csv"></div>
        <div data-mode="survey" hidden><label for="f-survey">Survey export</label><input type="file" id="f-survey" name="survey" accept=".csv,.xlsx,text/csv"></div>
      </div>
      <label class="inline" for="unknown">Names not on the roster <select id="unknown" name="unknownPeople"><option value="reject">stop and list them (safest)</option><option value="add">add them as new people</option></select></label>
      <p class="muted small">An upload is all or nothing: if any row has a problem nothing is stored, and the wave keeps its current data. Formats: docs/data-formats.md.</p>
      <p><button type="submit" id="upload-button">Upload and check</button></p>
      <div id="upload-progress" class="progress-box" hidden>
        <div id="upload-phase" class="small">Sending…</div>
        <progress id="upload-bar" max="1" value="0" aria-labelledby="upload-phase"></progress>
      </div>
      <div id="upload-result" aria-live="polite"></div>
    </form></section>
    <section aria-labelledby="h-review"><h2 id="h-review">Survey review</h2><div class="card" id="review">${reviewHtml(review.items)}</div></section>
    <section aria-labelledby="h-files"><h2 id="h-files">Stored files</h2><div class="card" id="files-card">${filesHtml(files)}</div></section>`;
  wireUpload(root, wave, school);
  wireReview(root, wave, review.items);
}

function wireUpload(root, wave, school) {
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
    const fields = mode() === 'ties' ? ['roster', 'ties', 'respondents'] : ['roster', 'survey'];
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
        root.querySelector('#wave-badge').textContent = `${r.people} people, ${r.ties} ties`;
        out.innerHTML = `<div class="ok-box" role="status"><strong>Stored:</strong> ${r.people} people, ${r.ties} ties. <a href="#/wave/${esc(wave.id)}">Open the analysis</a></div>${r.problems?.length ? problemsTable(r.problems, 'Warnings (stored anyway)') : ''}`;
        const [review, stored] = await Promise.all([
          get(`/api/waves/${encodeURIComponent(wave.id)}/review`).catch(() => ({ items: [] })),
          get(`/api/waves/${encodeURIComponent(wave.id)}/files`).catch(() => ({ files: [] })),
        ]);
        root.querySelector('#files-card').innerHTML = filesHtml(stored.files);
        root.querySelector('#review').innerHTML = reviewHtml(review.items);
        wireReview(root, wave, review.items);
      } else {
        out.innerHTML = `<div class="error-box" role="alert"><strong>Nothing was stored.</strong> ${esc(done.error?.message ?? 'The files have problems.')}</div>${problemsTable(done.result?.problems ?? [], 'Problems to fix')}`;
      }
    } catch (e) {
      box.hidden = true;
      const problems = e instanceof ApiError ? e.details?.problems : null;
      out.innerHTML = `<div class="error-box" role="alert"><strong>Nothing was stored.</strong> ${esc(e.message)}</div>${problems ? problemsTable(problems, 'Problems to fix') : ''}`;
    } finally {
      button.disabled = false;
    }
  });
}

function filesHtml(files) {
  if (files.length === 0) return empty('No files stored for this wave yet.');
  return `<table id="files"><thead><tr><th scope="col">File</th><th scope="col">Kind</th><th scope="col" class="num">Size</th><th scope="col">Uploaded</th></tr></thead><tbody>
    ${files.map((f) => `<tr><td>${esc(f.originalName)}</td><td>${esc(f.kind)}</td><td class="num">${KB(f.bytes)}</td><td>${esc(new Date(f.createdAt).toLocaleString())}</td></tr>`).join('')}</tbody></table>`;
}

export function problemsTable(problems, title) {
  if (!problems.length) return '';
  const shown = problems.slice(0, 500);
  return `<h3>${esc(title)} (${problems.length})</h3><div class="scroll tall"><table class="problems" id="problems"><thead><tr><th scope="col">File</th><th scope="col" class="num">Row</th><th scope="col">Column</th><th scope="col">Value</th><th scope="col">What was expected</th></tr></thead><tbody>
    ${shown.map((p) => `<tr class="${esc(p.severity)}"><td>${esc(p.file)}</td><td class="num">${p.row ?? '—'}</td><td>${esc(p.column ?? '—')}</td><td><code>${esc(p.value ?? '')}</code></td><td>${esc(p.message)}</td></tr>`).join('')}
    </tbody></table></div>${problems.length > shown.length ? `<p class="note">First ${shown.length} shown.</p>` : ''}`;
}

function reviewHtml(items) {
  if (!items.length) return empty('Nothing to review: every name in the survey matched the roster (or this wave came from a tie list).');
  const open = items.filter((i) => !i.resolution).length;
  return `<p class="lead-in">Names in the survey answers that could not be matched to the roster with certainty. Pick who was meant, then re-read the survey with your decisions. <b id="review-open">${open}</b> of ${items.length} undecided.</p>
    <div class="scroll tall"><table id="review-table"><thead><tr><th scope="col" class="num">Row</th><th scope="col">Question</th><th scope="col">Written</th><th scope="col">Who was meant?</th><th scope="col"></th></tr></thead><tbody>
    ${items
      .map(
        (
          i,
        ) => `<tr data-item="${esc(i.id)}"><td class="num">${i.row ?? '—'}</td><td class="small">${esc(i.column ?? '')}</td><td><code>${esc(i.raw)}</code></td><td><label class="sr-only" for="res-${esc(i.id)}">Who was meant by ${esc(i.raw)}</label><select id="res-${esc(i.id)}" data-item="${esc(i.id)}">
      <option value="">undecided</option>${(i.candidates ?? []).map((c) => `<option value="${esc(c.id)}"${i.resolution === c.id ? ' selected' : ''}>${esc(c.name)} (${Math.round(c.score * 100)} % match)</option>`).join('')}
      <option value="not on roster"${i.resolution === 'not on roster' ? ' selected' : ''}>not on the roster</option><option value="ignore"${i.resolution === 'ignore' ? ' selected' : ''}>ignore this answer</option></select></td><td class="small saved" aria-live="polite"></td></tr>`,
      )
      .join('')}
    </tbody></table></div>
    <p><button type="button" id="reprocess">Re-read the survey with these decisions</button> <span id="reprocess-status" class="small" aria-live="polite"></span></p>`;
}

function wireReview(root, wave, items) {
  for (const sel of root.querySelectorAll('#review-table select')) {
    sel.addEventListener('change', async () => {
      const cell = sel.closest('tr').querySelector('.saved');
      cell.textContent = 'saving…';
      try {
        await post(`/api/waves/${encodeURIComponent(wave.id)}/review/${encodeURIComponent(sel.dataset.item)}`, {
          resolution: sel.value || null,
        });
        cell.textContent = 'saved';
        const item = items.find((i) => i.id === sel.dataset.item);
        if (item) item.resolution = sel.value || null;
        const n = root.querySelector('#review-open');
        if (n) n.textContent = String(items.filter((i) => !i.resolution).length);
      } catch (e) {
        cell.innerHTML = `<span class="error">${esc(e.message)}</span>`;
      }
    });
  }
  root.querySelector('#reprocess')?.addEventListener('click', async () => {
    const status = root.querySelector('#reprocess-status');
    status.textContent = 'Re-reading…';
    try {
      const { job } = await post(`/api/waves/${encodeURIComponent(wave.id)}/reprocess`);
      const done = await followJob(job.id, (j) => {
        status.textContent = `Re-reading… ${j.progress?.phase ?? ''}`;
      });
      forgetWave(wave.id);
      status.innerHTML =
        done.status === 'succeeded'
          ? `Done: ${done.result.people} people, ${done.result.ties} ties. <a href="#/wave/${esc(wave.id)}">Open the analysis</a>`
          : `<span class="error">${esc(done.error?.message ?? 'failed')}</span>`;
    } catch (e) {
      status.innerHTML = errorBox(e);
    }
  });
}
