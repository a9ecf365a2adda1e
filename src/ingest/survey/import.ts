import { basename } from 'node:path';
import type { IngestResult, Person, Tie } from '../../model/types.js';
import { createNameMatcher, type Resolution } from '../names/matcher.js';
import { emailKey, foldName } from '../names/normalize.js';
import { CONTROL_CHARS, hasControlChars } from '../control-chars.js';
import { ProblemCollector } from '../problems.js';
import { planSurvey, type SurveyPlan } from './layout.js';
import type { SurveyMapping } from './mapping.js';
import { openExport, type ExportRow } from './rows.js';
import { processRow, type RowContext, type RowOutcome } from './rows-process.js';
import { DEFAULT_SCALES, makeScale, type Scale, type ScaleName } from './scales.js';
import { parseTimestamp } from './timestamps.js';
import { addTally, allAside, ASIDE, newTally, type Tally } from './rows-process.js';
import type { Completeness, ReviewItem, SurveyImport } from './types.js';
import type { Candidate } from '../names/matcher.js';

export interface SurveyImportOptions {
  /** Name used in problems (default: the file's base name). */
  file?: string;
  mapping?: SurveyMapping;
  wave?: string | null;
  /** Rows read before the columns are classified (answers help tell names from scales). Default 200. */
  sampleRows?: number;
}

/**
 * Reads a wide survey export (Google Forms, Microsoft Forms, Qualtrics, any spreadsheet CSV/TSV/XLSX)
 * into canonical ties and per-person answers, matching free-text names to the roster.
 * Streams: rows are processed one at a time; only each respondent's latest outcome is held.
 * Never guesses: every ambiguous or unmatched name becomes a review item; a mapping with resolutions
 * reproduces the import exactly. Returns ok:false only when the file is not a usable survey export.
 */
