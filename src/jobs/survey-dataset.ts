import { readRoster } from '../ingest/roster.js';
import { parseSurveyExport } from '../ingest/survey/import.js';
import { LeadmapError } from '../model/errors.js';
import type { Dataset, Problem } from '../model/types.js';
import type { ReviewItem } from '../store/store.js';

export type NewReviewItem = Omit<ReviewItem, 'id' | 'waveId'>;

/**
 * A roster plus a wide survey export → a Dataset and the review list. Earlier
 * resolutions (free text → roster id / "ignore" / "not on roster") are applied,
 * so resolving items and reprocessing converges.
 */
export async function surveyDataset(
  rosterPath: string,
  surveyPath: string,
  surveyName: string,
  resolutions: Record<string, string>,
): Promise<
  | { ok: true; dataset: Dataset; review: NewReviewItem[]; responses: Array<{ personId: string; answers: unknown }>; problems: Problem[] }
  | { ok: false; problems: Problem[] }
> {
  const roster = await readRoster(rosterPath);
  if (!roster.ok) return { ok: false, problems: roster.problems };
  const result = await parseSurveyExport(surveyPath, roster.value, { file: surveyName, mapping: { version: 1, resolutions } });
  if (!result.ok) return { ok: false, problems: [...roster.problems, ...result.problems] };
  const s = result.value;
  const relations = [...new Set(s.ties.map((t) => t.relation))].sort().map((name) => ({ name, directed: true }));
  const domains = [...new Set(s.ties.map((t) => t.domain))].sort();
  const people = roster.value;
  const dataset: Dataset = { people, ties: s.ties, relations, domains, respondents: s.respondents, wave: null };
  const review: NewReviewItem[] = s.review.map((r) => ({
    kind: r.kind,
    status: r.status,
    row: r.row,
    column: r.column,
    raw: r.text,
    candidates: r.candidates.map((c) => ({ id: c.id, name: c.name, score: c.score })),
    resolution: null,
  }));
  for (const [raw, resolution] of Object.entries(resolutions)) {
    review.push({ kind: 'name', status: 'resolved', row: null, column: null, raw, candidates: [], resolution });
  }
  if (dataset.ties.length === 0 && review.length === 0) {
    throw new LeadmapError(
      'INGEST_FAILED',
      `${surveyName}: no ties were found in the survey export; check that it has name-generator questions`,
    );
  }
  const responses = [...s.answers].map(([personId, answers]) => ({ personId, answers }));
  return { ok: true, dataset, review, responses, problems: [...roster.problems, ...s.problems, ...result.problems] };
}
