/**
 * The survey side of the report (src/report/survey/view.ts, already through the privacy layer for
 * the edition): scales with alpha and n and group means of at least the minimum size, perceived
 * distribution beside measured centralization and survey meets network (exploratory), the skills
 * inventory as prompts, the decision map by level and domain with its network check, and the
 * patterns of the activity log. The anonymised edition prints no row naming who decides or who took
 * part, and people in prompts by pseudonym only.
 */
import type { ReportModel } from '../types.js';
import { bullets, h1, h2, note, para, table, type Node } from './blocks.js';
import { cutRows } from './limited.js';

const num = (v: number | null | undefined, digits = 2) => (v === null || v === undefined ? '—' : v.toFixed(digits));
const domainName = (d: string) => (d === 'any' ? 'all domains' : d);

/** The survey files as a reader names them (the web page's words). */
const FILE_WORDS: Record<string, string> = {
  people: 'people file (scales and skills)',
  activities: 'activity log',
  decisions: 'decision map',
};

export function surveyPages(m: ReportModel): Node[] {
  const s = m.survey;
  if (!s) return [];
  const parts = [...scalesPart(m), ...skillsPart(m), ...decisionsPart(m), ...patternsPart(m)];
  const unread = s.unreadable;
  if (unread.length === 0) return parts;
  // A file that could not be read is said, not left out silently: under the first survey heading, or a heading of its own.
  const notice = note(
    `Not in this report: the wave's ${unread.map((k) => FILE_WORDS[k] ?? k).join(', ')} could not be read. An analyst can upload ${unread.length === 1 ? 'it' : 'them'} again with the wave's files.`,
  );
  return parts.length > 0 ? [parts[0]!, notice, ...parts.slice(1)] : [h1('The survey side'), notice];
}

function scalesPart(m: ReportModel): Node[] {
  const s = m.survey!;
  if (!s.scales && !s.surveyNetwork) return [];
  const min = s.minGroupSize;
  const out: Node[] = [
    h1('What staff report: survey scales'),
    para(
      `Each scale's score is the mean of a person's answers to its items (1–5, reversed items turned round); alpha (Cronbach's) says how consistently the items measure one thing, over the n people who answered every item. Group means are printed only for groups of at least ${min} people; no one's own score is printed.`,
    ),
  ];
  const scales = s.scales ?? [];
  if (scales.length === 0) out.push(para('The people file answers none of the scales (it holds the skills inventory only).'));
  else
    out.push(
      table(
        ['Scale', 'Items', 'Alpha (n)', 'People scored', 'Mean', `Group means (groups of at least ${min})`],
        scales.map((x) => [
          { text: x.scale, bold: true },
          String(x.items),
          `${num(x.alpha)} (${x.alphaN})`,
          String(x.n),
          num(x.mean),
          (x.groups.map((g) => `${g.group} ${num(g.mean)} (${g.n})`).join('; ') || '—') +
            (x.groupsHidden > 0 ? ` · ${x.groupsHidden} group${x.groupsHidden === 1 ? '' : 's'} not shown` : ''),
        ]),
        [98, 30, 50, 44, 34, '*'],
        ['left', 'right', 'right', 'right', 'right', 'left'],
      ),
    );
  const net = s.surveyNetwork;
  const d = net?.distribution;
  if (d && d.scales.length > 0) {
    out.push(
      h2('Perceived distribution beside measured centralization (exploratory)'),
      para(
        `Measured: the in-degree centralization of ${d.relation} is ${num(d.inDegreeCentralization)} (0 = everyone named alike, 1 = one person named by all). Perceived: ${d.scales
          .map((x) => `${x.scale} ${num(x.mean)} of 5 (${x.n} people)`)
          .join('; ')}. Read side by side, not as a test.`,
      ),
    );
  }
  if (net && net.items.length > 0)
    out.push(
      h2('Survey meets network (exploratory)'),
      note(net.note),
      table(
        ['Item', 'Domain', 'People', 'Spearman'],
        net.items.map((i) => [i.item, i.domain, String(i.n), num(i.spearman)]),
        ['*', 90, 40, 50],
        ['left', 'left', 'right', 'right'],
      ),
    );
  return out;
}

