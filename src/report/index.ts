/** The annual distributed-leadership evaluation report: results → report model → PDF. */
import { buildReportModel, type ReportInput } from './build-model.js';
import { reportDocument } from './pdf/document.js';
import { renderPdf } from './pdf/render.js';
import type { ReportModel } from './types.js';

export { buildReportModel, type ReportInput, type WaveInput } from './build-model.js';
export type { Edition, ReportModel } from './types.js';
export { schoolOf, waveOf } from './cover-identity.js';
export { reportDocument } from './pdf/document.js';

/** PDF bytes of a report model. */
export function reportPdf(model: ReportModel): Promise<Buffer> {
  return renderPdf(reportDocument(model));
}

/** Builds the model and renders it. */
export async function makeReport(input: ReportInput): Promise<{ model: ReportModel; pdf: Buffer }> {
  const model = buildReportModel(input);
  return { model, pdf: await reportPdf(model) };
}
