import type { ReportModel } from '../types.js';
import { arrow, box, COLORS, h1, note, table, type Node } from './blocks.js';

const EDITION_TEXT = {
  named: 'Named edition — confidential: for the leadership team’s analysts and administrators only',
  anonymised: 'Anonymised edition — people appear under pseudonyms; suitable for sharing with staff',
};

export function cover(m: ReportModel): Node[] {
  const compared = m.meta.previousWave ? `Compared with ${m.meta.previousWave}` : 'First wave: no comparison';
  return [
    { canvas: [{ type: 'rect', x: 0, y: 0, w: 499, h: 6, color: COLORS.accent }], margin: [0, 40, 0, 40] },
    { text: 'Distributed Leadership', style: 'coverKicker' },
    { text: 'Annual Evaluation Report', style: 'coverTitle' },
    { text: m.meta.school, style: 'coverSchool', margin: [0, 30, 0, 4] },
    ...(m.meta.partOf
      ? [
          {
            text: `One school of ${m.meta.partOf}: its own staff and the advice ties among them. Ties with colleagues at the district's other schools are not in this report.`,
            style: 'coverLine',
          },
        ]
      : []),
    { text: `Survey wave ${m.meta.wave}`, style: 'coverLine' },
    { text: compared, style: 'coverLine' },
    {
      text: `${m.meta.people} staff · ${m.meta.relation} network · ${m.meta.domains.filter((d) => d !== 'any').length} leadership domains`,
      style: 'coverLine',
    },
    { text: `Report date ${m.meta.date}`, style: 'coverLine', margin: [0, 0, 0, 40] },
    box([
      {
        text: m.meta.edition === 'named' ? 'NAMED EDITION' : 'ANONYMISED EDITION',
        bold: true,
        color: COLORS.accent,
        fontSize: 10,
        margin: [0, 0, 0, 3],
      },
      { text: EDITION_TEXT[m.meta.edition], fontSize: 9 },
    ]),
    { text: 'About this report', style: 'h2', margin: [0, 24, 0, 4] },
    {
      text: 'Staff named the colleagues they go to for advice in each leadership domain. This report turns those answers into a picture of who leads what, how widely leadership is shared, where formal roles and informal influence differ, where advice stays inside departments, and who the school depends on. The numbers are leading indicators of distributed leadership — early signs of implementation — not measures of student outcomes. Every measure is defined on the last pages and in docs/metrics.md.',
      style: 'body',
    },
    { text: `Groups with fewer than ${m.meta.minGroupSize} people are never reported on their own.`, style: 'note', margin: [0, 6, 0, 0] },
    { text: 'Produced with leadmap', style: 'note', margin: [0, 60, 0, 0] },
  ];
}

export function summaryPage(m: ReportModel): Node[] {
  const s = m.summary;
  const tiles = s.figures.map((f) => ({
    stack: [
      { text: f.value, fontSize: 18, bold: true, color: COLORS.accent },
      { text: f.label, fontSize: 9, bold: true, color: COLORS.ink },
      { text: f.note, fontSize: 8, color: COLORS.muted },
    ],
    margin: [6, 5, 6, 5],
  }));
  // Sections stay in order; the split between the columns is the one that makes the longer column shortest.
  const total = weight(s.sections);
  let split = 0,
    best = Infinity;
  for (let k = 0, acc = 0; k <= s.sections.length; acc += k < s.sections.length ? weight([s.sections[k]!]) : 0, k++) {
    const longer = Math.max(acc, total - acc);
    if (longer < best) [best, split] = [longer, k];
  }
  const column = (secs: typeof s.sections): Node[] =>
    secs.flatMap((sec, k) => [
      { text: sec.heading, style: 'h3' },
      {
        ul: sec.points.map((p) => ({ text: p, margin: [0, 0, 0, 2] })),
        style: 'summary',
        margin: [0, 0, 0, k === secs.length - 1 ? 0 : 7],
      },
    ]);
  const left = column(s.sections.slice(0, split)),
    right = column(s.sections.slice(split));
  return [
    h1('Summary', { pageBreak: true }),
    { text: s.headline, style: 'lead' },
    {
      table: { widths: ['*', '*', '*', '*'], body: [tiles] },
      layout: {
        hLineWidth: () => 0,
        vLineWidth: (i: number) => (i === 0 || i === 4 ? 0 : 3),
        vLineColor: () => '#ffffff',
        fillColor: () => COLORS.accentLight,
        paddingLeft: () => 0,
        paddingRight: () => 0,
        paddingTop: () => 0,
        paddingBottom: () => 0,
      },
      margin: [0, 2, 0, 12],
    },
    {
      columns: [
        { stack: left, width: '*' },
        { stack: right, width: '*' },
      ],
      columnGap: 16,
    },
  ];
}