function skillsPart(m: ReportModel): Node[] {
  const k = m.survey!.skills;
  if (!k) return [];
  const prompts = (title: string, rows: ReadonlyArray<{ prompt: string }>, none: string): Node[] => {
    const cut = cutRows(m, rows, 'prompts');
    return [h2(title), rows.length === 0 ? para(none) : bullets(cut.rows.map((r) => r.prompt)), ...cut.tail];
  };
  return [
    h1('Skills offered and needed'),
    para(k.note),
    table(
      ['Domain', 'Could offer', 'Would like support', 'Sought out'],
      k.domains.map((d) => [d.domain, String(d.offeredBy), String(d.neededBy), d.soughtOut === null ? '—' : String(d.soughtOut)]),
      ['*', 70, 90, 70],
      ['left', 'right', 'right', 'right'],
    ),
    ...prompts('Strengths colleagues may not know about', k.untappedStrengths, 'Everyone who offers a skill is already sought out for it.'),
    ...prompts('Domains that rest on one person', k.singleExpertDomains, 'No domain rests on one person alone.'),
    ...prompts('Needs no colleague offers', k.unmetNeeds, 'Every need is something a colleague could offer.'),
    ...prompts('Possible pairings', k.pairings, 'No pairing suggests itself from the answers and the network.'),
  ];
}

function decisionsPart(m: ReportModel): Node[] {
  const d = m.survey!.decisions;
  if (!d) return [];
  const named = m.meta.edition === 'named';
  const cell = (level: string, domain: string) => d.matrix.find((c) => c.level === level && c.domain === domain)?.decisions ?? 0;
  const names = (list: string[] | null | undefined) => (!list ? '—' : list.length === 0 ? 'no one' : list.join(', '));
  const byDomain = d.byDomain.map((x) => [
    { text: domainName(x.domain), bold: true },
    String(x.decisions),
    x.check,
    x.why,
    ...(named
      ? [names(x.people?.deciders), names(x.people?.soughtOut)]
      : [String(x.deciders), x.soughtOut === null ? '—' : String(x.soughtOut)]),
  ]);
  return [
    h1('Decision map'),
    para(
      `Which decisions are made where (${d.matrix.reduce((n, c) => n + c.decisions, 0)} decisions in the map), and whether the people who make them are the people colleagues go to in that domain.${named ? '' : ' This edition gives counts only: who decides at which level would point at roles.'}`,
    ),
    table(
      ['Level', ...d.domains.map(domainName)],
      d.levels.map((l) => [{ text: l, bold: true }, ...d.domains.map((dom) => (cell(l, dom) ? String(cell(l, dom)) : '·'))]),
      [60, ...d.domains.map(() => '*')],
      ['left', ...d.domains.map(() => 'right' as const)],
      3,
    ),
    h2('Checked against the network'),
    table(
      ['Domain', 'Decisions', 'Check', 'Why', ...(named ? ['Decide', 'Sought out'] : ['People deciding', 'Sought out'])],
      byDomain,
      named ? [62, 36, 44, '*', 90, 90] : [70, 40, 50, '*', 50, 45],
      ['left', 'right', 'left', 'left', named ? 'left' : 'right', named ? 'left' : 'right'],
    ),
    h2('Decisions that sit with one person'),
    d.concentrated.length === 0
      ? para('No decision sits with one person while colleagues go to others about it.')
      : bullets(d.concentrated.map((c) => `${c.decision} (${c.level}, ${domainName(c.domain)}): ${c.why}. Who else could be asked?`)),
  ];
}

const PATTERN_WORDS: Record<string, string> = {
  collaborated: 'done together by two or more people',
  coordinated: 'steps of one routine, handed on in turn',
  collective: 'separate work by several people towards one goal',
  parallel: 'the same task done in different units',
  individual: 'one person, linked to no one else’s work',
};

function patternsPart(m: ReportModel): Node[] {
  const p = m.survey!.patterns;
  if (!p) return [];
  const named = m.meta.edition === 'named';
  const cut = cutRows(m, p.activities, 'activities');
  return [
    h1('Patterns of distribution'),
    para(`How leadership work is shared, read from the activity log (${p.total} entries) as Spillane's patterns of distribution.`),
    table(
      ['Pattern', 'Meaning', 'Activities'],
      Object.entries(p.counts).map(([k, n]) => [{ text: k, bold: true }, PATTERN_WORDS[k] ?? '', String(n)]),
      [80, '*', 60],
      ['left', 'left', 'right'],
    ),
    ...(named && p.activities.length > 0
      ? [
          h2('Each activity'),
          table(
            ['Date', 'Activity', 'Pattern', 'Who', 'Why'],
            cut.rows.map((a) => [a.date, a.activity, a.pattern, a.participants.join(', '), a.why]),
            [50, 110, 56, 90, '*'],
          ),
          ...cut.tail,
        ]
      : named
        ? []
        : [
            note(
              'The entries themselves (who took part, where) are printed in the named edition only: with pseudonyms they would point at people.',
            ),
          ]),
  ];
}
