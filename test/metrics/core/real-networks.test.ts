import { expect, it } from 'vitest';
import { describeWithDatasets } from '../../helpers/datasets.js';
import { loadNetwork } from './load.js';
import { checkAgainstReference } from './check-reference.js';

/** Every core metric against networkx 3.6 on the three real networks (test/reference/make_reference.py). */
const NETWORKS: Array<[string, string]> = [
  ['lazega_lawfirm', 'advice'],
  ['krackhardt_hightech', 'advice'],
  ['uk_faculty', 'friendship'],
];

describeWithDatasets('core metrics agree with networkx on the real networks', () => {
  for (const [name, relation] of NETWORKS) {
    checkAgainstReference(name, () => loadNetwork(name, relation));
  }
  it('the lazega advice network has the documented size (71 lawyers, 892 ties)', () => {
    const g = loadNetwork('lazega_lawfirm', 'advice');
    expect([g.order, g.size]).toEqual([71, 892]);
  });
});
