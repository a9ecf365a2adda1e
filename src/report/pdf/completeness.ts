import type { ReportModel } from '../types.js';
import { box, COLORS, type Node } from './blocks.js';

/**
 * Above the cover when answers of the wave still wait for a decision: the web page's banner, word for word
 * (model/completeness.ts), so a printed report never reads as complete while the review is open.
 */
export function completenessNotice(m: ReportModel): Node[] {
  if (m.completeness === null) return [];
  return [
    box(
      [
        { text: 'NOT COMPLETE', bold: true, color: COLORS.accent, fontSize: 10, margin: [0, 0, 0, 3] },
        { text: m.completeness, fontSize: 10, bold: true },
        {
          text: 'Every figure in this report leaves them out. Decide them in the wave’s review in leadmap, then download the report again.',
          fontSize: 8.5,
          margin: [0, 3, 0, 0],
        },
      ],
      '#fdecea',
    ),
  ];
}
