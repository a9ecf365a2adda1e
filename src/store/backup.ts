import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LeadmapError } from '../model/errors.js';
import { dataDirLayout, ensureDataDir } from './files.js';
import { openDatabase, integrityMessages } from './sqlite/open.js';

export interface BackupResult {
  dest: string;
  dbBytes: number;
  files: number;
}

/**
 * Writes a consistent copy of a data directory to `dest` (a new folder): the
 * database by VACUUM INTO (a transactionally consistent snapshot, safe while the
 * server runs) and every original upload file it references. The copy is itself
 * a data directory: `leadmap serve --data-dir <dest>` restores it.
 */
export function backupDataDir(dataDir: string, dest: string): BackupResult {
  const src = dataDirLayout(dataDir);
  if (!existsSync(src.dbFile)) throw new LeadmapError('NOT_FOUND', `no leadmap database in ${dataDir}`);
  const out = dataDirLayout(dest);
  if (existsSync(out.dbFile)) throw new LeadmapError('CONFLICT', `${dest} already holds a leadmap database; choose a new folder`);
  ensureDataDir(out);
  const db = openDatabase(src.dbFile, { busyTimeoutMs: 5000, checkIntegrity: true });
  let stored: string[];
  try {
    db.prepare('VACUUM INTO ?').run(out.dbFile);
    stored = (db.prepare('SELECT stored_path FROM upload_file').all() as { stored_path: string }[]).map((r) => r.stored_path);
  } finally {
    db.close();
  }
  let files = 0;
  for (const rel of stored) {
    const from = join(src.root, rel);
    if (!existsSync(from)) continue;
    const to = join(out.root, rel);
    mkdirSync(dirname(to), { recursive: true, mode: 0o700 });
    copyFileSync(from, to);
    files++;
  }
  const check = openDatabase(out.dbFile, { checkIntegrity: false });
  try {
    const problems = integrityMessages(check);
    if (problems.length > 0) throw new LeadmapError('BACKUP_CORRUPT', `the backup failed its integrity check: ${problems[0]}`);
  } finally {
    check.close();
  }
  return { dest: out.root, dbBytes: statSync(out.dbFile).size, files };
}
