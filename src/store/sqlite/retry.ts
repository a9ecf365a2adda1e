import { setTimeout as sleep } from 'node:timers/promises';
import { LeadmapError } from '../../model/errors.js';

/**
 * Runs a synchronous SQLite operation, retrying asynchronously while another
 * connection (an ingest worker) holds the write lock. The connection's own
 * busy_timeout is short, so the event loop is never blocked for long.
 */
export async function withBusyRetry<T>(op: () => T, maxWaitMs = 60_000): Promise<T> {
  const started = Date.now();
  let delay = 5;
  for (;;) {
    try {
      return op();
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code !== 'SQLITE_BUSY' && code !== 'SQLITE_LOCKED') throw err;
      if (Date.now() - started > maxWaitMs) throw new LeadmapError('STORE_BUSY', 'the store is busy; try again shortly');
      await sleep(delay);
      delay = Math.min(delay * 2, 200);
    }
  }
}
