import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import type { Command } from '../command.js';
import { EXIT } from '../command.js';
import { LeadmapError } from '../../model/errors.js';
import { storeConfig } from '../../store/index.js';

const USAGE = `Usage: DATABASE_URL=postgres://… leadmap worker [--data-dir <dir>] [--concurrency <n>]

Runs a worker process for a PostgreSQL deployment: it takes uploads to ingest,
analyses, exports and reports from the job queue in the database (pg-boss) and
runs them. Start as many workers, on as many machines, as the load needs; each
job runs once (keyed by its input), is retried with backoff when an attempt
fails or its worker dies, and is stopped at its time limit. Stop with Ctrl-C or
SIGTERM: running jobs finish first.

Options:
  --data-dir <dir>      the data directory the servers share (uploaded files; default ./data, or LEADMAP_DATA_DIR)
  --concurrency <n>     jobs of each kind run at once in this process (default 1)`;

export const workerCommand: Command = {
  name: 'worker',
  summary: 'run queued ingests, analyses and reports (PostgreSQL deployments)',
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: { 'data-dir': { type: 'string' }, concurrency: { type: 'string' } },
      allowPositionals: false,
    });
    const dataDir = resolve(io.cwd, values['data-dir'] ?? io.env.LEADMAP_DATA_DIR ?? 'data');
    const config = storeConfig(dataDir, io.env.DATABASE_URL);
    if (config.kind !== 'postgres')
      throw new LeadmapError(
        'BAD_ARGUMENT',
        'leadmap worker needs DATABASE_URL=postgres://… (with the embedded store, jobs run inside `leadmap serve`)',
      );
    const concurrency = Number(values.concurrency ?? 1);
    if (!Number.isInteger(concurrency) || concurrency < 1)
      throw new LeadmapError('BAD_ARGUMENT', '--concurrency must be a positive whole number');
    const { startQueueWorker } = await import('../../server/queue-worker.js');
    const worker = await startQueueWorker({ url: config.url, dataDir, concurrency });
    io.stdout(`leadmap: worker started (${concurrency} job(s) of each kind at a time; data directory ${dataDir})\n`);
    await new Promise<void>((done) => {
      const stop = (): void => {
        io.stdout('leadmap: worker stopping after its running jobs…\n');
        void worker.stop().then(done);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return EXIT.ok;
  },
};
