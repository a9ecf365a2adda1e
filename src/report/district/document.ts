/**
 * The district report as a pdfmake document: a district cover and summary, the school comparison
 * (each indicator per school beside the district median and range), ties between schools,
 * cross-school leaders, then each school's own report as its section (cover, summary, leaders per
 * domain, risks, …; src/report/pdf/document.ts). Same paper, fonts and styles as the school report.
 */
import { COLORS, box, h1, h2, note, para, table, type Node } from '../pdf/blocks.js';
import { pageFrame, reportDocument, type Paper } from '../pdf/document.js';
import { renderPdf } from '../pdf/render.js';
import { LeadmapError } from '../../model/errors.js';
import type { DistrictReportModel } from './model.js';
import { schoolsSvg } from '../charts/schools-svg.js';

const DASH = '—';
const LEADERS_SHOWN = 15;

/** The pdfmake document definition of a district report. */
export function districtDocument(m: DistrictReportModel, paper: Paper = 'a4'): object {
  const first = m.sections[0]?.model;
  if (!first)
    throw new LeadmapError(
      'DISTRICT_TOO_SMALL',
      `every school has fewer than ${m.meta.minGroupSize} staff: no school can be reported on its own`,
    );
  // The school report's page set-up and styles (one look for both reports).
  const base = reportDocument(first, paper) as Record<string, unknown>;
  const schoolPages = m.sections.flatMap((s) => {
    const doc = reportDocument(s.model, paper) as { content: Node[] };
    return [{ text: '', pageBreak: 'before' }, ...doc.content];
  });
  return {
    ...base,
    ...pageFrame(paper, m.meta.edition, m.meta.district, m.meta.wave, 'District Leadership Evaluation'),
    content: [...districtCover(m), ...districtSummary(m), ...comparison(m), ...between(m), ...leaders(m), ...schoolPages],
  };
}

/** PDF bytes of a district report. */
export function districtPdf(m: DistrictReportModel, paper: Paper = 'a4'): Promise<Buffer> {
  return renderPdf(districtDocument(m, paper));
}

function districtCover(m: DistrictReportModel): Node[] {
  const schools = m.view.schools.length;
  return [
    { canvas: [{ type: 'rect', x: 0, y: 0, w: 499, h: 6, color: COLORS.accent }], margin: [0, 40, 0, 40] },
    { text: 'Distributed Leadership', style: 'coverKicker' },
    { text: 'District Evaluation Report', style: 'coverTitle' },
    { text: m.meta.district, style: 'coverSchool', margin: [0, 30, 0, 4] },
    { text: `Survey wave ${m.meta.wave}`, style: 'coverLine' },
    { text: `${schools} schools · ${m.meta.people} staff · ${m.meta.relation} network`, style: 'coverLine' },
    { text: `Report date ${m.meta.date}`, style: 'coverLine', margin: [0, 0, 0, 40] },
    box([
      {
        text: m.meta.edition === 'named' ? 'NAMED EDITION' : 'ANONYMISED EDITION',
        bold: true,
        color: COLORS.accent,
        fontSize: 10,
        margin: [0, 0, 0, 3],
      },
      {
        text:
          m.meta.edition === 'named'
            ? 'People are named. For the district’s analysts and administrators only.'
            : 'People appear as pseudonyms (P-…); a school, department or role is printed beside one only when at least ' +
              `${m.meta.minGroupSize} staff share it. Suitable for staff.`,
        fontSize: 9,
      },
    ]),
    { text: `Schools with fewer than ${m.meta.minGroupSize} staff are never reported on their own.`, style: 'note', margin: [0, 6, 0, 0] },
  ];
}

