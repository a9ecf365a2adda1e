import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, storeConfig } from '../../src/store/index.js';
import { PG_MIGRATIONS } from '../../src/store/postgres/migrations.js';
import type { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.js';
import { skipPostgres, startTestPostgres, type TestPostgres } from '../helpers/postgres.js';
import { tempDir, tinyDataset } from './helpers.js';

describe('choosing the store', () => {
  it('DATABASE_URL=postgres://… selects PostgreSQL; unset or blank, the embedded SQLite file', () => {
    expect(storeConfig('/d', undefined)).toEqual({ kind: 'sqlite', dataDir: '/d' });
    expect(storeConfig('/d', ' ')).toEqual({ kind: 'sqlite', dataDir: '/d' });
    expect(storeConfig('/d', 'postgres://u@h/db')).toEqual({ kind: 'postgres', url: 'postgres://u@h/db', dataDir: '/d' });
    expect(storeConfig('/d', 'postgresql://u@h/db').kind).toBe('postgres');
    expect(() => storeConfig('/d', 'mysql://u@h/db')).toThrow(expect.objectContaining({ code: 'BAD_DATABASE_URL' }));
  });
});

/** The columns of every table, as "table.column", from a SQLite file migrated to the end. */
function sqliteColumns(): string[] {
  const db = new Database(':memory:');
  for (const m of MIGRATIONS) db.exec(m);
  const tables = (
    db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]
  ).map((t) => t.name);
  const out = tables.flatMap((t) => (db.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => `${t}.${c.name}`));
  db.close();
  return out.sort();
}

describe.skipIf(skipPostgres())('PostgreSQL store', () => {
  let server: TestPostgres;
  const temp = tempDir();
  beforeAll(async () => {
    server = await startTestPostgres();
  });
  afterAll(async () => {
    await server.stop();
    temp.remove();
  });
  const open = async (url: string) => (await openStore({ kind: 'postgres', url, dataDir: `${temp.path}/data` })).store as PostgresStore;

  it('has the SQLite schema, migration for migration (plus its own bookkeeping: review order, schema version)', async () => {
    expect(PG_MIGRATIONS).toHaveLength(MIGRATIONS.length);
    const store = await open(await server.freshSchemaUrl());
    const cols = await store.pool.query<{ c: string }>(
      `SELECT table_name || '.' || column_name AS c FROM information_schema.columns WHERE table_schema = current_schema()
       AND table_name <> 'leadmap_schema'`,
    );
    const pgCols = cols.rows.map((r) => r.c).sort();
    expect(pgCols.filter((c) => c !== 'review_item.seq')).toEqual(sqliteColumns());
    await store.close();
  });

  it('upgrades a database written at an older schema version, and refuses one written by a newer leadmap', async () => {
    const url = await server.freshSchemaUrl();
    const raw = new pg.Client({ connectionString: url });
    await raw.connect();
    await raw.query('CREATE TABLE leadmap_schema (version INTEGER NOT NULL)');
    await raw.query(PG_MIGRATIONS[0]!);
    await raw.query('INSERT INTO leadmap_schema VALUES (1)');
    const store = await open(url);
    expect((await raw.query('SELECT version FROM leadmap_schema')).rows).toEqual([{ version: MIGRATIONS.length }]);
    expect((await raw.query("SELECT to_regclass('response') IS NOT NULL AS ok")).rows[0]).toEqual({ ok: true });
    expect((await store.integrityCheck()).ok).toBe(true);
    await store.close();
    await raw.query('UPDATE leadmap_schema SET version = $1', [MIGRATIONS.length + 1]);
    await expect(open(url)).rejects.toMatchObject({ code: 'STORE_TOO_NEW' });
    await raw.end();
  });

  it('several processes opening one empty database together migrate it once', async () => {
    const url = await server.freshSchemaUrl();
    const stores = await Promise.all([open(url), open(url), open(url), open(url)]);
    const org = await stores[0].ensureOrganisation('District');
    expect(await stores[3].getOrganisation(org.id)).toEqual(org);
    expect((await stores[1].pool.query('SELECT version FROM leadmap_schema')).rows).toEqual([{ version: MIGRATIONS.length }]);
    await Promise.all(stores.map((s) => s.close()));
  });

  it('a reader never sees half an upload: the old dataset until the commit, then the new one whole', async () => {
    const url = await server.freshSchemaUrl();
    const writer = await open(url);
    const reader = await open(url);
    const org = await writer.ensureOrganisation('District');
    const school = await writer.createSchool(org.id, 'north', 'North');
    const wave = await writer.createWave(school.id, '2025', null);
    await writer.replaceWaveData({ waveId: wave.id, dataset: tinyDataset(10), files: [], uploadedBy: null });
    const sizes = new Set<number>();
    let reading = true;
    const reads = (async () => {
      while (reading) {
        const ds = await reader.loadWaveDataset(wave.id);
        expect(ds!.ties).toHaveLength(ds!.people.length - 1);
        sizes.add(ds!.people.length);
      }
    })();
    await writer.replaceWaveData({ waveId: wave.id, dataset: tinyDataset(20_000), files: [], uploadedBy: null });
    reading = false;
    await reads;
    expect([...sizes].every((n) => n === 10 || n === 20_000)).toBe(true);
    expect((await reader.loadWavePeople(wave.id))!).toHaveLength(20_000);
    await writer.close();
    await reader.close();
  });

  it('an unreachable server is STORE_UNAVAILABLE, not a crash', async () => {
    await expect(open('postgres://postgres@127.0.0.1:1/none?connect_timeout=2')).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
  });
});
