import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { backupDataDir } from '../../src/store/backup.js';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { tempDir, tinyDataset } from './helpers.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});
async function fresh() {
  const t = tempDir();
  cleanups.push(t.remove);
  const opened = await openStore({ kind: 'sqlite', dataDir: join(t.path, 'data') });
  cleanups.push(() => void opened.store.close());
  return { ...opened, root: t.path };
}

/** What only the SQLite file has (WAL, PRAGMAs, integrity of the file, backups); the behaviour both back ends share is in store.test.ts. */
describe('SQLite store', () => {
  it('creates the file with WAL, foreign keys and every migration applied', async () => {
    const { store, dir } = await fresh();
    const db = (store as SqliteStore).db;
    expect(existsSync(dir.dbFile)).toBe(true);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect((await store.integrityCheck()).ok).toBe(true);
  });

  it('upgrades a database written at an older schema version, one numbered migration at a time', async () => {
    const t = tempDir();
    cleanups.push(t.remove);
    const { dataDirLayout, ensureDataDir } = await import('../../src/store/files.js');
    const dir = dataDirLayout(join(t.path, 'data'));
    ensureDataDir(dir);
    const old = new Database(dir.dbFile);
    old.exec(MIGRATIONS[0]!);
    old.pragma('user_version = 1');
    old.close();
    const store = new SqliteStore(dir);
    cleanups.push(() => store.db.close());
    expect(store.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(store.db.prepare("SELECT name FROM sqlite_schema WHERE name = 'response'").get()).toBeTruthy();
    const newer = new Database(dir.dbFile);
    newer.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    newer.close();
    store.db.close();
    expect(() => new SqliteStore(dir)).toThrow(expect.objectContaining({ code: 'STORE_TOO_NEW' }));
    cleanups.pop();
  });

  it('refuses to open a damaged file (integrity check on start)', async () => {
    const { store, dir } = await fresh();
    const org = await store.ensureOrganisation('District');
    const school = await store.createSchool(org.id, 'north', 'North High');
    const wave = await store.createWave(school.id, '2025', null);
    await store.replaceWaveData({ waveId: wave.id, dataset: tinyDataset(400), files: [], uploadedBy: null });
    await store.close();
    // Corrupt the index b-tree behind SQLite's back.
    const raw = new Database(dir.dbFile);
    raw.pragma('writable_schema = ON');
    const root = (raw.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'tie_wave'").get() as { rootpage: number }).rootpage;
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    const { openSync, writeSync, closeSync } = await import('node:fs');
    const fd = openSync(dir.dbFile, 'r+');
    const pageSize = 4096;
    writeSync(fd, Buffer.alloc(pageSize, 0xab), 0, pageSize, (root - 1) * pageSize);
    closeSync(fd);
    expect(() => new SqliteStore(dir)).toThrow(expect.objectContaining({ code: 'STORE_CORRUPT' }));
  });

  it('backs up a live data directory to a folder that opens and checks clean', async () => {
    const { store, root, dir } = await fresh();
    const org = await store.ensureOrganisation('District');
    const school = await store.createSchool(org.id, 'north', 'North High');
    const wave = await store.createWave(school.id, '2025', null);
    await store.replaceWaveData({ waveId: wave.id, dataset: tinyDataset(), files: [], uploadedBy: null });
    const result = backupDataDir(dir.root, join(root, 'backup'));
    expect(result.dbBytes).toBeGreaterThan(0);
    const copy = (await openStore({ kind: 'sqlite', dataDir: join(root, 'backup') })).store;
    cleanups.push(() => void copy.close());
    expect((await copy.getWave(wave.id))!.people).toBe(6);
    expect(() => backupDataDir(dir.root, join(root, 'backup'))).toThrow(/already/);
  });
});
