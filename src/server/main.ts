import type { QueueRunners } from './queue-client.js';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import { JobRunner } from '../jobs/jobs.js';
import { WorkerPool } from '../jobs/worker-pool.js';
import { ViewService } from './views/service.js';
import { AuditLog } from '../privacy/audit.js';
import { privacyPolicy, DEFAULT_MIN_GROUP_SIZE } from '../privacy/policy.js';
import { openStore, storeConfig } from '../store/index.js';
import { dataDirLayout, ensureDataDir } from '../store/files.js';
import { lockDataDir } from '../store/lock.js';
import type { Store } from '../store/store.js';
import { createApp } from './app.js';
import type { AppDeps, ServerOptions } from './context.js';
import { firstRun, type FirstRunReport } from './first-run.js';
import { jsonLogger, type Logger } from './log.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface StartOptions {
  dataDir: string;
  port: number;
  host?: string;
  /** Admin password for the first run (LEADMAP_ADMIN_PASSWORD); else a one-time password is generated. */
  adminPassword?: string;
  /** Folder of demo schools; null = load none. Default <repo>/fixtures/demo. */
  demoDir?: string | null;
  minGroupSize?: number;
  log?: Logger;
  options?: Partial<ServerOptions>;
  /** With PostgreSQL: 'queue' (default, or LEADMAP_JOBS) sends long work to `leadmap worker` processes; 'in-process' keeps it on this server's threads. */
  jobs?: 'queue' | 'in-process';
}

export interface RunningServer {
  url: string;
  port: number;
  server: Server;
  store: Store;
  deps: AppDeps;
  firstRun: FirstRunReport;
  orphansRemoved: number;
  close(): Promise<void>;
}

export function defaultServerOptions(): ServerOptions {
  return {
    sessionIdleMs: 30 * 60_000,
    sessionAbsoluteMs: 12 * 60 * 60_000,
    trustProxy: false,
    maxUploadBytes: 200 * 1024 * 1024,
    maxUploadFiles: 8,
    webDir: `${ROOT}web`,
    d3File: `${ROOT}node_modules/d3/dist/d3.min.js`,
    docsDir: `${ROOT}docs`,
    viewWaitMs: 5_000,
    viewCacheBytes: 256 * 1024 * 1024,
    viewThreads: Math.max(1, availableParallelism() - 1),
  };
}

/**
 * Opens (creating if needed) the data directory and store, runs the first-run
 * set-up, and listens. The only place that listens; createApp stays pure.
 */
export async function startServer(opts: StartOptions): Promise<RunningServer> {
  const log = opts.log ?? jsonLogger();
  // Lock first: a second server must not sweep this one's uploads in progress as leftovers.
  const layout = dataDirLayout(opts.dataDir);
  ensureDataDir(layout);
  const unlock = lockDataDir(layout.root);
  let opened: Awaited<ReturnType<typeof openStore>>;
  try {
    opened = await openStore(storeConfig(opts.dataDir), { sweepOrphans: true });
  } catch (err) {
    unlock();
    throw err;
  }
  const { store, dir, orphansRemoved } = opened;
  const org = await store.ensureOrganisation('Default organisation');
  const demoDir = opts.demoDir === undefined ? `${ROOT}fixtures/demo` : opts.demoDir;
  let report: FirstRunReport;
  try {
    report = await firstRun(store, dir, org, { adminPassword: opts.adminPassword, demoDir });
  } catch (err) {
    await store.close();
    unlock();
    throw err;
  }
  const options = { ...defaultServerOptions(), ...opts.options };
  // PostgreSQL: analyses, reports and ingests are jobs on the queue, run by `leadmap worker` processes (docs/architecture.md).
  const config = storeConfig(opts.dataDir);
  let queue: QueueRunners | null = null;
  try {
    if (config.kind === 'postgres' && (opts.jobs ?? process.env.LEADMAP_JOBS ?? 'queue') === 'queue')
      queue = await (await import('./queue-client.js')).queueRunners(config.url);
  } catch (err) {
    // The queue could not start (pg-boss schema, permissions, connection): release the store and the data directory.
    await store.close();
    unlock();
    throw err;
  }
  // With the queue, uploads of different waves are stored by workers in parallel (PostgreSQL has many writers); SQLite has one.
  // With the queue, job states also go to the database, so any server sharing it can answer for them.
  const jobs = new JobRunner({ views: options.viewThreads, store: queue ? 16 : 1 }, queue?.ledger ?? null);
  const workerUrl = new URL('./views/worker.js', import.meta.url);
  // Compiled (dist/): worker threads. TypeScript sources under the test runner: inline.
  const pool =
    import.meta.url.endsWith('.js') && existsSync(fileURLToPath(workerUrl)) && process.env.LEADMAP_VIEWS_INLINE !== '1'
      ? new WorkerPool(workerUrl, options.viewThreads)
      : null;
  const views = new ViewService({
    dataDir: dir.root,
    store,
    jobs,
    pool: queue?.view ?? pool,
    maxBytes: options.viewCacheBytes,
    waitMs: options.viewWaitMs,
  });
  jobs.onCrash((job, err) =>
    log.error('job_failed', {
      job: job.id,
      kind: job.kind,
      wave: job.waveId,
      name: (err as Error)?.name ?? 'Error',
      code: (err as { code?: string })?.code ?? null,
    }),
  );
  const audit = new AuditLog(store, (err) => log.error('audit_write_failed', { name: (err as Error)?.name ?? 'Error' }));
  if (!existsSync(options.d3File)) log.warn('d3_missing', { hint: 'run npm install' });
  const deps: AppDeps = {
    store,
    dir,
    privacy: privacyPolicy(opts.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE),
    jobs,
    views,
    audit,
    log,
    organisationId: org.id,
    options,
    ingestRunner: queue?.ingest,
  };
  const app = createApp(deps);
  const server = createServer(app);
  server.requestTimeout = 30 * 60_000; // large uploads on slow links
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port, opts.host ?? '127.0.0.1', () => resolve());
    });
  } catch (err) {
    await pool?.close();
    await queue?.close();
    await store.close();
    unlock();
    throw err;
  }
  const port = (server.address() as AddressInfo).port;
  const host = opts.host && opts.host !== '127.0.0.1' && opts.host !== '0.0.0.0' ? opts.host : 'localhost';
  let closed = false;
  return {
    url: `http://${host}:${port}`,
    port,
    server,
    store,
    deps,
    firstRun: report,
    orphansRemoved,
    async close() {
      if (closed) return;
      closed = true;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await jobs.idle();
      await pool?.close();
      await queue?.close();
      await audit.flush();
      await store.close();
      unlock();
    },
  };
}
