import type { Completeness } from '../../model/completeness.js';
import type { Dataset } from '../../model/types.js';
import type { Disclosure } from '../../privacy/policy.js';
import type { Edition } from '../../report/index.js';
import type { Store } from '../../store/store.js';
import type { SurveyFiles } from '../../report/survey/view.js';
import type { SurveyCsv } from '../export/survey-csv.js';
import type { AnalysisDoc } from './documents.js';
import { WaveData } from './wave-data.js';
import { analysisView, leadershipView, surveyTaskView, unitsView } from './wave-views.js';
import { districtReportView, districtView } from './district-views.js';
import { compareView, indicatorsView, reportView } from './change-views.js';

/** What a wave offers to select from; enough to resolve a selection's defaults without loading the data. */
export type WaveMeta = Pick<Dataset, 'relations' | 'domains'>;

export interface WaveRef {
  id: string;
  label: string;
  dataHash: string;
  /**
   * The wave's stored people file, when a comparison reads its survey scales (participation, role
   * clarity) as change indicators; its checksum is part of the comparison's cache key.
   */
  people?: FileRef | null;
  /**
   * One school of a district record (the roster's `school` column value): every view of this task is
   * computed on that school's own people, the ties among them and its respondents (schoolDataset), for
   * an account that sees only that school. `dataHash` is then the scoped hash (service.ts readyWave).
   */
  unit?: string;
}

/** One heavy view, computed off the event loop (src/server/views/worker.ts) or inline. Plain data: crosses threads. */
export type ViewTask =
  /** The values of a wave's `school` column with their staff (a district record's schools; [] for one school). */
  | { kind: 'units'; wave: WaveRef }
  | {
      kind: 'analysis';
      doc: AnalysisDoc;
      wave: WaveRef;
      relation?: string;
      domain?: string;
      disclosure: Disclosure;
      minGroupSize: number;
    }
  | { kind: 'leadership'; wave: WaveRef; relation?: string; disclosure: Disclosure; minGroupSize: number }
  | {
      kind: 'district';
      wave: WaveRef;
      /** The school record's ready wave before this one: each school's change since then, with intervals; or null. */
      previous: WaveRef | null;
      relation?: string;
      disclosure: Disclosure;
      minGroupSize: number;
    }
  | {
      kind: 'district-report';
      wave: WaveRef;
      /** The school record's ready wave before this one (each school's change, each section's change pages), or null. */
      previous: WaveRef | null;
      district: string;
      edition: Edition;
      minGroupSize: number;
    }
  | {
      kind: 'indicators';
      wave: WaveRef;
      /** The school's ready wave before this one (the change column), or null. */
      previous: WaveRef | null;
      relation?: string;
      domain?: string;
      disclosure: Disclosure;
      minGroupSize: number;
    }
  | {
      kind: 'compare';
      from: WaveRef;
      to: WaveRef;
      /** Every ready wave of the school in order when there are three or more (the trend), else empty. */
      trend: WaveRef[];
      relation?: string;
      disclosure: Disclosure;
      minGroupSize: number;
      /** The two waves' stored outcomes files (school figures; their checksums are part of the cache key). */
      outcomes: OutcomeFileRefs;
    }
  | {
      kind: 'survey';
      /** The JSON view, or one of its CSV files. */
      doc: 'survey' | SurveyCsv;
      wave: WaveRef;
      /** The wave's survey files: absolute path and checksum (part of the cache key: a new file is a new view). */
      files: SurveyFileRefs;
      relation?: string;
      disclosure: Disclosure;
      minGroupSize: number;
    }
  | {
      kind: 'report';
      wave: WaveRef;
      previous: WaveRef | null;
      /** The school's ready waves up to this one, in order, when there are three or more (the trend), else empty. */
      trend: WaveRef[];
      school: string;
      /** The district record, when the report is of one school of it (an account that sees only that school; ReportInput.partOf). */
      partOf: string | null;
      edition: Edition;
      minGroupSize: number;
      /** The wave's completeness as stored (part of the cache key: deciding an item changes the report's banner). */
      completeness: Completeness | null;
      /** The wave's survey files (the survey pages; their checksums are part of the cache key). */
      survey: SurveyFileRefs;
      /** This wave's and the previous wave's stored outcomes files. */
      outcomes: OutcomeFileRefs;
    };

/** A stored file as a view task names it: absolute path and checksum. */
export interface FileRef {
  path: string;
  sha256: string;
}

/** The outcomes files (outcomes.csv) of the earlier and the later wave of a comparison, when stored. */
export interface OutcomeFileRefs {
  before: FileRef | null;
  after: FileRef | null;
}

/** A wave's stored survey files, as a view task names them. */
export type SurveyFileRefs = Partial<Record<keyof SurveyFiles, { path: string; sha256: string }>>;

export interface ViewResult {
  /** The finished response body (JSON, CSV, XML or PDF bytes). */
  body: Uint8Array;
  /** The selection with defaults resolved (for file names and the audit log). */
  selection: { relation: string; domain: string };
  /** The wave's relations and domains, so later requests resolve defaults before hashing. */
  meta: WaveMeta;
}

export type TaskProgress = (phase: string, done: number, total: number) => void;

/** The task of one kind. */
export type TaskOf<K extends ViewTask['kind']> = Extract<ViewTask, { kind: K }>;

/** Runs a view task against a store (the worker's own connection, or the server's when inline). */
export async function runViewTask(store: Store, task: ViewTask, progress: TaskProgress): Promise<ViewResult> {
  const data = new WaveData(store, progress);
  switch (task.kind) {
    case 'units':
      return unitsView(data, task);
    case 'analysis':
      return analysisView(data, task, progress);
    case 'leadership':
      return leadershipView(data, task);
    case 'survey':
      return surveyTaskView(data, task, progress);
    case 'district':
      return districtView(data, task, progress);
    case 'district-report':
      return districtReportView(data, task, progress);
    case 'indicators':
      return indicatorsView(data, task, progress);
    case 'compare':
      return compareView(data, task, progress);
    case 'report':
      return reportView(data, task, progress);
  }
}
