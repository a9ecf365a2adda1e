import { createHash } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LeadmapError } from '../model/errors.js';
import type { Dataset, Problem } from '../model/types.js';
import { completenessBanner, tieListCompleteness, type Completeness } from '../model/completeness.js';
import type { NewReviewItem, SurveyDecisions } from './survey-dataset.js';
import { loadDataset } from '../ingest/load-dataset.js';
import { readOutcomes } from '../ingest/outcomes.js';
import type { TiesOptions } from '../ingest/ties.js';
import { dataDirLayout, randomName, removeFiles, storeFile } from '../store/files.js';
import { openStore, storeConfig } from '../store/index.js';

/** One received file of an upload, still in the data directory's tmp/ folder. */
export interface ReceivedFile {
  /** people, activities and decisions: the wave's survey side (src/report/survey), checked and stored beside its dataset. */
  kind: 'roster' | 'ties' | 'respondents' | 'survey' | 'people' | 'activities' | 'decisions' | 'outcomes';
  tmpPath: string;
  originalName: string;
  bytes: number;
  sha256: string;
}

export interface IngestInput {
  dataDir: string;
  /** The PostgreSQL store to write to (a queue worker's); absent: DATABASE_URL, else the SQLite file in dataDir. */
  databaseUrl?: string;
  schoolId: string;
  waveId: string;
  files: ReceivedFile[];
  uploadedBy: string | null;
  unknownPeople?: TiesOptions['unknownPeople'];
  undirected?: string[];
  /** Survey imports: the wave's decisions and those carried from the school's previous wave. */
  decisions?: SurveyDecisions;
}

export interface IngestOutcome {
  waveId: string;
  people: number;
  ties: number;
  dataHash: string | null;
  /** "needs review" while any item read waits for a decision; never reported as simply stored then. */
  status: 'needs review' | 'ready' | 'empty';
  completeness: Completeness;
  /** "1 question (42 answers) and 2 names are not in these results yet — decide them", or null. */
  banner: string | null;
  /** Warnings from the readers (errors make the upload fail with INGEST_FAILED and these in details). */
  problems: Problem[];
}

export type IngestProgress = (phase: 'reading' | 'storing', done: number, total: number) => void;

/**
 * Reads the files of one upload and stores them as the wave's dataset, all or
 * nothing. Runs inside an ingest worker thread (or inline in tests): it opens
 * its own store connection. Order: read and validate everything → move the
 * files into the data directory → one transaction. A crash at any point leaves
 * the wave as it was; moved files without a committed row are swept on the
 * next start.
 */
export async function runIngest(input: IngestInput, progress: IngestProgress): Promise<IngestOutcome> {
  const derived: ReceivedFile[] = [];
  try {
    progress(
      'reading',
      0,
      input.files.reduce((n, f) => n + f.bytes, 0),
    );
    const read = await readUpload(input, progress);
    const result = read.ok ? await withSurveyFiles(read, input.files) : read;
    const named = result.problems.map((p) => renameFile(p, input.files));
    if (!result.ok) {
      throw new LeadmapError('INGEST_FAILED', summarise(named), { problems: named });
    }
    const dir = dataDirLayout(input.dataDir);
    derived.push(...(await derivedPeopleFile(dir.tmpDir, result, input.files)));
    const stored: string[] = [];
    const files = [];
    try {
      for (const f of [...input.files, ...derived]) {
        const storedPath = await storeFile(dir, f.tmpPath, input.schoolId, input.waveId);
        stored.push(storedPath);
        files.push({
          kind: f.kind,
          originalName: f.originalName,
          storedPath,
          bytes: f.bytes,
          sha256: f.sha256,
          uploadedBy: input.uploadedBy,
        });
      }
      const { store } = await openStore(storeConfig(input.dataDir, input.databaseUrl ?? process.env.DATABASE_URL), {
        busyTimeoutMs: 10_000,
        checkIntegrity: false,
        maxConnections: 2,
      });
      try {
        const previous = (await store.listUploadFiles(input.waveId)).map((f) => f.storedPath);
        const wave = await store.replaceWaveData({
          waveId: input.waveId,
          dataset: result.value,
          files,
          uploadedBy: input.uploadedBy,
          reviewItems: result.review,
          responses: result.responses,
          completeness: result.completeness,
          onProgress: (done, total) => progress('storing', done, total),
        });
        // The replaced upload's original files are referenced by no row any more: remove them now, not at the next start.
        await removeFiles(
          dir,
          previous.filter((p) => !stored.includes(p)),
        ).catch(() => {});
        const completeness = wave.completeness ?? result.completeness;
        return {
          waveId: wave.id,
          people: wave.people,
          ties: wave.ties,
          dataHash: wave.dataHash,
          status: wave.status,
          completeness,
          banner: completenessBanner(completeness),
          problems: named,
        };
      } finally {
        await store.close();
      }
    } catch (err) {
      await removeFiles(dir, stored);
      throw err;
    }
  } finally {
    for (const f of [...input.files, ...derived]) await rm(f.tmpPath, { force: true });
  }
}

