import { summarizeLeadership, type LeadershipAnalysis } from '../metrics/analytics.js';
import { pooled } from './directory.js';
import { indicatorValues } from './present/indicators.js';
import { MEASURES, show, unitOf } from './present/measures.js';
import type { IndicatorRow, ReportSummary, SummarySection } from './types.js';

const LEVEL_WORDS: Record<string, string> = {
  high: 'widely distributed',
  moderate: 'partly distributed',
  low: 'concentrated in a few people',
};

/** Section headings of summarizeLeadership rewritten as questions a principal asks. */
const HEADINGS: Array<[RegExp, string]> = [
  [/^Who leads what/, 'Who do colleagues go to?'],
  [/^How widely/, 'How widely is leadership shared?'],
  [/^Formal and informal/, 'Formal roles and informal leaders'],
  [/^Silos/, 'Do departments talk to one another?'],
  [/^Brokers/, 'Who connects the school?'],
  [/^Key people/, 'Who would be missed?'],
  [/^New staff/, 'New staff and workload'],
  [/^Data quality/, 'How far the data can be trusted'],
];

/**
 * The one-page summary: summarizeLeadership's text (already privacy-treated: names or pseudonyms),
 * split into its sections, headings rephrased for print, technical asides trimmed, data-quality
 * warnings left to their own section; a headline sentence, key figures, and the biggest changes.
 */
export function printSummary(
  a: LeadershipAnalysis,
  school: string,
  change: IndicatorRow[] | null,
  previousWave: string | null,
): ReportSummary {
  const sections: SummarySection[] = [];
  let cur: SummarySection | null = null;
  for (const raw of summarizeLeadership(a).split('\n').slice(1)) {
    const line = raw.trimEnd();
    if (line === '') {
      cur = null;
      continue;
    }
    if (!cur && !line.startsWith('-') && !line.startsWith(' ')) {
      const heading = HEADINGS.find(([re]) => re.test(line))?.[1] ?? line;
      cur = { heading, points: [] };
      sections.push(cur);
      continue;
    }
    if (!cur) continue;
    if (line.startsWith('- Warning:')) continue;
    const text = tidy(line.replace(/^-\s*/, '').trim());
    if (line.startsWith('  ') && cur.points.length > 0) cur.points.push(text);
    else cur.points.push(text);
  }
  if (change && previousWave) {
    const moved = changesBySize(change).filter(
      (r) =>
        r.better !== null &&
        r.previous !== null &&
        r.delta?.value !== null &&
        r.delta?.value !== undefined &&
        r.previous.text !== r.value.text &&
        !r.delta.text.startsWith('±'),
    );
    const points = moved.slice(0, 6).map((r) => {
      const good = (r.better === 'higher') === r.delta!.value! > 0;
      return `${r.label}: from ${r.previous!.text} to ${r.value.text} (${good ? 'towards' : 'away from'} distributed leadership).`;
    });
    if (points.length > 0) sections.splice(Math.min(2, sections.length), 0, { heading: `What changed since ${previousWave}?`, points });
  }
  const d = pooled(a.distribution.byDomain);
  const level = d.profile.level ? LEVEL_WORDS[d.profile.level]! : 'not measurable from these data';
  const v = indicatorValues(a);
  const leaders = v.leaders ?? 0;
  const plus = v.leaderPlus ?? 0;
  const where = a.selection.domains.length > 1 ? 'in at least one domain' : 'in the network';
  const headline = `At ${school}, leadership is ${level}: ${show('leaders', leaders).text} ${leaders === 1 ? 'colleague is' : 'colleagues are'} sought out as ${leaders === 1 ? 'a leader' : 'leaders'} ${where}, ${show('leaderPlus', plus).text} of them without a formal leadership role.`;
  return {
    headline,
    figures: [
      {
        label: MEASURES.responseRate.label,
        value: show('responseRate', a.quality.responseRate).text,
        note: a.quality.respondents === null ? 'respondents unknown' : `${a.quality.respondents} of ${a.quality.rosterSize} staff`,
      },
      {
        label: MEASURES.leaders.label,
        value: show('leaders', leaders).text,
        note: `${show('leaderPlus', plus).text} without a formal role`,
      },
      { label: 'Top 10 % receive', value: show('topShare', v.topShare).text, note: 'of all nominations' },
      {
        label: MEASURES.ei.label,
        value: show('ei', v.ei).text,
        note: d.chance.ei === null ? '−1 silos · +1 all across' : `chance ${show('ei', d.chance.ei).text} · −1 silos · +1 all across`,
      },
    ],
    sections,
  };
}

/**
 * Changes ordered by size, on a common scale: 5 points of a percentage or 0.05 of an index count as 1;
 * a count changing by a fifth of its previous value counts as 1.
 */
export function changesBySize(rows: IndicatorRow[]): IndicatorRow[] {
  const size = (r: IndicatorRow): number => {
    const d = r.delta?.value;
    if (d === null || d === undefined) return -1;
    if (unitOf(r.key) === 'count') return Math.abs(d) / Math.max(1, 0.2 * Math.abs(r.previous?.value ?? 0));
    return Math.abs(d) / 0.05;
  };
  return [...rows].sort((x, y) => size(y) - size(x));
}

/** Print wording: typographic minus, no empty role before a comma (anonymised), no doubled spaces. */
function tidy(s: string): string {
  return s
    .replace(/ -(\d)/g, ' −$1')
    .replace(/\(, /g, '(')
    .replace(/\s{2,}/g, ' ');
}
