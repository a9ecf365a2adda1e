/**
 * Worker-thread entry for unpacking a school zip off the server's event loop (protocol of
 * src/jobs/worker-pool.ts: { task } in; { done } or { failed } out).
 */
import { parentPort } from 'node:worker_threads';
import { LeadmapError } from '../model/errors.js';
import { unpackSchoolZip, type UnpackLimits } from '../store/zip-unpack.js';

const port = parentPort!;
port.on('message', (msg: { task: { zipPath: string; outDir: string; limits: UnpackLimits } }) => {
  const { zipPath, outDir, limits } = msg.task;
  unpackSchoolZip(zipPath, outDir, limits).then(
    (done) => port.postMessage({ done }),
    (err: unknown) =>
      port.postMessage({
        failed:
          err instanceof LeadmapError
            ? { code: err.code, message: err.message }
            : {
                code: 'INTERNAL',
                message: 'unpacking failed',
                name: (err as Error)?.name,
                errCode: (err as { code?: string })?.code ?? null,
              },
      }),
  );
});
