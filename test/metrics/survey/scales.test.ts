import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cronbachAlpha, scaleResult, scaleScore } from '../../../src/metrics/survey/scales.js';
import { presentScales } from '../../../src/privacy/present-scales.js';
import type { ScaleDefinition } from '../../../src/model/scales.js';
import { run } from '../../cli/run.js';

const ref = join(import.meta.dirname, '..', '..', 'reference', 'scales');
const def = (reverse: boolean[], minItems = 2): ScaleDefinition => ({
  scale: 'test',
  items: reverse.map((r, i) => ({ item: `item ${i + 1}`, reverse: r })),
  min: 1,
  max: 5,
  minItems,
});

describe("Cronbach's alpha and scale scores", () => {
  it('equals the worked example: k = 2, item variances 1 and 1/3, total variance 7/3 → 6/7', () => {
    expect(
      cronbachAlpha([
        [1, 2],
        [2, 3],
        [3, 3],
      ]),
    ).toBeCloseTo(6 / 7, 14);
  });
  it('is null for one item, one person or no variance in the totals, and negative for items that pull apart', () => {
    expect(cronbachAlpha([[1], [2]])).toBeNull();
    expect(cronbachAlpha([[1, 2]])).toBeNull();
    expect(
      cronbachAlpha([
        [3, 3],
        [3, 3],
      ]),
    ).toBeNull();
    expect(
      cronbachAlpha([
        [1, 5],
        [5, 1],
        [3, 4],
      ]),
    ).toBeLessThan(0);
  });
  it('honours reversed items: 6 − answer on a 1–5 scale', () => {
    expect(scaleScore(def([false, true]), [5, 1])).toBe(5);
    expect(scaleScore(def([false, true]), [5, 5])).toBe(3);
    const r = scaleResult(def([false, false, true]), [
      { id: 'a', group: null, answers: [5, 4, 1] },
      { id: 'b', group: null, answers: [2, 1, 4] },
      { id: 'c', group: null, answers: [3, 3, 3] },
    ]);
    // Reverse-coded: a 5,4,5; b 2,1,2; c 3,3,3 — the items agree perfectly in rank, alpha high.
    expect(r.alpha).toBeGreaterThan(0.95);
  });
  it('scores only people who answered at least minItems items; alpha uses only complete answers', () => {
    const r = scaleResult(def([false, false, false], 2), [
      { id: 'a', group: 'X', answers: [5, null, 4] },
      { id: 'b', group: 'X', answers: [1, null, null] },
      { id: 'c', group: 'Y', answers: [3, 3, 3] },
      { id: 'd', group: 'Y', answers: [4, 5, 5] },
    ]);
    expect(r).toMatchObject({ n: 3, alphaN: 2, mean: (4.5 + 3 + 14 / 3) / 3 });
    expect(r.groups).toEqual([
      { group: 'X', size: 1, mean: 4.5 },
      { group: 'Y', size: 2, mean: (3 + 14 / 3) / 2 },
    ]);
  });
  it('hides groups under the minimum size, and enough others with them that none follows from the overall mean', () => {
    const rows = ['A', 'A', 'A', 'A', 'A', 'A', 'B', 'B', 'B', 'B', 'B', 'C', 'C'].map((g, i) => ({
      id: `p${i}`,
      group: g,
      answers: [1 + (i % 5), 1 + ((i * 3) % 5)],
    }));
    const [shown] = presentScales([scaleResult(def([false, false]), rows)], 5);
    // C (2 people) alone could be solved from the total; B (5) is hidden with it so the hidden pair covers ≥ 5 people.
    expect(shown!.groups.map((g) => g.group)).toEqual(['A']);
    expect(shown!.groupsHidden).toBe(2);
    const [tiny] = presentScales([scaleResult(def([false, false]), rows.slice(0, 4))], 5);
    expect(tiny).toMatchObject({ mean: null, sd: null, groups: [] });
  });
});

describe('leadmap analyze --people --json: the shipped scales against an independent computation', () => {
  it('equals test/reference/scales/scales_reference.py (plain Python) on its people file, small groups hidden', async () => {
    const r = await run(['analyze', '--people', join(ref, 'people.csv'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const got = (
      JSON.parse(r.stdout) as { scales: Array<Record<string, unknown> & { groups: Array<{ group: string; n: number; mean: number }> }> }
    ).scales;
    const want = JSON.parse(readFileSync(join(ref, 'expected.json'), 'utf8')) as Array<{
      scale: string;
      alpha: number;
      alphaN: number;
      n: number;
      mean: number;
      sd: number;
      groups: Record<string, { n: number; mean: number }>;
    }>;
    expect(got.map((s) => s.scale)).toEqual(want.map((s) => s.scale));
    for (const [i, w] of want.entries()) {
      const g = got[i]!;
      expect(g.alpha as number).toBeCloseTo(w.alpha, 12);
      expect(g).toMatchObject({ alphaN: w.alphaN, n: w.n });
      expect(g.mean as number).toBeCloseTo(w.mean, 12);
      expect(g.sd as number).toBeCloseTo(w.sd, 12);
      // Arts (3) and Leadership (2) hold fewer than 5 people: hidden together; the others shown as computed.
      const big = Object.entries(w.groups).filter(([, v]) => v.n >= 5);
      expect(g.groups.map((x) => x.group)).toEqual(big.map(([k]) => k));
      for (const x of g.groups) expect(x.mean).toBeCloseTo(w.groups[x.group]!.mean, 12);
    }
  });

  it('names the file, row and column of an answer off the scale, and the item no column is headed by', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadmap-scales-'));
    const text = readFileSync(join(ref, 'people.csv'), 'utf8').split('\n');
    const cells = text[3]!.split(',');
    cells[4] = '7';
    text[3] = cells.join(',');
    writeFileSync(join(dir, 'people.csv'), text.join('\n'));
    const bad = await run(['analyze', '--people', join(dir, 'people.csv')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /people\.csv.*row 4.*How much influence do teachers have over… \[Curriculum\].*"7".*expected a number from 1 to 5/s,
    );
    writeFileSync(join(dir, 'scales.yaml'), 'scales:\n  - scale: missing\n    items: [Nobody asked this, Nor this]\n');
    const missing = await run(['analyze', '--people', join(ref, 'people.csv'), '--scales', join(dir, 'scales.yaml')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/MISSING_ITEM|no column is headed by this item/);
    expect(missing.stderr).toContain('Nobody asked this');
  });
});
