import { copyFileSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readIdList } from '../../src/ingest/id-list.js';
import { repoRoot } from '../helpers/datasets.js';
import { tempDir, writeFile } from '../ingest/tmp.js';
import { run } from './run.js';

const fixture = join(repoRoot, 'fixtures', 'surveys', 'northfield-google');

describe('leadmap report --respondents with the people file leadmap import writes', () => {
  it('counts only the rows marked responded = yes and states the response rate on stderr and in the report', async () => {
    const dir = tempDir();
    for (const f of ['survey.csv', 'roster.csv', 'mapping.yaml']) copyFileSync(join(fixture, f), join(dir, f));
    const imported = await run(
      ['import', 'survey.csv', '--roster', 'roster.csv', '--mapping', 'mapping.yaml', '--out', 'ties.csv', '--people-out', 'people.csv'],
      dir,
    );
    expect(imported.code, imported.stderr).toBe(0);
    const rows = readFileSync(join(dir, 'people.csv'), 'utf8').trim().split('\n').slice(1);
    const col = readFileSync(join(dir, 'people.csv'), 'utf8').split('\n')[0]!.split(',').indexOf('responded');
    const yes = rows.filter((r) => r.split(',')[col] === 'yes').length;
    const roster = readFileSync(join(dir, 'roster.csv'), 'utf8').trim().split('\n').length - 1;
    expect(yes).toBeGreaterThan(0);
    expect(yes).toBeLessThan(roster); // some staff did not answer: a yes/no file must not read as 100 %

    const r = await run(
      [
        'report',
        '--roster',
        'roster.csv',
        '--ties',
        'ties.csv',
        '--respondents',
        'people.csv',
        '--school',
        'Northfield',
        '--wave',
        '2025-26',
        '--out',
        'r.pdf',
      ],
      dir,
    );
    expect(r.code, r.stderr).toBe(0);
    const rate = `${Math.round((100 * yes) / roster)} %`;
    expect(r.stderr).toContain(`response rate ${rate}: ${yes} of ${roster} staff on the roster answered`);
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toMatch(new RegExp(`Response rate\\s+${rate}`));
  });

  it('reads yes/no, true/false and 1/0, and names the row of any other value', async () => {
    const dir = tempDir();
    const known = new Set(['a', 'b', 'c', 'd']);
    const ok = writeFile(dir, 'people.csv', 'id,responded\na,yes\nb,No\nc,TRUE\nd,0\n');
    const res = await readIdList(ok, known);
    expect(res.ok && res.value.sort()).toEqual(['a', 'c']);
    const plain = await readIdList(writeFile(dir, 'ids.csv', 'id\na\nb\n'), known);
    expect(plain.ok && plain.value.sort()).toEqual(['a', 'b']);
    const bad = await readIdList(writeFile(dir, 'bad.csv', 'id,responded\na,yes\nb,maybe\n'), known);
    expect(bad.ok).toBe(false);
    expect(bad.problems).toContainEqual(
      expect.objectContaining({ code: 'BAD_VALUE', file: 'bad.csv', row: 3, column: 'responded', value: 'maybe' }),
    );
  });
});
