/** True when a record has non-empty values beyond the header's width (trailing empty cells are tolerated). */
export function hasExtraValues(cells: readonly string[], headerWidth: number): boolean {
  for (let i = headerWidth; i < cells.length; i++) if (cells[i]!.trim() !== '') return true;
  return false;
}
