import { readActivities } from '../../ingest/activities.js';
import { readDecisions } from '../../ingest/decisions.js';
import { readScaleAnswers } from '../../ingest/scale-answers.js';
import { readSkillAnswers } from '../../ingest/skill-answers.js';
import type { Person, Problem } from '../../model/types.js';
import { scalesToRead } from './scales.js';
import type { SurveyFiles } from './view.js';

/**
 * Every problem of a wave's survey files as their readers find them (the people file against the
 * shipped scales it asks in full and as a skills inventory, the activity log and the decision map against the
 * roster), so an upload is refused with file, row and column before anything is stored. A people file
 * may answer the scales, carry the skills inventory, or both (NO_SURVEY_ANSWERS when neither).
 */
export async function surveyFileProblems(files: SurveyFiles, roster: readonly Person[]): Promise<Problem[]> {
  const problems: Problem[] = [];
  if (files.people) {
    const used = (await scalesToRead(files.people, undefined, 'leadmap', () => {})) ?? [];
    const scales = used.length > 0 ? await readScaleAnswers(files.people, used) : null;
    const skills = await readSkillAnswers(files.people);
    const noItems = !scales;
    if (scales) problems.push(...scales.problems);
    problems.push(...skills.problems);
    if (noItems && skills.ok && skills.value === null)
      problems.push({
        code: 'NO_SURVEY_ANSWERS',
        severity: 'error',
        file: files.people,
        row: 1,
        column: null,
        value: null,
        message:
          'no column is headed by an item of the shipped scales, and there is no skill_domains or need_domains column; expected the people file leadmap import writes',
      });
  }
  if (files.activities) problems.push(...(await readActivities(files.activities, roster)).problems);
  if (files.decisions) problems.push(...(await readDecisions(files.decisions, roster)).problems);
  return problems;
}
