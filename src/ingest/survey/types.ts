import type { Completeness } from '../../model/completeness.js';
import type { Problem, Tie } from '../../model/types.js';
export type { Completeness };
import type { Candidate } from '../names/matcher.js';
import type { SurveyPlan } from './layout.js';
import type { QuestionMapping } from './mapping.js';
import type { Tally } from './rows-process.js';

/** Something the user has to decide in the mapping file before the import is complete. */
export interface ReviewItem {
  /** name: an answer naming a colleague; respondent: who answered; column: what a question means. */
  kind: 'name' | 'respondent' | 'column';
  /**
   * ambiguous / unmatched: a name or respondent the roster does not settle; formula: a formula-looking answer;
   * mapping needed: a question whose meaning is unclear; conflict: the e-mail and the typed name are two people;
   * duplicate: two responses give the same typed name; decided: settled by the mapping (kept for the record).
   */
  status: 'ambiguous' | 'unmatched' | 'formula' | 'mapping needed' | 'conflict' | 'duplicate' | 'decided';
  /** Spreadsheet row (header = 1), or null for a column. */
  row: number | null;
  /** The question (column header) the item belongs to; for a column item, the question text itself. */
  column: string | null;
  /** What was written (names, respondents), or for a column why it needs a decision. */
  text: string;
  candidates: Candidate[];
  /** Why it needs a person, in plain words (respondents and column items). */
  reason?: string;
  /**
   * Where the decision goes in the mapping file: the answer text (resolutions), the respondent text or
   * "row N" (respondents), the column header (questions). Defaults to `text` (names) / `column` (columns).
   */
  key?: string;
  /** Column items: the best reading, to pre-fill the decision. */
  suggestion?: QuestionMapping;
  /** Column items of a question naming several domains: exactly the domains named, and "any" (all domains). */
  choices?: string[];
  /** Column items: answers read and held (or not yet readable) under this question. */
  answers?: number;
  /** Decided items: the decision (a roster id, "ignore", "not on roster", "keep", or a question mapping). */
  resolution?: string | QuestionMapping | null;
}

/** The mapping key an item's decision is saved under (see ReviewItem.key). */
export function reviewItemKey(i: ReviewItem): string {
  return i.key ?? (i.kind === 'column' ? (i.column ?? i.text) : i.text);
}

/** Per-person answers that are not ties: Likert items and the skills inventory. */
export interface PersonAnswers {
  likert: Record<string, number>;
  /** Offered: what the person could help colleagues with. */
  skills: string[];
  skillDomains: string[];
  /** Needed: where the person would like support. */
  needs: string[];
  needDomains: string[];
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
  /** Items the mapping decided, with their row and question (shown as decided after a re-read). */
  decided: ReviewItem[];
  /** Ties of undecided questions, by column header: read and matched, not in `ties` until decided. */
  heldTies: Map<string, Tie[]>;
  /** Every answer read, used or set aside (by reason). */
  tally: Tally;
  completeness: Completeness;
  stats: SurveyStats;
  problems: Problem[];
}
