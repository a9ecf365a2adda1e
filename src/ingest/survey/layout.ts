import { ANY_DOMAIN } from '../../model/types.js';
import type { NameMatcher } from '../names/matcher.js';
import { foldName } from '../names/normalize.js';
import { splitNames } from '../names/split.js';
import { asksForNames, domainChoices, domainOfLabel, inferDomain, inferRelation, skillSide } from './infer.js';
import type { QuestionMapping, SurveyMapping } from './mapping.js';
import { DEFAULT_SCALES, detectScale, makeScale, scaleValue } from './scales.js';
import { guessDateOrder, type DateOrder } from './timestamps.js';

export type SurveyTool = 'google-forms' | 'microsoft-forms' | 'qualtrics' | 'surveymonkey' | 'spreadsheet';

export interface PlannedColumn {
  index: number;
  header: string;
  /** Qualtrics export tag (Q3_1), else null. */
  tag: string | null;
  question: QuestionMapping;
  /** True when read from the wording and answers, false when taken from the mapping file. */
  inferred: boolean;
  /** Why the column cannot be used until the mapping says more, or null. */
  issue: string | null;
  /**
   * Labels of "Other (please specify)" choices whose typed text has its own column (Qualtrics Q2_4_TEXT):
   * the label in this column's answers is the choice itself, not a name, and is removed before matching.
   */
  otherChoices?: string[];
  /**
   * Set when the answers are read and matched although the column is undecided (the wording names two domains,
   * or no clear relation): the ties are held under the question until the mapping decides it. For a two-domain
   * question, `choices` are exactly the domains named plus "any" (all domains).
   */
  held?: { choices: string[] | null };
}

/** How a respondent says who they are: a staff id, an e-mail address or a typed name. */
export type IdentityKind = 'id' | 'email' | 'name';

export interface SurveyPlan {
  tool: SurveyTool;
  /** Number of header rows (3 for Qualtrics). */
  headerRows: number;
  respondent: { index: number; header: string; kind: IdentityKind | 'mapping' } | null;
  /**
   * A typed-name column beside an id or e-mail respondent column ("Your name"): the fallback when the e-mail is
   * missing or not on the roster, and checked against it (a disagreement goes to review).
   */
  fallbackName: { index: number; header: string } | null;
  /** Self-identification columns that are not questions ("Your name", "Your e-mail", "Staff ID", "Who are you?"). */
  identity: string[];
  timestamp: { index: number; header: string } | null;
  dateOrder: DateOrder;
  columns: PlannedColumn[];
  /** Tool metadata columns recognised and not used (ID, Start time, IP Address, …). */
  metadata: string[];
}

const META = new Set([
  'timestamp',
  'id',
  'starttime',
  'completiontime',
  'lastmodifiedtime',
  'email',
  'emailaddress',
  'name',
  'startdate',
  'enddate',
  'status',
  'responsetype',
  'ipaddress',
  'progress',
  'durationinseconds',
  'finished',
  'recordeddate',
  'responseid',
  'recipientlastname',
  'recipientfirstname',
  'recipientemail',
  'externalreference',
  'externaldatareference',
  'locationlatitude',
  'locationlongitude',
  'distributionchannel',
  'userlanguage',
  'totalpoints',
  'score',
  'quizfeedback',
  'submittedat',
  'submissiontime',
  'token',
  'networkid',
  'respondentid',
  'collectorid',
  'firstname',
  'lastname',
  'customdata',
  'customdata1',
  'customdata2',
]);
const key = (s: string) => foldName(s).replace(/ /g, '');
const RESPONDENT_ID = /^(your )?(staff|employee|teacher|person|school) ?(id|number|no)$|^your id$/;
const RESPONDENT_EMAIL =
  /^((what is )?your (school |work )?)?(e ?mail|e ?mail address|email address)$|^(recipientemail|recipient email|username)$/;
const RESPONDENT_NAME =
  /^((what is )?your (full )?name|(your )?(full )?name|(your )?first and last name|who are you|what s your name|respondent|recipientname|name of respondent)$/;

