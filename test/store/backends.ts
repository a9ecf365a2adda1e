/**
 * The store suites run once per back end: SQLite in a temp data directory, and PostgreSQL (a
 * temporary cluster, or LEADMAP_TEST_DATABASE_URL) with one fresh schema per store. Use
 * `describe.each(backends())` and `const b = useBackend(kind)` inside.
 */
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { openStore, type DataDir, type Store } from '../../src/store/index.js';
import type { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { skipPostgres, startTestPostgres, type TestPostgres } from '../helpers/postgres.js';
import { tempDir } from './helpers.js';

export type BackendKind = 'sqlite' | 'postgres';

/** The back ends to run: both, or SQLite alone when PostgreSQL cannot be had outside CI. */
export function backends(): BackendKind[] {
  return skipPostgres() ? ['sqlite'] : ['sqlite', 'postgres'];
}

export interface OpenedStore {
  store: Store;
  dir: DataDir;
  root: string;
  /** Where this store's database is: what a second process would be given to open the same data. */
  location: { dataDir: string; url: string | null };
  /** Rows in a table, read behind the store's back. */
  count: (table: string) => Promise<number>;
}

export interface Backend {
  kind: BackendKind;
  /** A new, empty store (closed and deleted after the test). */
  fresh(options?: { sweepOrphans?: boolean }): Promise<OpenedStore>;
  /** Opens the store again at `location` (the same database, the same data directory). */
  reopen(location: OpenedStore['location'], options?: { sweepOrphans?: boolean }): Promise<OpenedStore>;
  /** A fresh database URL or data directory, not opened yet (PostgreSQL: null when SQLite). */
  emptyLocation(): Promise<OpenedStore['location']>;
}

export function useBackend(kind: BackendKind): Backend {
  let pg: TestPostgres | null = null;
  const cleanups: Array<() => Promise<void> | void> = [];
  if (kind === 'postgres') {
    beforeAll(async () => {
      pg = await startTestPostgres();
    });
    afterAll(async () => {
      await pg?.stop();
    });
  }
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
  });

  const emptyLocation = async (): Promise<OpenedStore['location']> => {
    const t = tempDir();
    cleanups.push(t.remove);
    return { dataDir: join(t.path, 'data'), url: kind === 'postgres' ? await pg!.freshSchemaUrl() : null };
  };
  const reopen = async (location: OpenedStore['location'], options: { sweepOrphans?: boolean } = {}): Promise<OpenedStore> => {
    const config = location.url
      ? { kind: 'postgres' as const, url: location.url, dataDir: location.dataDir }
      : { kind: 'sqlite' as const, dataDir: location.dataDir };
    const opened = await openStore(config, options);
    cleanups.push(() => opened.store.close());
    const count = async (table: string): Promise<number> => {
      if (opened.store.kind === 'sqlite')
        return ((opened.store as SqliteStore).db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      return (await (opened.store as PostgresStore).pool.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n;
    };
    return { store: opened.store, dir: opened.dir, root: join(location.dataDir, '..'), location, count };
  };
  return {
    kind,
    emptyLocation,
    reopen,
    fresh: async (options = {}) => reopen(await emptyLocation(), options),
  };
}
