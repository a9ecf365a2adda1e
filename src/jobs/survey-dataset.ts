import { readRoster } from '../ingest/roster.js';
import { mergeMappings } from '../ingest/survey/decisions.js';
import { parseSurveyExport } from '../ingest/survey/import.js';
import { peopleCsv } from '../ingest/survey/output.js';
import type { SurveyMapping } from '../ingest/survey/mapping.js';
import { reviewItemKey, type ReviewItem } from '../ingest/survey/types.js';
import type { Completeness } from '../model/completeness.js';
import { LeadmapError } from '../model/errors.js';
import type { Dataset, Problem } from '../model/types.js';
import type { StoredReviewItem } from '../store/store.js';

export type NewReviewItem = Omit<StoredReviewItem, 'id' | 'waveId'>;

/** The decisions a survey is read with: the wave's own, and those carried from the school's previous wave. */
export interface SurveyDecisions {
  mapping: SurveyMapping;
  carried: { label: string; mapping: SurveyMapping } | null;
}

/**
 * A roster plus a wide survey export → a Dataset and the review list. The wave's decisions (and those carried
 * from the school's previous wave) are applied, so deciding items and re-reading converges; decided items stay on
 * the list with their row and question, marked decided (or "decided last year").
 */
export async function surveyDataset(
  rosterPath: string,
  surveyPath: string,
  surveyName: string,
  decisions: SurveyDecisions,
): Promise<
  | {
      ok: true;
      dataset: Dataset;
      review: NewReviewItem[];
      completeness: Completeness;
      responses: Array<{ personId: string; answers: unknown }>;
      /** The people file `leadmap import` writes for this export (Likert answers, skills offered and needed): the wave's survey side reads it. */
      peopleCsv: string;
      problems: Problem[];
    }
  | { ok: false; problems: Problem[] }
> {
  const roster = await readRoster(rosterPath);
  if (!roster.ok) return { ok: false, problems: roster.problems };
  const mapping = mergeMappings(decisions.carried?.mapping, decisions.mapping);
  const result = await parseSurveyExport(surveyPath, roster.value, { file: surveyName, mapping });
  if (!result.ok) return { ok: false, problems: [...roster.problems, ...result.problems] };
  const s = result.value;
  const relations = [...new Set(s.ties.map((t) => t.relation))].sort().map((name) => ({ name, directed: true }));
  const domains = [...new Set(s.ties.map((t) => t.domain))].sort();
  const people = roster.value;
  const dataset: Dataset = { people, ties: s.ties, relations, domains, respondents: s.respondents, wave: null };
  const own = decisions.mapping;
  const ownKey = (i: ReviewItem) => {
    const k = reviewItemKey(i);
    const m = i.kind === 'column' ? own.questions : i.kind === 'respondent' ? own.respondents : own.resolutions;
    return m !== undefined && Object.prototype.hasOwnProperty.call(m, k);
  };
  const stored = (r: ReviewItem): NewReviewItem => ({
    kind: r.kind,
    status: r.status,
    row: r.row,
    column: r.column,
    raw: r.text,
    candidates: r.candidates.map((c) => ({ id: c.id, name: c.name, score: c.score })),
    resolution: (r.resolution ?? null) as NewReviewItem['resolution'],
    key: reviewItemKey(r),
    ...(r.reason !== undefined ? { reason: r.reason } : {}),
    ...(r.suggestion !== undefined ? { suggestion: { ...r.suggestion } } : {}),
    ...(r.choices !== undefined ? { choices: r.choices } : {}),
    ...(r.answers !== undefined ? { answers: r.answers } : {}),
    ...(r.status === 'decided' && decisions.carried && !ownKey(r) ? { carriedFrom: decisions.carried.label } : {}),
  });
  const review: NewReviewItem[] = [...s.review.map(stored), ...s.decided.map(stored)];
  if (dataset.ties.length === 0 && s.review.length === 0) {
    throw new LeadmapError(
      'INGEST_FAILED',
      `${surveyName}: no ties were found in the survey export; check that it has name-generator questions`,
    );
  }
  const responses = [...s.answers].map(([personId, answers]) => ({ personId, answers }));
  return {
    ok: true,
    dataset,
    review,
    completeness: s.completeness,
    responses,
    peopleCsv: peopleCsv(people, s),
    problems: [...roster.problems, ...s.problems, ...result.problems],
  };
}