export async function parseSurveyExport(
  path: string,
  people: readonly Person[],
  options: SurveyImportOptions = {},
): Promise<IngestResult<SurveyImport>> {
  const file = options.file ?? basename(path);
  const mapping: SurveyMapping = options.mapping ?? { version: 1 };
  const problems = new ProblemCollector();
  const fail = (code: string, message: string, row: number | null = null, column: string | null = null) => {
    problems.error(file, row, column, null, code, message);
    return { ok: false as const, problems: problems.list() };
  };
  const opened = await openExport(path);
  if (!opened.ok) return fail(opened.code, opened.message);
  const src = opened.source;

  const resolutions = new Map<string, Resolution>();
  for (const [k, v] of Object.entries(mapping.resolutions ?? {})) if (v !== null && v !== undefined) resolutions.set(k, v);
  const matcher = createNameMatcher(people, resolutions);
  const scales = Object.fromEntries(
    (['frequency', 'agreement', 'influence'] as ScaleName[]).map((n) => [
      n,
      makeScale({ ...DEFAULT_SCALES[n], ...(mapping.scales?.[n] ?? {}) }),
    ]),
  ) as Record<ScaleName, Scale>;
  const ctx: RowContext = { file, matcher, resolutions, scales, problems, wave: options.wave ?? null };

  // header rows and a sample of answers
  const it = src.rows[Symbol.asyncIterator]();
  const buffered: ExportRow[] = [];
  const sampleSize = options.sampleRows ?? 200;
  while (buffered.length < sampleSize + 3) {
    const n = await it.next();
    if (n.done) break;
    buffered.push(n.value);
  }
  if (buffered.length === 0) return fail('EMPTY_FILE', 'the file has no rows; expected a header row and one row per respondent');
  let controlCells = 0;
  let headerNames: string[] = [];
  const clean = (r: ExportRow): ExportRow => {
    let dirty = false;
    const cells = r.cells.map((c) => {
      if (hasControlChars(c)) {
        dirty = true;
        return c.replace(CONTROL_CHARS, '');
      }
      return c;
    });
    if (dirty) {
      controlCells++;
      const at = r.cells.findIndex(hasControlChars);
      problems.warning(
        file,
        r.row,
        headerNames[at] || `column ${at + 1}`,
        cells[at] ?? null,
        'CONTROL_CHARACTERS',
        `control characters removed from ${r.cells.filter(hasControlChars).length} cell(s); expected plain text (tabs and line breaks are kept)`,
      );
    }
    return dirty ? { row: r.row, cells } : r;
  };
  const qualtrics = buffered.length >= 3 && buffered[2]!.cells.some((c) => /^\s*\{\s*"ImportId"/.test(c));
  const surveyMonkey = !qualtrics && buffered.length >= 2 && isSurveyMonkeyHeader(buffered[0]!.cells, buffered[1]!.cells);
  const headerRows = qualtrics ? 3 : surveyMonkey ? 2 : 1;
  const headers = (
    surveyMonkey ? surveyMonkeyHeaders(buffered[0]!.cells, buffered[1]!.cells) : (qualtrics ? buffered[1]! : buffered[0]!).cells
  ).map((c) => c.replace(CONTROL_CHARS, '').trim());
  const tags = qualtrics ? buffered[0]!.cells.map((c) => c.trim()) : null;
  headerNames = headers;
  const keys = headers.map((h) => h.toLowerCase());
  if (
    keys.some((k) => ['source', 'from', 'ego', 'nominator'].includes(k)) &&
    keys.some((k) => ['target', 'to', 'alter', 'nominee'].includes(k))
  ) {
    return fail(
      'NOT_A_SURVEY_EXPORT',
      'this looks like a tie list (it has source/target columns), not a survey export; analyse it with `leadmap analyze <this file> --roster <roster.csv>`. `leadmap import` expects one row per respondent with a respondent column (e-mail, staff id or name) and one column per question',
      1,
    );
  }
  const seen = new Map<string, number>();
  headers.forEach((h, i) => {
    const k = tags ? `${tags[i]}\u0000${h}` : h;
    if (h !== '' && seen.has(k))
      problems.error(
        file,
        headerRows,
        h,
        null,
        'DUPLICATE_HEADER',
        `the column header appears twice (columns ${seen.get(k)! + 1} (${columnLetter(seen.get(k)!)}) and ${i + 1} (${columnLetter(i)})): two questions with the same title cannot be told apart or named in a mapping; expected unique headers. Rename one of the questions in the form and export again, or edit that header cell in the file (e.g. add " (2)")`,
      );
    seen.set(k, i);
  });
  if (problems.hasErrors) return { ok: false, problems: problems.list() };
  const dataRows = buffered.slice(headerRows).map(clean);
  const plan: SurveyPlan = planSurvey(
    headers,
    tags,
    dataRows.map((r) => r.cells),
    matcher,
    mapping,
  );
  if (plan.tool === 'google-forms' && src.delimiter !== ',') plan.tool = 'spreadsheet'; // a Forms sheet re-saved from Excel
  if (surveyMonkey) {
    plan.tool = 'surveymonkey';
    plan.headerRows = 2;
  }
  const usable = plan.columns.filter((c) => c.question.kind !== 'ignore');
  if (usable.length === 0) {
    const rosterLike = keys.includes('id') && (keys.includes('role') || keys.includes('department'));
    return fail(
      'NOT_A_SURVEY_EXPORT',
      rosterLike
        ? 'this looks like a roster (id, name, role, department), not a survey export; pass it with --roster and give the survey export as the first argument'
        : 'no question columns recognised; expected a survey export with columns such as "Whom do you go to for advice about curriculum?" (names), grid columns "How often do you talk to… [Ana Ruiz]", Likert or skills questions (or a mapping file naming them)',
      1,
    );
  }
  if (plan.respondent === null) {
    return fail(
      'NO_RESPONDENT_COLUMN',
      'no respondent column; expected a staff id, e-mail ("Email Address", "Email") or name column ("Name", "Your name"), or `respondent:` in the mapping file',
      headerRows,
    );
  }

  // stream every respondent row
  const kept = new Map<string, RowOutcome>();
  const result: SurveyImport = {
    file,
    tool: plan.tool,
    format: src.format,
    encoding: src.decode?.encoding ?? null,
    delimiter: src.delimiter,
    plan,
    ties: [],
    respondents: [],
    keptNonRoster: [],
    answers: new Map(),
    review: [],
    decided: [],
    heldTies: new Map(),
    tally: newTally(),
    completeness: {
      answersRead: 0,
      answersUsed: 0,
      setAside: [],
      undecided: 0,
      pending: { questions: 0, questionAnswers: 0, names: 0, respondents: 0 },
    },
    stats: {
      dataRows: 0,
      blankRows: 0,
      responses: 0,
      duplicates: [],
      selfTiesDropped: 0,
      matchedByRule: {},
      resolvedOut: { ignore: 0, notOnRoster: 0 },
      controlCharacterCells: 0,
      formulaCells: 0,
      previewRows: [],
      incompleteRows: [],
    },
    problems: [],
  };
  const respondentReview: ReviewItem[] = [];
  const keepLabels = new Set<string>();
  // Qualtrics: Status says whether a row is a real response; Finished whether it reached the end
  const tagIndex = (t: string) => (tags ? tags.findIndex((x) => x.toLowerCase() === t) : -1);
  const statusAt = tagIndex('status'),
    finishedAt = tagIndex('finished');
  const handle = (r: ExportRow) => {
    if (r.cells.every((c) => c.trim() === '')) {
      result.stats.blankRows++;
      return;
    }
    result.stats.dataRows++;
    if (statusAt >= 0 && isNotAResponse(r.cells[statusAt] ?? '')) {
      result.stats.previewRows.push(r.row);
      return;
    }
    if (finishedAt >= 0 && /^(false|0)$/i.test((r.cells[finishedAt] ?? '').trim())) result.stats.incompleteRows.push(r.row);
    const who = (r.cells[plan.respondent!.index] ?? '').trim();
    const time = plan.timestamp ? parseTimestamp(r.cells[plan.timestamp.index] ?? '', plan.dateOrder) : null;
    if (plan.timestamp && time === null && (r.cells[plan.timestamp.index] ?? '').trim() !== '') {
      problems.warning(
        file,
        r.row,
        plan.timestamp.header,
        r.cells[plan.timestamp.index] ?? '',
        'BAD_TIMESTAMP',
        'expected a date and time such as 2025-03-14 09:05:12 or 3/14/2025 9:05:12; file order decides between duplicates',
      );
    }
    const nameCell = plan.fallbackName ? (r.cells[plan.fallbackName.index] ?? '').trim() : '';
    const id = identify(r.row, who, nameCell);
    if (id.kind === 'aside') {
      asideRow(r, id.reason);
      return;
    }
    if (id.kind === 'review') {
      respondentReview.push(id.item);
      problems.warning(file, r.row, id.item.column, who, 'RESPONDENT_NOT_DECIDED', `${id.item.reason}; its answers wait for a decision`);
      asideRow(r, ASIDE.respondent);
      return;
    }
    const source = id.source;
    const outcome = processRow(ctx, plan.columns, r.cells, r.row, source, time);
    if (id.decided) result.decided.push(id.decided);
    if (id.byName) {
      // two responses that give the same typed name: two people, or one answering twice? A person decides.
      const same = byTypedName.get(source);
      if (same) {
        same.rows.push({ outcome, text: who || nameCell, column: id.column });
        if (kept.get(source) === same.rows[0]!.outcome) kept.delete(source);
        return;
      }
      byTypedName.set(source, { rows: [{ outcome, text: who || nameCell, column: id.column }] });
    }
    keepLatest(source, outcome, who);
  };
  const keepLatest = (source: string, outcome: RowOutcome, who: string) => {
    const prev = kept.get(source);
    if (prev) {
      const newer = prev.time === null || outcome.time === null || outcome.time >= prev.time;
      const [winner, loser] = newer ? [outcome, prev] : [prev, outcome];
      result.stats.duplicates.push({ respondent: source, droppedRow: loser.row, keptRow: winner.row });
      addTally(result.tally, allAside(loser.tally, ASIDE.replaced));
      problems.warning(
        file,
        loser.row,
        plan.respondent!.header,
        who,
        'DUPLICATE_RESPONDENT',
        `the same respondent answered again in row ${winner.row}${winner.time ? ` (${winner.time})` : ''}; the latest response is kept and this one is not used`,
      );
      kept.set(source, winner);
    } else kept.set(source, outcome);
  };
  /** Reads a row only to count its answers (a row whose respondent is undecided or left out). */
  const asideRow = (r: ExportRow, reason: string) => {
    const o = processRow({ ...ctx, problems: new ProblemCollector() }, plan.columns, r.cells, r.row, '\u0000', null);
    addTally(result.tally, allAside(o.tally, reason));
  };
  /**
   * Who answered this row: a decision saved for the row or the text, else the respondent column matched to the
   * roster. A typed name identifies only by an exact reading (exact, with a title, "Last, First"); anything looser,
   * an e-mail and a name that are two people, goes to review with the reason — never a guess.
   */
  type Identified =
    | { kind: 'source'; source: string; byName: boolean; column: string; decided: ReviewItem | null }
    | { kind: 'aside'; reason: string }
    | { kind: 'review'; item: ReviewItem };
  const identify = (row: number, who: string, nameCell: string): Identified => {
    const column = plan.respondent!.header;
    const rowKey = `row ${row}`;
    const decidedBy = (key: string, text: string, value: string): Identified => {
      const decided: ReviewItem = { kind: 'respondent', status: 'decided', row, column, text, candidates: [], key, resolution: value };
      if (value === 'ignore' || value === 'not on roster') {
        result.decided.push(decided);
        return { kind: 'aside', reason: ASIDE.respondentIgnored };
      }
      if (value === 'keep') keepLabels.add(text);
      return { kind: 'source', source: value === 'keep' ? text : value, byName: false, column, decided };
    };
    const byRow = respondentDecision(rowKey);
    if (byRow) return decidedBy(rowKey, who || nameCell, byRow);
    const anonymous = who === '' || who.toLowerCase() === 'anonymous';
    if (anonymous && nameCell === '') {
      problems.warning(
        file,
        row,
        column,
        who,
        'MISSING_RESPONDENT',
        'no respondent identity in this row; its answers are not used (an anonymous response cannot be placed in the network)',
      );
      return { kind: 'aside', reason: ASIDE.anonymous };
    }
    const text = anonymous ? nameCell : who;
    const saved = respondentDecision(text);
    if (saved) return decidedBy(text, text, saved);
    const typed = anonymous || plan.respondent!.kind === 'name';
    const m = matcher.match(text);
    if (m.status === 'resolved-out') return { kind: 'aside', reason: ASIDE.respondentIgnored };
    const byNameCell = !anonymous && nameCell !== '' ? matcher.match(nameCell) : null;
    const nameId = byNameCell?.status === 'matched' && STRICT_NAME_RULES.has(byNameCell.rule) ? byNameCell.id : null;
    const item = (status: ReviewItem['status'], reason: string, candidates: Candidate[], itemColumn = column): Identified => ({
      kind: 'review',
      item: { kind: 'respondent', status, row, column: itemColumn, text, candidates, reason, key: text },
    });
    if (m.status === 'matched' && (!typed || STRICT_NAME_RULES.has(m.rule))) {
      if (nameId !== null && nameId !== m.id)
        return item(
          'conflict',
          `the ${plan.respondent!.kind === 'id' ? 'staff id' : 'e-mail'} "${text}" is ${matcher.nameOf(m.id)}'s, but the name typed in "${plan.fallbackName!.header}" ("${nameCell}") is ${matcher.nameOf(nameId)}'s`,
          [
            { id: m.id, name: matcher.nameOf(m.id) ?? m.id, score: 1 },
            { id: nameId, name: matcher.nameOf(nameId) ?? nameId, score: 1 },
          ],
        );
      return { kind: 'source', source: m.id, byName: typed, column: anonymous ? plan.fallbackName!.header : column, decided: null };
    }
    if (!typed && nameId !== null)
      return { kind: 'source', source: nameId, byName: true, column: plan.fallbackName!.header, decided: null };
    if (m.status === 'matched')
      return item(
        'ambiguous',
        `only a typed name identifies this respondent, and "${text}" is not exactly a roster name (closest: ${matcher.nameOf(m.id)})`,
        [{ id: m.id, name: matcher.nameOf(m.id) ?? m.id, score: m.confidence }],
      );
    if (m.status === 'ambiguous')
      return item(
        'ambiguous',
        `"${text}" fits ${m.candidates.length} people on the roster (${m.candidates.map((c) => c.name).join(', ')})${m.candidates.length > 1 && new Set(m.candidates.map((c) => foldName(c.name))).size === 1 ? ': the roster has two people of that name' : ''}`,
        m.candidates,
      );
    return item('unmatched', `"${text}" is not found on the roster`, m.candidates);
  };
  const respondentDecisions = new Map<string, string>();
  for (const [k, v] of Object.entries(mapping.respondents ?? {})) if (typeof v === 'string') respondentDecisions.set(respondentKey(k), v);
  const respondentDecision = (text: string) => respondentDecisions.get(respondentKey(text)) ?? null;
  const byTypedName = new Map<string, { rows: Array<{ outcome: RowOutcome; text: string; column: string }> }>();
  for (const r of dataRows) handle(r);
  for (let n = await it.next(); !n.done; n = await it.next()) handle(clean(n.value));
  for (const [source, { rows }] of byTypedName) {
    if (rows.length < 2) continue;
    const rowList = rows.map((x) => x.outcome.row).join(', ');
    for (const x of rows) {
      respondentReview.push({
        kind: 'respondent',
        status: 'duplicate',
        row: x.outcome.row,
        column: x.column,
        text: x.text,
        candidates: [{ id: source, name: matcher.nameOf(source) ?? source, score: 1 }],
        reason: `rows ${rowList} give the same name "${x.text}": two people, or one person answering twice? Decide who answered each row`,
        key: `row ${x.outcome.row}`,
      });
      problems.warning(
        file,
        x.outcome.row,
        x.column,
        null,
        'RESPONDENT_NOT_DECIDED',
        `rows ${rowList} give the same typed name; they wait for a decision`,
      );
      addTally(result.tally, allAside(x.outcome.tally, ASIDE.respondent));
    }
  }
  result.stats.controlCharacterCells = controlCells;
  if (src.decode && src.decode.fallbackBytes > 0) {
    problems.warning(
      file,
      src.decode.firstFallbackLine,
      null,
      null,
      'ENCODING_FALLBACK',
      `${src.decode.fallbackBytes} byte(s) were not valid UTF-8 and were read as Windows-1252 (${src.decode.encoding}); check accented names`,
    );
  }
  if (result.stats.dataRows === 0) return fail('NO_ROWS', 'the export has a header but no responses');
  const rowList = (rows: number[]) => rows.slice(0, 10).join(', ') + (rows.length > 10 ? ', …' : '');
  if (result.stats.previewRows.length) {
    problems.warning(
      file,
      result.stats.previewRows[0]!,
      headers[statusAt] ?? 'Status',
      null,
      'NOT_A_RESPONSE',
      `${result.stats.previewRows.length} row(s) are survey previews, generated test responses or spam (rows ${rowList(result.stats.previewRows)}); left out`,
    );
  }
  if (result.stats.incompleteRows.length) {
    problems.warning(
      file,
      result.stats.incompleteRows[0]!,
      headers[finishedAt] ?? 'Finished',
      'False',
      'INCOMPLETE_RESPONSE',
      `${result.stats.incompleteRows.length} response(s) stopped before the end (rows ${rowList(result.stats.incompleteRows)}); the questions they answered are used`,
    );
  }

  // assemble
  const unreadAnswers = new Map<string, number>();
  const agg = new Map<string, Tie>();
  for (const o of [...kept.values()].sort((a, b) => a.row - b.row)) {
    result.stats.responses++;
    if (keepLabels.has(o.source)) result.keptNonRoster.push(o.source);
    else result.respondents.push(o.source);
    result.answers.set(o.source, o.answers);
    result.review.push(...o.review);
    result.decided.push(...o.decided);
    addTally(result.tally, o.tally);
    for (const [h, n] of Object.entries(o.pending)) unreadAnswers.set(h, (unreadAnswers.get(h) ?? 0) + n);
    for (const h of o.held) {
      const list = result.heldTies.get(h.column) ?? [];
      list.push(h.tie);
      result.heldTies.set(h.column, list);
    }
    result.stats.selfTiesDropped += o.selfTies;
    result.stats.resolvedOut.ignore += o.resolvedOut.ignore;
    result.stats.resolvedOut.notOnRoster += o.resolvedOut.notOnRoster;
    result.stats.formulaCells += o.formulaCells;
    for (const [rule, n] of Object.entries(o.rules)) result.stats.matchedByRule[rule] = (result.stats.matchedByRule[rule] ?? 0) + n;
    for (const t of o.ties) {
      const k = `${t.source}\u0000${t.target}\u0000${t.relation}\u0000${t.domain}`;
      const a = agg.get(k);
      if (!a) agg.set(k, { ...t });
      else {
        a.weight += t.weight;
        a.count += t.count;
        if (t.timestamp && (!a.timestamp || t.timestamp < a.timestamp)) a.timestamp = t.timestamp;
      }
    }
  }
  if (result.stats.formulaCells > 0)
    problems.warning(
      file,
      null,
      null,
      null,
      'FORMULA_CELL',
      `${result.stats.formulaCells} answer cell(s) look like spreadsheet formulas (=HYPERLINK(…)); kept as text, never evaluated, and listed for review`,
    );
  result.ties = [...agg.values()].sort(
    (a, b) =>
      a.relation.localeCompare(b.relation) ||
      a.domain.localeCompare(b.domain) ||
      a.source.localeCompare(b.source) ||
      a.target.localeCompare(b.target),
  );
  const columnReview: ReviewItem[] = plan.columns
    .filter((c) => c.issue !== null)
    .map((c) => ({
      kind: 'column',
      status: 'mapping needed',
      row: null,
      column: c.header,
      text: c.issue!,
      candidates: [],
      reason: c.issue!,
      key: c.header,
      suggestion: c.question,
      ...(c.held?.choices ? { choices: c.held.choices } : {}),
      answers: unreadAnswers.get(c.header) ?? 0,
    }));
  for (const c of plan.columns)
    if (!c.inferred && c.issue === null)
      result.decided.push({
        kind: 'column',
        status: 'decided',
        row: null,
        column: c.header,
        text: c.header,
        candidates: [],
        key: c.header,
        resolution: c.question,
      });
  result.review = [
    ...columnReview,
    ...respondentReview.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)),
    ...result.review.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)),
  ];
  result.decided = dedupeDecided(result.decided);
  result.completeness = completenessOf(result.tally, result.review);
  result.problems = problems.list();
  return { ok: true, value: result, problems: result.problems };
}

