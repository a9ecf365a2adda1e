import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { LeadmapError } from '../model/errors.js';

/**
 * One server per data directory: `leadmap.lock` holds the owner's process id, created exclusively.
 * A second server on the same directory stops with DATA_DIR_IN_USE (it would otherwise sweep the
 * first one's uploads in progress as leftovers). A lock whose process is gone (a crash, kill -9) is
 * taken over. Returns the release function.
 */
export function lockDataDir(root: string): () => void {
  const file = join(root, 'leadmap.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(file, { force: true });
      };
    } catch (err) {
      if ((err as { code?: string }).code !== 'EEXIST') throw err;
      const pid = Number(safeRead(file));
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid))
        throw new LeadmapError(
          'DATA_DIR_IN_USE',
          `another leadmap server (process ${pid}) is using the data directory ${root}; stop it first, or choose another --data-dir`,
        );
      if (pid === process.pid) throw new LeadmapError('DATA_DIR_IN_USE', `this process already serves the data directory ${root}`);
      rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new LeadmapError('DATA_DIR_IN_USE', `could not lock the data directory ${root}`);
}

function safeRead(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return '';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as { code?: string }).code === 'EPERM';
  }
}
