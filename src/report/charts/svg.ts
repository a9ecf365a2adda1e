/** Escapes text for SVG/XML content and attribute values. */
export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A number for an SVG attribute: two decimals, no trailing zeros. */
export function n2(x: number): string {
  return String(Math.round(x * 100) / 100);
}

/** Colour per group: Tableau 10 then a second set of 10, "(none)" and small groups grey. */
const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#2f4b7c',
  '#a0cbe8',
  '#ffbe7d',
  '#8cd17d',
  '#b6992d',
  '#86bcb6',
  '#d37295',
  '#fabfd2',
  '#79706e',
  '#d4a6c8',
  '#9d7660',
];
export function groupColors(groups: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  let k = 0;
  for (const g of groups) out.set(g, g === '(none)' || g === '(small group)' ? '#bab0ac' : PALETTE[k++ % PALETTE.length]!);
  return out;
}