function districtSummary(m: DistrictReportModel): Node[] {
  const shown = m.view.schools.filter((s) => !s.suppressed);
  const ext = m.table.rows.find((r) => r.indicator === 'externalShare');
  const silo = [...shown].filter((s) => s.externalShare !== null).sort((a, b) => a.externalShare! - b.externalShare!)[0];
  const top = m.view.crossSchoolLeaders[0];
  const items: string[] = [];
  if (silo && ext)
    items.push(
      `Among the schools shown, advice least often leaves ${silo.school}: ${ext.values[m.view.schools.indexOf(silo)]!.text} of its staff’s ties go to other schools (district median ${ext.median.text}).`,
    );
  if (top)
    items.push(
      `${top.name}${top.school ? ` (${top.school})` : ''} is the most sought-out colleague across schools: named by ${top.nominationsFromOtherSchools} colleagues in ${top.schoolsNaming} other school${top.schoolsNaming === 1 ? '' : 's'}.`,
    );
  items.push(`${m.view.crossSchoolLeaders.length} people are named by at least one colleague of another school.`);
  for (const u of m.view.districtLevel)
    items.push(
      u.suppressed
        ? `${u.unit} is the district’s own staff, not a school: fewer than ${m.meta.minGroupSize}, so not described, and a school is left out with it so that nothing about it follows from the totals.`
        : `${u.unit} (${u.people} staff) is the district’s own staff, not a school: counted in the district network and among cross-school leaders, not compared as a school.`,
    );
  if (m.leftOut.length > 0)
    items.push(
      `${m.leftOut.join(' and ')} ${m.leftOut.length === 1 ? 'is' : 'are'} not reported on ${m.leftOut.length === 1 ? 'its' : 'their'} own: fewer than ${m.meta.minGroupSize} staff, or left out to protect one that has.`,
    );
  return [h1('District summary', { pageBreak: true }), { ul: items, style: 'body' }];
}

function comparison(m: DistrictReportModel): Node[] {
  const t = m.table;
  const header = ['Indicator', ...t.schools.map((s) => s.school), 'District median', 'Range'];
  const rows: Node[][] = t.rows.map((r) => [
    { text: r.label, bold: true },
    ...r.values.map((v, i) => (t.schools[i]!.suppressed ? DASH : v.text)),
    { text: r.median.text, bold: true },
    r.min.value === null ? DASH : `${r.min.text} – ${r.max.text}`,
  ]);
  const n = t.schools.length;
  return [
    // Right after the summary (a few lines): the comparison is what a superintendent reads next.
    h1('Schools compared'),
    para(
      'Each school measured on its own — its staff and the ties among them — beside the district median and range of the schools shown.',
    ),
    table(header, rows, [80, ...Array<string>(n).fill('*'), 44, 52], ['left', ...Array<'right'>(n + 2).fill('right')], 3),
    note(
      `${DASH} suppressed: fewer than ${m.meta.minGroupSize} staff in the school (or needed to protect a school that is). Medians and ranges use the schools shown only.`,
    ),
    ...t.rows.map((r) => para(`${r.label}: ${r.definition}`, 'note')),
    ...schoolChangesTable(m),
  ];
}

/** Each school's change since the previous wave (the web district page's table, in its words). */
function schoolChangesTable(m: DistrictReportModel): Node[] {
  const c = m.table.changes;
  if (!c || c.rows.length === 0) return [];
  return [
    // On a page of its own: a long table whose heading and first rows must not part at a page end.
    { ...(h2(`Change since ${c.previous}, per school`) as object), pageBreak: 'before' },
    para(
      'Each school on its own network in both waves, with the 95 % interval of the change (bootstrap over the school’s respondents): “up” or “down” only when the interval excludes no change.',
    ),
    table(
      ['School', 'Indicator', c.previous, m.meta.wave, 'Change', '95 % interval', 'Verdict'],
      c.rows.map((r) => [
        { text: r.school, bold: true },
        r.label,
        r.before,
        r.after,
        r.change,
        r.interval,
        r.reason ? `${r.verdict} (${r.reason})` : r.verdict,
      ]),
      [95, 80, 40, 40, 40, 70, '*'],
      ['left', 'left', 'right', 'right', 'right', 'right', 'left'],
      3,
    ),
  ];
}

