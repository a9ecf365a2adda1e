/** Text output of the optional sections of leadmap analyze: districts, survey scales, survey meets network, skills, decisions, patterns. */
import type { CrossSchoolLeader } from '../metrics/district/cross-school-leaders.js';
import type { SchoolBreakdownRow } from '../metrics/district/schools.js';
import type { PublicScale } from '../privacy/present-scales.js';
import { num, table } from './format.js';
import type { SurveyNetwork } from '../report/survey/scales.js';
import type { SkillsMap } from '../metrics/survey/skills-map.js';
import type { DecisionMap } from '../metrics/practice/decision-map.js';
import type { PatternsResult } from '../metrics/practice/patterns.js';

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
  if (!s) return '';
  const d = s.distribution;
  const distribution =
    d.scales.length === 0
      ? ''
      : `\n\nPerceived distribution beside measured centralization (exploratory): in-degree centralization of ${d.relation} ${num(d.inDegreeCentralization)}; ` +
        d.scales.map((x) => `${x.scale} ${x.mean === null ? '–' : num(x.mean)} (n ${x.n})`).join('; ');
  if (s.items.length === 0) return distribution;
  return (
    '\n\n' +
    s.note +
    '\n' +
    table(
      ['item', 'domain', 'people', 'Spearman'],
      s.items.map((i) => [i.item, i.domain, num(i.n), num(i.spearman)]),
      ['l', 'l', 'r', 'r'],
    ) +
    distribution
  );
}

/** The skills part of the text output. */
export function skillsText(m: SkillsMap): string {
  const lines = ['Skills offered and needed', `  ${m.note}`];
  for (const d of m.domains)
    lines.push(
      `  ${d.domain.padEnd(24)} offered by ${d.offeredBy.length}, needed by ${d.neededBy.length}${d.soughtOut ? `, sought out: ${d.soughtOut.length}` : ''}`,
    );
  const part = (title: string, list: ReadonlyArray<{ prompt: string }>) => {
    if (list.length > 0) lines.push('', title, ...list.map((x) => `  ${x.prompt}`));
  };
  part('Untapped strengths:', m.untappedStrengths);
  part('Domains that depend on one expert:', m.singleExpertDomains);
  part('Needs nobody offers:', m.unmetNeeds);
  part('Possible pairings:', m.pairings);
  return lines.join('\n');
}

/** The decision map part of the text output. */
export function decisionsText(m: DecisionMap, nameOf: (id: string) => string): string {
  const names = (ids: string[] | null) => (ids === null ? '–' : ids.length === 0 ? 'no one' : ids.map(nameOf).join(', '));
  const lines = [`Decision map (${m.decisions.length} decisions)`];
  for (const c of m.matrix) lines.push(`  ${c.level.padEnd(11)} ${c.domain.padEnd(24)} ${c.decisions}`);
  lines.push('', 'Do the people who decide a domain include those colleagues go to for it?');
  for (const d of m.byDomain)
    lines.push(`  ${d.domain}: ${d.check} — ${d.why}. Decide: ${names(d.deciders)}. Sought out: ${names(d.soughtOut)}.`);
  const concentrated = m.decisions.filter((d) => d.concentrated);
  if (concentrated.length > 0) {
    lines.push('', 'Decisions that sit with one person:');
    for (const d of concentrated) lines.push(`  row ${d.row} "${d.decision}": ${d.why}`);
  }
  return lines.join('\n');
}

/** The patterns part of the text output. */
export function patternsText(p: PatternsResult): string {
  const lines = [`Leadership activities (${p.activities.length}): how the work is distributed`];
  for (const [k, n] of Object.entries(p.counts)) lines.push(`  ${k.padEnd(13)} ${n}`);
  lines.push('');
  for (const a of p.activities) lines.push(`  row ${a.row}  ${a.date}  ${a.activity}: ${a.pattern} — ${a.why}`);
  return lines.join('\n');
}