function weight(sections: ReportModel['summary']['sections']): number {
  // Lines at 9 pt in a half-width column (about 50 characters), plus the heading and spacing.
  return sections.reduce((a, s) => a + 2 + s.points.reduce((b, p) => b + Math.ceil(p.length / 50) + 0.2, 0), 0);
}

/** One page: at most three actions, most important and largest first, each with what the report shows and a first step. */
export function actionsPage(m: ReportModel): Node[] {
  const items = m.actions.map((a, k) =>
    box([
      {
        columns: [
          { text: String(k + 1), fontSize: 22, bold: true, color: COLORS.accent, width: 24 },
          {
            stack: [
              { text: a.title, fontSize: 12, bold: true, color: COLORS.ink, margin: [0, 2, 0, 4] },
              { text: [{ text: 'What the report shows: ', bold: true }, a.evidence], style: 'body' },
              { text: [{ text: 'A first step: ', bold: true }, a.step], style: 'body' },
              { text: `From the summary: “${a.basis}”`, style: 'note', margin: [0, 0, 0, 0] },
            ],
            width: '*',
          },
        ],
        columnGap: 8,
      },
    ]),
  );
  return [
    h1(m.actions.length === 3 ? 'Three things to act on' : 'What to act on', { pageBreak: true }),
    {
      text: 'Drawn from the findings of this report and ordered by importance and size together: what could break the advice network or the picture itself weighs most, then how leadership is spread, then recognition and remits — each weighed by how far it is from needing nothing. Each rests on a finding of the summary, named under it.',
      style: 'body',
      margin: [0, 0, 0, 8],
    },
    ...(items.length > 0
      ? items
      : [{ text: 'Nothing in this wave calls for action beyond keeping current practice; compare again next wave.', style: 'body' }]),
  ];
}

export function indicatorsPage(m: ReportModel): Node[] {
  const prev = m.meta.previousWave;
  const header = ['Indicator', m.meta.wave, 'Chance', ...(prev ? [prev, 'Change'] : []), 'What it shows'];
  const rows = m.indicators.map((r) => {
    const base: Node[] = [{ text: r.label, bold: true }, { text: r.value.text, bold: true }, r.chance?.text ?? ''];
    if (prev)
      base.push(r.previous?.text ?? '—', {
        columns: [
          arrow(r.verdict, r.better),
          {
            stack: [
              r.delta?.text ?? '—',
              ...(r.verdict
                ? [
                    {
                      text: r.verdict.startsWith('not measured')
                        ? 'not measured'
                        : r.verdict + (r.verdictReason ? ` (${r.verdictReason})` : ''),
                      color: COLORS.muted,
                    },
                  ]
                : []),
            ],
            width: '*',
          },
        ],
        columnGap: 2,
      });
    base.push({
      stack: [
        r.reading ? { text: r.reading, bold: true } : { text: r.counted },
        ...(r.leadingIndicator ? [{ text: `Leading indicator: ${r.leadingIndicator}`, italics: true, color: COLORS.muted }] : []),
      ],
    });
    return base;
  });
  const widths = prev ? [92, 40, 38, 40, 64, '*'] : [110, 46, 44, '*'];
  const align: ('left' | 'right')[] = prev ? ['left', 'right', 'right', 'right', 'left', 'left'] : ['left', 'right', 'right', 'left'];
  return [
    h1('Indicators', { pageBreak: true }),
    {
      text: `All domains together. “Chance” is what the same people would give if they chose colleagues at random (same number of ties each, same ${m.meta.groupBy} sizes); each index is read against it. The last column links each number to the leading indicators of distributed leadership in the evaluation framework (“Measuring the Impact of Distributed Leadership”); definitions are in the appendix.${prev ? ' Under each change, its verdict from the change page: “up” or “down” only when the 95 % interval of the change excludes no change (bootstrap over respondents), marked by a triangle — solid green = towards more distributed leadership, red outline = away from it; “no clear change” otherwise; “no interval” for counts without one.' : ''}`,
      style: 'body',
      margin: [0, 0, 0, 6],
    },
    table(header, rows, widths, align),
    note(
      'Lagging indicators (teacher retention, changes in practice, student outcomes) need data beyond a network survey and are not reported here.',
    ),
  ];
}
