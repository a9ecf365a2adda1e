import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { jobIdOf, readProgress, QUEUES, type JobOutput, type OpenQueue } from '../queue/pg-queue.js';
import type { SchoolResult } from './batch-folder.js';
import type { SchoolOutcome, SchoolTask } from './school-task.js';

interface JobRow {
  id: string;
  state: string;
  retry_count: number;
  output: unknown;
}

/**
 * The PostgreSQL way of `leadmap batch` (DATABASE_URL set): each school is a job on the batch queue,
 * taken by `leadmap worker` processes. Its id is made from the task (the school's input hash, the
 * output folder and the options), so sending the same batch again joins the jobs already queued,
 * running or done; a job that failed, or whose output files are gone, is sent again. Returns the job ids in the order of `tasks`.
 */
export async function sendBatch(q: OpenQueue, tasks: readonly SchoolTask[]): Promise<string[]> {
  const ids = tasks.map((t) => jobIdOf(QUEUES.batch, t));
  const known = await jobStates(q, ids);
  const again = ids.filter((id) => {
    const row = known.get(id);
    return row !== undefined && (row.state === 'failed' || row.state === 'cancelled' || outputsGone(row));
  });
  for (const id of again) await q.boss.deleteJob(QUEUES.batch, id);
  const fresh = tasks.map((task, i) => ({ id: ids[i]!, task })).filter(({ id }) => !known.has(id) || again.includes(id));
  for (let i = 0; i < fresh.length; i += 500)
    await q.boss.insert(fresh.slice(i, i + 500).map(({ id, task }) => ({ id, name: QUEUES.batch, data: { task } })));
  return ids;
}

export interface FollowOptions {
  onResult: (result: SchoolResult) => void;
  onProgress?: (school: string, phase: string) => void;
  /** Keep polling until every job has finished (default); false: report those finished already and return. */
  wait?: boolean;
  pollMs?: number;
}

/**
 * Follows the batch's jobs with one query per poll: each job that completed or failed is reported
 * once (in the order they finish); a completed job's output is the school's outcome or its bad-input
 * error, a failed one ran out of attempts. `attempts` is pg-boss's retry count plus one.
 */
export async function followBatch(
  q: OpenQueue,
  tasks: readonly SchoolTask[],
  ids: readonly string[],
  o: FollowOptions,
): Promise<SchoolResult[]> {
  const results = new Map<string, SchoolResult>();
  const lastPhase = new Map<string, string>();
  for (;;) {
    const states = await jobStates(q, [...ids]);
    for (const [i, id] of ids.entries()) {
      if (results.has(id)) continue;
      const task = tasks[i]!;
      const row = states.get(id);
      const result = row ? resultOf(task.school, row) : null;
      if (result) {
        results.set(id, result);
        o.onResult(result);
      } else if (row?.state === 'active' && o.onProgress) {
        const p = await readProgress(q, id);
        if (p && p.phase !== lastPhase.get(id)) {
          lastPhase.set(id, p.phase);
          o.onProgress(task.school, p.phase);
        }
      }
    }
    if (results.size === ids.length || o.wait === false) break;
    await sleep(o.pollMs ?? 500);
  }
  return [...results.values()];
}

/** A completed school whose JSON or PDF is no longer in the output folder (deleted since): it must run again. */
function outputsGone(row: JobRow): boolean {
  if (row.state !== 'completed') return false;
  const out = row.output as JobOutput;
  if (!('ok' in out)) return false;
  const o = out.ok as SchoolOutcome;
  return !existsSync(o.json) || !existsSync(o.pdf);
}

function resultOf(school: string, row: JobRow): SchoolResult | null {
  const attempts = row.retry_count + 1;
  if (row.state === 'completed') {
    const out = row.output as JobOutput;
    if ('error' in out) return { school, status: 'failed', error: { code: out.error.code, message: out.error.message }, attempts };
    return { school, status: 'done', outcome: out.ok as SchoolOutcome, attempts };
  }
  if (row.state === 'failed' || row.state === 'cancelled') {
    const timedOut = /exceeded|timeout/i.test(JSON.stringify(row.output ?? null));
    return {
      school,
      status: 'failed',
      error: timedOut
        ? { code: 'JOB_TIMEOUT', message: `ran past its time limit on ${attempts} attempt(s)` }
        : { code: 'INTERNAL', message: `${row.state} after ${attempts} attempt(s)` },
      attempts,
    };
  }
  return null;
}

/** The state of each job (queue table first, then the archive pg-boss moves finished jobs to). */
async function jobStates(q: OpenQueue, ids: string[]): Promise<Map<string, JobRow>> {
  const r = await q.boss.getDb().executeSql(
    `SELECT id::text, state, retry_count, output, 0 AS archived FROM ${q.schema}.job WHERE name = $2 AND id = ANY($1::uuid[])
     UNION ALL
     SELECT id::text, state, retry_count, output, 1 AS archived FROM ${q.schema}.archive WHERE name = $2 AND id = ANY($1::uuid[])
     ORDER BY archived DESC`,
    [ids, QUEUES.batch],
  );
  // Rows of the queue table come last, so they win over an archived attempt of the same id.
  return new Map((r.rows as JobRow[]).map((row) => [row.id, row]));
}
