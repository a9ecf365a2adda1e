import { createHash } from 'node:crypto';
import type { JobRunner, JobView } from '../../jobs/jobs.js';
import type { TaskRunner } from '../../jobs/task-runner.js';
import { LeadmapError } from '../../model/errors.js';
import type { Store } from '../../store/store.js';
import { resolveSelection } from '../../metrics/wave-analysis.js';
import { ByteLru } from './byte-lru.js';
import { runViewTask, type ViewResult, type ViewTask, type WaveMeta } from './task.js';

export interface ViewEntry {
  body: Buffer;
  selection: ViewResult['selection'];
}

export interface ViewServiceOptions {
  dataDir: string;
  store: Store;
  jobs: JobRunner;
  /** Where the tasks run: worker threads (WorkerPool) or worker processes on the queue (QueueRunner); null runs them inline (TypeScript sources under the test runner). */
  pool: TaskRunner | null;
  /** Budget of the in-memory cache of finished bodies. */
  maxBytes: number;
  /** How long a request waits for its job before answering 202 with the job to follow. */
  waitMs: number;
}

/**
 * Serves heavy views as jobs: a request gets the cached body, or starts (or joins) the job that
 * computes it and waits up to `waitMs` for it — never blocking the event loop, since the work runs
 * on a worker thread — else it gets the job to follow (HTTP 202) and asks again when it is done.
 * Cache keys are canonical: the selection's defaults are resolved (from the wave's relations and
 * domains, learnt with the first job) before hashing, so `?domain=any` and no parameter share a key.
 * Keys hold the data hash, so a new upload never serves a stale body.
 */
export class ViewService {
  private readonly bodies: ByteLru<ViewEntry>;
  private readonly metas = new Map<string, WaveMeta>();
  private readonly running = new Map<string, JobView>();
  private counts = { hits: 0, jobs: 0 };

  constructor(private readonly o: ViewServiceOptions) {
    this.bodies = new ByteLru(o.maxBytes);
  }

  /** The finished body, or the job computing it (still running after waitMs). */
  async view(task: ViewTask, owner: { schoolId: string; accountId: string }): Promise<ViewEntry | JobView> {
    const key = this.keyOf(task);
    const hit = this.bodies.get(key);
    if (hit) {
      this.counts.hits++;
      return hit;
    }
    let job = this.running.get(key);
    let mine: Promise<ViewEntry> | null = null;
    if (!job) {
      this.counts.jobs++;
      let resolveMine!: (e: ViewEntry) => void;
      mine = new Promise<ViewEntry>((r) => (resolveMine = r));
      job = this.o.jobs.start({
        kind: `view:${task.kind}`,
        schoolId: owner.schoolId,
        waveId: 'wave' in task ? task.wave.id : task.to.id,
        ownerId: owner.accountId,
        lane: 'views',
        sharedWithSchool: true,
        run: async (report, signal) => {
          try {
            const result = this.o.pool
              ? await this.o.pool.run<ViewResult>({ ...task, dataDir: this.o.dataDir }, report, signal)
              : await runViewTask(this.o.store, task, report);
            this.learn(task, result.meta);
            const body = Buffer.from(result.body.buffer, result.body.byteOffset, result.body.byteLength);
            const entry = { body, selection: result.selection };
            this.bodies.set(this.keyOf(task), entry);
            resolveMine(entry);
            return { selection: result.selection };
          } finally {
            this.running.delete(key);
          }
        },
      });
      this.running.set(key, job);
    }
    const done = await this.o.jobs.settled(job, this.o.waitMs);
    if (done.status === 'failed') throw new LeadmapError(done.error!.code, done.error!.message);
    if (done.status === 'succeeded') {
      const entry = this.bodies.get(this.keyOf(task)) ?? (mine ? await mine : undefined);
      if (entry) return entry;
      return this.view(task, owner); // too large to keep and computed for another request: compute again
    }
    return done;
  }

  /** Cache hits, jobs started, and bytes held (tests, diagnostics). */
  stats(): { hits: number; jobs: number; bytes: number } {
    return { ...this.counts, bytes: this.bodies.size };
  }

  /** Resolves the selection's defaults when the wave's relations and domains are known (400 for unknown ones). */
  private canonical(task: ViewTask): ViewTask {
    if (task.kind === 'report' || task.kind === 'district-report' || task.kind === 'units') return task;
    const wave = task.kind === 'compare' ? task.to : task.wave;
    const meta = this.metas.get(wave.dataHash);
    if (!meta) return task;
    if (task.kind === 'leadership' || task.kind === 'compare' || task.kind === 'district' || task.kind === 'survey')
      return { ...task, relation: resolveSelection(meta, task.relation).relation };
    const sel = resolveSelection(meta, task.relation, task.domain);
    return { ...task, relation: sel.relation, domain: sel.domain };
  }

  private keyOf(task: ViewTask): string {
    return createHash('sha256')
      .update(JSON.stringify(this.canonical(task)))
      .digest('hex');
  }

  private learn(task: ViewTask, meta: WaveMeta): void {
    const wave = task.kind === 'compare' ? task.to : task.wave;
    this.metas.set(wave.dataHash, meta);
    if (this.metas.size > 1000) this.metas.delete(this.metas.keys().next().value!);
  }
}
