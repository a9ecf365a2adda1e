/**
 * How often the change between waves claims a change where none was planted, over many redraws:
 * `node dist-tools/tools/fixtures-gen/noise-calibration.js [redraws=20] [school …]` (after
 * `npm run build:tools`). For each demo school, the latest wave as committed is compared
 * (compareWaves, the computation of `leadmap compare`) with `redraws` further runs of the same story
 * under fresh seed streams ("redrawn-1", "redrawn-2", …; the committed noise is "redrawn"). Nothing
 * changed between them, so with 95 % intervals about 1 row in 20 should read "up" or "down". Prints,
 * per school, the share of measured rows that claim a change and how often the school's planted
 * measure (its stable-core row) does — the evidence that a single noise claim is chance, or not.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDataset } from '../../src/ingest/load-dataset.js';
import { compareWaves } from '../../src/metrics/change/compare-waves.js';
import type { Dataset } from '../../src/model/types.js';
import { DEMO_SEED } from './generate.js';
import { highland } from './schools/highland.js';
import { lakeside } from './schools/lakeside.js';
import { pinewood } from './schools/pinewood.js';
import { riverside } from './schools/riverside.js';
import type { SchoolOutput, WaveOutput } from './types.js';
import { waveFiles } from './write.js';

/** Each school's generator and seed (as generateAll), and the measure its story plants between its first two waves. */
const SCHOOLS: Record<string, { make: (redraw?: string) => SchoolOutput; planted: string }> = {
  lakeside: { make: (r) => lakeside(DEMO_SEED ^ 0x1a4e, r), planted: 'inDegreeCentralization' },
  riverside: { make: (r) => riverside(DEMO_SEED ^ 0x2b5f, r), planted: 'eiIndex' },
  highland: { make: (r) => highland(DEMO_SEED ^ 0x3c60, r), planted: 'eiIndex' },
  pinewood: { make: (r) => pinewood(DEMO_SEED ^ 0x4d71, r), planted: 'eiIndex' },
};

async function datasetOf(w: WaveOutput): Promise<Dataset> {
  const dir = mkdtempSync(join(tmpdir(), 'leadmap-noise-'));
  try {
    for (const [name, text] of Object.entries(waveFiles(w))) writeFileSync(join(dir, name), text);
    const r = await loadDataset({
      roster: join(dir, 'roster.csv'),
      ties: join(dir, 'ties.csv'),
      respondents: join(dir, 'respondents.csv'),
    });
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
    return { ...r.value, wave: r.value.wave ?? { id: w.label, label: w.label, schoolId: '', collectedOn: null } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const [first, ...rest] = process.argv.slice(2);
  const redraws = Number(first ?? 20) || 20;
  const names = rest.length > 0 ? rest : Object.keys(SCHOOLS);
  for (const name of names) {
    const school = SCHOOLS[name];
    if (!school) throw new Error(`unknown school ${name}; one of ${Object.keys(SCHOOLS).join(', ')}`);
    const committed = school.make();
    const latest = await datasetOf(committed.waves.at(-1)!);
    let measured = 0;
    let claimed = 0;
    const plantedClaims: string[] = [];
    for (let k = 0; k <= redraws; k++) {
      // k = 0: the committed noise ("redrawn"); then the further redraws.
      const redrawn = k === 0 ? committed.redrawn : school.make(`redrawn-${k}`).redrawn;
      const c = compareWaves(latest, await datasetOf(redrawn));
      const rows = c.indicators.filter((i) => i.verdict !== 'not measured');
      const clear = rows.filter((i) => i.verdict === 'up' || i.verdict === 'down');
      measured += rows.length;
      claimed += clear.length;
      const core = c.indicators.find((i) => i.key === school.planted && i.population === 'core' && i.domain === 'all');
      if (core && (core.verdict === 'up' || core.verdict === 'down'))
        plantedClaims.push(
          `${k === 0 ? 'committed' : `redrawn-${k}`} ${core.verdict} (${core.change?.toFixed(3)}, ${core.low?.toFixed(3)} to ${core.high?.toFixed(3)})`,
        );
      process.stderr.write('.');
    }
    process.stderr.write('\n');
    process.stdout.write(
      `${name}: ${redraws + 1} noise pairs; ${claimed} of ${measured} measured rows claim a change (${((100 * claimed) / measured).toFixed(1)} %); ` +
        `the planted ${school.planted} (stable core) claims one in ${plantedClaims.length} of ${redraws + 1}${plantedClaims.length ? `: ${plantedClaims.join('; ')}` : ''}\n`,
    );
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${String((err as Error)?.stack ?? err)}\n`);
  process.exit(1);
});