function between(m: DistrictReportModel): Node[] {
  const schools = m.view.schools.map((s) => s.school);
  const rows: Node[][] = schools.map((from) => [
    { text: from, bold: true },
    ...schools.map((to) => {
      const b = m.view.matrix.find((x) => x.from === from && x.to === to);
      return b && b.ties !== null ? String(b.ties) : DASH;
    }),
  ]);
  return [
    h2('Ties between schools'),
    para(
      'Each row is the staff of one school; each column the school of the colleagues they name. The diagonal is each school’s own ties.',
    ),
    table(
      ['Staff of', ...schools],
      rows,
      [100, ...Array<string>(schools.length).fill('*')],
      ['left', ...Array<'right'>(schools.length).fill('right')],
      3,
    ),
    ...crossSchoolFigure(m),
  ];
}

/** The cross-school network: shown schools and the ties between them (none touching a suppressed school). */
function crossSchoolFigure(m: DistrictReportModel): Node[] {
  const shown = m.view.schools.filter((s) => !s.suppressed && s.people !== null);
  if (shown.length < 2) return [];
  const names = new Set(shown.map((s) => s.school));
  const ties = m.view.matrix.flatMap((b) =>
    b.ties !== null && b.from !== b.to && names.has(b.from) && names.has(b.to) ? [{ from: b.from, to: b.to, ties: b.ties }] : [],
  );
  const hidden = m.view.schools.length - shown.length;
  return [
    {
      unbreakable: true,
      stack: [
        // Kept with its figure by the unbreakable block, so not subject to the heading rule (pdf/document.ts).
        { ...(h2('The cross-school network') as object), headlineLevel: undefined },
        para(
          `Each circle is a school, its area proportional to its staff; each arrow carries the nominations from one school's staff to colleagues of the other, its width proportional to their number (written on it). Arrows bend to the right of their direction, so the two directions between two schools stay apart.${
            hidden > 0
              ? ` ${hidden} ${hidden === 1 ? 'school is' : 'schools are'} not drawn, nor any tie touching ${hidden === 1 ? 'it' : 'them'} (minimum group size).`
              : ''
          }`,
        ),
        {
          svg: schoolsSvg(
            shown.map((s) => ({ school: s.school, people: s.people! })),
            ties,
          ),
          width: 499,
          margin: [0, 6, 0, 4],
        },
      ],
    },
  ];
}

function leaders(m: DistrictReportModel): Node[] {
  const list = m.view.crossSchoolLeaders.slice(0, LEADERS_SHOWN);
  if (list.length === 0) return [h2('Cross-school leaders'), para('No one is named by a colleague of another school.')];
  const rows: Node[][] = list.map((l) => [
    { text: l.name, bold: true },
    l.school ?? DASH,
    String(l.nominationsFromOtherSchools),
    String(l.schoolsNaming),
    l.domains.join(', '),
  ]);
  const more = m.view.crossSchoolLeaders.length - list.length;
  return [
    h1('Cross-school leaders', { pageBreak: true }),
    para('Colleagues whom staff of other schools seek out: the district’s own leadership capacity, whatever their school’s network says.'),
    table(
      ['Person', 'School', 'Colleagues in other schools naming them', 'Other schools', 'Asked about'],
      rows,
      [80, 90, 60, 40, '*'],
      ['left', 'left', 'right', 'right', 'left'],
      3,
    ),
    ...(more > 0 ? [note(`and ${more} more named by at least one colleague of another school.`)] : []),
    ...(m.view.crossSchoolLeaders.some((l) => l.school === null)
      ? [
          note(
            `${DASH}: the school is not printed beside a pseudonym when fewer than ${m.meta.minGroupSize} staff share it with what else the report shows about them.`,
          ),
        ]
      : []),
  ];
}
