import { describe, expect, it } from 'vitest';
import { run } from '../../cli/run.js';
import { tempDir, writeFile } from '../../ingest/tmp.js';

const dir = tempDir();
const roster = writeFile(
  dir,
  'roster.csv',
  'id,name,role,department\n1,Ann,principal,Admin\n2,Ben,teacher,Math\n3,Cy,teacher,Math\n4,Di,teacher,Math\n5,Ed,teacher,Math\n',
);
const ties = writeFile(
  dir,
  'ties.csv',
  'source,target,domain\n2,3,curriculum\n4,3,curriculum\n5,3,curriculum\n1,3,curriculum\n2,1,behaviour\n',
);

describe('leadmap analyze with leadership analytics', () => {
  it('--json adds the analytics sections next to network and people', async () => {
    const r = await run(['analyze', ties, '--roster', roster, '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    for (const key of [
      'network',
      'people',
      'leaders',
      'distribution',
      'formalInformal',
      'groups',
      'brokerage',
      'risk',
      'periphery',
      'quality',
    ])
      expect(doc).toHaveProperty(key);
    expect(doc.leaders.byDomain.find((d: { domain: string }) => d.domain === 'curriculum').leaders).toEqual(['3']);
  });

  it('the text output ends with the plain-language summary', async () => {
    const r = await run(['analyze', ties, '--roster', roster, '--group-by', 'department']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('LEADERSHIP SUMMARY');
    expect(r.stdout).toContain('Advice on curriculum runs through one person (Cy).');
  });
});
