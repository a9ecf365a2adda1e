import type { JobLedger, JobView } from '../jobs.js';
import type { OpenQueue } from './pg-queue.js';

/** Finished jobs stay readable this long (as JobRunner keeps them in memory). */
const KEEP_FINISHED_SECONDS = 60 * 60;

/**
 * The jobs of every server on one PostgreSQL, in `<schema>.leadmap_job_view` (created by openQueue):
 * each server's JobRunner writes its jobs' changes here, so a job started through one server can be
 * followed through any other (several `leadmap serve` behind a load balancer). Finished jobs are
 * removed an hour after they finish, at most once a minute.
 */
export function pgJobLedger(q: OpenQueue): JobLedger {
  const db = q.boss.getDb();
  let lastPrune = 0;
  return {
    async save(job: JobView) {
      await db.executeSql(
        `INSERT INTO ${q.schema}.leadmap_job_view (id, view, finished, updated_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (id) DO UPDATE SET view = excluded.view, finished = excluded.finished, updated_at = now()`,
        [job.id, JSON.stringify(job), job.finishedAt !== null],
      );
      if (job.finishedAt !== null && Date.now() - lastPrune > 60_000) {
        lastPrune = Date.now();
        await db.executeSql(`DELETE FROM ${q.schema}.leadmap_job_view WHERE finished AND updated_at < now() - make_interval(secs => $1)`, [
          KEEP_FINISHED_SECONDS,
        ]);
      }
    },
    async load(id: string) {
      const r = await db.executeSql(`SELECT view FROM ${q.schema}.leadmap_job_view WHERE id = $1`, [id]);
      const row = r.rows[0] as { view: JobView } | undefined;
      return row?.view ?? null;
    },
  };
}
