import { join } from 'node:path';
import { expect, it } from 'vitest';
import { run } from './run.js';
import { datasetFile, describeWithDatasets, repoRoot } from '../helpers/datasets.js';

const SECTIONS = ['leaders', 'distribution', 'formalInformal', 'groups', 'brokerage', 'risk', 'periphery', 'quality'] as const;

describeWithDatasets('leadmap analyze --fast (the large-file path)', () => {
  it('prints the JSON sections of the standard path, equal', async () => {
    const files = ['analyze', datasetFile('lazega_lawfirm', 'ties.csv'), '--roster', datasetFile('lazega_lawfirm', 'roster.csv')];
    const standard = await run([...files, '--relation', 'advice', '--json']);
    const fast = await run([...files, '--relation', 'advice', '--json', '--fast']);
    expect([standard.code, fast.code], standard.stderr + fast.stderr).toEqual([0, 0]);
    const a = JSON.parse(standard.stdout) as Record<string, unknown>;
    const b = JSON.parse(fast.stdout) as Record<string, unknown>;
    for (const key of SECTIONS) {
      expect(b[key], key).toBeDefined();
      expect(b[key], key).toEqual(a[key]);
    }
    expect(b.closenessMethod).toMatchObject({ approximate: false });
  });

  it('prints the leadership summary after the measures in the text output', async () => {
    const files = ['analyze', datasetFile('lazega_lawfirm', 'ties.csv'), '--roster', datasetFile('lazega_lawfirm', 'roster.csv')];
    const standard = await run([...files, '--relation', 'advice']);
    const fast = await run([...files, '--relation', 'advice', '--fast']);
    const tail = (s: string) => s.slice(s.indexOf('\n\n', s.indexOf('Definitions:')));
    expect(tail(fast.stdout)).toEqual(tail(standard.stdout));
  });
});

it('leadmap analyze --fast --json on a district prints the per-school rows, cross-school leaders and the office as the standard path does', async () => {
  const dir = join(repoRoot, 'fixtures', 'demo', 'pinewood', '2024-25');
  const files = ['analyze', join(dir, 'ties.csv'), '--roster', join(dir, 'roster.csv'), '--relation', 'advice', '--json'];
  const standard = await run(files);
  const fast = await run([...files, '--fast']);
  expect([standard.code, fast.code], standard.stderr + fast.stderr).toEqual([0, 0]);
  const a = JSON.parse(standard.stdout) as Record<string, unknown>;
  const b = JSON.parse(fast.stdout) as Record<string, unknown>;
  for (const key of [...SECTIONS, 'schools', 'crossSchoolLeaders', 'districtLevel']) {
    expect(b[key], key).toBeDefined();
    expect(b[key], key).toEqual(a[key]);
  }
});
