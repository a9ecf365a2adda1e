import pg from 'pg';
import { LeadmapError } from '../../model/errors.js';
import { PG_MIGRATIONS } from './migrations.js';

/** BIGINT (int8) and count(*) come back as numbers, as SQLite's INTEGER does (every value stored fits a double exactly). */
const INT8_OID = 20;
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary'
      ? Number
      : (pg.types.getTypeParser(oid, format) as (value: string) => unknown)) as pg.CustomTypesConfig['getTypeParser'],
};

/** Any number that fits in 64 bits identifies the lock that serialises migrations across processes (workers starting together). */
const MIGRATION_LOCK = 0x1ead3a9;

export interface PgOpenOptions {
  /** Connections in the pool (default 10). */
  max?: number;
}

/** Opens a pool on `url`, applies the migrations not yet applied and checks the schema is not newer than this leadmap. */
export async function openPool(url: string, options: PgOpenOptions = {}): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, types });
  // An idle connection that the server drops must not crash the process: the pool replaces it.
  pool.on('error', () => {});
  try {
    await migrate(pool);
    return pool;
  } catch (err) {
    await pool.end();
    if (err instanceof LeadmapError) throw err;
    const code = (err as { code?: string }).code;
    throw new LeadmapError('STORE_UNAVAILABLE', `could not open the PostgreSQL database (${code ?? (err as Error).message})`);
  }
}

/** The number of the last migration applied (0 for an empty database). */
export async function pgSchemaVersion(db: pg.Pool | pg.PoolClient): Promise<number> {
  const exists = await db.query<{ t: string | null }>("SELECT to_regclass('leadmap_schema')::text AS t");
  if (!exists.rows[0]?.t) return 0;
  const r = await db.query<{ version: number }>('SELECT version FROM leadmap_schema');
  return r.rows[0]?.version ?? 0;
}

async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      const current = await pgSchemaVersion(client);
      if (current > PG_MIGRATIONS.length) {
        throw new LeadmapError(
          'STORE_TOO_NEW',
          `the database was written by a newer leadmap (schema ${current}, this one knows ${PG_MIGRATIONS.length})`,
        );
      }
      for (let v = current; v < PG_MIGRATIONS.length; v++) {
        await client.query('BEGIN');
        try {
          if (v === 0) await client.query('CREATE TABLE leadmap_schema (version INTEGER NOT NULL)');
          await client.query(PG_MIGRATIONS[v]!);
          await client.query('DELETE FROM leadmap_schema');
          await client.query('INSERT INTO leadmap_schema (version) VALUES ($1)', [v + 1]);
          await client.query('COMMIT');
        } catch (err) {
          await client.query('ROLLBACK');
          throw err;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}

/**
 * Runs `fn` in one transaction on one connection: committed when it resolves, rolled back when it
 * throws. A serialization failure or deadlock (another writer raced this one) is retried a few times.
 */
export async function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>, begin = 'BEGIN'): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const client = await pool.connect();
    let broken = false;
    try {
      await client.query(begin);
      const value = await fn(client);
      await client.query('COMMIT');
      return value;
    } catch (err) {
      try {
        await client.query('ROLLBACK');
      } catch {
        broken = true;
      }
      const code = (err as { code?: string }).code;
      if ((code === '40001' || code === '40P01') && attempt < 4) continue;
      throw err;
    } finally {
      client.release(broken);
    }
  }
}

/** A unique-key violation (another row already has this key). */
export function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: string }).code === '23505';
}
