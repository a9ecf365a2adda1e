import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { JobRunner } from '../jobs/jobs.js';
import { AuditLog } from '../privacy/audit.js';
import { privacyPolicy, DEFAULT_MIN_GROUP_SIZE } from '../privacy/policy.js';
import { openStore } from '../store/index.js';
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
    maxUploadFiles: 5,
    webDir: `${ROOT}web`,
    d3File: `${ROOT}node_modules/d3/dist/d3.min.js`,
  };
}

/**
 * Opens (creating if needed) the data directory and store, runs the first-run
 * set-up, and listens. The only place that listens; createApp stays pure.
 */
export async function startServer(opts: StartOptions): Promise<RunningServer> {
  const log = opts.log ?? jsonLogger();
  const { store, dir, orphansRemoved } = openStore({ kind: 'sqlite', dataDir: opts.dataDir }, { sweepOrphans: true });
  const org = await store.ensureOrganisation('Default organisation');
  const demoDir = opts.demoDir === undefined ? `${ROOT}fixtures/demo` : opts.demoDir;
  let report: FirstRunReport;
  try {
    report = await firstRun(store, dir, org, { adminPassword: opts.adminPassword, demoDir });
  } catch (err) {
    await store.close();
    throw err;
  }
  const jobs = new JobRunner();
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
  const options = { ...defaultServerOptions(), ...opts.options };
  if (!existsSync(options.d3File)) log.warn('d3_missing', { hint: 'run npm install' });
  const deps: AppDeps = {
    store,
    dir,
    privacy: privacyPolicy(opts.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE),
    jobs,
    audit,
    log,
    organisationId: org.id,
    options,
  };
  const app = createApp(deps);
  const server = createServer(app);
  server.requestTimeout = 30 * 60_000; // large uploads on slow links
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => resolve());
  });
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
      await audit.flush();
      await store.close();
    },
  };
}