/** Folded key used to compare review texts (same as the matcher's fallback lookup). */
export const reviewKey = (text: string) => foldName(text);

/** Qualtrics Status values that are not a staff member's response: previews, generated test responses, spam (choice text or numeric code). */
export function isNotAResponse(status: string): boolean {
  const t = status.trim();
  return /preview|test|spam/i.test(t) || ['1', '2', '8', '9', '12', '17'].includes(t);
}

/**
 * SurveyMonkey's CSV has two header rows: the question text (written once, blank over the question's
 * further columns) and, under it, "Response" / "Open-Ended Response" or the choice or grid-row label.
 */
export function isSurveyMonkeyHeader(first: readonly string[], second: readonly string[]): boolean {
  const continued = first.some((c, i) => i > 0 && c.trim() === '' && (second[i] ?? '').trim() !== '');
  return (
    second.some((c) => /^(response|open-ended response)$/i.test(c.trim())) ||
    (continued && first.some((c) => /^respondent id$/i.test(c.trim())))
  );
}

/**
 * One header per column from SurveyMonkey's two rows: the question carried over its columns; a column
 * whose second row names a choice or a grid row becomes "Question [label]", as Google Forms writes grids.
 */
export function surveyMonkeyHeaders(first: readonly string[], second: readonly string[]): string[] {
  let question = '';
  return first.map((c, i) => {
    if (c.trim() !== '') question = c.trim();
    const sub = (second[i] ?? '').trim();
    if (sub === '' || /^(response|open-ended response)$/i.test(sub)) return question;
    return `${question} [${sub}]`;
  });
}

