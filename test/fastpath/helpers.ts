import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Csr } from '../../src/graph/csr.js';
import { csrFromEdges } from '../../src/graph/csr-builder.js';
import { mulberry32 } from '../../src/fastpath/kernels/rng.js';

/** A seeded random directed graph: n people, about m ties, some isolates, a few weights. */
export function randomGraph(n: number, m: number, seed: number): Csr {
  const rand = mulberry32(seed);
  const ids = Array.from({ length: n }, (_, i) => `v${i}`);
  const edges: Array<[string, string, number]> = [];
  for (let e = 0; e < m; e++) {
    const s = Math.floor(rand() * n * 0.9); // the last tenth names nobody
    const t = Math.floor(Math.pow(rand(), 2) * n); // skewed in-degree
    if (s !== t) edges.push([ids[s]!, ids[t]!, 1 + Math.floor(rand() * 4)]);
  }
  return csrFromEdges(ids, edges);
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function writeTemp(dir: string, name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}
