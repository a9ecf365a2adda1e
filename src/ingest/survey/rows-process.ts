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
  /** Items the mapping decided (kept with their row and question, so a re-read shows them as decided). */
  decided: ReviewItem[];
  rules: Record<string, number>;
  selfTies: number;
  resolvedOut: { ignore: number; notOnRoster: number };
  formulaCells: number;
  /** Ties of undecided questions, held under the column header until the mapping decides it. */
  held: Array<{ column: string; tie: Tie }>;
  /** Every answer read from this row, and where it went (used in a tie, or set aside with a reason). */
  tally: Tally;
  /** Answers read in undecided questions, by column header. */
  pending: Record<string, number>;
}

/** Answers read, used, and set aside by reason (a name or a grid cell in a question that makes ties is one answer). */
export interface Tally {
  read: number;
  used: number;
  aside: Record<string, number>;
}

/** The reasons an answer is not in the results, in plain words (the completeness block of every analysis). */
export const ASIDE = {
  question: 'question not decided',
  name: 'name not decided',
  respondent: 'respondent not decided',
  ignored: 'ignored by a decision',
  notOnRoster: 'not on the roster',
  self: 'self-nomination',
  repeated: 'same colleague named twice in one question',
  scale: 'answer not on the scale',
  anonymous: 'no respondent identity',
  replaced: 'earlier response replaced by a later one',
  respondentIgnored: 'respondent ignored by a decision',
  preview: 'survey preview or test response',
} as const;

export const newTally = (): Tally => ({ read: 0, used: 0, aside: {} });
export function setAside(t: Tally, reason: string, n = 1): void {
  if (n <= 0) return;
  t.read += n;
  t.aside[reason] = (t.aside[reason] ?? 0) + n;
}
/** Adds b into a (a row's answers into the import's). */
export function addTally(a: Tally, b: Tally): void {
  a.read += b.read;
  a.used += b.used;
  for (const [k, n] of Object.entries(b.aside)) a.aside[k] = (a.aside[k] ?? 0) + n;
}
/** Moves every answer of a row to one reason (a replaced or undecided response). */
export function allAside(t: Tally, reason: string): Tally {
  return { read: t.read, used: 0, aside: t.read ? { [reason]: t.read } : {} };
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
    answers: { likert: {}, skills: [], skillDomains: [], needs: [], needDomains: [] },
    review: [],
    decided: [],
    rules: {},
    selfTies: 0,
    resolvedOut: { ignore: 0, notOnRoster: 0 },
    formulaCells: 0,
    held: [],
    tally: newTally(),
    pending: {},
  };
  const used = () => {
    out.tally.read++;
    out.tally.used++;
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
    const before = out.tally.read;
    readColumn(col);
    if (col.issue !== null && out.tally.read > before) out.pending[col.header] = out.tally.read - before;
  }
  return out;

  function readColumn(col: PlannedColumn): void {
    const cell = (cells[col.index] ?? '').trim();
    if (cell === '') return;
    if (col.issue !== null && !col.held) {
      // undecided and not readable yet (a grid whose colleague is unknown …): its answers wait for the decision
      if (col.question.kind === 'nameGenerator' || col.question.kind === 'rosterRow' || col.question.kind === 'grid')
        setAside(out.tally, ASIDE.question);
      return;
    }
    const q = col.question;
    // a held question's ties go aside under the question; the answers are still read and matched
    const hold = col.held ? col.header : null;
    const emit = (t: Tie) => {
      if (hold === null) {
        out.ties.push(t);
        used();
      } else {
        out.held.push({ column: hold, tie: t });
        setAside(out.tally, ASIDE.question);
      }
    };
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
          setAside(out.tally, ASIDE.scale);
          break;
        }
        if (w <= 0) {
          used(); // "Never": read, and it means no tie
          break;
        }
        if (q.target === source) {
          out.selfTies++;
          setAside(out.tally, ASIDE.self);
          break;
        }
        emit(tie(q.target!, q, w));
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
        const [list, domains] =
          q.side === 'needed' ? [out.answers.needs, out.answers.needDomains] : [out.answers.skills, out.answers.skillDomains];
        for (const raw of cell.split(/\r?\n|;|,\s+/)) {
          const skill = raw.replace(/^\s*other\s*[:\-–]\s*/i, '').trim();
          if (!skill || list.includes(skill)) continue;
          list.push(skill);
          const d = domainOfLabel(skill);
          if (d && !domains.includes(d)) domains.push(d);
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
            setAside(out.tally, ASIDE.name);
            break;
          }
          out.decided.push({ kind: 'name', status: 'decided', row, column: col.header, text: cell, candidates: [], resolution: res });
          if (res === 'ignore') {
            out.resolvedOut.ignore++;
            setAside(out.tally, ASIDE.ignored);
            break;
          }
          if (res === 'not on roster') {
            out.resolvedOut.notOnRoster++;
            setAside(out.tally, ASIDE.notOnRoster);
            break;
          }
          addTarget(out, tie, emit, q, res, 'mapping');
          break;
        }
        const seen = new Set<string>();
        let names = cell;
        for (const label of col.otherChoices ?? []) names = names.split(label).join('\n');
        for (const s of splitNames(names, ctx.matcher)) {
          const m = s.match;
          if (m.status !== 'unmatched' && m.rule === 'mapping')
            out.decided.push({
              kind: 'name',
              status: 'decided',
              row,
              column: col.header,
              text: s.text,
              candidates: [],
              resolution: m.status === 'matched' ? m.id : m.status === 'resolved-out' ? m.resolution : null,
            });
          if (m.status === 'matched') {
            if (seen.has(m.id)) {
              setAside(out.tally, ASIDE.repeated);
              continue;
            }
            seen.add(m.id);
            addTarget(out, tie, emit, q, m.id, m.rule);
          } else if (m.status === 'resolved-out') {
            if (m.resolution === 'ignore') {
              out.resolvedOut.ignore++;
              setAside(out.tally, ASIDE.ignored);
            } else {
              out.resolvedOut.notOnRoster++;
              setAside(out.tally, ASIDE.notOnRoster);
            }
          } else {
            out.review.push({ kind: 'name', status: m.status, row, column: col.header, text: s.text, candidates: m.candidates });
            setAside(out.tally, ASIDE.name);
          }
        }
        break;
      }
    }
  }
}

function addTarget(
  out: RowOutcome,
  tie: (t: string, q: PlannedColumn['question'], w: number) => Tie,
  emit: (t: Tie) => void,
  q: PlannedColumn['question'],
  target: string,
  rule: string,
): void {
  out.rules[rule] = (out.rules[rule] ?? 0) + 1;
  if (target === out.source) {
    out.selfTies++;
    setAside(out.tally, ASIDE.self);
    return;
  }
  emit(tie(target, q, q.weight ?? 1));
}
