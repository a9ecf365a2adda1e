import { describe, expect, it } from 'vitest';
import { run } from './run.js';
import { tempDir, writeFile } from '../ingest/tmp.js';
import { mulberry32 } from '../../src/metrics/random.js';
import { coreText } from '../../src/cli/analyze-text.js';
import { fastCoreMetrics } from '../../src/fastpath/core.js';
import { approxClosenessAndSpectral } from '../../src/fastpath/approx-closeness.js';
import { approxBetweenness } from '../../src/fastpath/approx-betweenness.js';
import { csrFromEdges } from '../../src/graph/csr-builder.js';

const dir = tempDir();

/** The measures part of the text: from the line after the heading to the definitions line. */
function measuresBlock(text: string): string {
  const lines = text.split('\n');
  const end = lines.findIndex((l) => l.startsWith('Definitions:'));
  return lines.slice(1, end).join('\n');
}

describe('leadmap analyze prints one text for every path', () => {
  it('the fast path for large files prints the same measures, in the same words, as the standard path', async () => {
    const rnd = mulberry32(3);
    const rows = ['source,target,weight'];
    for (let i = 0; i < 400; i++) {
      const s = Math.floor(rnd() * 60);
      const t = Math.floor(rnd() ** 2 * 60);
      if (s !== t) rows.push(`p${s},p${t},${1 + Math.floor(rnd() * 4)}`);
    }
    const ties = writeFile(dir, 'ties.csv', rows.join('\n') + '\n');
    const standard = await run(['analyze', ties, '--top', '5']);
    const fast = await run(['analyze', ties, '--top', '5', '--fast']);
    expect([standard.code, fast.code], standard.stderr + fast.stderr).toEqual([0, 0]);
    expect(fast.stdout.split('\n')[0]).toMatch(/^Network \(fast path for large files\): relation/);
    expect(measuresBlock(fast.stdout)).toContain('Top 5 by betweenness (brokers)');
    expect(measuresBlock(fast.stdout)).toEqual(measuresBlock(standard.stdout));
  });

  it('labels betweenness estimated by pair sampling APPROXIMATE, with pairs, seed and each error', async () => {
    const rnd = mulberry32(5);
    const edges: Array<[string, string, number]> = [];
    for (let i = 0; i < 600; i++) {
      const s = Math.floor(rnd() * 80);
      const t = Math.floor(rnd() * 80);
      if (s !== t) edges.push([`p${s}`, `p${t}`, 1]);
    }
    const g = csrFromEdges([], edges);
    const exact = await fastCoreMetrics(g, { exact: true, threads: 1 });
    const approx = await approxBetweenness(g, { seed: 9, threads: 1, maxSamples: 20_000 });
    const core = {
      ...exact,
      betweennessMethod: {
        ...exact.betweennessMethod,
        approximate: true,
        method: 'pair-sampling' as const,
        samples: approx.samples,
        seed: 9,
      },
      people: exact.people.map((p, i) => ({ ...p, betweenness: approx.values[i]!, betweennessError95: approx.halfWidth95[i]! })),
    };
    const text = coreText(core, { relation: 'advice', domain: 'any', wave: null }, 3, (id) => id);
    expect(text).toContain(`Top 3 by betweenness (brokers) — APPROXIMATE (${approx.samples} sampled pairs, seed 9; ±95 % error shown)`);
    const block = text.slice(text.indexOf('APPROXIMATE'));
    expect(
      block
        .split('\n')
        .slice(3, 6)
        .every((l) => / ± \d/.test(l)),
    ).toBe(true);
    expect(text).toContain('docs/performance.md');
  });

  it('labels closeness estimated from sampled sources APPROXIMATE, with sources, seed and each error', async () => {
    const rnd = mulberry32(6);
    const edges: Array<[string, string, number]> = [];
    for (let i = 0; i < 600; i++) {
      const s = Math.floor(rnd() * 80);
      const t = Math.floor(rnd() * 80);
      if (s !== t) edges.push([`p${s}`, `p${t}`, 1]);
    }
    const g = csrFromEdges([], edges);
    const exact = await fastCoreMetrics(g, { exact: true, threads: 1 });
    const { closeness: est } = await approxClosenessAndSpectral(g, { seed: 4, samples: 30, threads: 1, spectral: false });
    const core = {
      ...exact,
      closenessMethod: {
        approximate: true,
        method: 'source-sampling' as const,
        samples: est.samples,
        seed: 4,
        topRelativeError: est.topRelativeError,
        top: est.top,
      },
      people: exact.people.map((p, i) => ({ ...p, closeness: est.values[i]!, closenessError95: est.halfWidth95[i]! })),
    };
    const text = coreText(core, { relation: 'advice', domain: 'any', wave: null }, 3, (id) => id);
    expect(text).toContain('Top 3 by closeness (incoming) — APPROXIMATE (30 sampled sources, seed 4; ±95 % error shown)');
    const block = text.slice(text.indexOf('closeness (incoming) — APPROXIMATE'));
    expect(
      block
        .split('\n')
        .slice(3, 6)
        .every((l) => / ± \d/.test(l)),
    ).toBe(true);
    expect(text).toContain('docs/performance.md');
  });
});
