/**
 * Worker-thread entry for an ingest: parsing and the storing transaction run
 * here, off the server's event loop. Messages to the parent:
 * { type: 'progress', phase, done, total } … then { type: 'done', outcome } or
 * { type: 'failed', code, message, details }.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { LeadmapError } from '../model/errors.js';
import { runIngest, type IngestInput } from './ingest-task.js';

const port = parentPort!;
try {
  const outcome = await runIngest(workerData as IngestInput, (phase, done, total) =>
    port.postMessage({ type: 'progress', phase, done, total }),
  );
  port.postMessage({ type: 'done', outcome });
} catch (err) {
  if (err instanceof LeadmapError) port.postMessage({ type: 'failed', code: err.code, message: err.message, details: err.details });
  else
    port.postMessage({
      type: 'failed',
      code: 'INTERNAL',
      message: 'ingest failed',
      name: (err as Error)?.name,
      errCode: (err as { code?: string })?.code ?? null,
    });
}
