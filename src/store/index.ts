import { dataDirLayout, ensureDataDir, type DataDir } from './files.js';
import { SqliteStore, type SqliteStoreOptions } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

export type { Store } from './store.js';
export { dataDirLayout, type DataDir } from './files.js';

/** Where a store lives. Today only SQLite in a data directory; a `postgres` kind will add a URL. */
export interface StoreConfig {
  kind: 'sqlite';
  dataDir: string;
}

/** Opens the configured store, creating the data directory and database file if absent. */
export function openStore(config: StoreConfig, options: SqliteStoreOptions = {}): { store: Store; dir: DataDir; orphansRemoved: number } {
  const dir = dataDirLayout(config.dataDir);
  ensureDataDir(dir);
  const store = new SqliteStore(dir, options);
  return { store, dir, orphansRemoved: store.orphansRemoved };
}
