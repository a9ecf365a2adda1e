import YAML from 'yaml';
import { csvCell } from '../csv-safe.js';
import type { Person, Tie } from '../../model/types.js';
import type { SurveyMapping, QuestionMapping } from './mapping.js';
import type { ReviewItem, SurveyImport } from './types.js';

const line = (cells: Array<string | number | null | undefined>) => cells.map(csvCell).join(',') + '\n';

export const TIES_HEADER = ['source', 'target', 'relation', 'domain', 'weight', 'count', 'timestamp'] as const;

/** Canonical ties CSV, readable by the ties ingest. */
export function tiesCsv(ties: readonly Tie[]): string {
  const wave = ties.some((t) => t.wave !== null); // a wave column only when --wave was given
  return (
    line(wave ? [...TIES_HEADER, 'wave'] : [...TIES_HEADER]) +
    ties.map((t) => line([t.source, t.target, t.relation, t.domain, t.weight, t.count, t.timestamp, ...(wave ? [t.wave] : [])])).join('')
  );
}

/** One row per roster person (and per kept non-roster respondent): responded yes/no, Likert answers, skills offered and needed. */
export function peopleCsv(people: readonly Person[], r: SurveyImport): string {
  const likertCols: string[] = [];
  for (const a of r.answers.values()) for (const k of Object.keys(a.likert)) if (!likertCols.includes(k)) likertCols.push(k);
  const responded = new Set([...r.respondents, ...r.keptNonRoster]);
  let out = line(['id', 'name', 'department', 'responded', ...likertCols, 'skills', 'skill_domains', 'needs', 'need_domains']);
  const row = (id: string, name: string, dept: string) => {
    const a = r.answers.get(id);
    return line([
      id,
      name,
      dept,
      responded.has(id) ? 'yes' : 'no',
      ...likertCols.map((c) => a?.likert[c] ?? null),
      a?.skills.join('; ') ?? '',
      a?.skillDomains.join('; ') ?? '',
      a?.needs.join('; ') ?? '',
      a?.needDomains.join('; ') ?? '',
    ]);
  };
  for (const p of people) out += row(p.id, p.name, p.department);
  for (const id of r.keptNonRoster) out += row(id, id, '');
  return out;
}

export function reviewCsv(review: readonly ReviewItem[]): string {
  return (
    line(['kind', 'status', 'row', 'column', 'text', 'candidates']) +
    review
      .map((i) =>
        line([i.kind, i.status, i.row, i.column, i.text, i.candidates.map((c) => `${c.id} (${c.name}) ${c.score.toFixed(2)}`).join('; ')]),
      )
      .join('')
  );
}

export interface ResponseRate {
  department: string;
  roster: number;
  responded: number;
  rate: number | null;
}

/** Response rate overall (department "(all)") and per department, over roster people only. */
export function responseRates(people: readonly Person[], respondents: readonly string[]): ResponseRate[] {
  const answered = new Set(respondents);
  const by = new Map<string, { roster: number; responded: number }>();
  const add = (d: string, yes: boolean) => {
    const c = by.get(d) ?? { roster: 0, responded: 0 };
    c.roster++;
    if (yes) c.responded++;
    by.set(d, c);
  };
  for (const p of people) {
    add('(all)', answered.has(p.id));
    add(p.department || '(no department)', answered.has(p.id));
  }
  return [...by]
    .map(([department, c]) => ({ department, ...c, rate: c.roster ? c.responded / c.roster : null }))
    .sort((a, b) => (a.department === '(all)' ? -1 : b.department === '(all)' ? 1 : a.department.localeCompare(b.department)));
}

/**
 * The starter mapping: every column as read (kind, relation, domain, scale, target), the respondent
 * and timestamp columns, the scales in use, and one `resolutions` entry per name still to decide
 * (null, with the candidates in a comment). Existing mapping entries are kept as they are.
 */
export function starterMapping(r: SurveyImport, existing: SurveyMapping | undefined): string {
  const questions: Record<string, QuestionMapping> = {};
  for (const c of r.plan.columns) questions[c.header] = c.question;
  const resolutions: Record<string, string | null> = { ...(existing?.resolutions ?? {}) };
  const respondents: Record<string, string | null> = { ...(existing?.respondents ?? {}) };
  const notes = new Map<string, string>();
  for (const i of r.review) {
    if (i.kind === 'column') continue;
    const target = i.kind === 'respondent' ? respondents : resolutions;
    if (target[i.text] === undefined) target[i.text] = null;
    if (!notes.has(`${i.kind}:${i.text}`)) {
      notes.set(
        `${i.kind}:${i.text}`,
        `${i.status} (row ${i.row}, "${clip(i.column ?? '')}")` +
          (i.candidates.length ? `: ${i.candidates.map((c) => `${c.id} ${c.name} ${c.score.toFixed(2)}`).join(', ')}` : ''),
      );
    }
  }
  const doc = new YAML.Document({
    version: 1,
    tool: r.tool,
    respondent: r.plan.respondent?.header,
    timestamp: r.plan.timestamp?.header,
    dateOrder: r.plan.dateOrder,
    ...(existing?.scales ? { scales: existing.scales } : {}),
    questions,
    resolutions,
    respondents,
  });
  doc.commentBefore = [
    ' leadmap survey mapping. Edit and pass with --mapping; reused next year.',
    ' questions: kind nameGenerator | grid | rosterRow | likert | skills | ignore; relation; domain ("any" = all);',
    '   weight (name questions), scale (frequency | agreement | influence | { word: number }), target (grid: roster id).',
    ' resolutions: answer text -> roster id, "ignore" or "not on roster"; null = still to decide.',
    ' respondents: respondent text -> roster id, "keep" (keep answers under this label) or "ignore".',
  ].join('\n');
  for (const section of ['resolutions', 'respondents'] as const) {
    const node = doc.get(section, true) as YAML.YAMLMap | undefined;
    if (!node || !YAML.isMap(node)) continue;
    for (const item of node.items) {
      const k = String((item.key as YAML.Scalar).value);
      const note = notes.get(`${section === 'respondents' ? 'respondent' : 'name'}:${k}`);
      if (note && item.value && YAML.isNode(item.value)) (item.value as YAML.Scalar).comment = ' ' + note;
    }
  }
  for (const c of r.plan.columns) {
    if (!c.issue) continue;
    const q = (doc.get('questions', true) as YAML.YAMLMap).get(c.header, true) as YAML.YAMLMap | undefined;
    if (q) q.commentBefore = ` NEEDS A DECISION: ${c.issue}`;
  }
  return doc.toString({ lineWidth: 0 });
}

function clip(s: string): string {
  return s.length > 50 ? s.slice(0, 47) + '...' : s;
}
