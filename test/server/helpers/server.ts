import { join } from 'node:path';
import { startServer, type RunningServer, type StartOptions } from '../../../src/server/main.js';
import { silentLogger } from '../../../src/server/log.js';
import { tempDir } from '../../store/helpers.js';

export const ADMIN_PASSWORD = 'admin-password-for-tests';

export interface TestServer extends RunningServer {
  dataDir: string;
  stop(): Promise<void>;
}

/** A real server on an ephemeral port over a real SQLite file in a temp folder. */
export async function testServer(opts: Partial<StartOptions> = {}): Promise<TestServer> {
  const t = tempDir();
  const dataDir = join(t.path, 'data');
  const running = await startServer({ dataDir, port: 0, adminPassword: ADMIN_PASSWORD, demoDir: null, log: silentLogger, ...opts });
  return {
    ...running,
    dataDir,
    async stop() {
      await running.close();
      t.remove();
    },
  };
}

/** A tiny HTTP client with a cookie jar (one session). */
export class Client {
  cookie = '';
  constructor(readonly base: string) {}

  async req(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; json: any; text: string; headers: Headers }> {
    const init: RequestInit = { method, headers: { ...headers, ...(this.cookie ? { cookie: this.cookie } : {}) } };
    if (body instanceof FormData) init.body = body;
    else if (body !== undefined) {
      init.body = JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] = 'application/json';
    }
    const res = await fetch(this.base + path, init);
    const set = res.headers.getSetCookie();
    for (const c of set) {
      const [pair] = c.split(';');
      if (pair!.startsWith('leadmap_sid=')) this.cookie = pair!.endsWith('=') ? '' : pair!;
    }
    const text = await res.text();
    let json: any = null;
    try {
      json = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, json, text, headers: res.headers };
  }
  get(path: string) {
    return this.req('GET', path);
  }
  post(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.req('POST', path, body, headers);
  }
  del(path: string) {
    return this.req('DELETE', path);
  }

  async signIn(username: string, password: string): Promise<void> {
    const r = await this.post('/api/auth/sign-in', { username, password });
    if (r.status !== 200) throw new Error(`sign-in failed: ${r.status} ${r.text}`);
  }

  /** Uploads files and waits for the ingest job to finish; returns the finished job. */
  async upload(
    waveId: string,
    files: Record<string, string | Uint8Array>,
    fields: Record<string, string> = {},
  ): Promise<{ status: number; json: any; job: any }> {
    const form = new FormData();
    for (const [k, v] of Object.entries(files)) form.append(k, new Blob([v as BlobPart]), `${k}.csv`);
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    const r = await this.post(`/api/waves/${waveId}/uploads`, form);
    if (r.status !== 202) return { ...r, job: null };
    return { ...r, job: await this.waitJob(r.json.job.id) };
  }

  async waitJob(id: string): Promise<any> {
    for (;;) {
      const j = await this.get(`/api/jobs/${id}`);
      if (j.json.job.finishedAt) return j.json.job;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}

/** GET that follows a 202 job to its end, then asks again. */
export async function settled(c: Client, path: string): Promise<{ status: number; json: any; text: string }> {
  let r = await c.get(path);
  if (r.status === 202) {
    await c.waitJob(r.json.job.id);
    r = await c.get(path);
  }
  return r;
}
