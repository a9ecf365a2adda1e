import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from './run.js';
import { tempDir, writeFile } from '../ingest/tmp.js';
import { datasetFile, describeWithDatasets, repoRoot } from '../helpers/datasets.js';

const dir = tempDir();
const roster = writeFile(dir, 'roster.csv', 'id,name,role\n1,Ann,principal\n2,Ben,teacher\n3,Cy,teacher\n4,Di,teacher\n');

describe('leadmap analyze', () => {
  it('--json prints exactly one JSON document with one entry per person, isolates included', async () => {
    const ties = writeFile(dir, 'ties.csv', 'source,target\n2,1\n3,1\n1,2\n');
    const r = await run(['analyze', ties, '--roster', roster, '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(expect.arrayContaining(['network', 'people']));
    expect(doc.people.map((p: { id: string }) => p.id)).toEqual(['1', '2', '3', '4']);
    expect(doc.people[0]).toMatchObject({ id: '1', inDegree: 2, outDegree: 1, inStrength: 2, outStrength: 1 });
    expect(doc.network).toMatchObject({ people: 4, ties: 3 });
  });

  it('exits 2 and lists every problem on stderr, printing nothing on stdout', async () => {
    const ties = writeFile(dir, 'bad.csv', 'source,target,weight\n2,1,often\n9,1,1\n');
    const r = await run(['analyze', ties, '--roster', roster, '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('bad.csv row 2, column "weight": "often" is not a positive number');
    expect(r.stderr).toContain('bad.csv row 3, column "source": "9" is not on the roster');
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('exits 2 for a missing file, an unknown relation and an unknown option', async () => {
    expect((await run(['analyze', 'nope.csv'])).code).toBe(2);
    const ties = writeFile(dir, 'rel.csv', 'source,target,relation\n2,1,advice\n');
    const r = await run(['analyze', ties, '--roster', roster, '--relation', 'friendship']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('UNKNOWN_RELATION');
    expect((await run(['analyze', ties, '--bogus'])).code).toBe(2);
  });

  it('prints a readable report without --json', async () => {
    const ties = writeFile(dir, 'ok.csv', 'source,target\n2,1\n3,1\n');
    const r = await run(['analyze', ties, '--roster', roster]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('in-degree centralization');
    expect(r.stdout).toContain('Ann (1)');
  });
});

describeWithDatasets('leadmap analyze as an installed command', () => {
  // Needs the build (npm install runs it); skipped on a developer machine that has not built, failing in CI.
  const built = existsSync(`${repoRoot}/dist/cli/bin.js`) || process.env.CI === 'true';
  it.skipIf(!built)('runs through bin/leadmap.js on the law firm advice network', () => {
    const out = execFileSync(
      process.execPath,
      [
        `${repoRoot}/bin/leadmap.js`,
        'analyze',
        datasetFile('lazega_lawfirm', 'ties.csv'),
        '--roster',
        datasetFile('lazega_lawfirm', 'roster.csv'),
        '--relation',
        'advice',
        '--json',
      ],
      { encoding: 'utf8' },
    );
    const doc = JSON.parse(out);
    expect(doc.network.people).toBe(71);
    expect(doc.network.ties).toBe(892);
    expect(doc.people).toHaveLength(71);
    const bad = spawnSync(
      process.execPath,
      [
        `${repoRoot}/bin/leadmap.js`,
        'analyze',
        datasetFile('lazega_lawfirm', 'ties.csv'),
        '--roster',
        datasetFile('lazega_lawfirm', 'ties.csv'),
      ],
      { encoding: 'utf8' },
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('TIES_AS_ROSTER');
  });
});
