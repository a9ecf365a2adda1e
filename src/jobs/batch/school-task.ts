import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadDataset } from '../../ingest/load-dataset.js';
import { formatProblems } from '../../ingest/problems.js';
import { LeadmapError } from '../../model/errors.js';
import type { Dataset, Problem } from '../../model/types.js';
import { makeReport, schoolOf, waveOf, type Edition, type Paper } from '../../report/index.js';
import { analysisDocument, analyzeDataset } from '../analysis-document.js';
import type { ReportProgress } from '../jobs.js';

/** The files of one school's folder in a batch: one wave, and optionally the previous one in `previous/`. */
export const SCHOOL_FILES = { roster: 'roster.csv', ties: 'ties.csv', respondents: 'respondents.csv', previous: 'previous' } as const;

/** One school of a batch, as plain data (sent to a worker thread or as a queue job). */
export interface SchoolTask {
  /** The school's folder name: its outputs are `<out>/<school>.json` and `<out>/<school>.pdf`. */
  school: string;
  /** Absolute path of the school's folder. */
  dir: string;
  /** Absolute path of the output folder. */
  out: string;
  /** SHA-256 of the school's input files (schoolInputHash): the same files are the same job. */
  inputHash: string;
  /** The wave's label when the tie list has no wave column nor timestamps. */
  wave?: string;
  /** The previous wave's label, likewise. */
  previousWave?: string;
  relation?: string;
  edition: Edition;
  minGroupSize: number;
  paper: Paper;
}

export interface SchoolOutcome {
  school: string;
  /** The name on the report's cover: the roster's school column, else the folder name. */
  name: string;
  wave: string;
  people: number;
  ties: number;
  /** Whether the report compares with a previous wave. */
  previous: boolean;
  json: string;
  pdf: string;
}

/**
 * Analyses one school of a batch and writes `<out>/<school>.json` (the document `leadmap analyze --json`
 * prints for the school's roster, ties and respondents) and `<out>/<school>.pdf` (the report `leadmap
 * report` writes, with the change since the previous wave when `previous/` holds it). Each file is
 * written under a temporary name and renamed, so a retried or repeated task never leaves half a file.
 * Bad input throws a LeadmapError whose message lists every problem with its file (inside the
 * school's folder), row and column, and whose details hold the problems.
 */
export async function runSchoolTask(task: SchoolTask, progress: ReportProgress): Promise<SchoolOutcome> {
  progress('reading', 0, 1);
  const current = await loadWave(task, task.dir, task.wave);
  const previousDir = join(task.dir, SCHOOL_FILES.previous);
  const previous = existsSync(previousDir) ? await loadWave(task, previousDir, task.previousWave) : null;
  const prefix = (p: string): string => `${task.school}/${p}`;
  const wave = identify(() => waveOf(current, task.wave).value);
  const previousWave = previous ? identify(() => waveOf(previous, task.previousWave, '--previous-wave').value, prefix('previous')) : null;
  progress('analysing', 0, 1);
  const analysis = await analyzeDataset(current, { relation: task.relation });
  const json = join(task.out, `${task.school}.json`);
  await mkdir(task.out, { recursive: true });
  await removeLeftovers(task.out, task.school);
  await writeAtomically(json, JSON.stringify(analysisDocument(analysis)) + '\n');
  progress('report', 0, 1);
  const name = coverName(current, task.school);
  const { pdf } = await makeReport(
    {
      school: name,
      edition: task.edition,
      minGroupSize: task.minGroupSize,
      relation: task.relation,
      current: { dataset: current, wave },
      previous: previous && previousWave !== null ? { dataset: previous, wave: previousWave } : null,
    },
    task.paper,
  );
  const pdfPath = join(task.out, `${task.school}.pdf`);
  await writeAtomically(pdfPath, pdf);
  progress('done', 1, 1);
  return {
    school: task.school,
    name,
    wave,
    people: analysis.core.network.people,
    ties: current.ties.length,
    previous: previous !== null,
    json,
    pdf: pdfPath,
  };
}

/** Loads one wave of a school's folder; problems name the file inside the batch folder (`lakeside/ties.csv row 14 …`). */
export async function loadWave(task: SchoolTask, dir: string, wave: string | undefined): Promise<Dataset> {
  const file = (name: string) => join(dir, name);
  const rel = (name: string) => (dir === task.dir ? `${task.school}/${name}` : `${task.school}/${SCHOOL_FILES.previous}/${name}`);
  const missing = [SCHOOL_FILES.roster, SCHOOL_FILES.ties].filter((f) => !existsSync(file(f)));
  if (missing.length > 0) {
    const problems: Problem[] = missing.map((f) => ({
      code: 'MISSING_FILE',
      severity: 'error',
      file: rel(f),
      row: null,
      column: null,
      value: null,
      message: `each school folder needs ${SCHOOL_FILES.roster} and ${SCHOOL_FILES.ties}`,
    }));
    throw badInput(problems);
  }
  const respondents = existsSync(file(SCHOOL_FILES.respondents)) ? file(SCHOOL_FILES.respondents) : undefined;
  const options = { roster: file(SCHOOL_FILES.roster), ties: file(SCHOOL_FILES.ties), respondents };
  let loaded = await loadDataset(options);
  if (!loaded.ok && wave !== undefined && loaded.problems.some((p) => p.code === 'WAVE_REQUIRED'))
    loaded = await loadDataset({ ...options, wave });
  if (!loaded.ok) throw badInput(loaded.problems.map((p) => ({ ...p, file: rel(p.file) })));
  return loaded.value;
}

function badInput(problems: Problem[]): LeadmapError {
  return new LeadmapError('BAD_INPUT', `the input was not loaded (nothing written):\n${formatProblems(problems)}`, { problems });
}

/** A cover identity (waveOf) whose error names the folder it is about. */
function identify(f: () => string, where?: string): string {
  try {
    return f();
  } catch (err) {
    if (err instanceof LeadmapError && where) throw new LeadmapError(err.code, `${where}: ${err.message}`);
    throw err;
  }
}

function coverName(dataset: Dataset, folder: string): string {
  try {
    return schoolOf(dataset).value;
  } catch {
    return folder;
  }
}

/** Removes the temporary files an attempt killed while writing left behind (writeAtomically's `<name>.<hex>.tmp`). */
async function removeLeftovers(out: string, school: string): Promise<void> {
  const leftover = (f: string): boolean => f.startsWith(`${school}.`) && /^(json|pdf)\.[0-9a-f]{12}\.tmp$/.test(f.slice(school.length + 1));
  for (const f of await readdir(out)) if (leftover(f)) await rm(join(out, f), { force: true });
}

/** Writes a file under a temporary name beside it, then renames it: readers see the old file or the whole new one. */
export async function writeAtomically(path: string, data: string | Buffer): Promise<void> {
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
