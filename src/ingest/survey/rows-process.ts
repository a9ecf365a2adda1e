import type { Tie } from '../../model/types.js';
import type { NameMatcher, Resolution } from '../names/matcher.js';
import { splitNames } from '../names/split.js';
import type { ProblemCollector } from '../problems.js';
import { domainOfLabel } from './infer.js';
import type { PlannedColumn } from './layout.js';
import { makeScale, scaleValue, DEFAULT_SCALES, type Scale, type ScaleName } from './scales.js';
import type { PersonAnswers, ReviewItem } from './types.js';

/** What one respondent row contributes, kept until a later row by the same respondent replaces it. */
export interface RowOutcome {
  row: number;
  source: string;
  time: string | null;
  ties: Tie[];
  answers: PersonAnswers;
  review: ReviewItem[];
  rules: Record<string, number>;
  selfTies: number;
  resolvedOut: { ignore: number; notOnRoster: number };
  formulaCells: number;
}

const FORMULA = /^\s*[=+@-]\s*[A-Za-z_][A-Za-z0-9_.]*\s*\(/;
/** True for a cell that a spreadsheet would evaluate (=HYPERLINK(…), +SUM(…), @cmd(…)). Kept as text, never evaluated. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA.test(text);
}

export interface RowContext {
  file: string;
  matcher: NameMatcher;
  resolutions: ReadonlyMap<string, Resolution>;
  scales: Record<ScaleName, Scale>;
  problems: ProblemCollector;
  wave: string | null;
}

export function scaleFor(col: PlannedColumn, scales: Record<ScaleName, Scale>): Scale {
  const s = col.question.scale;
  if (s === undefined) return scales.frequency;
  if (typeof s === 'string') return scales[s] ?? makeScale(DEFAULT_SCALES.frequency);
  return makeScale(s);
}

/** Turns one respondent's cells into ties, answers and review items. */
export function processRow(
  ctx: RowContext,
  columns: readonly PlannedColumn[],
  cells: readonly string[],
  row: number,
  source: string,
  time: string | null,
): RowOutcome {
  const out: RowOutcome = {
    row,
    source,
    time,
    ties: [],
    answers: { likert: {}, skills: [], skillDomains: [] },
    review: [],
    rules: {},
    selfTies: 0,
    resolvedOut: { ignore: 0, notOnRoster: 0 },
    formulaCells: 0,
  };
  const tie = (target: string, q: PlannedColumn['question'], weight: number): Tie => ({
    source,
    target,
    relation: q.relation!,
    domain: q.domain!,
    weight,
    count: 1,
    timestamp: time,
    wave: ctx.wave,
  });
  for (const col of columns) {
    if (col.issue !== null) continue;
    const cell = (cells[col.index] ?? '').trim();
    if (cell === '') continue;
    const q = col.question;
    switch (q.kind) {
      case 'ignore':
        break;
      case 'grid': {
        const w = scaleValue(cell, scaleFor(col, ctx.scales));
        if (w === null) {
          ctx.problems.warning(
            ctx.file,
            row,
            col.header,
            cell,
            'BAD_FREQUENCY',
            'expected a frequency word (Daily, Weekly, Monthly, A few times a year, Rarely, Never) or a number; add it to scales.frequency in the mapping',
          );
          break;
        }
        if (w <= 0) break;
        if (q.target === source) {
          out.selfTies++;
          break;
        }
        out.ties.push(tie(q.target!, q, w));
        break;
      }
      case 'likert': {
        const v = scaleValue(cell, scaleFor(col, ctx.scales));
        if (v === null) {
          ctx.problems.warning(
            ctx.file,
            row,
            col.header,
            cell,
            'BAD_SCALE_VALUE',
            `expected an answer on the ${typeof q.scale === 'string' ? q.scale : 'mapped'} scale or a number; add it to the scale in the mapping`,
          );
          break;
        }
        out.answers.likert[q.attribute ?? col.header] = v;
        break;
      }
      case 'skills': {
        for (const raw of cell.split(/\r?\n|;|,\s+/)) {
          const skill = raw.replace(/^\s*other\s*[:\-–]\s*/i, '').trim();
          if (!skill || out.answers.skills.includes(skill)) continue;
          out.answers.skills.push(skill);
          const d = domainOfLabel(skill);
          if (d && !out.answers.skillDomains.includes(d)) out.answers.skillDomains.push(d);
        }
        break;
      }
      case 'nameGenerator':
      case 'rosterRow': {
        if (looksLikeFormula(cell)) {
          out.formulaCells++;
          const res = ctx.resolutions.get(cell);
          if (res === undefined || res === null) {
            out.review.push({ kind: 'name', status: 'formula', row, column: col.header, text: cell, candidates: [] });
            break;
          }
          if (res === 'ignore') {
            out.resolvedOut.ignore++;
            break;
          }
          if (res === 'not on roster') {
            out.resolvedOut.notOnRoster++;
            break;
          }
          addTarget(out, tie, q, res, 'mapping');
          break;
        }
        const seen = new Set<string>();
        let names = cell;
        for (const label of col.otherChoices ?? []) names = names.split(label).join('\n');
        for (const s of splitNames(names, ctx.matcher)) {
          const m = s.match;
          if (m.status === 'matched') {
            if (seen.has(m.id)) continue;
            seen.add(m.id);
            addTarget(out, tie, q, m.id, m.rule);
          } else if (m.status === 'resolved-out') {
            if (m.resolution === 'ignore') out.resolvedOut.ignore++;
            else out.resolvedOut.notOnRoster++;
          } else {
            out.review.push({ kind: 'name', status: m.status, row, column: col.header, text: s.text, candidates: m.candidates });
          }
        }
        break;
      }
    }
  }
  return out;
}

function addTarget(
  out: RowOutcome,
  tie: (t: string, q: PlannedColumn['question'], w: number) => Tie,
  q: PlannedColumn['question'],
  target: string,
  rule: string,
): void {
  out.rules[rule] = (out.rules[rule] ?? 0) + 1;
  if (target === out.source) {
    out.selfTies++;
    return;
  }
  out.ties.push(tie(target, q, q.weight ?? 1));
}
