import { describe, expect, it } from 'vitest';
import { surveyPages } from '../../src/report/pdf/pages-survey.js';
import type { ReportModel } from '../../src/report/types.js';
import type { SurveyView } from '../../src/report/survey/view.js';

/** A survey file the report could not read is said on its pages, never left out silently. */
describe('report PDF: survey files that could not be read', () => {
  const view = (unreadable: string[]): SurveyView => ({
    disclosure: 'named',
    relation: 'advice',
    minGroupSize: 5,
    inputs: { people: true, activities: false, decisions: true },
    scales: null,
    surveyNetwork: null,
    skills: null,
    decisions: null,
    patterns: null,
    unreadable,
  });
  const text = (nodes: unknown[]) => JSON.stringify(nodes);

  it('gives the survey side a heading and the notice when nothing of it could be read', () => {
    const nodes = surveyPages({ survey: view(['people', 'decisions']) } as unknown as ReportModel);
    expect(text(nodes)).toContain('The survey side');
    expect(text(nodes)).toContain(
      "Not in this report: the wave's people file (scales and skills), decision map could not be read. An analyst can upload them again with the wave's files.",
    );
  });

  it('prints nothing extra when every file was read', () => {
    expect(surveyPages({ survey: view([]) } as unknown as ReportModel)).toEqual([]);
  });
});
