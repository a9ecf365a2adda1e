import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import type { Command } from '../command.js';
import { EXIT } from '../command.js';
import { LeadmapError } from '../../model/errors.js';
import { backupDataDir } from '../../store/backup.js';
import { storeConfig } from '../../store/index.js';

const USAGE = `Usage: leadmap backup <dest-folder> [--data-dir <dir>]

Writes a consistent copy of the data directory to a new folder: the database
(SQLite VACUUM INTO, safe while the server runs) and the original uploaded
files. To restore, start the server on the copy: leadmap serve --data-dir <dest-folder>.
With DATABASE_URL (PostgreSQL) use pg_dump instead, and copy the data directory.

Options:
  --data-dir <dir>   data directory to back up (default ./data, or LEADMAP_DATA_DIR)`;

export const backupCommand: Command = {
  name: 'backup',
  summary: 'copy the database and uploaded files to a new folder',
  usage: USAGE,
  run(argv, io) {
    const { values, positionals } = parseArgs({ args: argv, options: { 'data-dir': { type: 'string' } }, allowPositionals: true });
    if (positionals.length !== 1) throw new LeadmapError('BAD_ARGUMENT', 'give exactly one destination folder');
    const dataDir = resolve(io.cwd, values['data-dir'] ?? io.env.LEADMAP_DATA_DIR ?? 'data');
    if (storeConfig(dataDir, io.env.DATABASE_URL).kind === 'postgres')
      throw new LeadmapError(
        'BAD_ARGUMENT',
        'DATABASE_URL is set: back up the PostgreSQL database with pg_dump and copy the data directory (its files/ folder) beside it',
      );
    const r = backupDataDir(dataDir, resolve(io.cwd, positionals[0]!));
    io.stdout(
      `leadmap: backup written to ${r.dest} (database ${(r.dbBytes / 1e6).toFixed(1)} MB, ${r.files} uploaded file(s)); integrity check passed\n`,
    );
    return Promise.resolve(EXIT.ok);
  },
};
