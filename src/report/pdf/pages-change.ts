import type { ReportModel } from '../types.js';
import { bullets, COLORS, h1, h2, note, para, table, type Node } from './blocks.js';

/**
 * "What changed, and whether it is real": the comparison with the previous wave (compareWaves) in the
 * words of present/change.ts — the same texts the web school page shows.
 */
export function comparisonPage(m: ReportModel): Node[] {
  const v = m.comparison;
  if (!v) return [];
  const out: Node[] = [h1(v.heading), para(v.basis)];
  if (v.banners.length > 0) out.push({ ...(bullets(v.banners) as object), color: COLORS.accent });
  for (const s of v.sections) {
    out.push(h2(s.title));
    out.push(
      table(
        ['Indicator', v.before, v.after, 'Change', '95 % interval', 'Verdict'],
        s.rows.map((r) => [
          { text: r.label, bold: true },
          r.before,
          r.after,
          r.change,
          r.interval,
          r.reason ? `${r.verdict} (${r.reason})` : r.verdict,
        ]),
        [150, 45, 45, 45, 75, '*'],
        ['left', 'right', 'right', 'right', 'right', 'left'],
      ),
    );
  }
  if (v.succession.length > 0) out.push(h2('Leadership succession'), bullets(v.succession));
  out.push(note(v.method));
  return out;
}
