import type { ReportModel } from '../types.js';
import { COLORS, type Node } from './blocks.js';
import { actionsPage, cover, indicatorsPage, summaryPage } from './front.js';
import { formalInformalPage, profilesPage, whoLeadsPage } from './pages-leaders.js';
import { brokersPage, peripheryPage, riskPage, silosPage } from './pages-groups.js';
import { appendix, changePage, networkPage, qualityPage } from './pages-back.js';
import { comparisonPage, trendPage } from './pages-change.js';
import { completenessNotice } from './completeness.js';
import { surveyPages } from './pages-survey.js';

interface HeadingInfo {
  headlineLevel?: number;
  startPosition: { verticalRatio: number };
}

/** Paper sizes (pdfmake names): A4 595.28 × 841.89 pt, US letter 612 × 792 pt. */
export const PAPERS = { a4: 'A4', letter: 'LETTER' } as const;
export type Paper = keyof typeof PAPERS;

/**
 * The pdfmake document definition of the report: A4 or letter, Roboto, running header and footer
 * after the cover. Content is 499 pt wide on both (A4 leaves 48 pt margins, letter 56.5 pt).
 */
export function reportDocument(m: ReportModel, paper: Paper = 'a4'): object {
  const side = sideMargin(paper);
  const content: Node[] = [
    ...completenessNotice(m),
    ...cover(m),
    ...summaryPage(m),
    ...actionsPage(m),
    ...indicatorsPage(m),
    ...comparisonPage(m, changePage(m)),
    ...trendPage(m),
    ...whoLeadsPage(m),
    ...profilesPage(m),
    ...formalInformalPage(m),
    ...silosPage(m),
    ...brokersPage(m),
    ...riskPage(m),
    ...peripheryPage(m),
    ...networkPage(m),
    ...surveyPages(m),
    ...qualityPage(m),
    ...appendix(m),
  ];
  return {
    pageSize: PAPERS[paper],
    pageMargins: [side, 58, side, 52],
    ...pageFrame(paper, m.meta.edition, m.meta.school, m.meta.wave, 'Distributed Leadership Evaluation'),
    content,
    // Sections flow on from one another (no half-empty pages); a heading never ends a page.
    pageBreakBefore: (node: HeadingInfo, nodes: { getFollowingNodesOnPage: () => unknown[] }) =>
      node.headlineLevel !== undefined && (node.startPosition.verticalRatio > 0.9 || nodes.getFollowingNodesOnPage().length < 2),
    defaultStyle: { font: 'Roboto', fontSize: 9, color: COLORS.ink, lineHeight: 1.2 },
    styles: {
      coverKicker: { fontSize: 14, color: COLORS.muted },
      coverTitle: { fontSize: 28, bold: true, color: COLORS.accent },
      coverSchool: { fontSize: 20, bold: true },
      coverLine: { fontSize: 11, color: COLORS.muted, margin: [0, 2, 0, 0] },
      h1: { fontSize: 16, bold: true, color: COLORS.accent, margin: [0, 0, 0, 8] },
      h2: { fontSize: 11, bold: true, color: COLORS.ink, margin: [0, 10, 0, 4] },
      h3: { fontSize: 9.5, bold: true, color: COLORS.accent, margin: [0, 0, 0, 3] },
      lead: { fontSize: 11.5, color: COLORS.ink, margin: [0, 0, 0, 10], lineHeight: 1.25 },
      body: { fontSize: 9, margin: [0, 0, 0, 4] },
      summary: { fontSize: 9, lineHeight: 1.1 },
      note: { fontSize: 9, italics: true, color: COLORS.muted, margin: [0, 2, 0, 6] },
      th: { bold: true, fontSize: 8, color: COLORS.ink },
      table: { fontSize: 8, margin: [0, 4, 0, 6] },
    },
  };
}

/** The side margin that leaves 499 pt of content on either paper. */
export function sideMargin(paper: Paper): number {
  return paper === 'letter' ? (612 - 499) / 2 : 48;
}

/**
 * What every leadmap report page carries around its content: document info, the running header
 * (place · wave, and the report's name) and the footer (edition, page / pages), none on the cover.
 * Shared by the school and the district report.
 */
export function pageFrame(paper: Paper, edition: 'named' | 'anonymised', place: string, wave: string, heading: string): object {
  const side = sideMargin(paper);
  const label = edition === 'named' ? 'Named edition — confidential' : 'Anonymised edition';
  return {
    info: {
      title: `Distributed leadership evaluation — ${place} ${wave}`,
      subject: label,
      creator: 'leadmap',
      producer: 'leadmap',
    },
    header: (page: number) =>
      page === 1
        ? null
        : {
            columns: [
              { text: `${place} · ${wave}`, alignment: 'left' },
              { text: heading, alignment: 'right' },
            ],
            margin: [side, 26, side, 0],
            fontSize: 8,
            color: COLORS.muted,
          },
    footer: (page: number, pages: number) =>
      page === 1
        ? null
        : {
            columns: [
              { text: label, alignment: 'left' },
              { text: `${page} / ${pages}`, alignment: 'right' },
            ],
            margin: [side, 18, side, 0],
            fontSize: 8,
            color: COLORS.muted,
          },
  };
}
