import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from '../../src/ingest/csv-safe.js';
import { Pseudonyms } from '../../src/privacy/pseudonym.js';
import { hiddenGroups, suppressBlocks, suppressGroups, groupLabelFor, SMALL_GROUP_LABEL } from '../../src/privacy/suppress.js';
import { privacyPolicy } from '../../src/privacy/policy.js';

describe('csvCell', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTAB', "'\tTAB"],
    ['\rCR', `"'\rCR"`],
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
    [' padded ', '" padded "'],
    // Text that is only a number is that number in a spreadsheet, not a formula.
    ['-3', '-3'],
    ['+2.5', '+2.5'],
    ['-1,5', '"-1,5"'],
    ['-1e3', "'-1e3"],
  ])('makes %j safe: %j', (input, out) => {
    expect(csvCell(input)).toBe(out);
  });
  it('writes numbers as numbers, including negative ones, and empties for null and non-finite', () => {
    expect(csvLine([-0.5, 3, null, Number.NaN, true])).toBe('-0.5,3,,,true\r\n');
  });
});

describe('Pseudonyms', () => {
  const secret = Buffer.alloc(32, 7);
  it('are stable for a secret, differ between secrets, and carry no part of the id', () => {
    const ids = Array.from({ length: 50 }, (_, i) => `T${i}`);
    const a = new Pseudonyms(secret, ids),
      b = new Pseudonyms(secret, [...ids].reverse()),
      c = new Pseudonyms(Buffer.alloc(32, 8), ids);
    for (const id of ids) {
      expect(a.label(id)).toMatch(/^P-[0-9A-F]{4,}$/);
      expect(a.label(id)).toBe(b.label(id));
      expect(a.label(id)).not.toBe(c.label(id));
    }
    expect(() => a.label('nobody')).toThrow();
  });
  it('grow longer until every label of a large wave is distinct', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `S${i}`);
    const p = new Pseudonyms(secret, ids);
    const labels = new Set(ids.map((id) => p.label(id)));
    expect(labels.size).toBe(5000);
  });
});

describe('small-group suppression', () => {
  it('hides every statistic of a group under the minimum and one more when only one would be hidden', () => {
    const rows = [
      { group: 'A', size: 12, rate: 0.9 },
      { group: 'B', size: 6, rate: 0.5 },
      { group: 'C', size: 3, rate: 1 },
      { group: 'D', size: 8, rate: 0.7 },
    ];
    const out = suppressGroups(rows, 5);
    expect(out.find((r) => r.group === 'C')).toEqual({ group: 'C', size: null, rate: null, suppressed: true });
    expect(out.find((r) => r.group === 'B')).toMatchObject({ suppressed: true, rate: null });
    expect(out.filter((r) => !r.suppressed).map((r) => r.group)).toEqual(['A', 'D']);
  });
  it('leaves everything when all groups are large enough, and respects the configured minimum', () => {
    const rows = [
      { group: 'A', size: 5 },
      { group: 'B', size: 7 },
    ];
    expect(suppressGroups(rows, 5).every((r) => !r.suppressed)).toBe(true);
    expect(suppressGroups(rows, privacyPolicy(6).minGroupSize)[0]).toMatchObject({ suppressed: true });
    expect(() => privacyPolicy(0)).toThrow();
  });
  it('hides mixing blocks touching a hidden group and merges hidden groups in labels', () => {
    const hidden = hiddenGroups(
      new Map([
        ['A', 10],
        ['B', 2],
        ['C', 7],
      ]),
      5,
    );
    expect([...hidden].sort()).toEqual(['B', 'C']);
    expect(
      suppressBlocks(
        [
          { from: 'A', to: 'A', ties: 4 },
          { from: 'A', to: 'B', ties: 1 },
        ],
        hidden,
      ),
    ).toEqual([
      { from: 'A', to: 'A', ties: 4, suppressed: false },
      { from: 'A', to: 'B', ties: null, suppressed: true },
    ]);
    expect(groupLabelFor('B', hidden)).toBe(SMALL_GROUP_LABEL);
    expect(groupLabelFor('C', hidden)).toBe(SMALL_GROUP_LABEL);
    expect(groupLabelFor('A', hidden)).toBe('A');
  });
  it('merges small groups until the merged label covers at least k people and two groups', () => {
    const sizes = (xs: Array<[string, number]>) => new Map(xs);
    // Two small groups of 2 and 1: together 3 < 5, so the next smallest joins.
    expect(
      [
        ...hiddenGroups(
          sizes([
            ['A', 2],
            ['B', 1],
            ['C', 6],
            ['D', 9],
          ]),
          5,
        ),
      ].sort(),
    ).toEqual(['A', 'B', 'C']);
    // One small group of 4: it never stands alone.
    expect(
      [
        ...hiddenGroups(
          sizes([
            ['A', 4],
            ['C', 6],
            ['D', 9],
          ]),
          5,
        ),
      ].sort(),
    ).toEqual(['A', 'C']);
    // Only two groups, one small: both hidden.
    expect(
      [
        ...hiddenGroups(
          sizes([
            ['A', 10],
            ['B', 2],
          ]),
          5,
        ),
      ].sort(),
    ).toEqual(['A', 'B']);
    // No small group: nothing hidden.
    expect(
      hiddenGroups(
        sizes([
          ['A', 5],
          ['B', 7],
        ]),
        5,
      ).size,
    ).toBe(0);
  });
});
