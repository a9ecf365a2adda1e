import { describe, expect, it } from 'vitest';
import { demoWaveDirs, loadDemoWave } from '../analytics/demo.js';
import { compareWaves } from '../../../src/metrics/change/compare-waves.js';

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

describe('change in the demo schools', () => {
  for (const [school, planted] of Object.entries(PLANTED))
    it(`${school}: the planted shift in ${planted.key} reads "${planted.verdict}" with an interval excluding zero`, async () => {
      const waves = demoWaveDirs().filter((d) => d.school === school);
      const [a, b] = await Promise.all(waves.slice(0, 2).map((w) => loadDemoWave(w.dir, w.wave)));
      const c = compareWaves(a!.dataset, b!.dataset);
      const row = c.indicators.find((i) => i.key === planted.key && i.population === 'core' && i.domain === 'all')!;
      expect(row.verdict).toBe(planted.verdict);
      expect(row.low! > 0 || row.high! < 0).toBe(true);
      expect(c.basis.stayers + c.basis.leavers.length).toBe(c.basis.staff.before);
    });
});
