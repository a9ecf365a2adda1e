import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { runCli } from '../../../src/cli/main.js';
import { readTies } from '../../../src/ingest/ties.js';
import { repoRoot } from '../../helpers/datasets.js';
import { tempDir, writeTemp } from './helpers.js';

async function cli(args: string[], cwd: string) {
  let stdout = '',
    stderr = '';
  const code = await runCli(['import', ...args], {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    cwd,
    env: {},
  });
  return { code, stdout, stderr };
}

const fixture = join(repoRoot, 'fixtures', 'surveys', 'northfield-google');

describe('leadmap import', () => {
  it('exits 3 with NEEDS REVIEW and a review CSV, then 0 once the written mapping is filled in', async () => {
    const dir = tempDir();
    for (const f of ['survey.csv', 'roster.csv']) copyFileSync(join(fixture, f), join(dir, f));
    const first = await cli(
      ['survey.csv', '--roster', 'roster.csv', '--out', 'ties.csv', '--people-out', 'people.csv', '--write-mapping', 'm.yaml'],
      dir,
    );
    expect(first.code).toBe(3);
    expect(first.stdout).toContain('NEEDS REVIEW');
    expect(first.stdout).toMatch(/Response rate:/);
    expect(existsSync(join(dir, 'ties.review.csv'))).toBe(true);
    const starter = YAML.parse(readFileSync(join(dir, 'm.yaml'), 'utf8'));
    expect(Object.values(starter.resolutions).every((v) => v === null)).toBe(true);
    // the reviewer decides, as the fixture's mapping did
    const decided = YAML.parse(readFileSync(join(fixture, 'mapping.yaml'), 'utf8')).resolutions as Record<string, string>;
    expect(Object.keys(starter.resolutions).sort()).toEqual(Object.keys(decided).sort());
    starter.resolutions = decided;
    writeFileSync(join(dir, 'm.yaml'), YAML.stringify(starter));
    const second = await cli(
      ['survey.csv', '--roster', 'roster.csv', '--mapping', 'm.yaml', '--out', 'ties.csv', '--people-out', 'people.csv'],
      dir,
    );
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(second.stdout).not.toContain('NEEDS REVIEW');
    expect(existsSync(join(dir, 'ties.review.csv'))).toBe(false);
    const ties = readFileSync(join(dir, 'ties.csv'), 'utf8');
    expect(ties.split('\n')[0]).toBe('source,target,relation,domain,weight,count,timestamp');
    const expected = readFileSync(join(fixture, 'expected-ties.csv'), 'utf8').trim().split('\n').slice(1).sort();
    expect(
      ties
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(',').slice(0, 5).join(','))
        .sort(),
    ).toEqual(expected);
    // the ties ingest reads what import writes, with the same number of ties.
    const read = await readTies(join(dir, 'ties.csv'));
    expect(read.ok, JSON.stringify(read.problems.slice(0, 3))).toBe(true);
    if (read.ok) expect(read.value.ties).toHaveLength(ties.trim().split('\n').length - 1);
    const people = readFileSync(join(dir, 'people.csv'), 'utf8').split('\n');
    expect(people[0]).toMatch(/^id,name,department,responded,/);
    expect(people.filter((l) => /,no,/.test(l)).length).toBe(2);
  });
  it('prints a JSON summary with --json', async () => {
    const dir = tempDir();
    const r = await cli(
      [
        join(fixture, 'survey.csv'),
        '--roster',
        join(fixture, 'roster.csv'),
        '--mapping',
        join(fixture, 'mapping.yaml'),
        '--out',
        join(dir, 't.csv'),
        '--people-out',
        join(dir, 'p.csv'),
        '--json',
      ],
      dir,
    );
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.needsReview).toBe(false);
    expect(s.responseRates[0]).toMatchObject({ department: '(all)', roster: 14, responded: 12 });
    expect(s.matchedByRule.mapping).toBeGreaterThan(0);
  });
  it('exits 2 on a file that is not a survey export, naming the file and what was expected', async () => {
    const dir = tempDir();
    writeTemp(dir, 'ties.csv', 'source,target,weight\na,b,1\n');
    copyFileSync(join(fixture, 'roster.csv'), join(dir, 'roster.csv'));
    const r = await cli(['ties.csv', '--roster', 'roster.csv'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ties\.csv.*not a usable survey export/s);
    expect(r.stderr).toMatch(/NOT_A_SURVEY_EXPORT/);
    expect((await cli(['ties.csv'], dir)).code).toBe(2);
  });
});
