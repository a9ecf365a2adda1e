import { createHash } from 'node:crypto';
import PgBoss from 'pg-boss';

/**
 * Jobs on PostgreSQL with pg-boss (the district shape, docs/architecture.md): the server sends
 * tasks to these queues, `leadmap worker` processes on any machine take them. Every job's id is
 * derived from its input (jobIdOf), so the same input is one job however many requests ask for
 * it; a failed attempt is retried with exponential backoff; an attempt running longer than its
 * time limit, or whose worker died, fails and is retried; progress is kept in leadmap_job_progress.
 */
export const QUEUES = { ingest: 'leadmap-ingest', view: 'leadmap-view', batch: 'leadmap-batch' } as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface QueueLimits {
  /** Attempts after the first one. */
  retryLimit: number;
  /** Seconds before the first retry; doubled for each further one (pg-boss retryBackoff). */
  retryDelaySeconds: number;
  /** The time limit of one attempt, in seconds. */
  expireInSeconds: number;
}

export const DEFAULT_LIMITS: Record<QueueName, QueueLimits> = {
  [QUEUES.ingest]: { retryLimit: 2, retryDelaySeconds: 5, expireInSeconds: 30 * 60 },
  [QUEUES.view]: { retryLimit: 2, retryDelaySeconds: 2, expireInSeconds: 15 * 60 },
  [QUEUES.batch]: { retryLimit: 2, retryDelaySeconds: 2, expireInSeconds: 15 * 60 },
};

export interface QueueOptions {
  /** The PostgreSQL schema of pg-boss's tables (default pgboss). */
  schema?: string;
  limits?: Partial<Record<QueueName, Partial<QueueLimits>>>;
  /** How often pg-boss looks for expired attempts (default 60 s). */
  maintenanceIntervalSeconds?: number;
  /** A running job's worker says it is alive this often (default 10 s) … */
  heartbeatSeconds?: number;
  /**
   * … and a job silent this long (default 300 s) is failed as a dead worker's, to be retried elsewhere. The heartbeat comes
   * from the worker's event loop, so this must exceed the longest stretch a task computes without yielding.
   */
  staleAfterSeconds?: number;
}

export interface OpenQueue {
  boss: PgBoss;
  schema: string;
  heartbeatSeconds: number;
  staleAfterSeconds: number;
}

/** Starts pg-boss on `url` (creating its schema on first use) and makes sure the queues and the progress table exist. */
export async function openQueue(url: string, options: QueueOptions = {}): Promise<OpenQueue> {
  const schema = options.schema ?? 'pgboss';
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error('invalid queue schema name');
  const boss = new PgBoss({
    connectionString: url,
    schema,
    max: 4,
    supervise: true,
    schedule: false,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 60,
  });
  boss.on('error', () => {}); // connection hiccups: pg-boss retries; job failures are read from the jobs themselves
  await boss.start();
  for (const name of Object.values(QUEUES)) {
    const l = { ...DEFAULT_LIMITS[name], ...options.limits?.[name] };
    const queue = {
      name,
      policy: 'standard' as const,
      retryLimit: l.retryLimit,
      retryDelay: l.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: l.expireInSeconds,
    };
    if (await boss.getQueue(name)) await boss.updateQueue(name, queue);
    else
      await boss.createQueue(name, queue).catch(async (err: unknown) => {
        if (!(await boss.getQueue(name))) throw err; // created meanwhile by another process: fine
      });
  }
  await boss.getDb().executeSql(
    `CREATE TABLE IF NOT EXISTS ${schema}.leadmap_job_progress (
       job_id UUID PRIMARY KEY, phase TEXT NOT NULL, done DOUBLE PRECISION NOT NULL, total DOUBLE PRECISION NOT NULL,
       updated_at TIMESTAMPTZ NOT NULL DEFAULT now())`,
    [],
  );
  await boss.getDb().executeSql(
    `CREATE TABLE IF NOT EXISTS ${schema}.leadmap_job_view (
       id TEXT PRIMARY KEY, view JSONB NOT NULL, finished BOOLEAN NOT NULL, updated_at TIMESTAMPTZ NOT NULL DEFAULT now())`,
    [],
  );
  return { boss, schema, heartbeatSeconds: options.heartbeatSeconds ?? 10, staleAfterSeconds: options.staleAfterSeconds ?? 300 };
}

/** The job id of an input: a UUID made from the SHA-256 of the queue name and the input's JSON. */
export function jobIdOf(queue: string, input: unknown): string {
  const h = createHash('sha256').update(queue).update('\u0000').update(JSON.stringify(input)).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export async function writeProgress(q: OpenQueue, jobId: string, phase: string, done: number, total: number): Promise<void> {
  await q.boss.getDb().executeSql(
    `INSERT INTO ${q.schema}.leadmap_job_progress (job_id, phase, done, total, updated_at) VALUES ($1, $2, $3, $4, now())
     ON CONFLICT (job_id) DO UPDATE SET phase = excluded.phase, done = excluded.done, total = excluded.total, updated_at = now()`,
    [jobId, phase, done, total],
  );
}

export async function readProgress(q: OpenQueue, jobId: string): Promise<{ phase: string; done: number; total: number } | null> {
  const r = await q.boss.getDb().executeSql(`SELECT phase, done, total FROM ${q.schema}.leadmap_job_progress WHERE job_id = $1`, [jobId]);
  const row = r.rows[0] as { phase: string; done: number; total: number } | undefined;
  return row ?? null;
}

export async function heartbeat(q: OpenQueue, jobId: string): Promise<void> {
  await q.boss.getDb().executeSql(`UPDATE ${q.schema}.leadmap_job_progress SET updated_at = now() WHERE job_id = $1`, [jobId]);
}

/**
 * Fails the running jobs whose worker has been silent for staleAfterSeconds (killed, frozen, cut
 * off), so that pg-boss retries them on a live worker without waiting for their time limit.
 * Returns how many.
 */
export async function failSilentJobs(q: OpenQueue): Promise<number> {
  const r = await q.boss.getDb().executeSql(
    // Silent since the later of the last progress write and this attempt's start: a job whose worker died
    // before its first progress write has no row (with an inner join it stayed active until pg-boss expired
    // it, 15 minutes later), and a retried job keeps the killed attempt's old row until its new worker writes.
    `SELECT j.name, j.id FROM ${q.schema}.job j LEFT JOIN ${q.schema}.leadmap_job_progress p ON p.job_id = j.id
     WHERE j.state = 'active' AND GREATEST(p.updated_at, j.started_on) < now() - make_interval(secs => $1)`,
    [q.staleAfterSeconds],
  );
  const rows = r.rows as Array<{ name: string; id: string }>;
  for (const j of rows) await q.boss.fail(j.name, j.id, { message: 'the worker running the job stopped answering' });
  return rows.length;
}

/** What a job's handler stores as its output: a value, or an error that retrying cannot mend (bad input). */
export type JobOutput = { ok: unknown } | { error: { code: string; message: string; details?: unknown } };