/**
 * A survey export's people file (as `leadmap import` writes it), stored as the wave's `people` file
 * so its scales and skills inventory are read like an uploaded one; none when a people file was
 * uploaded with the export, or the upload was a tie list.
 */
async function derivedPeopleFile(tmpDir: string, result: ReadResult, files: ReceivedFile[]): Promise<ReceivedFile[]> {
  const survey = files.find((f) => f.kind === 'survey');
  if (!result.ok || result.peopleCsv === undefined || !survey || files.some((f) => f.kind === 'people')) return [];
  const tmpPath = join(tmpDir, randomName());
  const bytes = Buffer.from(result.peopleCsv, 'utf8');
  await writeFile(tmpPath, bytes, { mode: 0o600 });
  return [
    {
      kind: 'people',
      tmpPath,
      originalName: `${survey.originalName.replace(/\.[^.]*$/, '')}.people.csv`,
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    },
  ];
}

type ReadResult =
  | {
      ok: true;
      value: Dataset;
      review: NewReviewItem[];
      completeness: Completeness;
      responses?: Array<{ personId: string; answers: unknown }>;
      /** A survey export's people file (Likert answers, skills), stored as the wave's people file. */
      peopleCsv?: string;
      problems: Problem[];
    }
  | { ok: false; problems: Problem[] };

/** Roster + ties (+ respondents) through loadDataset, or roster + survey export through the survey import. */
async function readUpload(input: IngestInput, progress: IngestProgress): Promise<ReadResult> {
  const byKind = new Map(input.files.map((f) => [f.kind, f]));
  const survey = byKind.get('survey');
  const roster = byKind.get('roster');
  if (survey) {
    if (!roster) throw new LeadmapError('INVALID_UPLOAD', 'a survey export needs the roster too (form field "roster"), to match names');
    if (byKind.has('ties')) throw new LeadmapError('INVALID_UPLOAD', 'send either a ties file or a survey export, not both');
    progress('reading', 0, 1);
    // Loaded on demand: the survey reader pulls in the spreadsheet library, which is slow to load.
    const { surveyDataset } = await import('./survey-dataset.js');
    const r = await surveyDataset(
      roster.tmpPath,
      survey.tmpPath,
      survey.originalName,
      input.decisions ?? { mapping: { version: 1 }, carried: null },
    );
    return r.ok
      ? {
          ok: true,
          value: r.dataset,
          review: r.review,
          completeness: r.completeness,
          responses: r.responses,
          peopleCsv: r.peopleCsv,
          problems: r.problems,
        }
      : r;
  }
  const ties = byKind.get('ties');
  if (!ties) throw new LeadmapError('INVALID_UPLOAD', 'an upload needs a ties file (field "ties") or a survey export (field "survey")');
  const r = await loadDataset({
    roster: roster?.tmpPath,
    ties: ties.tmpPath,
    respondents: byKind.get('respondents')?.tmpPath,
    unknownPeople: input.unknownPeople,
    undirected: input.undirected,
    onProgress: (done, total) => progress('reading', done, total),
  });
  return r.ok ? { ok: true, value: r.value, review: [], completeness: tieListCompleteness(r.value.ties.length), problems: r.problems } : r;
}

/** The dataset's survey files (people, activities, decisions) read against its roster, and its outcomes file: their problems join the upload's. */
async function withSurveyFiles(read: Extract<ReadResult, { ok: true }>, files: ReceivedFile[]): Promise<ReadResult> {
  const path = (kind: ReceivedFile['kind']) => files.find((f) => f.kind === kind)?.tmpPath;
  const survey = { people: path('people'), activities: path('activities'), decisions: path('decisions') };
  const outcomes = path('outcomes');
  if (!survey.people && !survey.activities && !survey.decisions && !outcomes) return read;
  const problems = [...read.problems];
  if (survey.people || survey.activities || survey.decisions) {
    const { surveyFileProblems } = await import('../report/survey/check.js');
    problems.push(...(await surveyFileProblems(survey, read.value.people)));
  }
  // School outcomes (indicator, value, unit, better, source): read by the reader of leadmap compare --outcomes.
  if (outcomes) problems.push(...(await readOutcomes(outcomes)).problems);
  return problems.some((p) => p.severity === 'error') ? { ok: false, problems } : { ...read, problems };
}

/** Problems name the file as the user uploaded it, never the random temp name. */
function renameFile(p: Problem, files: ReceivedFile[]): Problem {
  const f = files.find((x) => x.tmpPath.endsWith(p.file));
  return f ? { ...p, file: f.originalName } : p;
}

function summarise(problems: Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error');
  const first = errors[0];
  if (!first) return 'the upload could not be read';
  const where = [first.file, first.row !== null ? `row ${first.row}` : null, first.column !== null ? `column "${first.column}"` : null]
    .filter(Boolean)
    .join(', ');
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : '';
  return `${where}: ${first.message}${more}`;
}
