import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Router } from 'express';
import { absolutePath, randomName } from '../../store/files.js';
import { LeadmapError } from '../../model/errors.js';
import { ingestInBackground } from '../../jobs/ingest-job.js';
import type { IngestInput, IngestOutcome, ReceivedFile } from '../../jobs/ingest-task.js';
import type { ReportProgress } from '../../jobs/jobs.js';
import type { JobView } from '../../jobs/jobs.js';
import { accountOf, canSeeSchool, requireWriter, waveFor } from '../access.js';
import type { AppDeps } from '../context.js';
import { receiveUpload } from '../upload/multipart.js';
import { surveyDecisions } from '../survey-decisions.js';

const FILE_FIELDS = ['roster', 'ties', 'respondents', 'survey', 'people', 'activities', 'decisions', 'outcomes'] as const;
const UNKNOWN_PEOPLE = ['reject', 'add'] as const;

export function uploadRoutes(deps: AppDeps): Router {
  const r = Router();
  const { store, jobs, audit, log } = deps;

  /**
   * Upload a wave's files (multipart: roster, ties, respondents — or roster and survey — and, for the
   * survey side, people, activities, decisions). Answers 202
   * with a job; the files are read and stored off the request path. The wave's
   * previous dataset stays until the new one is completely stored.
   */
  r.post('/api/waves/:waveId/uploads', async (req, res) => {
    const { wave, school } = await waveFor(store, req, req.params.waveId);
    const account = requireWriter(req);
    const upload = await receiveUpload(req, {
      tmpDir: deps.dir.tmpDir,
      maxBytes: deps.options.maxUploadBytes,
      maxFiles: deps.options.maxUploadFiles,
      fileFields: FILE_FIELDS,
      textFields: ['unknownPeople', 'undirected'],
      spreadsheetFields: ['survey'],
    });
    const files: ReceivedFile[] = upload.files.map((f) => ({
      kind: f.field as ReceivedFile['kind'],
      tmpPath: f.tmpPath,
      originalName: f.originalName,
      bytes: f.bytes,
      sha256: f.sha256,
    }));
    const unknownPeople = upload.fields.unknownPeople;
    if (unknownPeople !== undefined && !(UNKNOWN_PEOPLE as readonly string[]).includes(unknownPeople)) {
      await discard(files);
      throw new LeadmapError('VALIDATION', `"unknownPeople" must be one of ${UNKNOWN_PEOPLE.join(', ')}`);
    }
    const problem = shapeProblem(files);
    if (problem) {
      await discard(files);
      throw new LeadmapError('INVALID_UPLOAD', problem);
    }
    const undirected = upload.fields.undirected
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const decisions = files.some((f) => f.kind === 'survey') ? await surveyDecisions(store, wave, true) : undefined;
    let job: JobView;
    try {
      job = jobs.start({
        kind: 'ingest',
        schoolId: school.id,
        waveId: wave.id,
        ownerId: account.id,
        exclusiveKey: `wave:${wave.id}`,
        run: async (report, signal) => {
          const started = Date.now();
          const outcome = await ingest(
            deps,
            {
              dataDir: deps.dir.root,
              schoolId: school.id,
              waveId: wave.id,
              files,
              uploadedBy: account.id,
              unknownPeople: unknownPeople as 'reject' | 'add' | undefined,
              undirected,
              decisions,
            },
            report,
            signal,
          );
          log.info('ingest_done', { wave: wave.id, people: outcome.people, ties: outcome.ties, ms: Date.now() - started });
          return outcome;
        },
      });
    } catch (err) {
      await discard(files);
      throw err;
    }
    audit.record({
      organisationId: account.organisationId,
      accountId: account.id,
      action: 'upload',
      target: `wave:${wave.id}`,
      detail: files.map((f) => `${f.kind}:${f.sha256.slice(0, 12)}`).join(' '),
    });
    if (req.query.wait === '1') {
      // Scripts and small files: answer when the ingest is done (201, or the ingest's 4xx with every problem).
      const done = await jobs.settled(job, 120_000);
      if (done.status === 'failed') throw new LeadmapError(done.error!.code, done.error!.message, done.result ?? undefined);
      if (done.finishedAt) {
        res.status(201).json({ job: publicJob(done) });
        return;
      }
    }
    res
      .status(202)
      .location(`/api/jobs/${job.id}`)
      .json({ job: publicJob(job) });
  });

  /**
   * Re-reads a wave's stored survey export with the review list's resolutions
   * applied (after resolving items). Same job flow as an upload.
   */
  r.post('/api/waves/:waveId/reprocess', async (req, res) => {
    const { wave, school } = await waveFor(store, req, req.params.waveId);
    const account = requireWriter(req);
    const stored = await store.listUploadFiles(wave.id);
    const survey = stored.find((f) => f.kind === 'survey');
    const roster = stored.find((f) => f.kind === 'roster');
    if (!survey || !roster)
      throw new LeadmapError('VALIDATION', 'this wave was not loaded from a survey export; there is nothing to reprocess');
    const decisions = await surveyDecisions(store, wave, false);
    const files: ReceivedFile[] = [];
    for (const f of [roster, survey]) {
      const tmpPath = join(deps.dir.tmpDir, randomName());
      await copyFile(absolutePath(deps.dir, f.storedPath), tmpPath);
      files.push({ kind: f.kind as ReceivedFile['kind'], tmpPath, originalName: f.originalName, bytes: f.bytes, sha256: f.sha256 });
    }
    let job: JobView;
    try {
      job = jobs.start({
        kind: 'ingest',
        schoolId: school.id,
        waveId: wave.id,
        ownerId: account.id,
        exclusiveKey: `wave:${wave.id}`,
        run: (report, signal) =>
          ingest(
            deps,
            { dataDir: deps.dir.root, schoolId: school.id, waveId: wave.id, files, uploadedBy: account.id, decisions },
            report,
            signal,
          ),
      });
    } catch (err) {
      await discard(files);
      throw err;
    }
    audit.record({
      organisationId: account.organisationId,
      accountId: account.id,
      action: 'reprocess',
      target: `wave:${wave.id}`,
      detail: `${Object.keys(decisions.mapping.questions ?? {}).length + Object.keys(decisions.mapping.resolutions ?? {}).length + Object.keys(decisions.mapping.respondents ?? {}).length} decisions`,
    });
    res
      .status(202)
      .location(`/api/jobs/${job.id}`)
      .json({ job: publicJob(job) });
  });

  r.get('/api/jobs/:jobId', async (req, res) => {
    res.json({ job: publicJob(await jobFor(req.params.jobId, req)) });
  });

  /** Server-sent events: one `progress` event per change, then `done`. */
  r.get('/api/jobs/:jobId/events', async (req, res) => {
    const job = await jobFor(req.params.jobId, req);
    res.set({ 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.flushHeaders();
    let stop: () => void = () => {};
    const send = (j: JobView): void => {
      if (res.writableEnded) return;
      res.write(`event: ${j.finishedAt ? 'done' : 'progress'}\ndata: ${JSON.stringify(publicJob(j))}\n\n`);
      if (j.finishedAt) {
        stop();
        res.end();
      }
    };
    if (jobs.get(job.id)) {
      stop = jobs.subscribe(job.id, send);
      req.on('close', () => stop());
      send(job);
      return;
    }
    // A job another server runs: follow what it writes to the ledger.
    let last = '';
    const timer = setInterval(() => void poll(), 500);
    stop = () => clearInterval(timer);
    req.on('close', () => stop());
    const poll = async (): Promise<void> => {
      const j = await jobs.find(job.id);
      const key = j ? JSON.stringify(publicJob(j)) : last;
      if (j && key !== last) {
        last = key;
        send(j);
      }
    };
    await poll();
  });

  async function jobFor(id: unknown, req: Parameters<typeof accountOf>[0]): Promise<JobView> {
    const job = typeof id === 'string' ? await jobs.find(id) : null;
    const school = job ? await store.getSchool(job.schoolId) : null;
    const account = accountOf(req);
    // An ingest's problems may quote file contents: only its owner (or an admin) sees it. Views are the school's.
    if (
      !job ||
      !school ||
      !canSeeSchool(account, school) ||
      (!job.sharedWithSchool && job.ownerId !== account.id && account.role !== 'admin')
    )
      throw new LeadmapError('NOT_FOUND', 'no such job');
    return job;
  }
  return r;

  async function discard(files: ReceivedFile[]): Promise<void> {
    const { rm } = await import('node:fs/promises');
    for (const f of files) await rm(f.tmpPath, { force: true });
  }
}

/** Which combinations of files make an upload. */
function shapeProblem(files: ReceivedFile[]): string | null {
  const has = (k: string): boolean => files.some((f) => f.kind === k);
  if (has('survey') && has('ties')) return 'send either a ties file or a survey export, not both';
  if (has('survey') && !has('roster')) return 'a survey export needs the roster too (form field "roster"), to match names';
  if (!has('survey') && !has('ties'))
    return 'an upload needs a ties file (form field "ties") or a survey export (field "survey"); roster and respondents are optional';
  return null;
}

/** A job as served: problems from the readers included (they name file, row, column — not people). */
export function publicJob(j: JobView) {
  return {
    id: j.id,
    kind: j.kind,
    status: j.status,
    progress: j.progress,
    result: j.result,
    error: j.error,
    createdAt: j.createdAt,
    finishedAt: j.finishedAt,
    waveId: j.waveId,
  };
}

/** Runs an ingest where this server's jobs run: on the queue (PostgreSQL and `leadmap worker`), else on a worker thread here. */
function ingest(deps: AppDeps, input: IngestInput, report: ReportProgress, signal: AbortSignal): Promise<IngestOutcome> {
  return deps.ingestRunner ? deps.ingestRunner.run<IngestOutcome>(input, report, signal) : ingestInBackground(input, report, signal);
}
