import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { unpackSchoolZip, type UnpackedZip, type UnpackLimits } from '../store/zip-unpack.js';
import { WorkerPool } from './worker-pool.js';

const WORKER_URL = new URL('./unpack-zip-worker.js', import.meta.url);
let pool: WorkerPool | null = null;

/**
 * Unpacks a school zip in a worker thread (compiled: dist/jobs/unpack-zip-worker.js), so inflating
 * a large or hostile archive never holds the event loop; inline under the test runner (TypeScript sources).
 */
export function unpackInBackground(zipPath: string, outDir: string, limits: UnpackLimits): Promise<UnpackedZip> {
  if (!import.meta.url.endsWith('.js') || !existsSync(fileURLToPath(WORKER_URL))) return unpackSchoolZip(zipPath, outDir, limits);
  pool ??= new WorkerPool(WORKER_URL, 1);
  return pool.run<UnpackedZip>({ zipPath, outDir, limits }, () => {});
}