/** Spreadsheet column letter of a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Rules that identify a respondent by a typed name without a guess: the same name, with a title, or "Last, First". */
const STRICT_NAME_RULES: ReadonlySet<string> = new Set(['mapping', 'id', 'email', 'exact', 'title', 'last-first']);

/** Respondent texts and mapping keys compare as e-mail addresses do (emailKey: NFC-normalised, case-folded; "José" typed either way). */
export const respondentKey = (text: string) => emailKey(text);

/** One decided item per row, question and text (a name decided once may occur in many rows: each row is kept). */
function dedupeDecided(items: ReviewItem[]): ReviewItem[] {
  const seen = new Set<string>();
  return items.filter((i) => {
    const k = `${i.kind}\u0000${i.row}\u0000${i.column}\u0000${i.text}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The completeness block: answers read, used, set aside by reason, and what the undecided items hold. */
export function completenessOf(t: Tally, review: readonly ReviewItem[]): Completeness {
  const columns = review.filter((i) => i.kind === 'column');
  return {
    answersRead: t.read,
    answersUsed: t.used,
    setAside: Object.entries(t.aside)
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
    undecided: review.length,
    pending: {
      questions: columns.length,
      questionAnswers: columns.reduce((n, i) => n + (i.answers ?? 0), 0),
      names: review.filter((i) => i.kind === 'name').length,
      respondents: review.filter((i) => i.kind === 'respondent').length,
    },
  };
}
