/**
 * Worker-thread entry for heavy views (analyses, exports, leadership, comparisons, reports): they
 * run here, off the server's event loop, on the worker's own store connection. Messages follow
 * src/jobs/worker-pool.ts: { task } in; { progress } … then { done } or { failed } out.
 */
import { parentPort } from 'node:worker_threads';
import { LeadmapError } from '../../model/errors.js';
import { openStore, storeConfig } from '../../store/index.js';
import type { Store } from '../../store/store.js';
import { runViewTask, type ViewTask } from './task.js';

const port = parentPort!;
const stores = new Map<string, Store>();

port.on('message', (msg: { task: ViewTask & { dataDir: string } }) => {
  void (async () => {
    try {
      const { dataDir } = msg.task;
      let store = stores.get(dataDir);
      if (!store) {
        store = (await openStore(storeConfig(dataDir), { busyTimeoutMs: 10_000, checkIntegrity: false, maxConnections: 2 })).store;
        stores.set(dataDir, store);
      }
      const result = await runViewTask(store, msg.task, (phase, done, total) => port.postMessage({ progress: [phase, done, total] }));
      const body = result.body;
      port.postMessage(
        { done: { ...result, body } },
        [body.buffer as ArrayBuffer].filter((b) => b.byteLength === body.byteLength),
      );
    } catch (err) {
      port.postMessage({
        failed:
          err instanceof LeadmapError
            ? { code: err.code, message: err.message, details: err.details }
            : { code: 'INTERNAL', message: 'view failed', name: (err as Error)?.name, errCode: (err as { code?: string })?.code ?? null },
      });
    }
  })();
});
