import { LeadmapError } from '../model/errors.js';
import { dataDirLayout, ensureDataDir, type DataDir } from './files.js';
import { SqliteStore, type SqliteStoreOptions } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

export type { Store } from './store.js';
export { dataDirLayout, type DataDir } from './files.js';

/**
 * Where a store lives. SQLite (the embedded default): one file in the data directory. PostgreSQL:
 * the database at `url`; the data directory still holds the original uploaded files.
 */
export type StoreConfig = { kind: 'sqlite'; dataDir: string } | { kind: 'postgres'; url: string; dataDir: string };

/** The store to use: PostgreSQL when `databaseUrl` (default: the DATABASE_URL variable) is a postgres:// URL, else SQLite in `dataDir`. */
export function storeConfig(dataDir: string, databaseUrl: string | undefined = process.env.DATABASE_URL): StoreConfig {
  const url = databaseUrl?.trim();
  if (!url) return { kind: 'sqlite', dataDir };
  if (!/^postgres(ql)?:\/\//i.test(url)) {
    throw new LeadmapError('BAD_DATABASE_URL', 'DATABASE_URL must start with postgres:// (or be unset for the embedded store)');
  }
  return { kind: 'postgres', url, dataDir };
}

export interface OpenStoreOptions extends SqliteStoreOptions {
  /** PostgreSQL: connections in the pool (default 10). */
  maxConnections?: number;
}

/** Opens the configured store, creating the data directory (and, for SQLite, the database file) if absent; migrations applied. */
export async function openStore(
  config: StoreConfig,
  options: OpenStoreOptions = {},
): Promise<{ store: Store; dir: DataDir; orphansRemoved: number }> {
  const dir = dataDirLayout(config.dataDir);
  ensureDataDir(dir);
  // The PostgreSQL driver is loaded only when asked for: the embedded default never touches it.
  const store =
    config.kind === 'postgres'
      ? await (
          await import('./postgres/postgres-store.js')
        ).PostgresStore.open(config.url, dir, { sweepOrphans: options.sweepOrphans, max: options.maxConnections })
      : new SqliteStore(dir, options);
  return { store, dir, orphansRemoved: store.orphansRemoved };
}
