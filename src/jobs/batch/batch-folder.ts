import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { LeadmapError } from '../../model/errors.js';
import { SCHOOL_FILES, type SchoolOutcome } from './school-task.js';

/** The name of the district roll-up's outputs (`<out>/district.json`, `<out>/district.pdf`); no school folder may take it. */
export const DISTRICT_OUTPUT = 'district';

/** One school folder of a batch. */
export interface SchoolFolder {
  school: string;
  dir: string;
}

/**
 * The school folders of a batch folder: every sub-folder whose name does not start with "." or "_",
 * in natural order ("school-2" before "school-10"). A folder without the files a school needs is still
 * listed, so that it fails alone and says what is missing.
 */
export async function schoolFolders(root: string): Promise<SchoolFolder[]> {
  if (!existsSync(root)) throw new LeadmapError('NOT_FOUND', `folder not found: ${root}`);
  const entries = await readdir(root, { withFileTypes: true });
  const schools = entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.') && !e.name.startsWith('_'))
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
  return schools.map((school) => ({ school, dir: join(root, school) }));
}

/** SHA-256 over the names and bytes of a school's input files (those present), so changed files make a new job. */
export async function schoolInputHash(dir: string): Promise<string> {
  const h = createHash('sha256');
  const files = [SCHOOL_FILES.roster, SCHOOL_FILES.ties, SCHOOL_FILES.respondents];
  const paths = [...files.map((f) => f as string), ...files.map((f) => `${SCHOOL_FILES.previous}/${f}`)];
  for (const rel of paths) {
    const path = join(dir, rel);
    if (!existsSync(path)) continue;
    h.update(rel).update('\u0000');
    for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
    h.update('\u0000');
  }
  return h.digest('hex');
}

/** How one school of a batch ended. `attempts` counts the tries (more than one: it was retried). */
export type SchoolResult =
  | { school: string; status: 'done'; outcome: SchoolOutcome; attempts: number }
  | { school: string; status: 'failed'; error: { code: string; message: string }; attempts: number };

/** What `leadmap batch --json` prints. */
export interface BatchSummary {
  schools: number;
  done: number;
  failed: number;
  /** Schools that needed more than one attempt (a worker died or an attempt failed unexpectedly). */
  retried: number;
}

export function summarize(schools: number, results: readonly SchoolResult[]): BatchSummary {
  return {
    schools,
    done: results.filter((r) => r.status === 'done').length,
    failed: results.filter((r) => r.status === 'failed').length,
    retried: results.filter((r) => r.attempts > 1).length,
  };
}
