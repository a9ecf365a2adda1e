import { describe, expect, it } from 'vitest';
import { run } from './run.js';
import { tempDir, writeFile } from '../ingest/tmp.js';
import { loadDataset } from '../../src/ingest/load-dataset.js';
import { buildGraph } from '../../src/graph/build-graph.js';
import { coreMetrics } from '../../src/metrics/core.js';
import { mulberry32 } from '../../src/metrics/random.js';

const dir = tempDir();

/** A seeded 2,200-person network (above FAST_KERNELS_MIN_PEOPLE), weights 1–5, some isolates. */
function writeNetwork(): { ties: string; roster: string } {
  const rnd = mulberry32(7);
  const n = 2200;
  const rows = ['source,target,weight'];
  for (let i = 0; i < 9000; i++) {
    const s = Math.floor(rnd() * (n - 50));
    const t = Math.floor(rnd() ** 2 * (n - 50));
    if (s !== t) rows.push(`p${s},p${t},${1 + Math.floor(rnd() * 5)}`);
  }
  const roster = ['id', ...Array.from({ length: n }, (_, i) => `p${i}`)];
  return { ties: writeFile(dir, 'ties.csv', rows.join('\n') + '\n'), roster: writeFile(dir, 'roster.csv', roster.join('\n') + '\n') };
}

describe('leadmap analyze on networks of 2,000 people or more', () => {
  it('uses the fast kernels and gives the same numbers as coreMetrics', async () => {
    const f = writeNetwork();
    const r = await run(['analyze', f.ties, '--roster', f.roster, '--json', '--exact']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.betweennessMethod).toMatchObject({ approximate: false, method: 'brandes' });
    const loaded = await loadDataset({ ties: f.ties, roster: f.roster });
    if (!loaded.ok) throw new Error('fixture did not load');
    const want = coreMetrics(buildGraph(loaded.value));
    expect(doc.network).toEqual(JSON.parse(JSON.stringify(want.network)));
    const fields = [
      'inDegree',
      'outDegree',
      'inStrength',
      'outStrength',
      'pageRank',
      'betweenness',
      'closeness',
      'eigenvector',
      'hubs',
      'authorities',
    ] as const;
    want.people.forEach((p, i) => {
      const got = doc.people[i];
      expect(got.id).toBe(p.id);
      for (const k of fields) {
        if (p[k] === null) expect(got[k]).toBeNull();
        else expect(Math.abs(got[k] - p[k]), `${p.id} ${k}`).toBeLessThan(1e-9);
      }
    });
  });
});
