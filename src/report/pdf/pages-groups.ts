import { eiBarsSvg } from '../charts/ei-bars-svg.js';
import { capital } from '../format.js';
import type { ReportModel } from '../types.js';
import { assessed, COLORS, findingText, h1, h2, note, para, table, type Node } from './blocks.js';
import { cutList, cutRows } from './limited.js';

export function silosPage(m: ReportModel): Node[] {
  const s = m.silos;
  const by = s.groupBy;
  return [
    h1(`Silos: does advice cross ${by}s?`),
    para(
      `${s.withinShare.text} of advice ties stay within the same ${by}; the school-wide E-I index is ${s.overall.text} (−1 = every tie stays inside, +1 = every tie crosses). ${s.test ?? ''}`,
    ),
    h2(`E-I index per ${by}`),
    { svg: eiBarsSvg(s.groups, 499), width: 499, margin: [0, 2, 0, 4] },
    ...(s.suppressedNote ? [note(s.suppressedNote)] : []),
    note('Computed from the out-ties of each group’s members: the advice they seek, inside or outside their own group.'),
    ...(s.communities ? [para(s.communities)] : []),
  ];
}

export function brokersPage(m: ReportModel): Node[] {
  const b = m.brokers;
  const header = ['Person', 'Department', 'Brokerage', 'Coord.', 'Itin.', 'Gatek.', 'Repr.', 'Liaison', 'Constraint'];
  const rows = b.rows.map((r) => [
    r.label,
    r.department,
    { text: String(r.total), bold: true },
    String(r.coordinator),
    String(r.itinerant),
    String(r.gatekeeper),
    String(r.representative),
    String(r.liaison),
    r.constraint.text,
  ]);
  return [
    h1('Brokers: who connects the school'),
    para(
      `Brokers link colleagues who do not go to each other directly. Liaisons, gatekeepers and representatives connect different ${m.meta.groupBy}s; coordinators connect colleagues within one. Low constraint means a person’s contacts are not themselves connected — a bridging position.`,
    ),
    b.rows.length > 0
      ? {
          ...(table(
            header,
            rows,
            [88, 82, 46, 34, 30, 34, 30, 36, '*'],
            ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
          ) as object),
          margin: [0, 6, 0, 6],
        }
      : para('No one brokers between colleagues.'),
    para(
      b.cutPoints.length > 0
        ? `Cut-points — without them part of the staff would be cut off from the rest: ${cutList(m, b.cutPoints, 'colleagues')}.`
        : 'No single person holds the network together: without any one colleague everyone stays connected.',
    ),
  ];
}

export function riskPage(m: ReportModel): Node[] {
  const r = m.risk;
  const rows = r.domains.map((d) => [
    capital(d.domain),
    { text: String(d.benchDepth), bold: d.benchDepth <= 1, color: d.benchDepth <= 1 ? COLORS.bad : COLORS.ink },
    d.soleSources.length > 0
      ? cutList(
          m,
          d.soleSources.map((s) => `${s.label} (${s.dependents} colleagues)`),
          'sole sources',
          '; ',
        )
      : { text: 'none', color: COLORS.muted },
  ]);
  const keyRows = r.keyPeople.map((k) => [k.label, capital(k.domain), String(k.leftWithoutSource), k.reachabilityDrop.text]);
  return [
    h1('Key-person risk and bench depth'),
    para(
      'Bench depth counts the colleagues named by at least two others in a domain — who could step in. A sole source is the only person at least three colleagues go to: if they left, those colleagues would have no one to ask.',
    ),
    {
      ...(table(
        ['Domain', 'Bench depth', 'Sole sources (colleagues who go only to them)'],
        rows,
        [110, 60, '*'],
        ['left', 'right', 'left'],
      ) as object),
      margin: [0, 6, 0, 8],
    },
    h2('What the school would lose'),
    keyRows.length > 0
      ? table(
          ['Person', 'Domain', 'Left without a source', 'Advice paths lost'],
          keyRows,
          [120, 110, 100, '*'],
          ['left', 'left', 'right', 'right'],
        )
      : para('No single departure would cut advice paths noticeably.'),
    note(
      `Advice paths lost: of the ordered pairs of colleagues joined by a chain of advice ties (the person’s own included), the share with no chain left if the person left (after Borgatti’s reachability).${r.note ? ` ${r.note}.` : ''}`,
    ),
  ];
}

export function peripheryPage(m: ReportModel): Node[] {
  const p = m.periphery;
  const nsCut = cutRows(m, p.newStaff, 'new staff');
  const ns = nsCut.rows.map((s) => [s.label, s.department, s.startYear === null ? '—' : String(s.startYear), String(s.namesOthers)]);
  const named = m.meta.edition === 'named';
  const ov = p.overload.map((o) => [
    { text: o.label, bold: o.overloaded },
    ...(named ? [o.role] : []),
    String(o.load),
    String(o.domainsLed),
    o.capacity.toFixed(2),
    o.ratio.text,
    o.overloaded ? { text: 'possibly overloaded', color: COLORS.bad, bold: true } : '',
  ]);
  return [
    h1('New staff and workload'),
    h2('New staff on their own'),
    para(
      'New staff (started this year or last, or new to teaching) whom no colleague names yet: the advice network has not drawn them in.',
    ),
    ...(ns.length > 0 && assessed(m, 'newStaff')
      ? [
          table(['Person', 'Department', 'Started', 'Names others'], ns, [130, 140, 70, '*'], ['left', 'left', 'right', 'right']),
          ...nsCut.tail,
        ]
      : [para(findingText(m, 'newStaff'))]),
    h2('Leaders’ load against release time'),
    para(
      !assessed(m, 'overload') || p.overloadReason
        ? findingText(m, 'overload')
        : `Load is the number of nominations summed over domains; the ratio divides it by release time (at least 0.1). Flagged at twice the median ratio (${p.medianRatio.text}) of formal leaders and above their median load.`,
    ),
    ...(p.overloadCompared !== null && !p.overloadReason && assessed(m, 'overload')
      ? [
          para(
            `${p.overloadedCount === 0 ? 'No leader' : `${p.overloadedCount} of the ${p.overloadCompared} leaders compared`} ${(p.overloadedCount ?? 0) <= 1 ? 'stands' : 'stand'} out as possibly overloaded. Given as a number: release times are on the roster, so a list would identify them.`,
          ),
        ]
      : []),
    ...(ov.length > 0 && assessed(m, 'overload')
      ? [
          table(
            ['Person', ...(named ? ['Role'] : []), 'Load', 'Domains led', 'Release', 'Ratio', ''],
            ov,
            [named ? 100 : 120, ...(named ? [100] : []), 36, 50, 40, 36, '*'],
            ['left', ...(named ? ['left'] : []), 'right', 'right', 'right', 'right', 'left'] as ('left' | 'right')[],
          ),
        ]
      : []),
    note('The domain reading warns against overloading teacher leaders: leadership spread to a few willing people is not yet distributed.'),
  ];
}
