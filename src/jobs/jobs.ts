import { EventEmitter } from 'node:events';
import { randomBytes } from 'node:crypto';
import { LeadmapError } from '../model/errors.js';

/**
 * Long work as a job: an id, progress and a result, run in-process by default.
 * The same shape can later be backed by a queue engine (pg-boss, BullMQ) with
 * `leadmap worker` processes; callers only see start / get / subscribe.
 */
export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';
export interface JobProgress {
  phase: string;
  done: number;
  total: number;
  fraction: number;
}
export interface JobView {
  id: string;
  kind: string;
  status: JobStatus;
  progress: JobProgress;
  /** Plain data, safe to serve (already passed through the privacy layer by the job itself). */
  result: unknown;
  error: { code: string; message: string } | null;
  createdAt: string;
  finishedAt: string | null;
  /** Tenancy: the school the job touches, for access checks. */
  schoolId: string;
  waveId: string | null;
  ownerId: string;
}

export type ReportProgress = (phase: string, done: number, total: number) => void;
export interface JobSpec {
  kind: string;
  schoolId: string;
  waveId: string | null;
  ownerId: string;
  /** A second job with the same exclusive key is refused while the first runs (e.g. one ingest per wave). */
  exclusiveKey?: string;
  run(report: ReportProgress): Promise<unknown>;
}

const KEEP_FINISHED_MS = 60 * 60_000;

export class JobRunner {
  private readonly jobs = new Map<string, JobView>();
  private readonly busy = new Set<string>();
  private readonly events = new EventEmitter();
  /** Jobs run one after another: SQLite has a single writer anyway. */
  private chain: Promise<void> = Promise.resolve();

  constructor() {
    this.events.setMaxListeners(1000);
  }

  start(spec: JobSpec): JobView {
    if (spec.exclusiveKey && this.busy.has(spec.exclusiveKey)) {
      throw new LeadmapError('WAVE_BUSY', 'an upload for this wave is still being processed; wait for it to finish');
    }
    if (spec.exclusiveKey) this.busy.add(spec.exclusiveKey);
    const job: JobView = {
      id: randomBytes(12).toString('base64url'),
      kind: spec.kind,
      status: 'queued',
      progress: { phase: 'queued', done: 0, total: 0, fraction: 0 },
      result: null,
      error: null,
      createdAt: new Date().toISOString(),
      finishedAt: null,
      schoolId: spec.schoolId,
      waveId: spec.waveId,
      ownerId: spec.ownerId,
    };
    this.jobs.set(job.id, job);
    this.prune();
    const run = async (): Promise<void> => {
      job.status = 'running';
      job.progress = { phase: 'starting', done: 0, total: 0, fraction: 0 };
      this.emit(job);
      let lastEmit = 0;
      const report: ReportProgress = (phase, done, total) => {
        job.progress = { phase, done, total, fraction: total > 0 ? Math.min(1, done / total) : 0 };
        const now = Date.now();
        if (now - lastEmit > 200 || done === total) {
          lastEmit = now;
          this.emit(job);
        }
      };
      try {
        job.result = await spec.run(report);
        job.status = 'succeeded';
        job.progress = { ...job.progress, phase: 'done', fraction: 1 };
      } catch (err) {
        job.status = 'failed';
        job.error =
          err instanceof LeadmapError
            ? { code: err.code, message: err.message }
            : { code: 'INTERNAL', message: 'the job failed on the server; the error was logged' };
        if (err instanceof LeadmapError && err.details !== undefined) job.result = err.details;
        if (!(err instanceof LeadmapError)) this.events.emit('crash', job, err);
      } finally {
        job.finishedAt = new Date().toISOString();
        if (spec.exclusiveKey) this.busy.delete(spec.exclusiveKey);
        this.emit(job);
      }
    };
    this.chain = this.chain.then(run, run);
    return job;
  }

  get(id: string): JobView | null {
    return this.jobs.get(id) ?? null;
  }

  /** Calls `listener` on every change of the job until it finishes; returns an unsubscribe function. */
  subscribe(id: string, listener: (job: JobView) => void): () => void {
    const f = (job: JobView): void => {
      if (job.id === id) listener(job);
    };
    this.events.on('change', f);
    return () => this.events.off('change', f);
  }

  onCrash(listener: (job: JobView, err: unknown) => void): void {
    this.events.on('crash', listener);
  }

  /** Resolves when every queued job has finished (shutdown, tests). */
  async idle(): Promise<void> {
    let last: Promise<void>;
    do {
      last = this.chain;
      await last;
    } while (last !== this.chain);
  }

  private emit(job: JobView): void {
    this.events.emit('change', job);
  }

  private prune(): void {
    const now = Date.now();
    for (const [id, j] of this.jobs) {
      if (j.finishedAt && now - Date.parse(j.finishedAt) > KEEP_FINISHED_MS) this.jobs.delete(id);
    }
  }
}
