/** Views of one wave: its analysis documents, leadership, survey side and the units of its school column. */
import { presentAnalysis } from '../../privacy/present.js';
import { privacyPolicy } from '../../privacy/policy.js';
import { isDistrictLevel, unitSizes } from '../../metrics/district/schools.js';
import { resolveSelection } from '../../metrics/wave-analysis.js';
import { surveyView } from '../../report/survey/view.js';
import { surveyCsv } from '../export/survey-csv.js';
import { analysisViewBody } from './documents.js';
import { encode, labelsFor, pseudonymsFor, surveyPaths, type WaveData } from './wave-data.js';
import type { TaskOf, TaskProgress, ViewResult } from './task.js';

/** The values of the wave's school column with their staff, district offices marked. */
export async function unitsView(data: WaveData, task: TaskOf<'units'>): Promise<ViewResult> {
  const { dataset, meta } = await data.dataset(task.wave);
  const units = unitSizes(dataset).map(([unit, people]) => ({ unit, people, districtLevel: isDistrictLevel(unit) }));
  return { body: encode({ units }), selection: { relation: '', domain: 'any' }, meta };
}

/** An analysis document (JSON, CSV, GraphML, GEXF) of a selection, through the privacy layer. */
export async function analysisView(data: WaveData, task: TaskOf<'analysis'>, progress: TaskProgress): Promise<ViewResult> {
  const { raw, meta } = await data.analysis(task.wave, task.relation, task.domain);
  progress('presenting', 0, 1);
  const pseudonyms = await pseudonymsFor(data.store, task.wave.id, task.disclosure, raw.people);
  const a = presentAnalysis(raw, { disclosure: task.disclosure, policy: privacyPolicy(task.minGroupSize), pseudonyms });
  return { body: analysisViewBody(task.doc, a), selection: { relation: raw.relation, domain: raw.domain }, meta };
}

/** The leadership analytics of a relation, through the privacy layer. */
export async function leadershipView(data: WaveData, task: TaskOf<'leadership'>): Promise<ViewResult> {
  const { shown, relation, meta } = await data.leadership(task.wave, task.relation, task.disclosure, task.minGroupSize);
  return { body: encode({ leadership: shown }), selection: { relation, domain: 'any' }, meta };
}

/** The survey side (scales, skills, decision map, patterns) as JSON or one of its CSV files. */
export async function surveyTaskView(data: WaveData, task: TaskOf<'survey'>, progress: TaskProgress): Promise<ViewResult> {
  const { dataset, meta } = await data.dataset(task.wave);
  const relation = resolveSelection(meta, task.relation).relation;
  const leadership = await data.rawLeadership(task.wave, relation, task.minGroupSize);
  progress('reading the survey files', 0, 1);
  const view = await surveyView({
    files: surveyPaths(task.files),
    dataset,
    relation,
    leadership,
    disclosure: task.disclosure,
    label: await labelsFor(data.store, task.wave.id, task.disclosure, dataset.people),
    minGroupSize: task.minGroupSize,
  });
  const body = task.doc === 'survey' ? encode({ survey: view }) : Buffer.from(surveyCsv(task.doc, view));
  return { body, selection: { relation, domain: 'any' }, meta };
}
