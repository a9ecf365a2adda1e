import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTiesCsr } from '../../src/fastpath/ingest-ties.js';
import { louvain } from '../../src/fastpath/kernels/louvain.js';
import { csrFromEdges } from '../../src/graph/csr-builder.js';
import { tempDir, writeTemp } from './helpers.js';
import { readTies } from '../../src/ingest/ties.js';
import { readRoster } from '../../src/ingest/roster.js';
import type { Problem } from '../../src/model/types.js';

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
    const r = await readTiesCsr(writeTemp(dir, 'nohead.csv', 'who,whom\na,b\n'));
    expect(r.problems.map((p) => p.code)).toEqual(['MISSING_COLUMN', 'MISSING_COLUMN']);
  });
});

describe('readTiesCsr reads a tie list as readTies does (one set of header and value rules)', () => {
  const problemsOf = async (name: string, text: string, rosterText = 'staff_id\na\nb\nc\n') => {
    const path = writeTemp(dir, name, text);
    const rosterPath = writeTemp(dir, `roster-${name}`, rosterText);
    const roster = await readRoster(rosterPath);
    if (!roster.ok) throw new Error(JSON.stringify(roster.problems));
    const slow = await readTies(path, { rosterIds: new Set(roster.value.map((p) => p.id)) });
    const fast = await readTiesCsr(path, { roster: rosterPath });
    const codes = (ps: readonly Problem[]) => ps.filter((p) => p.severity === 'error').map((p) => [p.code, p.row, p.column, p.message]);
    return { slow, fast, slowCodes: codes(slow.problems), fastCodes: codes(fast.problems) };
  };

  it('accepts the same header aliases, and a count column is the weight when there is no weight column', async () => {
    const { slow, fast } = await problemsOf('alias.csv', 'From,To,Times\na,b,2\nc,b,3\na,b,1\n');
    expect(slow.ok && fast.ok).toBe(true);
    if (!slow.ok || !fast.ok) throw new Error('refused');
    const slowWeights = new Map(slow.value.ties.map((t) => [`${t.source}>${t.target}`, t.weight]));
    const fastWeights = new Map<string, number>();
    for (let i = 0; i < fast.graph.n; i++)
      for (let k = fast.graph.outOffsets[i]!; k < fast.graph.outOffsets[i + 1]!; k++)
        fastWeights.set(`${fast.graph.ids[i]}>${fast.graph.ids[fast.graph.outTargets[k]!]}`, fast.graph.outWeights[k]!);
    expect(fastWeights).toEqual(
      new Map([
        ['a>b', 3],
        ['c>b', 3],
      ]),
    );
    expect(fastWeights).toEqual(slowWeights);
  });

  it('refuses the same weights, counts and headers with the same code, row, column and words', async () => {
    const cases: Array<[string, string]> = [
      ['huge.csv', 'source,target,weight\na,b,1e308\nc,b,2\n'],
      ['empty-weight.csv', 'source,target,weight\na,b,\nc,b,2\n'],
      ['words.csv', 'source,target,weight\na,b,often\n'],
      ['count.csv', 'source,target,count\na,b,1.5\n'],
      ['dup.csv', 'source,target,Source\na,b,c\n'],
    ];
    for (const [name, text] of cases) {
      const { slowCodes, fastCodes } = await problemsOf(name, text);
      expect(slowCodes.length, name).toBeGreaterThan(0);
      expect(fastCodes, name).toEqual(slowCodes);
    }
  });

  it('refuses what is no CSV (empty, binary, .xlsx, UTF-16) with the same code and words', async () => {
    const files: Array<[string, Uint8Array]> = [
      ['empty.csv', new Uint8Array(0)],
      ['photo.csv', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])],
      ['book.csv', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0])],
      ['u16.csv', Buffer.from('\uFEFFsource,target\na,b\n', 'utf16le')],
    ];
    for (const [name, bytes] of files) {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      const slow = await readTies(path);
      const fast = await readTiesCsr(path);
      const words = (ps: readonly Problem[]) => ps.map((p) => [p.code, p.message]);
      expect(fast.ok, name).toBe(false);
      expect(words(fast.problems), name).toEqual(words(slow.problems));
    }
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
