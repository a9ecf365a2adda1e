import Database from 'better-sqlite3';
import { LeadmapError } from '../../model/errors.js';
import { MIGRATIONS } from './migrations.js';

export type Db = Database.Database;

export interface OpenOptions {
  /** Milliseconds a statement may block waiting for the write lock before SQLITE_BUSY (default 5: callers retry asynchronously, so the event loop is not held). */
  busyTimeoutMs?: number;
  /** Run PRAGMA integrity_check and refuse to open a damaged file (default true). */
  checkIntegrity?: boolean;
  readonly?: boolean;
}

/**
 * Opens (creating if absent) the SQLite file: WAL journal, foreign keys on,
 * synchronous=NORMAL for ordinary writes (uploads raise it to FULL for their
 * acknowledging commit), migrations applied, integrity checked.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const db = new Database(file, { readonly: options.readonly ?? false });
  try {
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5))}`);
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    if (options.checkIntegrity ?? true) {
      let problems: string[];
      try {
        problems = integrityMessages(db);
      } catch (err) {
        problems = [(err as Error).message];
      }
      if (problems.length > 0) {
        throw new LeadmapError('STORE_CORRUPT', `the database file failed its integrity check: ${problems.slice(0, 3).join('; ')}`);
      }
    }
    if (!options.readonly) migrate(db);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/** PRAGMA integrity_check plus foreign_key_check; [] when the file is sound. */
export function integrityMessages(db: Db): string[] {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  const out = rows.map((r) => r.integrity_check).filter((m) => m !== 'ok');
  const fk = db.pragma('foreign_key_check') as { table: string; parent: string }[];
  for (const r of fk) out.push(`foreign key violation in ${r.table} → ${r.parent}`);
  return out;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function migrate(db: Db): void {
  const current = schemaVersion(db);
  if (current > MIGRATIONS.length) {
    throw new LeadmapError(
      'STORE_TOO_NEW',
      `the database was written by a newer leadmap (schema ${current}, this one knows ${MIGRATIONS.length})`,
    );
  }
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
}
