import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh temp folder per test file. */
export function tempDir(prefix = 'leadmap-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes `content` (text as UTF-8, or raw bytes) to dir/name and returns the path. */
export function writeFile(dir: string, name: string, content: string | Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}
