import { Router, type Request, type Response } from 'express';
import { accountOf, waveFor } from '../access.js';
import type { AppDeps } from '../context.js';
import { disclosureFor, previousReadyWave, readyWave, selectionOf, wantsAnonymised, withCompleteness } from '../analysis/service.js';
import { LeadmapError } from '../../model/errors.js';
import { ANALYSIS_DOCS, isAnalysisDoc, type AnalysisDoc } from '../views/documents.js';
import type { ViewEntry } from '../views/service.js';
import type { ViewTask } from '../views/task.js';
import type { JobView } from '../../jobs/jobs.js';
import { publicJob } from './uploads.js';
import { SURVEY_CSVS, type SurveyCsv } from '../export/survey-csv.js';
import { surveyFileRefs, withPeopleFile } from '../analysis/survey-files.js';

/**
 * Analyses, the network, leadership and exports of one wave. Each is computed as a job off the
 * event loop (src/server/views): the answer is the body (cached by data hash and selection), or —
 * while a large wave is still being computed — 202 with the job to follow (Location: /api/jobs/<id>).
 */
export function analysisRoutes(deps: AppDeps): Router {
  const r = Router();
  const { store, audit } = deps;

  const analysisTask = (req: Request, wave: Parameters<typeof readyWave>[0], unit: string | null, doc: AnalysisDoc): ViewTask => {
    const sel = selectionOf(req);
    return {
      kind: 'analysis',
      doc,
      wave: readyWave(wave, unit),
      relation: sel.relation,
      domain: sel.domain,
      disclosure: disclosureFor(req, wantsAnonymised(req)),
      minGroupSize: deps.privacy.minGroupSize,
    };
  };

  /** Indicators, people, department statistics and who-leads-what of one wave (?relation=&domain=&anonymised=1). */
  r.get('/api/waves/:waveId/analysis', async (req, res) => {
    const { wave, school, unit } = await waveFor(store, req, req.params.waveId, 'allow-scoped');
    const task = analysisTask(req, wave, unit, 'analysis');
    const out = await deps.views.view(task, { schoolId: school.id, accountId: accountOf(req).id });
    if (isJob(out)) return accepted(res, out);
    auditView(req, wave.id, 'view', `analysis ${out.selection.relation}/${out.selection.domain} ${disclosureOf(task)}`);
    res.type('application/json').send(withCompleteness(out.body, wave, unit));
  });

  /** Nodes and edges for the network view. */
  r.get('/api/waves/:waveId/graph', async (req, res) => {
    const { wave, school, unit } = await waveFor(store, req, req.params.waveId, 'allow-scoped');
    const task = analysisTask(req, wave, unit, 'graph');
    const out = await deps.views.view(task, { schoolId: school.id, accountId: accountOf(req).id });
    if (isJob(out)) return accepted(res, out);
    auditView(req, wave.id, 'view', `graph ${out.selection.relation}/${out.selection.domain} ${disclosureOf(task)}`);
    res.type('application/json').send(withCompleteness(out.body, wave, unit));
  });

  /** Leadership analytics (src/metrics/analytics.ts) through the privacy layer (?relation=&anonymised=1). */
  r.get('/api/waves/:waveId/leadership', async (req, res) => {
    const { wave, school, unit } = await waveFor(store, req, req.params.waveId, 'allow-scoped');
    const task: ViewTask = {
      kind: 'leadership',
      wave: readyWave(wave, unit),
      relation: selectionOf(req).relation,
      disclosure: disclosureFor(req, wantsAnonymised(req)),
      minGroupSize: deps.privacy.minGroupSize,
    };
    const out = await deps.views.view(task, { schoolId: school.id, accountId: accountOf(req).id });
    if (isJob(out)) return accepted(res, out);
    auditView(req, wave.id, 'view', `leadership ${out.selection.relation}`);
    res.type('application/json').send(withCompleteness(out.body, wave, unit));
  });

  /** Key indicators as the report prints them, preformatted (?relation=&domain=&anonymised=1), with the change since the previous wave. */
  r.get('/api/waves/:waveId/indicators', async (req, res) => {
    const { wave, school, unit } = await waveFor(store, req, req.params.waveId, 'allow-scoped');
    const sel = selectionOf(req);
    const before = await previousReadyWave(store, school.id, wave);
    const task: ViewTask = {
      kind: 'indicators',
      // With their people files, so the change column reads the comparison the compare view and the report read (one cache entry).
      wave: await withPeopleFile(store, deps.dir, readyWave(wave, unit)),
      previous: before ? await withPeopleFile(store, deps.dir, readyWave(before, unit)) : null,
      relation: sel.relation,
      domain: sel.domain,
      disclosure: disclosureFor(req, wantsAnonymised(req)),
      minGroupSize: deps.privacy.minGroupSize,
    };
    const out = await deps.views.view(task, { schoolId: school.id, accountId: accountOf(req).id });
    if (isJob(out)) return accepted(res, out);
    auditView(req, wave.id, 'view', `indicators ${out.selection.relation}/${out.selection.domain} ${disclosureOf(task)}`);
    res.type('application/json').send(out.body);
  });

  /**
   * The survey side of a wave (?relation=&anonymised=1): scales, survey meets network, skills prompts,
   * the decision map and the activity log's patterns (src/report/survey/view.ts), each null when the
   * wave has no such file; pseudonymised for viewers.
   */
  r.get('/api/waves/:waveId/survey', async (req, res) => {
    const { wave, school } = await waveFor(store, req, req.params.waveId);
    const task = await surveyTask(req, wave, 'survey');
    const out = await deps.views.view(task, { schoolId: school.id, accountId: accountOf(req).id });
    if (isJob(out)) return accepted(res, out);
    auditView(req, wave.id, 'view', `survey ${out.selection.relation} ${disclosureOf(task)}`);
    res.type('application/json').send(withCompleteness(out.body, wave, null));
  });

  /** The survey side as CSV (scales.csv, skills.csv, decisions.csv, patterns.csv; formula-safe), for the edition. */
  r.get('/api/waves/:waveId/survey/:file', async (req, res) => {
    const { wave, school } = await waveFor(store, req, req.params.waveId);
    const file = String(req.params.file);
    if (!(SURVEY_CSVS as readonly string[]).includes(file))
      throw new LeadmapError('NOT_FOUND', `no such export; choose one of ${SURVEY_CSVS.join(', ')}`);
    const task = await surveyTask(req, wave, file as SurveyCsv);
    const out = await deps.views.view(task, { schoolId: school.id, accountId: accountOf(req).id });
    if (isJob(out)) return accepted(res, out);
    const disclosure = disclosureOf(task);
    auditView(req, wave.id, 'export', `survey ${file} ${out.selection.relation} ${disclosure}`);
    const name = `${school.slug}-${fileNamePart(wave.label)}-${fileNamePart(out.selection.relation)}${disclosure === 'named' ? '' : '-anonymised'}-${file}`;
    res.set('Content-Type', 'text/csv; charset=utf-8').attachment(name).send(out.body);
  });

  async function surveyTask(req: Request, wave: Parameters<typeof readyWave>[0], doc: 'survey' | SurveyCsv): Promise<ViewTask> {
    return {
      kind: 'survey',
      doc,
      // Survey files name every school's staff of a district record: refused to one-school accounts (waveFor).
      wave: readyWave(wave, null),
      files: await surveyFileRefs(store, deps.dir, wave.id),
      relation: selectionOf(req).relation,
      disclosure: disclosureFor(req, wantsAnonymised(req)),
      minGroupSize: deps.privacy.minGroupSize,
    };
  }

  /** Downloads; ?anonymised=1 gives pseudonymised labels (always so for viewers). */
  r.get('/api/waves/:waveId/export/:format', async (req, res) => {
    const { wave, school, unit } = await waveFor(store, req, req.params.waveId, 'allow-scoped');
    const format = String(req.params.format);
    const exportable = Object.keys(ANALYSIS_DOCS).filter((d) => d.includes('.'));
    if (!isAnalysisDoc(format) || !exportable.includes(format))
      throw new LeadmapError('NOT_FOUND', `no such export; choose one of ${exportable.join(', ')}`);
    const task = analysisTask(req, wave, unit, format);
    const out = await deps.views.view(task, { schoolId: school.id, accountId: accountOf(req).id });
    if (isJob(out)) return accepted(res, out);
    const { relation, domain } = out.selection;
    const disclosure = disclosureOf(task);
    auditView(req, wave.id, 'export', `${format} ${relation}/${domain} ${disclosure}`);
    const name = `${school.slug}${unit === null ? '' : `-${fileNamePart(unit)}`}-${fileNamePart(wave.label)}-${fileNamePart(relation)}-${fileNamePart(domain)}${disclosure === 'named' ? '' : '-anonymised'}-${format}`;
    res.set('Content-Type', ANALYSIS_DOCS[format]).attachment(name).send(out.body);
  });
  return r;

  function auditView(req: Request, waveId: string, action: 'view' | 'export', detail: string): void {
    if (req.method === 'HEAD') return; // the web app's "is it ready?" before a download
    const account = accountOf(req);
    audit.record({ organisationId: account.organisationId, accountId: account.id, action, target: `wave:${waveId}`, detail });
  }
}

export function isJob(x: ViewEntry | JobView): x is JobView {
  return 'status' in x;
}

/** 202: the view is still being computed; follow the job, then ask again. */
export function accepted(res: Response, job: JobView): void {
  res
    .status(202)
    .location(`/api/jobs/${job.id}`)
    .json({ job: publicJob(job) });
}

function disclosureOf(task: ViewTask): string {
  return 'disclosure' in task ? task.disclosure : 'named';
}

/** A piece of a download's file name: lower-case letters, digits and hyphens, at most 40 characters ("x" when nothing is left). */
export function fileNamePart(s: string): string {
  return (
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'x'
  );
}
