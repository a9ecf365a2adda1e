import type { Command } from '../command.js';
import { analyzeCommand } from './analyze.js';
import { importCommand } from './import.js';
import { serveCommand } from './serve.js';
import { backupCommand } from './backup.js';
import { logsCommand } from './logs.js';
import { reportCommand } from './report.js';
import { compareCommand } from './compare.js';
import { workerCommand } from './worker.js';
import { batchCommand } from './batch.js';

/** Every sub-command, in the order `leadmap help` lists them. Add new commands here. */
export const COMMANDS: Command[] = [
  analyzeCommand,
  importCommand,
  serveCommand,
  backupCommand,
  logsCommand,
  reportCommand,
  compareCommand,
  workerCommand,
  batchCommand,
];
