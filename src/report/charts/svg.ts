/** Escapes text for SVG/XML content and attribute values. */
export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A number for an SVG attribute: two decimals, no trailing zeros. */
export function n2(x: number): string {
  return String(Math.round(x * 100) / 100);
}
