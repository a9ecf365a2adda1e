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
  /** Anyone who may see the school may follow it (views of results); else only its owner and admins (ingests quote cells). */
  sharedWithSchool: boolean;
}

export type ReportProgress = (phase: string, done: number, total: number) => void;

/** Where a runner also writes its jobs, so that other servers can follow them (PostgreSQL: src/jobs/queue/job-ledger.ts). */
export interface JobLedger {
  save(job: JobView): Promise<void>;
  load(id: string): Promise<JobView | null>;
}
export interface JobSpec {
  kind: string;
  schoolId: string;
  waveId: string | null;
  ownerId: string;
  /** A second job with the same exclusive key is refused while the first runs (e.g. one ingest per wave). */
  exclusiveKey?: string;
  /** Jobs of one lane run at most `lanes[lane]` at a time (default lane "store": one at a time, SQLite has one writer). */
  lane?: string;
  sharedWithSchool?: boolean;
  /** `signal` aborts when the job is cancelled (cancel()): stop and reject. */
  run(report: ReportProgress, signal: AbortSignal): Promise<unknown>;
}

interface Lane {
  limit: number;
  running: number;
  queue: Array<() => Promise<void>>;
}

const KEEP_FINISHED_MS = 60 * 60_000;

function cancelled(): LeadmapError {
  return new LeadmapError('CANCELLED', 'the job was cancelled');
}

export class JobRunner {
  private readonly jobs = new Map<string, JobView>();
  private readonly busy = new Map<string, AbortController>();
  private readonly events = new EventEmitter();
  private readonly lanes = new Map<string, Lane>();
  private readonly pending = new Set<Promise<void>>();
  private readonly writes = new Map<string, Promise<void>>();

  /**
   * `lanes`: how many jobs of each lane may run at once (lanes not named run one at a time).
   * `ledger`: where every change of a job is also written (in order, per job), for other servers to read.
   */
  constructor(
    private readonly laneLimits: Record<string, number> = {},
    private readonly ledger: JobLedger | null = null,
  ) {
    this.events.setMaxListeners(1000);
  }

  start(spec: JobSpec): JobView {
    if (spec.exclusiveKey && this.busy.has(spec.exclusiveKey)) {
      throw new LeadmapError('WAVE_BUSY', 'an upload for this wave is still being processed; wait for it to finish');
    }
    const abort = new AbortController();
    if (spec.exclusiveKey) this.busy.set(spec.exclusiveKey, abort);
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
      sharedWithSchool: spec.sharedWithSchool ?? false,
    };
    this.jobs.set(job.id, job);
    this.persist(job);
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
        if (abort.signal.aborted) throw cancelled();
        job.result = await spec.run(report, abort.signal);
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
        if (spec.exclusiveKey && this.busy.get(spec.exclusiveKey) === abort) this.busy.delete(spec.exclusiveKey);
        this.emit(job);
      }
    };
    this.enqueue(spec.lane ?? 'store', run);
    return job;
  }

  /** True while a job with this exclusive key is queued or running. */
  isBusy(exclusiveKey: string): boolean {
    return this.busy.has(exclusiveKey);
  }

  /** Cancels the queued or running job with this exclusive key (its run() sees the abort); false if there is none. */
  cancel(exclusiveKey: string): boolean {
    const abort = this.busy.get(exclusiveKey);
    if (!abort) return false;
    abort.abort();
    return true;
  }

  private enqueue(name: string, run: () => Promise<void>): void {
    const lane = this.lanes.get(name) ?? { limit: Math.max(1, this.laneLimits[name] ?? 1), running: 0, queue: [] };
    this.lanes.set(name, lane);
    lane.queue.push(run);
    this.pump(lane);
  }

  private pump(lane: Lane): void {
    while (lane.running < lane.limit && lane.queue.length > 0) {
      const next = lane.queue.shift()!;
      lane.running++;
      const p: Promise<void> = next().finally(() => {
        lane.running--;
        this.pending.delete(p);
        this.pump(lane);
      });
      this.pending.add(p);
    }
  }

  get(id: string): JobView | null {
    return this.jobs.get(id) ?? null;
  }

  /** A job of this runner, else one another server wrote to the ledger (its state as last written), else null. */
  async find(id: string): Promise<JobView | null> {
    return this.jobs.get(id) ?? (this.ledger ? await this.ledger.load(id).catch(() => null) : null);
  }

  /** Calls `listener` on every change of the job until it finishes; returns an unsubscribe function. */
  subscribe(id: string, listener: (job: JobView) => void): () => void {
    const f = (job: JobView): void => {
      if (job.id === id) listener(job);
    };
    this.events.on('change', f);
    return () => this.events.off('change', f);
  }

  /** Resolves with the job when it finishes or after `maxWaitMs`, whichever comes first (the caller never blocks). */
  settled(job: JobView, maxWaitMs: number): Promise<JobView> {
    return new Promise((resolve) => {
      if (job.finishedAt || maxWaitMs <= 0) {
        resolve(job);
        return;
      }
      const timer = setTimeout(() => {
        stop();
        resolve(job);
      }, maxWaitMs);
      const stop = this.subscribe(job.id, (j) => {
        if (j.finishedAt) {
          clearTimeout(timer);
          stop();
          resolve(j);
        }
      });
    });
  }

  onCrash(listener: (job: JobView, err: unknown) => void): void {
    this.events.on('crash', listener);
  }

  /** Resolves when every queued job has finished (shutdown, tests). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
    while (this.writes.size > 0) await Promise.allSettled([...this.writes.values()]);
  }

  private emit(job: JobView): void {
    this.events.emit('change', job);
    this.persist(job);
  }

  /** Writes the job's state to the ledger after its earlier writes (a failed write is skipped: the next change writes again). */
  private persist(job: JobView): void {
    if (!this.ledger) return;
    const ledger = this.ledger;
    const snapshot: JobView = { ...job, progress: { ...job.progress } };
    const next = (this.writes.get(job.id) ?? Promise.resolve())
      .then(() => ledger.save(snapshot))
      .catch(() => {})
      .finally(() => {
        if (this.writes.get(job.id) === next) this.writes.delete(job.id);
      });
    this.writes.set(job.id, next);
  }

  private prune(): void {
    const now = Date.now();
    for (const [id, j] of this.jobs) {
      if (j.finishedAt && now - Date.parse(j.finishedAt) > KEEP_FINISHED_MS) this.jobs.delete(id);
    }
  }
}
