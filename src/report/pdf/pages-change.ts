import type { ReportModel } from '../types.js';
import { bullets, COLORS, h1, h2, note, para, table, type Node } from './blocks.js';

/**
 * "What changed, and whether it is real": the comparison with the previous wave (compareWaves) in the
 * words of present/change.ts — the same texts the web school page shows; `leaders` (who leads now and
 * did not, and the reverse: pages-back.ts changePage) sits before the method note.
 */
export function comparisonPage(m: ReportModel, leaders: Node[] = []): Node[] {
  const v = m.comparison;
  if (!v) return [];
  const out: Node[] = [h1(v.heading), para(v.basis)];
  if (v.banners.length > 0) out.push({ ...(bullets(v.banners) as object), color: COLORS.accent });
  // Indicators not measured are listed once under the tables, each with what it needs (the same words
  // as the web's verdict column), so the tables hold only what was measured.
  const unmeasured = new Map<string, string>();
  for (const s of v.sections) {
    const measured = s.rows.filter((r) => !r.verdict.startsWith('not measured'));
    for (const r of s.rows) if (r.verdict.startsWith('not measured')) unmeasured.set(r.label, r.verdict);
    out.push(h2(s.title));
    out.push(
      table(
        ['Indicator', v.before, v.after, 'Change', '95 % interval', 'Verdict'],
        measured.map((r) => [
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
  if (unmeasured.size > 0)
    out.push(
      para([
        { text: 'Not measured. ', bold: true },
        ...[...unmeasured].flatMap(([label, verdict]) => [
          { text: label, italics: true },
          `: ${verdict.replace(/^not measured — /, '')}. `,
        ]),
      ]),
    );
  if (v.outcomes && v.outcomes.length > 0)
    out.push(
      h2('School outcomes (association, not cause)'),
      table(
        ['Outcome', v.before, v.after, 'Change', 'Direction', 'Source'],
        v.outcomes.map((o) => [{ text: o.indicator, bold: true }, o.before, o.after, o.change, o.direction, o.source]),
        [120, 50, 50, 50, 50, '*'],
        ['left', 'right', 'right', 'right', 'left', 'left'],
      ),
    );
  if (v.succession.length > 0) out.push(h2('Leadership succession'), bullets(v.succession));
  out.push(...leaders, note(v.method));
  return out;
}

/**
 * "Over N waves": with three or more waves, each indicator (all staff, all domains) per wave and, under
 * each later wave, the step from the wave before: change, 95 % interval and verdict — the web school
 * page's trend (GET /api/schools/:id/compare), in its words.
 */
export function trendPage(m: ReportModel): Node[] {
  const t = m.trend;
  if (!t || t.rows.length === 0) return [];
  const rows = t.rows.map((r) => [
    { text: r.label, bold: true },
    ...r.shown.map((value, i): Node => {
      const step = i === 0 ? null : r.steps[i - 1];
      if (!step) return { text: value, bold: true };
      const clear = step.verdict === 'up' || step.verdict === 'down';
      return {
        stack: [
          { text: value, bold: true },
          { text: `${step.change}${step.interval === '—' ? '' : ` (${step.interval})`}`, color: COLORS.muted },
          {
            text: step.verdict.startsWith('not measured') ? 'not measured' : step.verdict,
            bold: clear,
            color: clear ? COLORS.ink : COLORS.muted,
          },
        ],
      };
    }),
  ]);
  const label = 110;
  const each = Math.floor((499 - label) / t.waves.length);
  return [
    h2(`Over ${t.waves.length} waves: ${t.waves[0]} to ${t.waves.at(-1)}`),
    para(
      'All staff, all domains together. Under each wave, the change from the wave before with its 95 % interval and verdict: “up” or “down” only when the interval excludes no change.',
    ),
    table(['Indicator', ...t.waves], rows, [label, ...t.waves.map(() => each)], ['left', ...t.waves.map(() => 'right' as const)]),
  ];
}
