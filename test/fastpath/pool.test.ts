import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/datasets.js';
import { exactBetweenness, incomingDistances, incomingDistancesAndSpectral } from '../../src/fastpath/paths.js';
import { eigenvectorArray } from '../../src/metrics/node/eigenvector.js';
import { hitsArray } from '../../src/metrics/node/hits.js';
import { approxBetweenness } from '../../src/fastpath/approx-betweenness.js';
import { approxClosenessAndSpectral } from '../../src/fastpath/approx-closeness.js';
import { runTask } from '../../src/fastpath/pool.js';
import { allSourcesPaths } from '../../src/metrics/node/shortest-paths.js';
import { randomGraph, tempDir } from './helpers.js';

/**
 * Worker threads load compiled JavaScript. The test compiles the worker and what it imports
 * (src/fastpath only) into a temporary folder with the project's tsc, then runs the pool on 2 threads
 * and checks it gives what one thread gives.
 */
let workerUrl: URL;

beforeAll(() => {
  const out = tempDir('leadmap-worker-');
  execFileSync(
    join(repoRoot, 'node_modules', '.bin', 'tsc'),
    [
      '--outDir',
      out,
      '--rootDir',
      join(repoRoot, 'src'),
      '--module',
      'esnext',
      '--target',
      'es2022',
      '--moduleResolution',
      'bundler',
      '--skipLibCheck',
      '--types',
      'node',
      '--strict',
      '--ignoreConfig',
      join(repoRoot, 'src', 'fastpath', 'worker.ts'),
    ],
    { stdio: 'pipe' },
  );
  writeFileSync(join(out, 'package.json'), '{"type":"module"}');
  workerUrl = pathToFileURL(join(out, 'fastpath', 'worker.js'));
});

describe('worker pool', () => {
  const g = randomGraph(600, 5000, 21);

  it('betweenness on two worker threads equals one thread to 1e-15', async () => {
    const one = await exactBetweenness(g, { threads: 1 });
    const two = await exactBetweenness(g, { threads: 2, workerUrl });
    for (let i = 0; i < g.n; i++) expect(Math.abs(one[i]! - two[i]!)).toBeLessThan(1e-15);
  });

  it('closeness sums written by two threads into shared memory are exact', async () => {
    const one = await incomingDistances(g, { threads: 1 });
    const two = await incomingDistances(g, { threads: 2, workerUrl });
    expect(Array.from(two.distanceSum)).toEqual(Array.from(one.distanceSum));
    expect(Array.from(two.reachedBy)).toEqual(Array.from(one.reachedBy));
  });

  it('closeness on two threads equals one BFS per person (9 batches of 128 sources, the last partial)', async () => {
    const big = randomGraph(1100, 9000, 22);
    const ref = allSourcesPaths(big, { weighted: false, betweenness: false });
    const two = await incomingDistances(big, { threads: 2, workerUrl });
    expect(Array.from(two.distanceSum)).toEqual(Array.from(ref.distanceSum));
    expect(Array.from(two.reachedBy)).toEqual(Array.from(ref.reachedBy));
  });

  it('eigenvector and HITS computed in a worker beside the closeness batches are the src/metrics values exactly', async () => {
    const big = randomGraph(1100, 9000, 23);
    const { distances, spectral } = await incomingDistancesAndSpectral(big, { threads: 2, workerUrl });
    const one = await incomingDistances(big, { threads: 1 });
    expect(Array.from(distances.distanceSum)).toEqual(Array.from(one.distanceSum));
    expect(Array.from(distances.reachedBy)).toEqual(Array.from(one.reachedBy));
    const ev = eigenvectorArray(big);
    const hi = hitsArray(big);
    expect(spectral.eigenvectorReason).toBe(ev.reason);
    expect(spectral.hitsReason).toBe(hi.reason);
    expect(Array.from(spectral.eigenvector!)).toEqual(Array.from(ev.values!));
    expect(Array.from(spectral.hubs!)).toEqual(Array.from(hi.hubs!));
    expect(Array.from(spectral.authorities!)).toEqual(Array.from(hi.authorities!));
  });

  it('approximate betweenness is the same for a seed on one or two threads', async () => {
    const opts = { seed: 3, minSamples: 4096, roundSamples: 4096, maxSamples: 8192 };
    const one = await approxBetweenness(g, { ...opts, threads: 1 });
    const two = await approxBetweenness(g, { ...opts, threads: 2, workerUrl });
    expect(two.samples).toBe(one.samples);
    for (let i = 0; i < g.n; i++) expect(two.values[i]).toBeCloseTo(one.values[i]!, 14);
  });

  it('source-sampled closeness (and eigenvector, HITS beside it) is the same for a seed on one or two threads', async () => {
    const big = randomGraph(1100, 9000, 23);
    const one = await approxClosenessAndSpectral(big, { samples: 300, seed: 2, threads: 1 });
    const two = await approxClosenessAndSpectral(big, { samples: 300, seed: 2, threads: 2, workerUrl });
    expect(Array.from(two.closeness.values)).toEqual(Array.from(one.closeness.values));
    expect(Array.from(two.closeness.halfWidth95)).toEqual(Array.from(one.closeness.halfWidth95));
    expect(Array.from(two.spectral.eigenvector!)).toEqual(Array.from(eigenvectorArray(big).values!));
  });

  it('a cancelled task stops with code CANCELLED', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(runTask(g, { kind: 'brandes', jobs: 8 }, { threads: 2, workerUrl, signal: ac.signal })).rejects.toMatchObject({
      code: 'CANCELLED',
    });
    await expect(runTask(g, { kind: 'brandes', jobs: 8 }, { threads: 1, signal: ac.signal })).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});
