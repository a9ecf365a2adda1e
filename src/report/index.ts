/** The annual distributed-leadership evaluation report: results → report model → PDF. */
import { buildReportModel, type ReportInput } from './build-model.js';
import { reportDocument, type Paper } from './pdf/document.js';
import { renderPdf } from './pdf/render.js';
import type { ReportModel } from './types.js';

export { buildReportModel, type ReportInput, type WaveInput } from './build-model.js';
export type { Edition, ReportModel } from './types.js';
export { schoolOf, waveOf } from './cover-identity.js';
export { reportDocument, PAPERS, type Paper } from './pdf/document.js';

/** PDF bytes of a report model on A4 (default) or US letter paper. */
export function reportPdf(model: ReportModel, paper: Paper = 'a4'): Promise<Buffer> {
  return renderPdf(reportDocument(model, paper));
}

/** Builds the model and renders it. */
export async function makeReport(input: ReportInput, paper: Paper = 'a4'): Promise<{ model: ReportModel; pdf: Buffer }> {
  const model = buildReportModel(input);
  return { model, pdf: await reportPdf(model, paper) };
}
