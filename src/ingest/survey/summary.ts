import type { Person } from '../../model/types.js';
import { formatProblems } from '../problems.js';
import { responseRates, type ResponseRate } from './output.js';
import type { SurveyImport } from './types.js';

export interface SurveySummary {
  file: string;
  tool: string;
  format: string;
  encoding: string | null;
  delimiter: string | null;
  responses: number;
  rosterSize: number;
  nonRespondents: number;
  responseRates: ResponseRate[];
  ties: number;
  tiesBy: Array<{ relation: string; domain: string; ties: number }>;
  matchedByRule: Record<string, number>;
  resolvedOut: { ignore: number; notOnRoster: number };
  selfTiesDropped: number;
  duplicates: SurveyImport['stats']['duplicates'];
  /** Rows left out as previews / test responses / spam (Qualtrics Status). */
  previewRows: number[];
  /** Rows kept although the respondent stopped before the end (Qualtrics Finished = False). */
  incompleteRows: number[];
  keptNonRoster: string[];
  needsReview: boolean;
  review: SurveyImport['review'];
  columns: Array<{
    header: string;
    kind: string;
    relation?: string | null;
    domain?: string | null;
    from: 'mapping' | 'inferred';
    issue: string | null;
  }>;
}

export function summarize(r: SurveyImport, people: readonly Person[]): SurveySummary {
  const by = new Map<string, number>();
  for (const t of r.ties) by.set(`${t.relation}\u0000${t.domain}`, (by.get(`${t.relation}\u0000${t.domain}`) ?? 0) + 1);
  return {
    file: r.file,
    tool: r.tool,
    format: r.format,
    encoding: r.encoding,
    delimiter: r.delimiter,
    responses: r.stats.responses,
    rosterSize: people.length,
    nonRespondents: people.filter((p) => !r.respondents.includes(p.id)).length,
    responseRates: responseRates(people, r.respondents),
    ties: r.ties.length,
    tiesBy: [...by].map(([k, n]) => {
      const [relation, domain] = k.split('\u0000') as [string, string];
      return { relation, domain, ties: n };
    }),
    matchedByRule: r.stats.matchedByRule,
    resolvedOut: r.stats.resolvedOut,
    selfTiesDropped: r.stats.selfTiesDropped,
    duplicates: r.stats.duplicates,
    previewRows: r.stats.previewRows,
    incompleteRows: r.stats.incompleteRows,
    keptNonRoster: r.keptNonRoster,
    needsReview: r.review.length > 0,
    review: r.review,
    columns: r.plan.columns.map((c) => ({
      header: c.header,
      kind: c.question.kind,
      relation: c.question.relation,
      domain: c.question.domain,
      from: c.inferred ? 'inferred' : 'mapping',
      issue: c.issue,
    })),
  };
}

const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)} %`);

/** The terminal summary of `leadmap import`. Names of colleagues appear only in the review section. */
export function formatSummary(s: SurveySummary, r: SurveyImport, reviewLimit = 30): string {
  const out: string[] = [];
  out.push(
    `${s.file}: ${s.tool} export (${s.format}${s.encoding ? `, ${s.encoding}` : ''}${s.delimiter ? `, delimiter ${s.delimiter === '\t' ? 'tab' : `"${s.delimiter}"`}` : ''})`,
  );
  out.push(
    `Respondents: ${s.responses} of ${s.rosterSize} on the roster; ${s.nonRespondents} did not respond${s.keptNonRoster.length ? `; ${s.keptNonRoster.length} non-roster respondent(s) kept by the mapping` : ''}`,
  );
  out.push('Response rate:');
  for (const rr of s.responseRates)
    out.push(`  ${rr.department.padEnd(24)} ${String(rr.responded).padStart(5)} / ${String(rr.roster).padEnd(5)} ${pct(rr.rate)}`);
  out.push(`Ties: ${s.ties}`);
  for (const t of s.tiesBy) out.push(`  ${t.relation.padEnd(14)} ${t.domain.padEnd(22)} ${t.ties}`);
  out.push(
    'Names matched by rule: ' +
      (Object.entries(s.matchedByRule)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ') || 'none'),
  );
  if (s.resolvedOut.ignore || s.resolvedOut.notOnRoster)
    out.push(`Answers set aside by the mapping: ignore ${s.resolvedOut.ignore}, not on roster ${s.resolvedOut.notOnRoster}`);
  out.push(`Self-nominations dropped: ${s.selfTiesDropped}`);
  if (r.stats.previewRows.length) out.push(`Survey previews and test responses left out: ${r.stats.previewRows.length}`);
  if (r.stats.incompleteRows.length)
    out.push(`Responses stopped before the end (kept, answered questions used): ${r.stats.incompleteRows.length}`);
  if (s.duplicates.length)
    out.push(
      `Duplicate responses: ${s.duplicates.length} earlier response(s) replaced by the latest (rows ${s.duplicates.map((d) => d.droppedRow).join(', ')})`,
    );
  const ignored = s.columns.filter((c) => c.kind === 'ignore').length;
  out.push(`Columns: ${s.columns.length - ignored} used, ${ignored} ignored, ${r.plan.metadata.length} tool metadata`);
  if (r.problems.length)
    out.push(
      'Problems:\n' +
        formatProblems(r.problems, 10)
          .split('\n')
          .map((l) => '  ' + l)
          .join('\n'),
    );
  if (s.needsReview) {
    out.push(`NEEDS REVIEW: ${s.review.length} item(s) to decide in the mapping file (resolutions / respondents / questions):`);
    for (const i of s.review.slice(0, reviewLimit)) {
      const where = i.row === null ? `column "${i.column}"` : `row ${i.row}, column "${i.column}"`;
      const cands = i.candidates.length
        ? ` — candidates: ${i.candidates.map((c) => `${c.id} ${c.name} (${c.score.toFixed(2)})`).join(', ')}`
        : '';
      out.push(`  ${where}: ${i.kind === 'column' ? i.text : `${i.status} "${i.text}"`}${cands}`);
    }
    if (s.review.length > reviewLimit) out.push(`  … and ${s.review.length - reviewLimit} more (see the .review.csv file)`);
  } else out.push('All names matched or resolved by the mapping.');
  return out.join('\n') + '\n';
}
