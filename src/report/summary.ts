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
import type { PublicChange } from '../privacy/present-change.js';
import { changeRow, changeUnit } from './present/change.js';

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
      if (input.comparison) return clearChanges(input.comparison, previousWave);
      // Without the comparison (its bootstrap was not run) no change is called a direction: values only.
      const moved = changesBySize(input.indicators).filter(
        (r) => r.previous !== null && r.delta?.value !== null && r.delta?.value !== undefined && r.previous.text !== r.value.text,
      );
      if (moved.length === 0) return `No indicator moved visibly since ${previousWave}.`;
      return moved
        .slice(0, 4)
        .map((r) => `${r.label}: ${r.previous!.text} in ${previousWave}, ${r.value.text} now (no interval computed).`)
        .join('\n');
    }),
  ].flatMap((f) => (f.assessed ? f.text.split('\n').map((text, k) => ({ ...f, key: `change.${k}`, text })) : [f]));
}

/**
 * The changes of the whole staff, all domains pooled, whose 95 % interval excludes zero ("up" or
 * "down", src/metrics/change), largest first on the scale of changesBySize; at most four. Nothing
 * else is called a change.
 */
function clearChanges(c: PublicChange, previousWave: string | null): string {
  if (c.suppressed) return `Not assessed — a wave has fewer staff than the minimum group size.`;
  const rows = c.indicators.filter(
    (i) => i.population === 'all' && i.domain === 'all' && (i.verdict === 'up' || i.verdict === 'down') && i.change !== null,
  );
  const measured = c.indicators.filter((i) => i.population === 'all' && i.domain === 'all' && i.verdict !== 'not measured');
  if (rows.length === 0)
    return measured.length === 0
      ? `Not assessed — no indicator could be measured in both waves.`
      : `No indicator changed clearly since ${previousWave}: every 95 % interval includes no change.`;
  const size = (i: (typeof rows)[number]) =>
    changeUnit(i.key) === 'count' ? Math.abs(i.change!) / Math.max(1, 0.2 * Math.abs(i.before ?? 0)) : Math.abs(i.change!) / 0.05;
  return [...rows]
    .sort((x, y) => size(y) - size(x))
    .slice(0, 4)
    .map((i) => {
      const v = changeRow(i);
      const better =
        v.better === null
          ? ''
          : (v.better === 'higher') === i.change! > 0
            ? ', towards distributed leadership'
            : ', away from distributed leadership';
      return `${v.label}: ${v.verdict}, from ${v.before} to ${v.after} (95 % interval ${v.interval}${better}).`;
    })
    .join('\n');
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
