import { describe, expect, it } from 'vitest';
import { readTiesCsr } from '../../src/fastpath/ingest-ties.js';
import { louvain } from '../../src/fastpath/kernels/louvain.js';
import { csrFromEdges } from '../../src/fastpath/csr-graph.js';
import { tempDir, writeTemp } from './helpers.js';

const dir = tempDir('leadmap-fast-ties-');

describe('readTiesCsr', () => {
  it('sums duplicate rows, drops self-ties and keeps roster isolates', async () => {
    const roster = writeTemp(dir, 'roster.csv', 'id,name\na,A\nb,B\nc,C\nd,D\n');
    const ties = writeTemp(dir, 'ties.csv', 'source,target,relation,weight\na,b,advice,2\na,b,advice,1\nb,b,advice,1\nc,a,advice,1\n');
    const r = await readTiesCsr(ties, { roster });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.graph.ids).toEqual(['a', 'b', 'c', 'd']);
    expect(r.graph.m).toBe(2);
    expect(r.graph.outWeights[0]).toBe(3);
    expect(r.stats).toMatchObject({ rowsRead: 4, duplicateRowsAggregated: 1, selfTiesDropped: 1 });
  });

  it('selects the relation like buildGraph and pools domains', async () => {
    const ties = writeTemp(
      dir,
      'multi.csv',
      'source,target,relation,domain,weight\na,b,advice,curriculum,1\na,b,advice,behaviour,2\nb,a,friendship,any,1\n',
    );
    const r = await readTiesCsr(ties);
    expect(r.ok && [r.graph.m, r.graph.outWeights[0], r.stats.relation, r.stats.otherRelationRows]).toEqual([1, 3, 'advice', 1]);
    const d = await readTiesCsr(ties, { domain: 'behaviour' });
    expect(d.ok && d.graph.outWeights[0]).toBe(2);
  });

  it('names file, row and column of bad weights and unknown people', async () => {
    const roster = writeTemp(dir, 'r2.csv', 'id\na\nb\n');
    const ties = writeTemp(dir, 'bad.csv', 'source,target,weight\na,b,often\na,zed,1\n');
    const r = await readTiesCsr(ties, { roster });
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => [p.code, p.file, p.row, p.column])).toEqual([
      ['BAD_WEIGHT', 'bad.csv', 2, 'weight'],
      ['UNKNOWN_PERSON', 'bad.csv', 3, 'target'],
    ]);
  });

  it('refuses a file without source and target columns', async () => {
    const r = await readTiesCsr(writeTemp(dir, 'nohead.csv', 'from,to\na,b\n'));
    expect(r.problems.map((p) => p.code)).toEqual(['MISSING_COLUMN', 'MISSING_COLUMN']);
  });
});

describe('louvain on typed arrays', () => {
  it('splits two triangles joined by one tie, modularity 5/14', () => {
    const g = csrFromEdges(
      [],
      [
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'a'],
        ['d', 'e'],
        ['e', 'f'],
        ['f', 'd'],
        ['c', 'd'],
      ],
    );
    const r = louvain(g, 1);
    expect(r.count).toBe(2);
    expect(r.labels[0]).toBe(r.labels[2]);
    expect(r.labels[0]).not.toBe(r.labels[3]);
    expect(r.modularity).toBeCloseTo(5 / 14, 12);
  });

  it('leaves everyone alone when there are no ties', () => {
    const r = louvain(csrFromEdges(['a', 'b'], []), 1);
    expect([r.count, r.modularity]).toEqual([2, null]);
  });
});
