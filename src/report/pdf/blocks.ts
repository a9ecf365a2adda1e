/** Small pdfmake building blocks shared by the report's pages. */
export type Node = string | { [key: string]: unknown } | Node[];

export const COLORS = {
  ink: '#1f2430',
  muted: '#5b6372',
  accent: '#1f4e79',
  accentLight: '#e8eef6',
  rule: '#d9dce3',
  headerFill: '#eef1f6',
  good: '#2e7d4f',
  bad: '#b3412f',
  leaderFill: '#d6e4f2',
  zebra: '#f7f8fa',
};

export function h1(text: string, options: { pageBreak?: boolean; id?: string } = {}): Node {
  return {
    text,
    style: 'h1',
    headlineLevel: 1,
    tocItem: true,
    ...(options.pageBreak ? { pageBreak: 'before' } : {}),
    ...(options.id ? { id: options.id } : {}),
  };
}

export function h2(text: string): Node {
  return { text, style: 'h2', headlineLevel: 2 };
}

export function para(text: Node, style = 'body'): Node {
  return { text, style };
}

export function note(text: string): Node {
  return { text, style: 'note' };
}

/** A plain table: header row shaded, thin horizontal rules, zebra rows, repeated header on page breaks. */
export function table(
  header: (string | Node)[],
  rows: Node[][],
  widths: (number | string)[],
  align: ('left' | 'right' | 'center')[] = [],
  pad = 4,
): Node {
  const head = header.map((h, k) =>
    typeof h === 'string'
      ? { text: h, style: 'th', alignment: align[k] ?? 'left' }
      : { style: 'th', alignment: align[k] ?? 'left', ...(h as object) },
  );
  const body = rows.map((r) =>
    r.map((c, k) =>
      typeof c === 'string' ? { text: c, alignment: align[k] ?? 'left' } : { alignment: align[k] ?? 'left', ...(c as object) },
    ),
  );
  return {
    // keepWithHeaderRows: the header never ends a page alone; it goes over with the first row.
    table: { headerRows: 1, keepWithHeaderRows: 1, widths, body: [head, ...body], dontBreakRows: true },
    layout: {
      hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === 0 || i === 1 || i === node.table.body.length ? 0.8 : 0.3),
      vLineWidth: () => 0,
      hLineColor: (i: number) => (i <= 1 ? COLORS.muted : COLORS.rule),
      fillColor: (i: number) => (i === 0 ? COLORS.headerFill : i % 2 === 0 ? COLORS.zebra : null),
      paddingLeft: () => pad,
      paddingRight: () => pad,
      paddingTop: () => 2.5,
      paddingBottom: () => 2.5,
    },
    style: 'table',
  };
}

/**
 * An up or down triangle (vector: the report font has no arrow glyphs) for a change the comparison calls
 * "up" or "down" (its 95 % interval excludes no change); nothing for any other verdict. Solid green when
 * towards distributed leadership, an outline in red when away from it — readable in greyscale by its fill.
 */
export function arrow(verdict: string | null, better: 'higher' | 'lower' | null): Node {
  if (verdict !== 'up' && verdict !== 'down') return { text: '', width: 8 };
  const up = verdict === 'up';
  const towards = better !== null && (better === 'higher') === up;
  const color = better === null ? COLORS.muted : towards ? COLORS.good : COLORS.bad;
  const points = up ? '0.6,7 3.5,1.2 6.4,7' : '0.6,1 3.5,6.8 6.4,1';
  const paint = better !== null && !towards ? `fill="#ffffff" stroke="${color}" stroke-width="1.1"` : `fill="${color}"`;
  return {
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="7" height="8" viewBox="0 0 7 8"><polygon points="${points}" ${paint}/></svg>`,
    width: 8,
    margin: [0, 1.5, 0, 0],
  };
}

export function bullets(items: Node[], style = 'body'): Node {
  return { ul: items, style, margin: [0, 0, 0, 6] };
}

/** A light box with a title and content (used for key findings and notes). */
export function box(content: Node[], fill: string = COLORS.accentLight): Node {
  return {
    table: { widths: ['*'], body: [[{ stack: content, margin: [8, 6, 8, 6] }]] },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: () => 0,
      fillColor: () => fill,
      paddingLeft: () => 0,
      paddingRight: () => 0,
      paddingTop: () => 0,
      paddingBottom: () => 0,
    },
    margin: [0, 4, 0, 10],
  };
}

/** The text of one of the summary's findings (the pages say what the summary says, in the same words). */
export function findingText(m: { summary: { sections: { findings: { key: string; text: string }[] }[] } }, key: string): string {
  for (const s of m.summary.sections) for (const f of s.findings) if (f.key === key) return f.text;
  throw new Error(`no finding ${key}`);
}

/** Whether a finding was assessed (its data present). */
export function assessed(m: { summary: { sections: { findings: { key: string; assessed: boolean }[] }[] } }, key: string): boolean {
  return m.summary.sections.some((s) => s.findings.some((f) => f.key === key && f.assessed));
}
