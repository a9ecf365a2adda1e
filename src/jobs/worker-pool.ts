import { Worker } from 'node:worker_threads';
import { LeadmapError } from '../model/errors.js';
import type { ReportProgress } from './jobs.js';

/**
 * A few long-lived worker threads that run one task each at a time, so heavy
 * work (analyses, reports) never holds the server's event loop. Protocol:
 * main → { task }; worker → { progress: [phase, done, total] } … then
 * { done: result } or { failed: { code, message, details, name, errCode } }.
 * Idle workers are unref'd (they never keep the process alive); a cancelled
 * task's worker is terminated and replaced on demand.
 */
export class WorkerPool {
  private readonly idle: Worker[] = [];
  private live = 0;
  private readonly waiting: Array<(w: Worker) => void> = [];

  constructor(
    private readonly url: URL,
    private readonly size: number,
  ) {}

  async run<T>(task: unknown, progress: ReportProgress, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) throw cancelled();
    const w = await this.acquire();
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const settle = (keep: boolean, f: () => void): void => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        w.removeAllListeners('message');
        w.removeAllListeners('error');
        w.removeAllListeners('exit');
        if (keep) this.release(w);
        else this.discard(w);
        f();
      };
      const onAbort = (): void => settle(false, () => reject(cancelled()));
      signal?.addEventListener('abort', onAbort, { once: true });
      w.on('message', (m: WorkerMessage) => {
        if (m.progress) progress(...m.progress);
        else if ('done' in m) settle(true, () => resolve(m.done as T));
        else if (m.failed) {
          const f = m.failed;
          settle(true, () =>
            reject(
              f.code === 'INTERNAL'
                ? new Error(`worker task failed (${f.name ?? 'Error'}${f.errCode ? ` ${f.errCode}` : ''})`)
                : new LeadmapError(f.code, f.message, f.details),
            ),
          );
        }
      });
      w.on('error', (err) => settle(false, () => reject(err)));
      w.on('exit', (code) => settle(false, () => reject(new Error(`worker exited with code ${code}`))));
      w.postMessage({ task });
    });
  }

  /** Stops every worker (server shutdown). */
  async close(): Promise<void> {
    const all = this.idle.splice(0);
    await Promise.all(all.map((w) => w.terminate()));
  }

  private acquire(): Promise<Worker> {
    const w = this.idle.pop();
    if (w) {
      w.ref();
      return Promise.resolve(w);
    }
    if (this.live < this.size) {
      this.live++;
      return Promise.resolve(new Worker(this.url));
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(w: Worker): void {
    const next = this.waiting.shift();
    if (next) {
      next(w);
      return;
    }
    w.unref();
    this.idle.push(w);
  }

  private discard(w: Worker): void {
    void w.terminate();
    this.live--;
    const next = this.waiting.shift();
    if (next) {
      this.live++;
      next(new Worker(this.url));
    }
  }
}

interface WorkerMessage {
  progress?: [string, number, number];
  done?: unknown;
  failed?: { code: string; message: string; details?: unknown; name?: string; errCode?: string | null };
}

function cancelled(): LeadmapError {
  return new LeadmapError('CANCELLED', 'the job was cancelled');
}
