/**
 * Crash stress: kill -9 the server in the middle of ingests many times and
 * check the store after each kill. Writes the results into docs/reliability.md
 * (between the CRASH-STRESS markers).
 *   npm run build && npm run build:tools && node dist-tools/tools/bench/crash-stress.js [--rounds 100] [--seed 1] [--rows 40000]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runCrashRounds } from '../harness/crash-harness.js';
import { productRunJs, repoRoot } from '../repo-root.js';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string' },
    seed: { type: 'string' },
    rows: { type: 'string' },
    people: { type: 'string' },
    'no-doc': { type: 'boolean' },
  },
});
const rounds = Number(values.rounds ?? 100),
  seed = Number(values.seed ?? 1),
  rows = Number(values.rows ?? 40_000),
  people = Number(values.people ?? 1500);
const runJs = productRunJs();
const dir = mkdtempSync(join(tmpdir(), 'leadmap-crash-stress-'));
try {
  const s = await runCrashRounds({
    runJs,
    dataDir: join(dir, 'data'),
    rounds,
    seed,
    people,
    tieRows: rows,
    log: (l) => process.stdout.write(l + '\n'),
  });
  const failed = s.rounds.filter((r) => r.integrity.length > 0 || r.partial.length > 0);
  const phases = new Map<string, number>();
  for (const r of s.rounds) {
    const p = r.lastSeen.split(':').slice(0, 2).join(':');
    phases.set(p, (phases.get(p) ?? 0) + 1);
  }
  const table = [...phases]
    .sort((a, b) => b[1] - a[1])
    .map(([p, n]) => `| ${p} | ${n} |`)
    .join('\n');
  const md = `<!-- CRASH-STRESS:BEGIN -->
Run on ${new Date().toISOString().slice(0, 10)}: ${rounds} rounds, seed ${seed}, ${people} people, ${rows.toLocaleString('en')} tie rows per upload
(calibration ingest ${s.calibrationMs} ms; two rounds in three kill at a random moment in 0–110 % of it, every third
round kills as soon as the storing transaction reports progress; odd rounds upload into a new wave, even rounds
replace the data of a wave that already has some).

- Rounds whose store failed \`PRAGMA integrity_check\`: **${s.rounds.filter((r) => r.integrity.length > 0).length}**
- Rounds that left a partial wave (row counts ≠ recorded counts, or files missing): **${s.rounds.filter((r) => r.partial.length > 0).length}**
- Leftover upload files swept at the final restart: ${s.finalOrphans}; unreferenced files after it: ${s.finalUnreferenced}

Where the upload was when the process died (last state the client saw):

| state | rounds |
|---|---|
${table}
<!-- CRASH-STRESS:END -->`;
  process.stdout.write(`\n${failed.length === 0 ? 'PASS' : 'FAIL'}: ${failed.length} bad rounds of ${rounds}\n`);
  const doc = join(repoRoot(), 'docs', 'reliability.md');
  if (!values['no-doc'] && existsSync(doc)) {
    const text = readFileSync(doc, 'utf8');
    writeFileSync(doc, text.replace(/<!-- CRASH-STRESS:BEGIN -->[\s\S]*<!-- CRASH-STRESS:END -->/, md));
  } else process.stdout.write(md + '\n');
  process.exitCode = failed.length === 0 ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
