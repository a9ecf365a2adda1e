import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCrashRounds } from '../../tools/harness/crash-harness.js';
import { compileToTemp } from './helpers/build.js';
import { tempDir } from '../store/helpers.js';

const build = compileToTemp();
const data = tempDir('leadmap-crash-');
afterAll(() => {
  data.remove();
  rmSync(build.root, { recursive: true, force: true });
});

describe('kill -9 in the middle of ingests', () => {
  it('leaves a store that passes its integrity check and holds no partial wave, 21 times over', async () => {
    const summary = await runCrashRounds({
      runJs: join(build.dist, 'server/run.js'),
      dataDir: join(data.path, 'data'),
      rounds: 21,
      seed: 2025,
      people: 1000,
      tieRows: 30_000,
    });
    expect(summary.rounds).toHaveLength(21);
    // A third of the kills wait until the storing transaction is under way.
    expect(summary.rounds.filter((r) => r.lastSeen.includes('storing')).length).toBeGreaterThanOrEqual(5);
    for (const r of summary.rounds) {
      expect(r.integrity, `round ${r.round}`).toEqual([]);
      expect(r.partial, `round ${r.round} (${r.lastSeen})`).toEqual([]);
    }
    // The replaced wave always keeps a complete dataset, old or new.
    expect(summary.rounds.every((r) => r.wavesReady >= 1)).toBe(true);
    // Leftovers of interrupted uploads are swept at the next start.
    expect(summary.finalIntegrity).toEqual([]);
    expect(summary.finalUnreferenced).toBe(0);
  }, 600_000);
});
