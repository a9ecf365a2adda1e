import { esc } from '../charts/svg.js';
import { capital } from '../format.js';
import type { FlaggedRow, ReportModel } from '../types.js';
import { assessed, bullets, COLORS, findingText, h1, h2, note, para, table, type Node } from './blocks.js';
import { cutList, cutRows } from './limited.js';

/** Who leads what: people who lead at least one domain × domains, cells = colleagues naming them. */
export function whoLeadsPage(m: ReportModel): Node[] {
  const w = m.whoLeads;
  const named = m.meta.edition === 'named';
  const domW = Math.min(44, Math.floor((499 - 4 * (2 + w.domains.length) - (named ? 172 : 160)) / Math.max(1, w.domains.length)));
  // Domain names stand upright in their narrow columns, at table size (8 pt), rather than shrinking.
  const headH = Math.ceil(Math.max(...w.domains.map((d) => capital(d).length)) * 8 * 0.56 + 6);
  const header = [
    { text: 'Person', margin: [0, headH - 10, 0, 0] },
    { text: named ? 'Role, department' : 'Department', margin: [0, headH - 10, 0, 0] },
    ...w.domains.map((d) => uprightLabel(capital(d), domW, headH)),
  ];
  const cut = cutRows(m, w.rows, 'colleagues who lead a domain');
  const rows = cut.rows.map((r) => [
    { text: r.label, bold: named && !r.formal },
    named
      ? { text: [{ text: r.role || '—', color: COLORS.muted }, `\n${r.department}`], fontSize: 8 }
      : { text: r.department, fontSize: 8 },
    ...r.inDegree.map((v, k) =>
      r.leads[k]
        ? { text: String(v ?? ''), bold: true, fillColor: COLORS.leaderFill, color: COLORS.accent }
        : { text: v === null ? '' : String(v), color: COLORS.muted },
    ),
  ]);
  // Widths exclude cell padding (2 + 2 per column): person + group columns, the rest shared by the domains.
  const fixed = [named ? 80 : 60, named ? 92 : 100];
  const widths = [...fixed, ...w.domains.map(() => domW)];
  const align = ['left', 'left', ...w.domains.map(() => 'center')] as ('left' | 'center')[];
  return [
    h1('Who leads what'),
    para(
      `Each row is a colleague who leads at least one domain: named by at least max(3, mean + 1 sd) colleagues in that domain (the bar per domain: ${w.domains.map((d, k) => `${d} ${w.thresholds[k]!.toFixed(1)}`).join(', ')}). Numbers are how many colleagues name the person; shaded cells are the domains they lead.${named ? ' Names in bold hold no formal leadership role.' : ''}`,
    ),
    { ...(table(header, rows, widths, align, 2) as object), fontSize: 8, margin: [0, 6, 0, 8] },
    ...cut.tail,
    ...(m.overlapReading ? [para(m.overlapReading)] : []),
  ];
}

/** Distribution profile per domain with the one-line readings. */
export function profilesPage(m: ReportModel): Node[] {
  const header = ['Domain', 'Ties', 'Density', 'Recipr.', 'Central.', 'Gini', 'Leaders', 'Leader-plus', 'Distribution'];
  const rows = m.profiles.map((p) => [
    { text: capital(p.domain), bold: p.domain === 'all domains' },
    p.ties.text,
    p.density.text,
    p.reciprocity.text,
    p.centralization.text,
    p.gini.text,
    p.leaders.text,
    p.leaderPlus.text,
    { text: p.level, color: p.level === 'high' ? COLORS.good : p.level === 'low' ? COLORS.bad : COLORS.ink },
  ]);
  return [
    h1('How leadership is distributed'),
    para(
      'The distribution profile (after de Jong et al.) calls leadership distributed when the network is dense and reciprocal, in-degree centralization is low and several people are central. Each dimension is banded low / moderate / high; the last column combines them.',
    ),
    {
      ...(table(
        header,
        rows,
        [92, 30, 42, 40, 42, 34, 40, 50, '*'],
        ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
      ) as object),
      margin: [0, 6, 0, 8],
    },
    h2('Readings'),
    bullets(m.profiles.map((p) => p.reading)),
  ];
}

