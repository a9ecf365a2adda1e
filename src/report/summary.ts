import { pooled } from './directory.js';
import {
  brokerFindings,
  formalFindings,
  peripheryFindings,
  qualityFindings,
  riskFindings,
  siloFindings,
  spreadFindings,
  whoFindings,
  type FindingInput,
} from './findings.js';
import { finding } from './needs.js';
import { indicatorValues } from './present/indicators.js';
import { MEASURES, show, unitOf } from './present/measures.js';
import type { Finding, IndicatorRow, ReportSummary, SummarySection } from './types.js';

const LEVEL_WORDS: Record<string, string> = {
  high: 'widely distributed',
  moderate: 'partly distributed',
  low: 'concentrated in a few people',
};

/** The summary's sections: a question a principal asks, and the findings that answer it. */
const SECTIONS: Array<[string, (i: FindingInput) => Finding[]]> = [
  ['Who do colleagues go to?', whoFindings],
  ['How widely is leadership shared?', spreadFindings],
  ['Formal roles and informal leaders', formalFindings],
  ['Do departments talk to one another?', siloFindings],
  ['Who connects the school?', brokerFindings],
  ['Who would be missed?', riskFindings],
  ['New staff and workload', peripheryFindings],
  ['How far the data can be trusted', qualityFindings],
];

/**
 * The one-page summary: a headline sentence, key figures, and the findings section by section (each
 * built from the report's own sections and declaring the data it needs), with the changes since the
 * previous wave, largest first, as the third section.
 */
export function printSummary(input: FindingInput, school: string, previousWave: string | null): ReportSummary {
  const a = input.a;
  const sections: SummarySection[] = SECTIONS.map(([heading, make]) => section(heading, make(input)));
  sections.splice(
    2,
    0,
    section(
      previousWave ? `What changed since ${previousWave}?` : 'What changed since the last wave?',
      changeFindings(input, previousWave),
    ),
  );
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

function section(heading: string, findings: Finding[]): SummarySection {
  const tidied = findings.map((f) => ({ ...f, text: tidy(f.text) }));
  return { heading, points: tidied.map((f) => f.text), findings: tidied };
}

/** Changes since the previous wave, largest first (indicators that moved, in the measure's own rounding). */
function changeFindings(input: FindingInput, previousWave: string | null): Finding[] {
  return [
    finding('change', 'Change since the last wave', ['previousWave'], input.data, () => {
      const moved = changesBySize(input.indicators).filter(
        (r) =>
          r.better !== null &&
          r.previous !== null &&
          r.delta?.value !== null &&
          r.delta?.value !== undefined &&
          r.previous.text !== r.value.text &&
          !r.delta.text.startsWith('±'),
      );
      if (moved.length === 0) return `No indicator moved visibly since ${previousWave}.`;
      return moved
        .slice(0, 4)
        .map((r) => {
          const good = (r.better === 'higher') === r.delta!.value! > 0;
          return `${r.label}: from ${r.previous!.text} to ${r.value.text} (${good ? 'towards' : 'away from'} distributed leadership).`;
        })
        .join('\n');
    }),
  ].flatMap((f) => (f.assessed ? f.text.split('\n').map((text, k) => ({ ...f, key: `change.${k}`, text })) : [f]));
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
