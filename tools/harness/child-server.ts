import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ChildServer {
  url: string;
  child: ChildProcess;
  orphansRemoved: number;
}

/** Starts dist/server/run.js in a child process and resolves with its URL once it listens. */
export function startChildServer(runJs: string, dataDir: string, env: Record<string, string> = {}): Promise<ChildServer> {
  const child = spawn(process.execPath, [runJs], {
    env: { ...process.env, LEADMAP_DATA_DIR: dataDir, PORT: '0', LEADMAP_ADMIN_PASSWORD: 'crash-test-admin-pw', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      try {
        const v = JSON.parse(line) as { url: string; orphansRemoved: number };
        resolve({ url: v.url, child, orphansRemoved: v.orphansRemoved });
      } catch {
        reject(new Error(`child server said: ${line}`));
      }
    });
    child.once('exit', (code) => reject(new Error(`child server exited with ${code}: ${stderr.slice(0, 500)}`)));
  });
}

/** SIGKILL (kill -9) and wait until the process is gone. */
export function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
      return;
    }
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

export function stopGracefully(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
      return;
    }
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Signs in and returns the session cookie. */
export async function signInCookie(url: string, username: string, password: string): Promise<string> {
  const r = await fetch(`${url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (r.status !== 200) throw new Error(`sign-in failed with ${r.status}`);
  return r.headers.getSetCookie()[0]!.split(';')[0]!;
}
