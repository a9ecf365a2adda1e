import type { Person } from '../../model/types.js';
import { formatProblems } from '../problems.js';
import { DOMAINS } from './infer.js';
import { reviewItemKey, type ReviewItem } from './types.js';
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
export function formatSummary(s: SurveySummary, r: SurveyImport): string {
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
    out.push(
      `NEEDS REVIEW: ${s.review.length} item(s) wait for a decision (${r.completeness.answersRead - r.completeness.answersUsed} of ${r.completeness.answersRead} answers are not in the ties yet); what to do is listed on stderr`,
    );
  } else out.push('All names matched or resolved by the mapping.');
  return out.join('\n') + '\n';
}

const yamlKey = (k: string) => (/^[\p{L}\p{N} ._@-]+$/u.test(k) && !/^(yes|no|true|false|null|~|-?\d)/i.test(k) ? k : JSON.stringify(k));

/**
 * The review list in plain words, for stderr: one paragraph per item saying what is unclear and the exact line to
 * add to the mapping file (roster ids looked up from the candidates), then how to re-run.
 */
export function formatReviewList(review: readonly ReviewItem[], mappingFile: string | null, limit = 50): string {
  if (review.length === 0) return '';
  const out: string[] = [
    `${review.length} thing(s) in this export need you. For each, add the line shown to your mapping file${mappingFile ? ` (${mappingFile})` : ''} under the section named, then run the same command again with --mapping:`,
  ];
  const seen = new Set<string>();
  let shown = 0;
  for (const i of review) {
    const key = reviewItemKey(i);
    if (seen.has(`${i.kind}\u0000${key}`)) continue;
    seen.add(`${i.kind}\u0000${key}`);
    if (shown++ >= limit) break;
    if (i.kind === 'column') {
      const q = i.suggestion;
      const domains = i.choices ?? [...DOMAINS, 'any'];
      out.push(
        `\n* The question "${i.column}": ${i.reason ?? i.text}${i.answers ? ` (${i.answers} answers wait for this)` : ''}.`,
        `  Say which domain it is about (${domains.map((d) => (d === 'any' ? 'any = all domains' : d)).join(', ')})${q?.relation ? '' : ' and which relation (advice, collaboration, information, influence, friendship)'}:`,
        `    questions:`,
        `      ${yamlKey(key)}: { kind: ${q?.kind ?? 'nameGenerator'}, relation: ${q?.relation ?? 'advice'}, domain: ${domains[0]} }`,
      );
      continue;
    }
    const section = i.kind === 'respondent' ? 'respondents' : 'resolutions';
    const where = i.row === null ? '' : `row ${i.row}, `;
    const what =
      i.kind === 'respondent'
        ? `${where}the respondent "${i.text}": ${i.reason ?? 'not found on the roster'}.`
        : `${where}"${i.column}": the answer "${i.text}" ${i.status === 'ambiguous' ? `could be ${i.candidates.map((c) => c.name).join(' or ')}` : i.status === 'formula' ? 'looks like a spreadsheet formula' : 'is no one on the roster'}.`;
    const best = i.candidates[0];
    out.push(
      `\n* ${what}`,
      best ? `  If it is ${best.name}:` : `  Write the roster id of the person meant, or "not on roster", or "ignore":`,
      `    ${section}:`,
      `      ${yamlKey(key)}: ${best ? `${best.id}   # ${best.name}` : '<roster id>'}`,
      ...i.candidates.slice(1).map((c) => `      # or ${c.id} for ${c.name}`),
      `  (or "not on roster"${i.kind === 'respondent' ? ', "keep"' : ''} or "ignore" instead of the id)`,
    );
  }
  if (seen.size < review.length && shown > limit) out.push(`\n… and more: see the review CSV.`);
  return out.join('\n') + '\n';
}
