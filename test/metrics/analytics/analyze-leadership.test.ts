import { beforeAll, describe, expect, test } from 'vitest';
import { analyzeLeadership, summarizeLeadership, groupValue } from '../../../src/metrics/analytics.js';
import { blankPerson } from '../../../src/model/blank-person.js';
import type { Dataset, Person, Tie } from '../../../src/model/types.js';
import { describeWithDatasets } from '../../helpers/datasets.js';
import { loadShared } from './load.js';

/** Every number finite, no undefined: the result survives JSON unchanged. */
function expectPlainJson(x: unknown): void {
  const walk = (v: unknown, path: string): void => {
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new Error(`${path} is ${v}`);
      return;
    }
    if (v === undefined) throw new Error(`${path} is undefined`);
    if (Array.isArray(v)) {
      v.forEach((e, i) => walk(e, `${path}[${i}]`));
      return;
    }
    if (v !== null && typeof v === 'object') for (const [k, e] of Object.entries(v)) walk(e, `${path}.${k}`);
  };
  walk(x, '$');
  expect(JSON.parse(JSON.stringify(x))).toEqual(x);
}

const tie = (source: string, target: string, domain: string): Tie => ({
  source,
  target,
  relation: 'advice',
  domain,
  weight: 1,
  count: 1,
  timestamp: null,
  wave: null,
});
const person = (id: string, extra: Partial<Person> = {}): Person => ({ ...blankPerson(id), ...extra });
const dataset = (people: Person[], ties: Tie[], extra: Partial<Dataset> = {}): Dataset => ({
  people,
  ties,
  relations: [{ name: 'advice', directed: true }],
  domains: [...new Set(ties.map((t) => t.domain))].sort(),
  respondents: null,
  wave: null,
  ...extra,
});

