/**
 * Regression tests for defects found by the independent verification (test/verify/random-networks.test.ts)
 * outside src/metrics: null metrics carry their reason in the JSON; absurd weights are refused at ingest.
 */
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../cli/run.js';
import { tempDir, writeFile } from '../ingest/tmp.js';
import { EXIT } from '../../src/cli/command.js';
import { MAX_STRENGTH } from '../../src/ingest/values.js';

/** What a crash looks like on stderr: the CLI's internal-error line, or a stack frame. */
const STACK_OR_CRASH = /internal error|^\s+at .+:\d+:\d+\)?$/m;

const CASES = join(dirname(fileURLToPath(import.meta.url)), 'cases');
const dir = tempDir();

describe('analyze --json: defects found by the verification stay fixed', () => {
  it('an acyclic network gives eigenvector null (as networkx raises PowerIterationFailedConvergence)', async () => {
    const r = await run(['analyze', join(CASES, 'dag_60', 'ties.csv'), '--roster', join(CASES, 'dag_60', 'roster.csv'), '--json']);
    expect(r.stderr).not.toMatch(STACK_OR_CRASH);
    expect(r.code).toBe(EXIT.ok);
    const doc = JSON.parse(r.stdout);
    expect(doc.people.every((p: { eigenvector: unknown }) => p.eigenvector === null)).toBe(true);
  });

  // docs/metrics.md: "Every null has an entry in notes"; coreMetrics returns notes, the CLI JSON drops them.
  it('the JSON says why eigenvector is null (coreMetrics notes are printed)', async () => {
    const r = await run(['analyze', join(CASES, 'dag_60', 'ties.csv'), '--roster', join(CASES, 'dag_60', 'roster.csv'), '--json']);
    expect(r.code).toBe(EXIT.ok);
    const doc = JSON.parse(r.stdout);
    expect(doc.notes).toEqual(expect.arrayContaining([expect.objectContaining({ metric: 'eigenvector' })]));
  });

  // Weights were accepted up to Number.MAX_VALUE and their sums overflowed: inStrength printed as null (from
  // Infinity) and HITS as null, with no reason. Ingest now bounds a tie strength (MAX_STRENGTH).
  it('finite weights never give a null strength: the largest accepted weight sums without overflow', async () => {
    const roster = writeFile(dir, 'roster.csv', 'id\na\nb\nc\n');
    const ties = writeFile(dir, 'max.csv', `source,target,weight\na,b,${MAX_STRENGTH}\nc,b,${MAX_STRENGTH}\n`);
    const r = await run(['analyze', ties, '--roster', roster, '--json']);
    expect(r.stderr).not.toMatch(STACK_OR_CRASH);
    expect(r.code).toBe(EXIT.ok);
    const doc = JSON.parse(r.stdout);
    expect(doc.people.map((p: { inStrength: unknown }) => p.inStrength)).not.toContain(null);
  });

  it('a weight beyond any tie strength is refused with its row and a code, not a crash', async () => {
    const roster = writeFile(dir, 'roster.csv', 'id\na\nb\nc\n');
    const ties = writeFile(dir, 'huge.csv', 'source,target,weight\na,b,1e308\nc,b,1e308\n');
    const r = await run(['analyze', ties, '--roster', roster, '--json']);
    expect(r.stderr).not.toMatch(STACK_OR_CRASH);
    expect(r.code).toBe(EXIT.badInput);
    expect(r.stderr).toMatch(/huge\.csv row 2, column "weight".*\[BAD_WEIGHT\]/);
  });
});
