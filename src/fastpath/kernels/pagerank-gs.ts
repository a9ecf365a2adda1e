import type { CsrArrays } from '../../graph/csr.js';

export interface GaussSeidelPageRank {
  values: Float64Array;
  sweeps: number;
  converged: boolean;
}

/**
 * PageRank by Gauss–Seidel sweeps — the same fixed point as src/metrics/node/pagerank.ts
 * (weighted, α, uniform teleport, dangling mass spread uniformly, values summing to 1):
 *   x_i = α Σ_{j→i} (w_ji / s_j) x_j + (α D + (1 − α) S) / n,
 * with D = Σ_{dangling} x_d and S = Σ x kept current as each x_i is overwritten in place, then the
 * sweep's result is normalised to sum 1. Using every update at once (Arasu, Novak, Tomkins & Tomlin
 * 2002, "PageRank computation and the structure of the web", WWW poster) needs fewer sweeps than the
 * power method's iterations; over-relaxation x_i ← x_i + ω (gs_i − x_i) with ω = 1.2 (SOR; same fixed
 * point) cuts them further when convergence is slow (38 → 24 sweeps at 100,000 people / 2M ties); it is
 * switched on from the third sweep once the change shrinks by less than 0.3 per sweep, and off again
 * should the change grow for three sweeps in a row. Stop rule as the graphology path: ‖x_k − x_{k−1}‖₁ < tolerance
 * (absolute, not scaled by n). O(m) per sweep.
 */
export function pageRankGaussSeidel(
  c: CsrArrays,
  alpha = 0.85,
  tolerance = 1e-10,
  maxSweeps = 1000,
  relaxation = 1.2,
): GaussSeidelPageRank {
  const { n, outOffsets, outWeights, inOffsets, inSources, inWeights } = c;
  if (n === 0) return { values: new Float64Array(0), sweeps: 0, converged: true };
  const invOut = new Float64Array(n);
  const dangling = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = outOffsets[i]!; k < outOffsets[i + 1]!; k++) s += outWeights[k]!;
    if (s > 0) invOut[i] = 1 / s;
    else dangling[i] = 1;
  }
  // coef[k] = α · w(j→i) / s_j for in-edge k of i from j.
  const coef = new Float64Array(c.m);
  for (let k = 0; k < c.m; k++) coef[k] = alpha * inWeights[k]! * invOut[inSources[k]!]!;
  const x = new Float64Array(n).fill(1 / n);
  const prev = new Float64Array(n);
  let D = 0;
  for (let i = 0; i < n; i++) if (dangling[i]) D += x[i]!;
  let S = 1;
  const invN = 1 / n;
  // Plain Gauss–Seidel for the first sweeps; over-relax only when convergence is slow (rate > 0.3),
  // where it pays — on quickly converging graphs it would add sweeps.
  let omega = 1;
  let lastErr = Infinity;
  let rising = 0;
  let fellBack = false;
  for (let sweep = 1; sweep <= maxSweeps; sweep++) {
    prev.set(x);
    for (let i = 0; i < n; i++) {
      let sum = (alpha * D + (1 - alpha) * S) * invN;
      for (let k = inOffsets[i]!, end = inOffsets[i + 1]!; k < end; k++) sum += coef[k]! * x[inSources[k]!]!;
      const old = x[i]!;
      const v = old + omega * (sum - old);
      x[i] = v;
      S += v - old;
      if (dangling[i]) D += v - old;
    }
    // Normalise (and recompute the running sums exactly, so rounding never drifts).
    let total = 0;
    for (let i = 0; i < n; i++) total += x[i]!;
    const inv = 1 / total;
    let err = 0;
    D = 0;
    for (let i = 0; i < n; i++) {
      const v = x[i]! * inv;
      x[i] = v;
      err += Math.abs(v - prev[i]!);
      if (dangling[i]) D += v;
    }
    S = 1;
    if (err < tolerance) return { values: x, sweeps: sweep, converged: true };
    if (!fellBack && omega === 1 && sweep >= 3 && err / lastErr > 0.3) omega = relaxation;
    rising = err > lastErr ? rising + 1 : 0;
    if (rising >= 3 && omega !== 1) {
      omega = 1;
      fellBack = true;
    }
    lastErr = err;
  }
  return { values: x, sweeps: maxSweeps, converged: false };
}
