/** A linear equation over named unknowns: Σ terms[name] · x[name] = (some known constant). */
export interface Equation {
  terms: Record<string, number>;
}

/**
 * The unknowns whose value follows from the equations: x_u is determined exactly when the unit
 * vector e_u lies in the row space of the coefficient matrix (then e_u = Σ λ_i A_i, and
 * x_u = Σ λ_i b_i). Gaussian elimination to reduced row echelon form in floating point with a
 * relative tolerance; coefficients here are small integers, so 1e-9 separates zero from non-zero.
 */
export function determinedUnknowns(equations: readonly Equation[], unknowns: readonly string[]): string[] {
  const col = new Map(unknowns.map((u, i) => [u, i]));
  const n = unknowns.length;
  const rows: number[][] = [];
  for (const e of equations) {
    const r = new Array<number>(n).fill(0);
    let any = false;
    for (const [k, c] of Object.entries(e.terms)) {
      const j = col.get(k);
      if (j === undefined || c === 0) continue;
      r[j] = r[j]! + c;
      any = true;
    }
    if (any) rows.push(r);
  }
  const eps = 1e-9;
  const pivots: Array<{ row: number[]; col: number }> = [];
  let rank = 0;
  for (let c = 0; c < n && rank < rows.length; c++) {
    let best = rank;
    for (let i = rank + 1; i < rows.length; i++) if (Math.abs(rows[i]![c]!) > Math.abs(rows[best]![c]!)) best = i;
    if (Math.abs(rows[best]![c]!) < eps) continue;
    [rows[rank], rows[best]] = [rows[best]!, rows[rank]!];
    const p = rows[rank]!;
    const pv = p[c]!;
    for (let j = 0; j < n; j++) p[j] = p[j]! / pv;
    for (let i = 0; i < rows.length; i++) {
      if (i === rank) continue;
      const f = rows[i]![c]!;
      if (Math.abs(f) < eps) continue;
      for (let j = 0; j < n; j++) rows[i]![j] = rows[i]![j]! - f * p[j]!;
    }
    pivots.push({ row: p, col: c });
    rank++;
  }
  return unknowns.filter((_, u) => {
    const v = new Array<number>(n).fill(0);
    v[u] = 1;
    for (const { row, col: c } of pivots) {
      const f = v[c]!;
      if (f !== 0) for (let j = 0; j < n; j++) v[j] = v[j]! - f * row[j]!;
    }
    return v.every((x) => Math.abs(x) < eps);
  });
}