function flagged(m: ReportModel, all: FlaggedRow[], named: boolean, withDomains: boolean): Node {
  const { rows, tail } = cutRows(m, all, 'colleagues');
  const header = ['Person', ...(named ? ['Role'] : []), 'Department', 'Named by', ...(withDomains ? ['Domains'] : [])];
  const body = rows.map((r) => [
    r.label,
    ...(named ? [r.role] : []),
    r.department,
    String(r.inDegree),
    ...(withDomains ? [r.domains.join(', ')] : []),
  ]);
  const widths = [named ? 100 : 80, ...(named ? [100] : []), 100, 50, ...(withDomains ? ['*'] : [])];
  if (!withDomains) widths[widths.length - 1] = '*';
  const t = table(header, body, widths, ['left', ...(named ? ['left'] : []), 'left', 'right', 'left'] as ('left' | 'right')[]);
  return tail.length > 0 ? [t, ...tail] : t;
}

/** Formal vs informal: hidden leaders (influence without a role) and nominal leaders (a role without influence). */
export function formalInformalPage(m: ReportModel): Node[] {
  const f = m.formalInformal;
  const named = m.meta.edition === 'named';
  return [
    h1('Formal roles and informal leadership'),
    para(
      `${f.formalShare.text} of all nominations go to the ${f.formalLeaders} people who hold a formal leadership role. Spillane’s “leader-plus” view asks who else leads: ${f.leaderPlus.length + f.withheld.leaderPlus} of the leaders across all domains hold no formal role.`,
    ),
    h2('Hidden leaders — sought out where they hold no formal responsibility'),
    ...(!assessed(m, 'formal.hidden') ? [para(findingText(m, 'formal.hidden'))] : []),
    ...(f.hidden.length > 0 ? [flagged(m, f.hidden, named, true)] : []),
    ...withheldNote(
      f.withheld.hidden,
      f.hidden.length,
      'colleague is sought out',
      'colleagues are sought out',
      'where they hold no formal responsibility',
    ),
    ...(assessed(m, 'formal.hidden') && f.hidden.length + f.withheld.hidden === 0 ? [para(findingText(m, 'formal.hidden'))] : []),
    note(
      'Named by at least twice as many colleagues as the median and meeting the leader rule, in a domain their role is not responsible for (a counselor is responsible for behaviour and wellbeing, a principal for every domain; table in docs/metrics.md). Consider recognising, supporting or giving time to these colleagues.',
    ),
    h2('Nominal leaders — a formal role colleagues rarely draw on'),
    ...(!assessed(m, 'formal.nominal') ? [para(findingText(m, 'formal.nominal'))] : []),
    ...(f.nominal.length > 0 ? [flagged(m, f.nominal, named, true)] : []),
    ...withheldNote(
      f.withheld.nominal,
      f.nominal.length,
      'formal leader is',
      'formal leaders are',
      'rarely sought out in a domain they are responsible for',
    ),
    ...(assessed(m, 'formal.nominal') && f.nominal.length + f.withheld.nominal === 0 ? [para(findingText(m, 'formal.nominal'))] : []),
    note(
      'Named by fewer than max(2, median) colleagues in a domain their role is responsible for (“all domains”: roles responsible for every domain, such as principals). This can reflect a new role, an unclear remit or a role outside the surveyed domains — a conversation, not a verdict.',
    ),
    ...(f.leaderPlus.length > 0
      ? [
          h2('Leader-plus — leaders without a formal role (all domains)'),
          para(
            cutList(
              m,
              f.leaderPlus.map((r) => `${r.label} (${r.inDegree})`),
              'colleagues',
            ) + '.',
          ),
        ]
      : []),
  ];
}

/** "2 formal leaders are rarely sought out": people the anonymised edition counts instead of listing. */
function withheldNote(n: number, listed: number, one: string, many: string, what: string): Node[] {
  if (n === 0) return [];
  return [
    para(
      `${listed > 0 ? 'Besides those listed, ' : ''}${n} ${n === 1 ? one : many} ${what}. Given as a number: with the roster, listing them beside a pseudonym would identify them.`,
    ),
  ];
}

/** A column header set upright (read bottom to top), 8 pt, as an SVG the width of its column. */
function uprightLabel(text: string, width: number, height: number): Node {
  const x = width / 2 + 3;
  return {
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><text transform="translate(${x} ${height - 2}) rotate(-90)" font-family="Roboto" font-size="8" fill="${COLORS.ink}">${esc(text)}</text></svg>`,
    width,
  };
}
