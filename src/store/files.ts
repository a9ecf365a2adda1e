import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';

/**
 * Layout of the data directory (never served over HTTP):
 *   leadmap.sqlite (+ -wal, -shm)   the database
 *   files/<school>/<wave>/<random>  original uploaded files, named by random id
 *   tmp/                            uploads being received (swept on start)
 */
export interface DataDir {
  root: string;
  dbFile: string;
  filesDir: string;
  tmpDir: string;
}

export function dataDirLayout(root: string): DataDir {
  const abs = resolve(root);
  return { root: abs, dbFile: join(abs, 'leadmap.sqlite'), filesDir: join(abs, 'files'), tmpDir: join(abs, 'tmp') };
}

export function ensureDataDir(dir: DataDir): void {
  for (const d of [dir.root, dir.filesDir, dir.tmpDir]) mkdirSync(d, { recursive: true, mode: 0o700 });
}

/** A random file name: 128 bits, hex. Never derived from user input. */
export function randomName(): string {
  return randomBytes(16).toString('hex');
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** fsyncs a file so a rename after it is durable. */
export async function fsyncFile(path: string): Promise<void> {
  const fh = await open(path, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Moves a received temp file into the wave's folder under a fresh random name; returns the path relative to root. */
export async function storeFile(dir: DataDir, tmpPath: string, schoolId: string, waveId: string): Promise<string> {
  const folder = join(dir.filesDir, safeSegment(schoolId), safeSegment(waveId));
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const dest = join(folder, randomName());
  await fsyncFile(tmpPath);
  await rename(tmpPath, dest);
  return relative(dir.root, dest).split(sep).join('/');
}

export function absolutePath(dir: DataDir, stored: string): string {
  const abs = resolve(dir.root, stored);
  if (!abs.startsWith(dir.root + sep)) throw new Error('stored path escapes the data directory');
  return abs;
}

export async function removeFiles(dir: DataDir, stored: string[]): Promise<void> {
  for (const s of stored) await rm(absolutePath(dir, s), { force: true });
}

export function removeWaveFolder(dir: DataDir, schoolId: string, waveId?: string): void {
  const target =
    waveId === undefined ? join(dir.filesDir, safeSegment(schoolId)) : join(dir.filesDir, safeSegment(schoolId), safeSegment(waveId));
  rmSync(target, { recursive: true, force: true });
}

/**
 * Deletes files that no database row references (left by a crash between
 * moving a file in and committing) and everything in tmp/. Returns how many.
 */
export function sweepOrphans(dir: DataDir, referenced: ReadonlySet<string>): number {
  let removed = 0;
  const walk = (folder: string): void => {
    let entries: string[];
    try {
      entries = readdirSync(folder);
    } catch {
      return;
    }
    for (const name of entries) {
      const p = join(folder, name);
      if (statSync(p).isDirectory()) {
        walk(p);
        continue;
      }
      const rel = relative(dir.root, p).split(sep).join('/');
      if (!referenced.has(rel)) {
        rmSync(p, { force: true });
        removed++;
      }
    }
  };
  walk(dir.filesDir);
  for (const name of safeList(dir.tmpDir)) {
    rmSync(join(dir.tmpDir, name), { recursive: true, force: true });
    removed++;
  }
  return removed;
}

function safeList(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

function safeSegment(id: string): string {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) throw new Error('invalid id for a folder name');
  return id;
}
