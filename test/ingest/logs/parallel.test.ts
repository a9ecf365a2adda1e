import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readInteractionLog, writeTies, type LogResult } from '../../../src/ingest/logs/index.js';
import { parallelPlan, readInParallel } from '../../../src/ingest/logs/parallel.js';
import { LOG_DEFAULTS } from '../../../src/ingest/logs/options.js';
import { mulberry32 } from '../../../src/metrics/random.js';
import { repoRoot } from '../../helpers/datasets.js';
import { tempDir, writeTemp } from '../../fastpath/helpers.js';

/**
 * Reading a log in two byte ranges on two threads must give exactly what one pass gives: the same ties
 * CSV byte for byte, the same people in the same order, the same counts. Worker threads load compiled
 * JavaScript, so the test compiles the range worker (as test/fastpath/pool.test.ts does the pool's).
 */
let workerUrl: URL;
const dir = tempDir('leadmap-logs-parallel-');

beforeAll(() => {
  const out = tempDir('leadmap-log-worker-');
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
      join(repoRoot, 'src', 'ingest', 'logs', 'range-worker.ts'),
    ],
    { stdio: 'pipe' },
  );
  writeFileSync(join(out, 'package.json'), '{"type":"module"}');
  workerUrl = pathToFileURL(join(out, 'ingest', 'logs', 'range-worker.js'));
});

/** A seeded e-mail log: 60 people (some off the roster, some in upper case or as "Name <addr>"), 4 months. */
function log(rows: number, seed: number, extra: (r: number) => string | null = () => null): string {
  const rnd = mulberry32(seed);
  const addr = (i: number) => (i % 17 === 0 ? `P${i}@S.org` : i % 13 === 0 ? `Person ${i} <p${i}@s.org>` : `p${i}@s.org`);
  const lines = ['timestamp,sender,to,cc'];
  for (let r = 0; r < rows; r++) {
    const special = extra(r);
    if (special !== null) {
      lines.push(special);
      continue;
    }
    const day = 1 + Math.floor((r / rows) * 118);
    const ts = `2025-${String(1 + Math.floor(day / 30)).padStart(2, '0')}-${String(1 + (day % 28)).padStart(2, '0')}T10:00:00Z`;
    const s = Math.floor(rnd() * 60);
    const to = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () =>
      rnd() < 0.05 ? `x${Math.floor(rnd() * 9)}@out.com` : addr(Math.floor(rnd() * 60)),
    );
    const k = rnd() < 0.01 ? 12 : 0; // a few broadcasts
    for (let j = 0; j < k; j++) to.push(addr(j));
    lines.push(`${ts},${addr(s)},"${to.join(';')}",${rnd() < 0.2 ? addr(Math.floor(rnd() * 60)) : ''}`);
  }
  return lines.join('\n') + '\n';
}

const csv = (r: LogResult): string => {
  if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
  let text = '';
  writeTies(r.aggregate, (b) => (text += b));
  return text;
};

/** Whether the two-range read itself succeeds on `path` (null: it would fall back to one pass). */
async function twoRanges(path: string): Promise<boolean> {
  const o = { ...LOG_DEFAULTS, kind: 'email' as const, parallelMinBytes: 0, workerUrl };
  const plan = await parallelPlan(path, o);
  return plan !== null && (await readInParallel(path, plan, o, 'x.csv', null)) !== null;
}

async function both(path: string, extra: Record<string, unknown> = {}): Promise<[LogResult, LogResult]> {
  const one = await readInteractionLog(path, { kind: 'email', parallelMinBytes: Infinity, ...extra });
  const two = await readInteractionLog(path, { kind: 'email', parallelMinBytes: 0, workerUrl, ...extra });
  return [one, two];
}

describe('an e-mail log read in two byte ranges', () => {
  it('is split near the middle, just after a newline, when the rules allow it', async () => {
    const path = writeTemp(dir, 'plan.csv', log(2000, 1));
    const plan = await parallelPlan(path, { ...LOG_DEFAULTS, kind: 'email', parallelMinBytes: 0, workerUrl });
    expect(plan).not.toBeNull();
    expect(plan!.header).toEqual(['timestamp', 'sender', 'to', 'cc']);
    expect(await parallelPlan(path, { ...LOG_DEFAULTS, kind: 'email', splitWeight: true, parallelMinBytes: 0, workerUrl })).toBeNull();
    expect(
      await parallelPlan(path, { ...LOG_DEFAULTS, kind: 'email', broadcast: 'downweight', parallelMinBytes: 0, workerUrl }),
    ).toBeNull();
  });

  it('gives the ties, people and counts of one pass, without a roster', async () => {
    const path = writeTemp(dir, 'plain.csv', log(20_000, 2));
    expect(await twoRanges(path)).toBe(true);
    const [one, two] = await both(path);
    expect(csv(two)).toBe(csv(one));
    if (!one.ok || !two.ok) throw new Error('not read');
    expect(two.aggregate.ids).toEqual(one.aggregate.ids);
    const { progress: _a, ...s1 } = one.stats;
    const { progress: _b, ...s2 } = two.stats;
    expect(s2).toEqual(s1);
  });

  it('gives the result of one pass with a roster, off-roster addresses pooled as "external"', async () => {
    const roster = writeTemp(
      dir,
      'roster.csv',
      ['id,email', ...Array.from({ length: 50 }, (_, i) => `t${i},p${i}@s.org`)].join('\n') + '\n',
    );
    const path = writeTemp(dir, 'roster-log.csv', log(20_000, 3));
    for (const external of ['bucket', 'drop'] as const) {
      const [one, two] = await both(path, { roster, external });
      expect(csv(two)).toBe(csv(one));
      if (!one.ok || !two.ok) throw new Error('not read');
      expect(two.aggregate.ids).toEqual(one.aggregate.ids);
      expect(two.stats.offRosterAddresses).toBe(one.stats.offRosterAddresses);
      expect(two.stats.offRosterRecipientsDropped).toBe(one.stats.offRosterRecipientsDropped);
    }
  });

  it('falls back to one pass when the middle falls inside a quoted field with line breaks', async () => {
    const rows = 4000;
    // one row near the middle whose quoted recipient list spans 15,000 lines, about 40 % of the file
    const long = `2025-02-10T10:00:00Z,p1@s.org,"${Array.from({ length: 15_000 }, (_, i) => `p${i % 60}@s.org;`).join('\n')}",`;
    const path = writeTemp(
      dir,
      'quoted.csv',
      log(rows, 4, (r) => (r === rows / 2 - 500 ? long : null)),
    );
    expect(await twoRanges(path)).toBe(false);
    const [one, two] = await both(path);
    expect(csv(two)).toBe(csv(one));
  });

  it('keeps the row numbers of problems in the second half (read again in one pass)', async () => {
    const rows = 6000;
    const path = writeTemp(
      dir,
      'bad.csv',
      log(rows, 5, (r) => (r === rows - 10 ? 'yesterday,p1@s.org,p2@s.org,' : null)),
    );
    expect(await twoRanges(path)).toBe(false);
    const [one, two] = await both(path, { skipBadRows: true });
    expect(two.problems).toEqual(one.problems);
    expect(two.problems[0]).toMatchObject({ row: rows - 8, code: 'BAD_TIMESTAMP' });
    expect(csv(two)).toBe(csv(one));
  });
});
