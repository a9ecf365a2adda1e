/** Text output of the optional sections of leadmap analyze: districts, survey scales, survey meets network. */
import type { CrossSchoolLeader } from '../metrics/district/cross-school-leaders.js';
import type { SchoolBreakdownRow } from '../metrics/district/schools.js';
import type { PublicScale } from '../privacy/present-scales.js';
import { num, table } from './format.js';
import type { SurveyNetwork } from './scales-section.js';

/** The district part of the text output: one row per school, then the people other schools seek out. */
export function districtText(schools: SchoolBreakdownRow[], leaders: CrossSchoolLeader[], top: number): string {
  const pct = (v: number | null) => (v === null ? '–' : `${Math.round(v * 100)} %`);
  const out = [
    `District: ${schools.length} schools (each measured on its own people and the ties among them)`,
    table(
      ['school', 'people', 'ties', 'response', 'density', 'centralization', 'Gini', 'advice sought elsewhere', 'E-I', 'leaders'],
      schools.map((r) => [
        r.school,
        num(r.people),
        num(r.ties),
        pct(r.responseRate),
        num(r.density),
        num(r.inDegreeCentralization),
        num(r.gini),
        pct(r.externalShare),
        num(r.eiIndex),
        num(r.leaders),
      ]),
      ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
    '',
  ];
  if (leaders.length === 0) out.push('Cross-school leaders: no one is named by a colleague of another school.');
  else
    out.push(
      `Cross-school leaders (named by colleagues of other schools; top ${Math.min(top, leaders.length)} of ${leaders.length})`,
      table(
        ['person', 'school', 'colleagues of other schools', 'schools naming', 'domains'],
        leaders
          .slice(0, top)
          .map((l) => [`${l.name} (${l.id})`, l.school, num(l.nominationsFromOtherSchools), num(l.schoolsNaming), l.domains.join(', ')]),
        ['l', 'l', 'r', 'r', 'l'],
      ),
    );
  return out.join('\n');
}

/** The scales part of the text output. */
export function scalesText(scales: PublicScale[]): string {
  const out = [
    'Scales (mean of answered items; alpha over people who answered every item; groups of fewer than 5 people not shown)',
    table(
      ['scale', 'items', 'alpha', 'alpha n', 'people', 'mean', 'sd'],
      scales.map((s) => [s.scale, num(s.items), num(s.alpha), num(s.alphaN), num(s.n), num(s.mean), num(s.sd)]),
      ['l', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
  ];
  for (const s of scales)
    if (s.groups.length > 0 || s.groupsHidden > 0)
      out.push(
        '',
        `${s.scale} by group${s.groupsHidden > 0 ? ` (${s.groupsHidden} small group(s) not shown)` : ''}`,
        table(
          ['group', 'people', 'mean'],
          s.groups.map((g) => [g.group, num(g.n), num(g.mean)]),
          ['l', 'r', 'r'],
        ),
      );
  return out.join('\n');
}

/** The survey-meets-network part of the text output (exploratory). */
export function surveyNetworkText(s: SurveyNetwork | null): string {
  if (!s || s.items.length === 0) return '';
  return (
    '\n\n' +
    s.note +
    '\n' +
    table(
      ['item', 'domain', 'people', 'Spearman'],
      s.items.map((i) => [i.item, i.domain, num(i.n), num(i.spearman)]),
      ['l', 'l', 'r', 'r'],
    )
  );
}
