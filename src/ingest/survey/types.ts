import type { Problem, Tie } from '../../model/types.js';
import type { Candidate } from '../names/matcher.js';
import type { SurveyPlan } from './layout.js';

/** Something the user has to decide in the mapping file before the import is complete. */
export interface ReviewItem {
  /** name: an answer naming a colleague; respondent: who answered; column: what a question means. */
  kind: 'name' | 'respondent' | 'column';
  status: 'ambiguous' | 'unmatched' | 'formula' | 'mapping needed';
  /** Spreadsheet row (header = 1), or null for a column. */
  row: number | null;
  column: string | null;
  text: string;
  candidates: Candidate[];
}

/** Per-person answers that are not ties: Likert items and the skills inventory. */
export interface PersonAnswers {
  likert: Record<string, number>;
  skills: string[];
  skillDomains: string[];
}

export interface SurveyStats {
  dataRows: number;
  blankRows: number;
  /** Respondent rows kept (after duplicates). */
  responses: number;
  duplicates: Array<{ respondent: string; droppedRow: number; keptRow: number }>;
  selfTiesDropped: number;
  matchedByRule: Record<string, number>;
  resolvedOut: { ignore: number; notOnRoster: number };
  controlCharacterCells: number;
  formulaCells: number;
  /** Qualtrics rows that are not real responses (Status "Survey Preview", "Survey Test", spam): rows left out. */
  previewRows: number[];
  /** Qualtrics responses recorded before the end (Finished = False): kept, rows listed. */
  incompleteRows: number[];
}

export interface SurveyImport {
  file: string;
  tool: SurveyPlan['tool'];
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  plan: SurveyPlan;
  ties: Tie[];
  /** Roster ids of people who answered (latest response kept). */
  respondents: string[];
  /** Respondents not on the roster whose answers the mapping keeps ("keep"). */
  keptNonRoster: string[];
  answers: Map<string, PersonAnswers>;
  review: ReviewItem[];
  stats: SurveyStats;
  problems: Problem[];
}
