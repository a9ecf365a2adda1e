import { describe, expect, it } from 'vitest';
import { compareWaves, type WaveChange } from '../../../src/metrics/change/compare-waves.js';
import {
  AFTER_PARAMS as AFTER,
  BEFORE_PARAMS as BEFORE,
  runChangeBench,
  syntheticWave,
  withResponse,
} from '../../../tools/bench/change-waves.js';

const row = (c: WaveChange, key: string, population = 'all', domain = 'all') =>
  c.indicators.find((i) => i.key === key && i.population === population && i.domain === domain)!;
const verdicts = (c: WaveChange) => c.indicators.map((i) => `${i.population}/${i.domain}/${i.key}: ${i.verdict}`);

describe('change between two waves of a 150-person school', () => {
  const a = syntheticWave(150, BEFORE, 1);
  const changed = compareWaves(a, syntheticWave(150, AFTER, 2));
  const noise = compareWaves(a, syntheticWave(150, BEFORE, 3));

  it('planted shifts read "up" or "down" with intervals that exclude zero', () => {
    for (const population of ['all', 'core']) {
      const ei = row(changed, 'eiIndex', population);
      expect(ei.verdict).toBe('up');
      expect(ei.low!).toBeGreaterThan(0);
      const cz = row(changed, 'inDegreeCentralization', population);
      expect(cz.verdict).toBe('down');
      expect(cz.high!).toBeLessThan(0);
      expect(row(changed, 'topShare', population).verdict).toBe('down');
      expect(row(changed, 'gini', population).verdict).toBe('down');
      for (const r of [ei, cz]) expect(r.low! <= r.change! && r.change! <= r.high!).toBe(true);
    }
  });

  it('planted noise (same structure, fresh random draws) reads "no clear change" on the planted measures', () => {
    for (const population of ['all', 'core'])
      for (const key of ['eiIndex', 'inDegreeCentralization', 'topShare', 'gini', 'density', 'reciprocity', 'leaders'])
        expect(row(noise, key, population).verdict, `${population} ${key}`).toBe('no clear change');
    const measured = noise.indicators.filter((i) => i.verdict !== 'not measured');
    const claimed = measured.filter((i) => i.verdict === 'up' || i.verdict === 'down');
    // 95 % intervals: about 1 in 20 rows may exclude zero by chance; far fewer than the planted change gives.
    expect(claimed.length / measured.length).toBeLessThanOrEqual(0.1);
  });

  it('a copy of the later wave with 60 % response carries the warning and flips no verdict', () => {
    const b = syntheticWave(150, AFTER, 2);
    const low = compareWaves(a, withResponse(b, 0.6 / 0.9, 7));
    expect(low.notes.map((n) => n.code)).toContain('RESPONSE_RATES_DIFFER');
    expect(changed.notes.map((n) => n.code)).not.toContain('RESPONSE_RATES_DIFFER');
    const flips = low.indicators.filter((i) => {
      const j = changed.indicators.find((x) => x.key === i.key && x.domain === i.domain && x.population === i.population)!;
      return (i.verdict === 'up' && j.verdict === 'down') || (i.verdict === 'down' && j.verdict === 'up');
    });
    expect(flips).toEqual([]);
    for (const population of ['core'])
      for (const key of ['eiIndex', 'inDegreeCentralization', 'topShare', 'gini'])
        expect(row(low, key, population).verdict, key).toBe(row(changed, key, population).verdict);
  });

  it('the same wave against its own 60 % copy claims no change anywhere', () => {
    const b = syntheticWave(150, AFTER, 2);
    const same = compareWaves(b, withResponse(b, 0.6 / 0.9, 7));
    expect(same.notes.map((n) => n.code)).toContain('RESPONSE_RATES_DIFFER');
    expect(verdicts(same).filter((v) => v.endsWith(': up') || v.endsWith(': down'))).toEqual([]);
    const cz = row(same, 'inDegreeCentralization');
    expect(cz.change).not.toBe(0);
    expect(cz.reason).toMatch(/response rates differ/);
  });

  it('runs the bench row: 150 people, two waves, 1,000 replicates', () => {
    const r = runChangeBench(1000);
    expect(r.replicates).toBe(1000);
    expect(r.indicators).toBeGreaterThan(30);
  });
});
