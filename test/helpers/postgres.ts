/**
 * A PostgreSQL server for tests: LEADMAP_TEST_DATABASE_URL when set, else a temporary cluster
 * started here (initdb into a temp folder, listening on 127.0.0.1 on a free port and a socket in
 * that folder; as the postgres user when run as root, since initdb refuses root) and stopped and
 * deleted by stop(). Each test gets its own schema (freshSchemaUrl), so tests never see each
 * other's rows. Without PostgreSQL the suites skip locally and fail in CI (CI=true).
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface TestPostgres {
  url: string;
  /** A URL whose connections use a new, empty schema (search_path), dropped by stop(). */
  freshSchemaUrl(): Promise<string>;
  stop(): Promise<void>;
}

/** The folder holding initdb and pg_ctl, or null when PostgreSQL is not installed. */
export function postgresBinDir(): string | null {
  const fromEnv = process.env.LEADMAP_PG_BIN;
  if (fromEnv && existsSync(join(fromEnv, 'initdb'))) return fromEnv;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (existsSync(join(root, v, 'bin', 'initdb'))) return join(root, v, 'bin');
  try {
    const bin = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
    if (existsSync(join(bin, 'initdb'))) return bin;
  } catch {
    /* no pg_config */
  }
  return null;
}

/** True when the PostgreSQL suites can run here (a URL given or PostgreSQL installed). */
export function postgresAvailable(): boolean {
  return Boolean(process.env.LEADMAP_TEST_DATABASE_URL) || postgresBinDir() !== null;
}

/** Whether to skip the PostgreSQL suites: only outside CI, and only when no PostgreSQL can be had. */
export function skipPostgres(): boolean {
  if (postgresAvailable()) return false;
  if (process.env.CI === 'true')
    throw new Error('CI needs PostgreSQL for the store tests: install postgresql or set LEADMAP_TEST_DATABASE_URL');
  return true;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Runs a PostgreSQL program, as the postgres user when this process is root. */
function runPg(bin: string, program: string, args: string[]): void {
  const exe = join(bin, program);
  if (process.getuid?.() === 0) execFileSync('runuser', ['-u', 'postgres', '--', exe, ...args], { stdio: 'pipe' });
  else execFileSync(exe, args, { stdio: 'pipe' });
}

export async function startTestPostgres(): Promise<TestPostgres> {
  const given = process.env.LEADMAP_TEST_DATABASE_URL;
  let url: string;
  let shutdown: () => void = () => {};
  if (given) url = given;
  else {
    const bin = postgresBinDir();
    if (!bin) throw new Error('PostgreSQL is not installed (no initdb found) and LEADMAP_TEST_DATABASE_URL is not set');
    const root = mkdtempSync(join(tmpdir(), 'leadmap-pg-'));
    const data = join(root, 'data');
    if (process.getuid?.() === 0) {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
      chownSync(root, uid, gid);
    }
    runPg(bin, 'initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8']);
    const port = await freePort();
    runPg(bin, 'pg_ctl', [
      '-D',
      data,
      '-l',
      join(root, 'log'),
      '-w',
      '-o',
      `-k ${root} -h 127.0.0.1 -p ${port} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
      'start',
    ]);
    url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    shutdown = () => {
      try {
        runPg(bin, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    };
  }
  const schemas: string[] = [];
  const admin = new pg.Pool({ connectionString: url, max: 2 });
  return {
    url,
    async freshSchemaUrl() {
      const name = `t_${randomBytes(6).toString('hex')}`;
      await admin.query(`CREATE SCHEMA ${name}`);
      schemas.push(name);
      const u = new URL(url);
      u.searchParams.set('options', `-c search_path=${name}`);
      return u.toString();
    },
    async stop() {
      try {
        if (given) for (const s of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
      } finally {
        await admin.end();
        shutdown();
      }
    },
  };
}