describe('analyzeLeadership on small hand-made schools', () => {
  test('a dataset without ties gives nulls with reasons, never NaN', () => {
    const a = analyzeLeadership(dataset([person('a'), person('b'), person('c')], []));
    expectPlainJson(a);
    const d = a.distribution.byDomain[0]!;
    expect(d.gini).toEqual({ value: null, reason: 'nobody was named' });
    expect(d.reading).toMatch(/^No one reported/);
    expect(a.groups.ei[0]!.reason).toBe('no ties');
    expect(a.quality.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['RESPONSE_UNKNOWN', 'NO_TIES', 'FEW_PEOPLE']));
    expect(summarizeLeadership(a)).toContain('Data quality');
  });

  test('path-based risk is skipped, with a reason, above risk.maxPeopleForPaths', () => {
    const a = analyzeLeadership(
      dataset([person('a'), person('b'), person('c')], [tie('a', 'b', 'x'), tie('c', 'b', 'x'), tie('a', 'c', 'x')]),
      { risk: { maxPeopleForPaths: 2 } },
    );
    expect(a.risk.byDomain[0]!.pathsReason).toMatch(/more than 2 people/);
    expect(a.risk.byDomain[0]!.removalCurve).toEqual([]);
  });

  test('a one-person school', () => {
    const a = analyzeLeadership(dataset([person('a')], []));
    expectPlainJson(a);
    expect(a.distribution.byDomain[0]!.centralization).toEqual({ value: null, reason: 'fewer than 2 people' });
  });

  test('a small school: hidden leader, sole source, isolated newcomer, low response rate', () => {
    const people = [
      person('p', { role: 'principal', department: 'Admin', releaseTime: 1, name: 'Pat' }),
      ...['t1', 't2', 't3', 't4', 't5', 't6'].map((id) =>
        person(id, { role: 'teacher', department: 'Lower', releaseTime: 0, startYear: 2010 }),
      ),
      person('n', { role: 'teacher', department: 'Lower', startYear: 2025, name: 'Nia' }),
      person('h', { role: 'teacher', department: 'Lower', name: 'Hana' }),
    ];
    const ties = [
      ...['t1', 't2', 't3', 't4', 't5', 'p'].map((s) => tie(s, 'h', 'curriculum')),
      tie('t1', 'p', 'behaviour'),
      tie('t2', 'p', 'behaviour'),
      tie('t3', 'p', 'behaviour'),
      tie('h', 'p', 'behaviour'),
      tie('n', 't1', 'curriculum'),
    ];
    const d = dataset(people, ties, {
      respondents: ['p', 't1', 't2', 't3', 't4', 'n'],
      wave: { id: 'w', label: '2025-26', schoolId: 's', collectedOn: null },
    });
    const a = analyzeLeadership(d);
    expectPlainJson(a);
    expect(a.selection.domains).toEqual(['behaviour', 'curriculum', 'any']);
    const cur = a.leaders.byDomain.find((l) => l.domain === 'curriculum')!;
    expect(cur.leaders).toEqual(['h']);
    expect(a.formalInformal.byDomain.find((f) => f.domain === 'curriculum')!.hiddenLeaders.map((h) => h.id)).toEqual(['h']);
    expect(a.risk.byDomain.find((r) => r.domain === 'behaviour')!.soleSources.map((s) => [s.id, s.dependents])).toEqual([
      ['p', ['h', 't1', 't2', 't3']],
    ]);
    expect(a.risk.byDomain.find((r) => r.domain === 'curriculum')!.soleSources.map((s) => [s.id, s.dependents])).toEqual([
      ['h', ['p', 't1', 't2', 't3', 't4', 't5']],
    ]);
    expect(a.periphery.waveYear).toBe(2025);
    expect(a.periphery.isolatedNewStaff.map((s) => [s.id, s.isolate])).toEqual([['n', false]]);
    expect(a.quality.responseRate).toBeCloseTo(6 / 9, 12);
    expect(a.quality.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['LOW_RESPONSE_RATE', 'SMALL_GROUP']));
    const text = summarizeLeadership(a);
    expect(text).toContain('Advice on curriculum runs through one person (Hana).');
    expect(text).toContain('Hana (curriculum');
    expect(text).toContain('New staff nobody names yet: Nia.');
    expect(text).toContain('Only 67 % of staff answered');
  });

  test('groupValue reads department, team, school, role or an attribute; blanks become "(none)"', () => {
    const p = person('x', { department: 'Science', team: '', attributes: { office: 'North', floor: 2 } });
    expect(groupValue(p, 'department')).toBe('Science');
    expect(groupValue(p, 'team')).toBe('(none)');
    expect(groupValue(p, 'office')).toBe('North');
    expect(groupValue(p, 'floor')).toBe('2');
    expect(groupValue(p, 'missing')).toBe('(none)');
  });
});

describeWithDatasets('analyzeLeadership on the real networks', () => {
  let lazega: Dataset;
  beforeAll(async () => {
    lazega = await loadShared('lazega_lawfirm');
  });

  test('the same dataset and seed give identical results (Louvain and permutation test seeded)', () => {
    const a = analyzeLeadership(lazega, { relation: 'advice', groupBy: 'office' });
    const b = analyzeLeadership(lazega, { relation: 'advice', groupBy: 'office' });
    expect(b).toEqual(a);
    expectPlainJson(a);
    expect(a.groups.ei[0]!.test!.pLower).toBeLessThan(0.01); // Lazega's offices are strongly inward
    const c = analyzeLeadership(lazega, { relation: 'advice', groupBy: 'office', seed: 99 });
    expect(c.groups.ei[0]!.ei).toBe(a.groups.ei[0]!.ei);
  });

  test('the summary reads as plain text with every section', () => {
    const text = summarizeLeadership(analyzeLeadership(lazega, { relation: 'friendship', groupBy: 'office' }));
    for (const h of [
      'Who leads what',
      'How widely leadership is spread',
      'Formal and informal leaders',
      'Silos (by office)',
      'Brokers',
      'Key people and succession',
      'New staff and load',
      'Data quality',
    ]) {
      expect(text).toContain(h);
    }
    expect(text).toContain('Without 15, part of the staff would be cut off'); // networkx articulation point
  });
});
