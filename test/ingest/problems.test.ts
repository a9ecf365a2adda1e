import { describe, expect, it } from 'vitest';
import { formatProblem, KEEP_PER_KIND, ProblemCollector } from '../../src/ingest/problems.js';

describe('ProblemCollector', () => {
  it('keeps the first problems of each kind in full and ends with one count line per kind that had more', () => {
    const c = new ProblemCollector();
    for (let row = 2; row < 2 + KEEP_PER_KIND + 7; row++)
      c.error('ties.csv', row, 'weight', 'often', 'BAD_WEIGHT', 'a positive number was expected');
    c.warning('ties.csv', 3, 'source', 'x', 'SELF_TIE', 'a tie to oneself is dropped');
    const list = c.list();
    expect(c.errors).toBe(KEEP_PER_KIND + 7);
    expect(list).toHaveLength(KEEP_PER_KIND + 2);
    expect(list.slice(0, KEEP_PER_KIND).every((p) => p.code === 'BAD_WEIGHT' && p.severity === 'error')).toBe(true);
    expect(list[KEEP_PER_KIND]).toMatchObject({ code: 'SELF_TIE', severity: 'warning', row: 3 });
    expect(list.at(-1)).toMatchObject({ code: 'BAD_WEIGHT', row: null, value: null, column: 'weight', file: 'ties.csv' });
    expect(list.at(-1)!.message).toBe('7 more rows with the same problem (a positive number was expected)');
  });

  it('counts the same code in another column as another kind', () => {
    const c = new ProblemCollector(1);
    c.error('t.csv', 2, 'source', '', 'MISSING_VALUE', 'a person id was expected');
    c.error('t.csv', 3, 'target', '', 'MISSING_VALUE', 'a person id was expected');
    expect(c.list().map((p) => p.column)).toEqual(['source', 'target']);
  });

  it('clips long values and shows control characters as "?"', () => {
    const c = new ProblemCollector();
    c.warning('r.csv', 2, 'name', 'a\u0001b' + 'x'.repeat(100), 'CONTROL_CHARACTERS', 'control characters are shown as ?');
    const [p] = c.list();
    expect(p!.value!.startsWith('a?b')).toBe(true);
    expect(p!.value).toHaveLength(80);
    expect(formatProblem(p!)).toMatch(/^warning: r\.csv row 2, column "name": "a\?b/);
  });
});
