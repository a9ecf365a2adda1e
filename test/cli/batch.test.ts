import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../store/helpers.js';
import { demoBatch } from './batch-folder.js';
import { run } from './run.js';

describe('leadmap batch (embedded: in process)', () => {
  const temp = tempDir();
  afterAll(() => temp.remove());

  it('analyses and reports every school, a broken school failing alone with file, row and column, then the district roll-up', async () => {
    const input = join(temp.path, 'state');
    const out = join(temp.path, 'out');
    demoBatch(input, { broken: true });
    const r = await run(['batch', input, '--out', out, '--json', '--wave', '2025-26', '--previous-wave', '2024-25', '--threads', '2']);
    expect(JSON.parse(r.stdout)).toEqual({ schools: 4, done: 3, failed: 1, retried: 0 });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/broken: FAILED \[BAD_INPUT\]/);
    expect(r.stderr).toMatch(/broken\/ties\.csv row 4, column "weight": "often" .*\[BAD_WEIGHT\]/);
    expect(r.stderr).toMatch(/lakeside: done \(\d+ people, \d+ ties, change since the previous wave\)/);
    for (const school of ['lakeside', 'riverside', 'highland']) {
      expect(
        readFileSync(join(out, `${school}.pdf`))
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
    }
    expect(existsSync(join(out, 'broken.json'))).toBe(false);
    expect(existsSync(join(out, 'broken.pdf'))).toBe(false);

    // Each school's JSON is what leadmap analyze --json prints for the same files.
    const analyze = await run([
      'analyze',
      join(input, 'riverside', 'ties.csv'),
      '--roster',
      join(input, 'riverside', 'roster.csv'),
      '--respondents',
      join(input, 'riverside', 'respondents.csv'),
      '--json',
    ]);
    expect(analyze.code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'riverside.json'), 'utf8'))).toEqual(JSON.parse(analyze.stdout));

    // The district roll-up: the three schools that finished.
    const district = JSON.parse(readFileSync(join(out, 'district.json'), 'utf8')) as { schools: Array<{ school: string }> };
    expect(district.schools.map((s) => s.school).sort()).toEqual(['Highland High', 'Lakeside Elementary', 'Riverside Middle']);
    expect(readFileSync(join(out, 'district.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(r.stderr).toMatch(/district roll-up of 3 schools/);
  }, 180_000);

  it('a school folder without its files fails alone and names the missing file; --no-district writes no roll-up', async () => {
    const input = join(temp.path, 'two');
    const out = join(temp.path, 'out-two');
    demoBatch(input);
    const { rmSync } = await import('node:fs');
    rmSync(join(input, 'highland', 'ties.csv'));
    rmSync(join(input, 'lakeside'), { recursive: true });
    const r = await run(['batch', input, '--out', out, '--json', '--wave', '2025-26', '--no-district']);
    expect(JSON.parse(r.stdout)).toEqual({ schools: 2, done: 1, failed: 1, retried: 0 });
    expect(r.stderr).toMatch(/highland\/ties\.csv: each school folder needs roster\.csv and ties\.csv \[MISSING_FILE\]/);
    expect(existsSync(join(out, 'riverside.json'))).toBe(true);
    expect(existsSync(join(out, 'district.json'))).toBe(false);
  }, 120_000);
});