/**
 * Which self-identification a header asks for — the respondent's staff id, e-mail or name — or null for a question.
 * "(optional)", "(required)", "please enter" and a trailing "*" are not part of the wording. These columns are the
 * respondent's identity, never a name question (docs/surveys.md, step 4).
 */
export function identityKind(header: string): IdentityKind | null {
  const h = foldName(header)
    .replace(/\b(optional|required|please (enter|type|give|write)|enter|type)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (RESPONDENT_ID.test(h)) return 'id';
  if (RESPONDENT_EMAIL.test(h)) return 'email';
  if (RESPONDENT_NAME.test(h)) return 'name';
  return null;
}
const TIMESTAMP = /^(timestamp|completion time|recordeddate|recorded date|enddate|end date|submitted at|submission time|submitdate)$/;
const NUMBERED = /^(name|person|colleague|staff|choice|option|#)?\s*#?\s*\d{1,2}$/i;

/** "Question [Row label]" (Google / Microsoft Forms grids, numbered columns) or Qualtrics "Question - Row label". */
export function splitHeader(header: string, tag: string | null): { base: string; label: string | null } {
  const m = /^(.*?)\s*\[([^\]]+)\]\s*$/s.exec(header);
  if (m) return { base: m[1]!, label: m[2]!.trim() };
  if (tag && /_\d+$/.test(tag)) {
    const dash = header.lastIndexOf(' - ');
    if (dash > 0) return { base: header.slice(0, dash), label: header.slice(dash + 3).trim() };
  }
  return { base: header, label: null };
}

export function detectTool(headers: string[], qualtrics: boolean): SurveyTool {
  if (qualtrics) return 'qualtrics';
  const k = headers.map(key);
  if (k.includes('id') && k.includes('starttime') && k.includes('completiontime')) return 'microsoft-forms';
  if (k[0] === 'timestamp') return 'google-forms';
  return 'spreadsheet';
}

/**
 * Reads the header (and a sample of answers) into a plan: which column identifies the respondent,
 * which holds the time, and what every question column is. The mapping file wins wherever it speaks.
 */
export function planSurvey(
  headers: string[],
  tags: string[] | null,
  sample: string[][],
  matcher: NameMatcher,
  mapping: SurveyMapping,
): SurveyPlan {
  const tool = detectTool(headers, tags !== null);
  const find = (name: string | undefined) =>
    name === undefined ? -1 : headers.findIndex((h, i) => h.trim() === name.trim() || tags?.[i] === name);
  const firstMatching = (re: RegExp) =>
    headers.findIndex((h, i) => re.test(foldName(h)) || (tags !== null && re.test(foldName(tags[i] ?? ''))));
  const kindAt = headers.map((h, i) => identityKind(h) ?? (tags !== null ? identityKind(tags[i] ?? '') : null));
  /** The first identity column of a kind that holds answers (Microsoft Forms leaves its Name empty when a form records none, beside a "Your name" question), else the first of that kind. */
  const firstOf = (k: IdentityKind) => {
    const filled = kindAt.findIndex((x, i) => x === k && sample.some((r) => (r[i] ?? '').trim() !== ''));
    return filled >= 0 ? filled : kindAt.findIndex((x) => x === k);
  };
  let rIndex = find(mapping.respondent);
  let rKind: IdentityKind | 'mapping' = 'mapping';
  if (rIndex < 0) {
    rIndex = firstOf('id');
    rKind = 'id';
  }
  if (rIndex < 0) {
    // an e-mail column that holds addresses (Microsoft Forms writes "anonymous" when it did not collect them)
    rIndex = kindAt.findIndex((k, i) => k === 'email' && sample.some((r) => (r[i] ?? '').includes('@')));
    rKind = 'email';
  }
  if (rIndex < 0) {
    rIndex = firstOf('name');
    rKind = 'name';
  }
  const nameIndex = rKind === 'id' || rKind === 'email' ? firstOf('name') : -1;
  const identity = headers.filter(
    (h, i) => kindAt[i] !== null && i !== rIndex && !mapping.questions?.[h] && !mapping.questions?.[h.trim()],
  );
  let tIndex = find(mapping.timestamp);
  if (tIndex < 0) tIndex = firstMatching(TIMESTAMP);
  const dateOrder = mapping.dateOrder ?? (tIndex >= 0 ? guessDateOrder(sample.map((r) => r[tIndex] ?? '')) : 'mdy');

  const columns: PlannedColumn[] = [];
  const metadata: string[] = [];
  headers.forEach((header, index) => {
    if (index === rIndex || index === tIndex) return;
    const tag = tags?.[index] ?? null;
    const mapped = mapping.questions?.[header] ?? mapping.questions?.[header.trim()] ?? (tag ? mapping.questions?.[tag] : undefined);
    if (mapped) {
      columns.push({ index, header, tag, question: mapped, inferred: false, issue: checkMapped(mapped, matcher) });
      return;
    }
    if (kindAt[index] !== null) return; // the respondent's own identity, never a question
    if (META.has(key(header)) || (tag !== null && META.has(key(tag)))) {
      metadata.push(header);
      return;
    }
    if (header.trim() === '') {
      metadata.push(header);
      return;
    }
    const values = sample.map((r) => r[index] ?? '');
    const inferred = inferQuestion(header, tag, values, matcher);
    columns.push({ index, header, tag, inferred: true, ...inferred, ...holdIfReadable(inferred, header, tag) });
  });
  if (tags) attachOtherChoices(columns, headers, tags);
  return {
    tool,
    headerRows: tags !== null ? 3 : 1,
    respondent: rIndex >= 0 ? { index: rIndex, header: headers[rIndex]!, kind: rKind } : null,
    fallbackName: nameIndex >= 0 ? { index: nameIndex, header: headers[nameIndex]! } : null,
    identity,
    timestamp: tIndex >= 0 ? { index: tIndex, header: headers[tIndex]! } : null,
    dateOrder,
    columns,
    metadata,
  };
}

/**
 * An undecided name question (or roster-row / grid column with a known colleague) is still read: its answers are
 * matched and its ties held until the mapping gives the relation and domain. Nothing it says is dropped.
 */
function holdIfReadable(
  inferred: { question: QuestionMapping; issue: string | null },
  header: string,
  tag: string | null,
): { held?: PlannedColumn['held'] } {
  const q = inferred.question;
  if (inferred.issue === null) return {};
  const readable = q.kind === 'nameGenerator' || q.kind === 'rosterRow' || (q.kind === 'grid' && !!q.target);
  if (!readable) return {};
  const domains = q.domain ? null : domainChoices(splitHeader(header, tag).base);
  return { held: { choices: domains ? [...domains, ANY_DOMAIN] : null } };
}

function checkMapped(q: QuestionMapping, matcher: NameMatcher): string | null {
  if (q.kind === 'nameGenerator' || q.kind === 'grid' || q.kind === 'rosterRow') {
    if (!q.relation) return 'the mapping gives no relation';
    if (!q.domain) return 'the mapping gives no domain (use "any" for all domains)';
  }
  if (q.kind === 'grid' && (!q.target || !matcher.has(q.target)))
    return `the mapping's target ${q.target ? `"${q.target}" is not a roster id` : 'is missing'}`;
  return null;
}

function tieFields(text: string, domainText: string): { relation: string | null; domain: string | null; issue: string | null } {
  const r = inferRelation(text),
    d = inferDomain(domainText);
  const issue = r.value === null ? `relation unclear: ${r.reason}` : d.value === null ? `domain unclear: ${d.reason}` : null;
  return { relation: r.value, domain: d.value, issue };
}

function inferQuestion(
  header: string,
  tag: string | null,
  values: string[],
  matcher: NameMatcher,
): { question: QuestionMapping; issue: string | null } {
  const { base, label } = splitHeader(header, tag);
  const filled = values.filter((v) => v.trim() !== '');
  const scale = detectScale(filled);
  if (label !== null && NUMBERED.test(label)) {
    const f = tieFields(base, base);
    return { question: { kind: 'nameGenerator', relation: f.relation, domain: f.domain, weight: 1 }, issue: f.issue };
  }
  if (label !== null) {
    const who = matcher.match(label);
    const freq = makeScale(DEFAULT_SCALES.frequency);
    const looksNumeric = filled.length > 0 && filled.every((v) => scaleValue(v, freq) !== null);
    if (who.status === 'matched' && (scale === 'frequency' || looksNumeric || filled.length === 0)) {
      const f = tieFields(base, base);
      return { question: { kind: 'grid', relation: f.relation, domain: f.domain, scale: 'frequency', target: who.id }, issue: f.issue };
    }
    const labelDomain = domainOfLabel(label);
    if (labelDomain && (scale === 'agreement' || scale === 'influence')) return { question: { kind: 'likert', scale }, issue: null };
    if (labelDomain && !scale) {
      const r = inferRelation(base);
      return {
        question: { kind: 'rosterRow', relation: r.value, domain: labelDomain, weight: 1 },
        issue: r.value === null ? `relation unclear: ${r.reason}` : null,
      };
    }
    if (scale === 'frequency' && who.status !== 'matched') {
      const f = tieFields(base, base);
      return {
        question: { kind: 'grid', relation: f.relation, domain: f.domain, scale: 'frequency', target: null },
        issue: `grid column names "${label}", who is not found on the roster: set target to a roster id`,
      };
    }
  }
  if (label === null && (scale === 'frequency' || scale === null)) {
    // Microsoft Forms heads each Likert statement with the statement alone: a column named exactly like a
    // colleague, answered on a frequency scale, is a grid row whose question wording the export dropped.
    const who = matcher.match(header);
    const freq = makeScale(DEFAULT_SCALES.frequency);
    if (
      who.status === 'matched' &&
      ['exact', 'title', 'last-first', 'id', 'email'].includes(who.rule) &&
      filled.length > 0 &&
      filled.every((v) => scaleValue(v, freq) !== null)
    ) {
      return {
        question: { kind: 'grid', relation: null, domain: null, scale: 'frequency', target: who.id },
        issue: `the column is headed by a colleague's name only (a Microsoft Forms Likert statement): the question's wording is not in the export, so give relation and domain in the mapping`,
      };
    }
  }
  if (scale) return { question: { kind: 'likert', scale }, issue: null };
  const side = skillSide(header);
  if (side) return { question: { kind: 'skills', side }, issue: null };
  if (asksForNames(header) || mostlyNames(filled, matcher)) {
    const f = tieFields(header, header);
    return { question: { kind: 'nameGenerator', relation: f.relation, domain: f.domain ?? null, weight: 1 }, issue: f.issue };
  }
  return { question: { kind: 'ignore' }, issue: null };
}

function mostlyNames(values: string[], matcher: NameMatcher): boolean {
  let pieces = 0,
    matched = 0;
  for (const v of values.slice(0, 50)) {
    for (const s of splitNames(v, matcher)) {
      pieces++;
      if (s.match.status === 'matched') matched++;
    }
  }
  return pieces >= 3 && matched >= pieces * 0.5;
}

export { ANY_DOMAIN };

/**
 * Qualtrics writes the text typed into an "Other (please specify)" choice into its own column, tagged
 * `<question>_<choice>_TEXT` with the header "<question text> - <choice label> - Text", while the question's
 * own column holds the choice label among the ticked names. The label is recorded on the question column.
 */
function attachOtherChoices(columns: PlannedColumn[], headers: string[], tags: string[]): void {
  tags.forEach((tag, i) => {
    const m = /^(.+)_\d+_TEXT$/.exec(tag.trim());
    if (!m) return;
    const main = columns.find((c) => c.tag === m[1]);
    const h = headers[i]!;
    if (!main || !h.startsWith(main.header + ' - ') || !/ - Text$/i.test(h)) return;
    const label = h
      .slice(main.header.length + 3)
      .replace(/ - Text$/i, '')
      .trim();
    if (label) (main.otherChoices ??= []).push(label);
  });
}
