import { expect, it } from 'vitest';
import { run } from './run.js';
import { datasetFile, describeWithDatasets } from '../helpers/datasets.js';

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
