import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoWaveDirs, loadDemoWave } from '../analytics/demo.js';
import { compareWaves, OFF_CENTRE, type ChangeIndicator, type WaveChange } from '../../../src/metrics/change/compare-waves.js';
import { withResponse } from '../../../tools/bench/change-waves.js';

/**
 * The change each demo school's story plants between its first and second wave (fixtures/demo/README.md),
 * read on the stable core: Lakeside's advice moves from the principal to the grade-level leads,
 * Riverside's Special Education turns into a silo, Highland's and Pinewood's departments open up.
 */
const PLANTED: Record<string, { key: string; verdict: 'up' | 'down' }> = {
  lakeside: { key: 'inDegreeCentralization', verdict: 'down' },
  riverside: { key: 'eiIndex', verdict: 'down' },
  highland: { key: 'eiIndex', verdict: 'up' },
  pinewood: { key: 'eiIndex', verdict: 'up' },
};

const same = (a: ChangeIndicator, b: ChangeIndicator) => a.key === b.key && a.domain === b.domain && a.population === b.population;
const clear = (i: ChangeIndicator) => i.verdict === 'up' || i.verdict === 'down';
const row = (c: WaveChange, key: string, population: string) =>
  c.indicators.find((i) => i.key === key && i.population === population && i.domain === 'all')!;

async function plantedPair(school: string) {
  const waves = demoWaveDirs().filter((d) => d.school === school);
  const [a, b] = await Promise.all(waves.slice(0, 2).map((w) => loadDemoWave(w.dir, w.wave)));
  return [a!.dataset, b!.dataset] as const;
}

/** The latest wave and its planted noise: the same story drawn again (fixtures/demo/<school>/<latest>/redrawn). */
async function noisePair(school: string) {
  const latest = demoWaveDirs()
    .filter((d) => d.school === school)
    .at(-1)!;
  const [a, b] = await Promise.all([loadDemoWave(latest.dir, latest.wave), loadDemoWave(join(latest.dir, 'redrawn'), latest.wave)]);
  return [a.dataset, b.dataset] as const;
}

describe('change in the demo schools', () => {
  for (const [school, planted] of Object.entries(PLANTED))
    it(`${school}: the planted shift in ${planted.key} reads "${planted.verdict}" with an interval excluding zero`, async () => {
      const [a, b] = await plantedPair(school);
      const c = compareWaves(a, b);
      const r = row(c, planted.key, 'core');
      expect(r.verdict).toBe(planted.verdict);
      expect(r.low! > 0 || r.high! < 0).toBe(true);
      expect(c.basis.stayers + c.basis.leavers.length).toBe(c.basis.staff.before);
    });
});

describe('planted noise in the demo schools: the latest wave against the same story drawn again', () => {
  for (const school of Object.keys(PLANTED))
    it(`${school}: few rows claim a change (95 % intervals: about 1 in 20 by chance), none from turnover or response`, async () => {
      const [a, b] = await noisePair(school);
      const c = compareWaves(a, b);
      expect(c.basis.leavers).toEqual([]);
      expect(c.notes.map((n) => n.code)).not.toContain('HIGH_TURNOVER');
      const measured = c.indicators.filter((i) => i.verdict !== 'not measured');
      expect(measured.length).toBeGreaterThan(30);
      const claimed = measured.filter(clear);
      expect(
        claimed.length / measured.length,
        claimed.map((i) => `${i.population}/${i.domain}/${i.key}: ${i.verdict}`).join('; '),
      ).toBeLessThanOrEqual(0.1);
    });

  // The planted measure itself on the noise pair. Lakeside's centralization, Riverside's and Pinewood's
  // E-I read "no clear change"; on the committed draws Highland's core E-I reads "up" (z ≈ 2.3) — marked as
  // failing (it.fails) so it stays visible and the test must change once it reads no change.
  const NOISE_CLAIMS_ON_PLANTED = new Set(['highland']);
  for (const [school, planted] of Object.entries(PLANTED)) {
    const test = NOISE_CLAIMS_ON_PLANTED.has(school) ? it.fails : it;
    test(`${school}: the planted measure ${planted.key} reads "no clear change" on the noise, all staff and stable core`, async () => {
      const [a, b] = await noisePair(school);
      const c = compareWaves(a, b);
      for (const population of ['all', 'core']) expect(row(c, planted.key, population).verdict, population).toBe('no clear change');
    });
  }
});

describe('a copy of a demo wave with 60 % response', () => {
  for (const [school, planted] of Object.entries(PLANTED))
    it(`${school}: carries the warning, reverses no verdict and creates none`, async () => {
      const [a, b] = await plantedPair(school);
      const full = compareWaves(a, b);
      const low = compareWaves(a, withResponse(b, 0.6 / full.basis.responseRates.after!, 7));
      expect(low.basis.responseRates.after!).toBeGreaterThan(0.5);
      expect(low.basis.responseRates.after!).toBeLessThan(0.7);
      expect(low.notes.map((n) => n.code)).toContain('RESPONSE_RATES_DIFFER');
      for (const i of low.indicators) {
        const j = full.indicators.find((x) => same(x, i));
        if (!j) continue; // a per-domain row the smaller core no longer has
        const where = `${i.population}/${i.domain}/${i.key}: ${j.verdict} → ${i.verdict}`;
        if (clear(i)) expect(i.verdict, where).toBe(j.verdict);
      }
      // The planted shift never reads the other way.
      for (const population of ['all', 'core']) {
        const opposite = planted.verdict === 'up' ? 'down' : 'up';
        expect(row(low, planted.key, population).verdict).not.toBe(opposite);
      }
    });
});

describe('a verdict never points against the observed change', () => {
  it('every pair of consecutive demo waves: "up" only for a rise, "down" only for a fall; an interval off the observed change gives no verdict', async () => {
    let offCentre = 0;
    let rows = 0;
    for (const school of Object.keys(PLANTED)) {
      const waves = demoWaveDirs().filter((d) => d.school === school);
      const data = await Promise.all(waves.map((w) => loadDemoWave(w.dir, w.wave)));
      for (let i = 0; i + 1 < data.length; i++) {
        const c = compareWaves(data[i]!.dataset, data[i + 1]!.dataset);
        for (const r of c.indicators) {
          if (r.change === null || r.low === null || r.high === null) continue;
          rows++;
          const where = `${school} ${waves[i]!.wave}→${waves[i + 1]!.wave} ${r.population}/${r.domain}/${r.key}: ${r.change} [${r.low}, ${r.high}] ${r.verdict}`;
          if (r.verdict === 'up') expect(r.change, where).toBeGreaterThan(0);
          if (r.verdict === 'down') expect(r.change, where).toBeLessThan(0);
          if (r.change < r.low - 1e-9 || r.change > r.high + 1e-9) {
            offCentre++;
            expect([r.verdict, r.reason], where).toEqual(['no clear change', OFF_CENTRE]);
          }
        }
      }
    }
    // Highland 2023-24 → 2024-25 has such a row (diversity of voices); most rows are centred.
    expect(offCentre).toBeGreaterThan(0);
    expect(offCentre / rows).toBeLessThan(0.1);
  }, 600_000);
});
