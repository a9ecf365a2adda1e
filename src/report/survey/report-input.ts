import { randomBytes } from 'node:crypto';
import { analyzeLeadership } from '../../metrics/analytics.js';
import { DEFAULT_MIN_GROUP_SIZE } from '../../privacy/policy.js';
import { Pseudonyms } from '../../privacy/pseudonym.js';
import { withWave, type ReportInput } from '../build-model.js';
import { surveyView, type SurveyFiles } from './view.js';

/**
 * A report input with its survey side read (`survey`), labelled as the report labels people: names
 * in the named edition, the current wave's pseudonyms (its secret, fixed here when the caller gave
 * none) in the anonymised one. The leadership analysis the network checks read is computed once and
 * handed on to the report model.
 */
export async function withSurveyView(input: ReportInput, files: SurveyFiles): Promise<ReportInput> {
  const cur = input.current;
  const secret = cur.secret ?? randomBytes(32);
  const min = input.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE;
  const analysis =
    cur.analysis ?? analyzeLeadership(withWave(cur.dataset, cur.wave), { ...input.analytics, relation: input.relation, minGroupSize: min });
  const named = input.edition === 'named';
  const names = new Map(cur.dataset.people.map((p) => [p.id, p.name || p.id]));
  const pseudonyms = named
    ? null
    : new Pseudonyms(
        secret,
        cur.dataset.people.map((p) => p.id),
      );
  const survey = await surveyView({
    files,
    dataset: cur.dataset,
    relation: analysis.selection.relation,
    leadership: analysis,
    disclosure: named ? 'named' : 'pseudonymised',
    label: pseudonyms ? (id) => pseudonyms.label(id) : (id) => names.get(id) ?? id,
    minGroupSize: min,
  });
  return { ...input, current: { ...cur, secret, analysis }, survey };
}
