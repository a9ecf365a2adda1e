import { existsSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { backupDataDir } from '../../src/store/backup.js';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { storeFile } from '../../src/store/files.js';
import { tempDir, tinyDataset } from './helpers.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});
function fresh() {
  const t = tempDir();
  cleanups.push(t.remove);
  const opened = openStore({ kind: 'sqlite', dataDir: join(t.path, 'data') });
  cleanups.push(() => void opened.store.close());
  return { ...opened, root: t.path };
}

describe('SQLite store', () => {
  it('creates the file with WAL, foreign keys and every migration applied', async () => {
    const { store, dir } = fresh();
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

  it('stores a wave dataset in one piece and loads the same dataset back', async () => {
    const { store } = fresh();
    const org = await store.ensureOrganisation('District');
    const school = await store.createSchool(org.id, 'north', 'North High');
    const wave = await store.createWave(school.id, '2025', null);
    expect(await store.loadWavePeople(wave.id)).toBeNull();
    const ds = tinyDataset();
    const after = await store.replaceWaveData({ waveId: wave.id, dataset: ds, files: [], uploadedBy: null });
    expect(after).toMatchObject({ status: 'ready', people: 6, ties: 5 });
    expect(after.dataHash).toMatch(/^[0-9a-f]{64}$/);
    const back = await store.loadWaveDataset(wave.id);
    expect(back!.people).toEqual(ds.people);
    expect(back!.ties).toEqual(ds.ties);
    expect(await store.loadWavePeople(wave.id)).toEqual(ds.people);
    const again = await store.replaceWaveData({ waveId: wave.id, dataset: ds, files: [], uploadedBy: null });
    expect(again.dataHash).toBe(after.dataHash);
  });

  it('rolls back a failing upload so the wave keeps its previous data', async () => {
    const { store } = fresh();
    const org = await store.ensureOrganisation('District');
    const school = await store.createSchool(org.id, 'north', 'North High');
    const wave = await store.createWave(school.id, '2025', null);
    await store.replaceWaveData({ waveId: wave.id, dataset: tinyDataset(), files: [], uploadedBy: null });
    const bad = tinyDataset(8);
    bad.people.push(bad.people[0]!); // duplicate primary key → the insert fails mid-transaction
    await expect(store.replaceWaveData({ waveId: wave.id, dataset: bad, files: [], uploadedBy: null })).rejects.toThrow();
    expect(await store.getWave(wave.id)).toMatchObject({ people: 6, ties: 5 });
    expect((await store.loadWaveDataset(wave.id))!.people).toHaveLength(6);
  });

  it('deleting a wave removes its rows and its stored files', async () => {
    const { store, dir } = fresh();
    const org = await store.ensureOrganisation('District');
    const school = await store.createSchool(org.id, 'north', 'North High');
    const wave = await store.createWave(school.id, '2025', null);
    const tmp = join(dir.tmpDir, 'upload');
    writeFileSync(tmp, 'id\nA\n');
    const stored = await storeFile(dir, tmp, school.id, wave.id);
    await store.replaceWaveData({
      waveId: wave.id,
      dataset: tinyDataset(),
      files: [{ kind: 'roster', originalName: 'roster.csv', storedPath: stored, bytes: 5, sha256: 'x', uploadedBy: null }],
      uploadedBy: null,
    });
    expect(existsSync(join(dir.root, stored))).toBe(true);
    await store.deleteWave(wave.id);
    expect(existsSync(join(dir.root, stored))).toBe(false);
    const db = (store as SqliteStore).db;
    for (const t of ['person', 'tie', 'upload_file', 'wave'])
      expect((db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n).toBe(0);
  });

  it('refuses to open a damaged file (integrity check on start)', async () => {
    const { store, dir } = fresh();
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

  it('sweeps upload files that no committed row references', async () => {
    const { store, dir } = fresh();
    await store.close();
    const orphanDir = join(dir.filesDir, 'abc', 'def');
    (await import('node:fs')).mkdirSync(orphanDir, { recursive: true });
    writeFileSync(join(orphanDir, 'leftover'), 'x');
    writeFileSync(join(dir.tmpDir, 'partial'), 'x');
    const again = new SqliteStore(dir, { sweepOrphans: true });
    cleanups.push(() => again.db.close());
    expect(again.orphansRemoved).toBe(2);
    expect(readdirSync(orphanDir)).toHaveLength(0);
  });

  it('backs up a live data directory to a folder that opens and checks clean', async () => {
    const { store, root, dir } = fresh();
    const org = await store.ensureOrganisation('District');
    const school = await store.createSchool(org.id, 'north', 'North High');
    const wave = await store.createWave(school.id, '2025', null);
    await store.replaceWaveData({ waveId: wave.id, dataset: tinyDataset(), files: [], uploadedBy: null });
    const result = backupDataDir(dir.root, join(root, 'backup'));
    expect(result.dbBytes).toBeGreaterThan(0);
    const copy = openStore({ kind: 'sqlite', dataDir: join(root, 'backup') }).store;
    cleanups.push(() => void copy.close());
    expect((await copy.getWave(wave.id))!.people).toBe(6);
    expect(() => backupDataDir(dir.root, join(root, 'backup'))).toThrow(/already/);
  });
});
