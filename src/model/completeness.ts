/**
 * How much of what was read is in the results. Every answer read from a survey is either used (a tie, or a
 * "Never" that means no tie) or set aside with a reason; `undecided` counts the review items still waiting for
 * a person. Served with every analysis response and shown as a banner on the web page and in the PDF report
 * (docs/surveys.md, "Nothing is lost").
 */
export interface Completeness {
  answersRead: number;
  answersUsed: number;
  setAside: Array<{ reason: string; count: number }>;
  undecided: number;
  /** What the undecided items hold: questions (and their answers), names, respondents. */
  pending: { questions: number; questionAnswers: number; names: number; respondents: number };
}

/** A wave read from a tie list: every tie row is an answer, all used, nothing to decide. */
export function tieListCompleteness(ties: number): Completeness {
  return {
    answersRead: ties,
    answersUsed: ties,
    setAside: [],
    undecided: 0,
    pending: { questions: 0, questionAnswers: 0, names: 0, respondents: 0 },
  };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The banner over results that are not complete yet, or null when nothing waits for a decision:
 * "1 question (42 answers) and 2 names are not in these results yet — decide them".
 */
export function completenessBanner(c: Completeness | null | undefined): string | null {
  if (!c || c.undecided === 0) return null;
  const p = c.pending;
  const parts: string[] = [];
  if (p.questions) parts.push(`${plural(p.questions, 'question', 'questions')} (${plural(p.questionAnswers, 'answer', 'answers')})`);
  if (p.names) parts.push(plural(p.names, 'name', 'names'));
  if (p.respondents) parts.push(plural(p.respondents, 'respondent', 'respondents'));
  if (parts.length === 0) parts.push(plural(c.undecided, 'item', 'items'));
  const list = parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]!}`;
  const total = p.questions + p.names + p.respondents || c.undecided;
  return `${list} ${total === 1 ? 'is' : 'are'} not in these results yet — decide them`;
}
