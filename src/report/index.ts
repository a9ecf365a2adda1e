/** The annual distributed-leadership evaluation report: results → report model → PDF. */
import { buildReportModel, type ReportInput } from './build-model.js';
import { reportDocument, type Paper } from './pdf/document.js';
import { renderPdf } from './pdf/render.js';
import type { ReportModel } from './types.js';
import { withSurveyView } from './survey/report-input.js';
import type { SurveyFiles } from './survey/view.js';

export { buildReportModel, type ReportInput, type WaveInput } from './build-model.js';
export type { Edition, ReportModel } from './types.js';
export { schoolOf, waveOf } from './cover-identity.js';
export type { SurveyFiles } from './survey/view.js';
export { reportDocument, PAPERS, type Paper } from './pdf/document.js';

/** PDF bytes of a report model on A4 (default) or US letter paper. */
export function reportPdf(model: ReportModel, paper: Paper = 'a4'): Promise<Buffer> {
  return renderPdf(reportDocument(model, paper));
}

/** Builds the model (with the survey side when `surveyFiles` names any of its files) and renders it. */
export async function makeReport(
  input: ReportInput,
  paper: Paper = 'a4',
  surveyFiles: SurveyFiles | null = null,
): Promise<{ model: ReportModel; pdf: Buffer }> {
  const any = surveyFiles && (surveyFiles.people || surveyFiles.activities || surveyFiles.decisions);
  const model = buildReportModel(any ? await withSurveyView(input, surveyFiles) : input);
  return { model, pdf: await reportPdf(model, paper) };
}
