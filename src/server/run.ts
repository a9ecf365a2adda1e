/**
 * Minimal process entry for tests, the load benchmark and the crash-stress
 * script: starts the server from environment variables and prints one JSON
 * line {"url": …} when listening. Users run `leadmap serve` instead.
 *   LEADMAP_DATA_DIR (required), PORT (default 0), LEADMAP_ADMIN_PASSWORD
 */
import { startServer } from './main.js';
import { silentLogger } from './log.js';

const dataDir = process.env.LEADMAP_DATA_DIR;
if (!dataDir) {
  process.stderr.write('LEADMAP_DATA_DIR is required\n');
  process.exit(2);
}
const running = await startServer({
  dataDir,
  port: Number(process.env.PORT ?? 0),
  adminPassword: process.env.LEADMAP_ADMIN_PASSWORD,
  demoDir: null,
  log: silentLogger,
  options: process.env.LEADMAP_MAX_UPLOAD_BYTES ? { maxUploadBytes: Number(process.env.LEADMAP_MAX_UPLOAD_BYTES) } : {},
});
process.stdout.write(JSON.stringify({ url: running.url, orphansRemoved: running.orphansRemoved }) + '\n');
const stop = (): void => {
  void running.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
