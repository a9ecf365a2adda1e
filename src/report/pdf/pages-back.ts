import { networkSvg } from '../charts/network-svg.js';
import type { ReportModel } from '../types.js';
import { bullets, COLORS, h1, h2, note, para, table, type Node } from './blocks.js';
import { aggregatedCaption, cutList } from './limited.js';

export function changePage(m: ReportModel): Node[] {
  const c = m.change;
  if (!c) return [];
  const named = m.meta.edition === 'named';
  // The indicators' changes, with intervals and verdicts, are on the comparison page (pages-change.ts):
  // one table, so no difference is shown twice, once without its interval.
  return [
    h2('Leaders across all domains'),
    para(
      named
        ? `New leaders this wave (${c.newLeaderCount}): ${cutList(m, c.newLeaders, 'colleagues') || 'none'}. No longer leaders (${c.formerLeaderCount}): ${cutList(m, c.formerLeaders, 'colleagues') || 'none'}.`
        : `${c.newLeaderCount} ${c.newLeaderCount === 1 ? 'person leads' : 'people lead'} this wave who did not last wave; ${c.formerLeaderCount} who led last wave no longer ${c.formerLeaderCount === 1 ? 'does' : 'do'}. (Pseudonyms differ between waves by design, so people are not listed.)`,
    ),
  ];
}

export function networkPage(m: ReportModel): Node[] {
  const f = m.network;
  // Heading, text and figure stay together: on this page when they fit, else all on the next.
  return [
    {
      unbreakable: true,
      stack: [
        // Kept with its figure by the unbreakable block, so not subject to the heading rule (document.ts).
        { ...(h1('The advice network') as object), headlineLevel: undefined },
        para(
          f.aggregate
            ? aggregatedCaption(f)
            : `Every dot is a staff member (${f.nodes.length}), coloured by department (the department's name is written where most of its members sit) and sized by how many colleagues name them; lines are advice ties (${f.edges.length}, all domains), the arrowhead at the colleague named. Outlined dots are leaders; the ${f.labelled.length} most sought-out people are labelled. Departments are pulled towards their own region, so advice crossing the picture is advice crossing departments. The colours are those of the web app's network view.`,
        ),
        { svg: networkSvg(f), width: 499, margin: [0, 6, 0, 4] },
        note(
          'Layout: d3-force, seeded, so the same data always gives the same picture. Position carries no meaning beyond closeness to colleagues and to one’s department.',
        ),
      ],
    },
  ];
}

export function qualityPage(m: ReportModel): Node[] {
  const q = m.quality;
  const rows = [
    ['Staff on the roster', String(q.rosterSize)],
    ['Survey respondents', q.respondents === null ? 'unknown' : String(q.respondents)],
    ['Response rate', q.responseRate.text],
    ['Ties reported', String(q.ties)],
    ['Confirmed by both people', String(q.confirmed)],
    ['Not returned although both answered', String(q.unconfirmed)],
    ['To colleagues who did not answer', String(q.toNonRespondents)],
  ];
  return [
    h1('Data quality and warnings'),
    table(['Item', 'Value'], rows, [220, '*'], ['left', 'right']),
    h2('Warnings'),
    q.warnings.length > 0 ? bullets(q.warnings) : para('No warnings.'),
    h2('How this report was made'),
    bullets(q.notes),
  ];
}

export function appendix(m: ReportModel): Node[] {
  const rows = m.definitions.map((d) => [{ text: d.term, bold: true }, d.definition, { text: d.source, color: COLORS.muted }]);
  return [
    h1('Appendix: definitions and sources'),
    para(
      'Formulas, normalisation and degenerate cases (empty domains, isolates, one-person groups) are stated in full in docs/metrics.md of the leadmap documentation; the wording below follows it.',
    ),
    { ...(table(['Term', 'Definition', 'Source'], rows, [82, '*', 130]) as object), fontSize: 8, margin: [0, 6, 0, 6] },
  ];
}
