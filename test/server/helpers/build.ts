import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REPO = resolve(import.meta.dirname, '../../..');

/**
 * Compiles src/ to a temp folder (with node_modules linked) so a test can run
 * the real server in a child process — the form production runs in (worker
 * threads included). Type errors elsewhere do not stop the emit.
 */
export function compileToTemp(): { dist: string; root: string } {
  const root = mkdtempSync(join(tmpdir(), 'leadmap-dist-'));
  symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'), 'dir');
  try {
    execFileSync(
      process.execPath,
      [
        join(REPO, 'node_modules/typescript/bin/tsc'),
        '-p',
        join(REPO, 'tsconfig.build.json'),
        '--outDir',
        join(root, 'dist'),
        '--sourceMap',
        'false',
      ],
      { cwd: REPO, stdio: 'pipe' },
    );
  } catch {
    /* emitted anyway; checked below */
  }
  const dist = join(root, 'dist');
  if (!existsSync(join(dist, 'server/run.js'))) throw new Error('compiling src/ for the child-process test failed');
  return { dist, root };
}
