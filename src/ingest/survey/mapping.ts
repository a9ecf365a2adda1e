import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import YAML from 'yaml';
import type { Problem } from '../../model/types.js';
import type { DateOrder } from './timestamps.js';
import type { ScaleName } from './scales.js';

/**
 * The mapping file a school saves next to its survey and reuses every year (docs/surveys.md).
 * Every key is optional; what is absent is inferred, and `leadmap import --write-mapping` writes
 * a complete starter file with everything inferred filled in.
 */
export type QuestionKind = 'nameGenerator' | 'grid' | 'rosterRow' | 'likert' | 'skills' | 'ignore';
export const QUESTION_KINDS: readonly QuestionKind[] = ['nameGenerator', 'grid', 'rosterRow', 'likert', 'skills', 'ignore'];

/** skills: what a colleague could offer, or where they would like support. */
export type SkillSide = 'offered' | 'needed';
export const SKILL_SIDES: readonly SkillSide[] = ['offered', 'needed'];

export interface QuestionMapping {
  kind: QuestionKind;
  /** nameGenerator / grid / rosterRow: relation of the ties. */
  relation?: string | null;
  /** nameGenerator / grid / rosterRow: leadership domain ("any" for all domains). */
  domain?: string | null;
  /** nameGenerator / rosterRow: strength of each tie (default 1). */
  weight?: number;
  /** grid / likert: a built-in scale name or a table of answer words → numbers. */
  scale?: ScaleName | Record<string, number>;
  /** grid: roster id of the colleague this column asks about. */
  target?: string | null;
  /** likert / skills: column name in the people CSV (default: the question header). */
  attribute?: string;
  /** skills: offered (the default) or needed — the people CSV's skills / needs columns. */
  side?: SkillSide;
}

export interface SurveyMapping {
  version: 1;
  /** Column holding respondent identity (staff id, e-mail or name). */
  respondent?: string;
  /** Column holding the response time (used to keep the latest of duplicate responses). */
  timestamp?: string;
  dateOrder?: DateOrder;
  /** Overrides / additions to the built-in answer scales. */
  scales?: Partial<Record<ScaleName, Record<string, number>>>;
  /** Keyed by the column header as exported (Qualtrics: question text or export tag). */
  questions?: Record<string, QuestionMapping>;
  /** Free-text answers → roster id, or "ignore", or "not on roster". null = still to decide. */
  resolutions?: Record<string, string | null>;
  /** Respondent identities → roster id, "keep" (keep answers under this label), or "ignore". null = still to decide. */
  respondents?: Record<string, string | null>;
}

export type MappingResult = { ok: true; mapping: SurveyMapping } | { ok: false; problems: Problem[] };

export async function loadMapping(path: string): Promise<MappingResult> {
  const file = basename(path);
  const text = await readFile(path, 'utf8');
  const problem = (message: string, column: string | null = null, value: string | null = null): Problem => ({
    code: 'BAD_MAPPING',
    severity: 'error',
    file,
    row: null,
    column,
    value,
    message,
  });
  let raw: unknown;
  try {
    raw = extname(path).toLowerCase() === '.json' ? JSON.parse(text.replace(/^\uFEFF/, '')) : YAML.parse(text);
  } catch (e) {
    return {
      ok: false,
      problems: [problem(`not valid ${extname(path).toLowerCase() === '.json' ? 'JSON' : 'YAML'}: ${(e as Error).message.split('\n')[0]}`)],
    };
  }
  return validateMapping(raw ?? {}, problem);
}

export function validateMapping(
  raw: unknown,
  problem: (m: string, column?: string | null, value?: string | null) => Problem,
): MappingResult {
  const problems: Problem[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, problems: [problem('expected a mapping object with keys respondent, questions, resolutions, …')] };
  const m = raw as Record<string, unknown>;
  const known = ['version', 'tool', 'respondent', 'timestamp', 'dateOrder', 'scales', 'questions', 'resolutions', 'respondents'];
  for (const k of Object.keys(m))
    if (!known.includes(k)) problems.push(problem(`unknown key "${k}"; expected one of ${known.join(', ')}`, k));
  if (m.dateOrder !== undefined && !['mdy', 'dmy', 'ymd'].includes(m.dateOrder as string))
    problems.push(problem('dateOrder must be mdy, dmy or ymd', 'dateOrder', JSON.stringify(m.dateOrder)));
  const questions = (m.questions ?? {}) as Record<string, unknown>;
  for (const [header, q] of Object.entries(questions)) {
    const qq = q as Record<string, unknown> | null;
    if (!qq || typeof qq !== 'object') {
      problems.push(problem('expected { kind: …, relation: …, domain: … }', header));
      continue;
    }
    if (!QUESTION_KINDS.includes(qq.kind as QuestionKind))
      problems.push(problem(`kind must be one of ${QUESTION_KINDS.join(', ')}`, header, JSON.stringify(qq.kind)));
    if (qq.weight !== undefined && !(typeof qq.weight === 'number' && qq.weight > 0))
      problems.push(problem('weight must be a positive number', header, JSON.stringify(qq.weight)));
    if (qq.side !== undefined && !SKILL_SIDES.includes(qq.side as SkillSide))
      problems.push(problem(`side must be one of ${SKILL_SIDES.join(', ')}`, header, JSON.stringify(qq.side)));
  }
  for (const key of ['resolutions', 'respondents'] as const) {
    const r = (m[key] ?? {}) as Record<string, unknown>;
    if (typeof r !== 'object') {
      problems.push(problem(`${key} must map answer text to a roster id`, key));
      continue;
    }
    for (const [text, v] of Object.entries(r))
      if (v !== null && typeof v !== 'string') problems.push(problem('expected a roster id, "ignore" or "not on roster"', key, text));
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, mapping: { version: 1, ...(m as Omit<SurveyMapping, 'version'>) } };
}
