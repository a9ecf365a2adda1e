import type { TaskRunner } from '../jobs/task-runner.js';
import type { Account, Store } from '../store/store.js';
import type { DataDir } from '../store/files.js';
import type { PrivacyPolicy } from '../privacy/policy.js';
import type { JobRunner } from '../jobs/jobs.js';
import type { AuditLog } from '../privacy/audit.js';
import type { Logger } from './log.js';
import type { ViewService } from './views/service.js';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** The signed-in account, set by the session middleware. */
      account?: Account;
      /** Hash of the session cookie (the session row id). */
      sessionKey?: string;
    }
  }
}

export interface ServerOptions {
  /** Idle session timeout (default 30 min). */
  sessionIdleMs: number;
  /** Absolute session lifetime (default 12 h). */
  sessionAbsoluteMs: number;
  /** Express "trust proxy": set when behind a TLS-terminating proxy so cookies get Secure. */
  trustProxy: boolean | number | string;
  /** Largest accepted upload file in bytes (default 200 MB). */
  maxUploadBytes: number;
  /** Most files in one upload (default 5). */
  maxUploadFiles: number;
  /** Folder of the static web app (default <repo>/web). */
  webDir: string;
  /** Path to d3.min.js served at /vendor/d3.min.js. */
  d3File: string;
  /** Folder of the user documentation (default <repo>/docs); the pages in DOC_PAGES are served at /docs/<name>.md. */
  docsDir: string;
  /** How long a request for an analysis or report waits for its job before answering 202 (default 5 s). */
  viewWaitMs: number;
  /** Memory budget of the cache of finished analyses, exports and reports (default 256 MB). */
  viewCacheBytes: number;
  /** Worker threads for analyses and reports (default: cores − 1, at least 1). */
  viewThreads: number;
}

/** Everything a route needs; built by createApp's caller (main.ts, tests). */
export interface AppDeps {
  store: Store;
  dir: DataDir;
  privacy: PrivacyPolicy;
  jobs: JobRunner;
  /** Analyses, exports and reports as jobs off the event loop, cached. */
  views: ViewService;
  /** With PostgreSQL: uploads are ingested by `leadmap worker` processes through the queue; absent: on a worker thread here. */
  ingestRunner?: TaskRunner;
  audit: AuditLog;
  log: Logger;
  organisationId: string;
  options: ServerOptions;
}
