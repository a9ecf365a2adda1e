import { describe, expect, it } from 'vitest';
import { percentileInterval, quantileSorted } from '../../../src/metrics/change/bootstrap.js';
import { compareWaves } from '../../../src/metrics/change/compare-waves.js';
import { matchWaves } from '../../../src/metrics/change/match-waves.js';
import { blankPerson } from '../../../src/model/blank-person.js';
import type { Dataset, Person } from '../../../src/model/types.js';
import { syntheticWave } from '../../../tools/bench/change-waves.js';

const staff = (ids: string[]): Person[] => ids.map((id) => ({ ...blankPerson(id), name: `Person ${id}`, onRoster: true }));
const wave = (arcs: [string, string][]): Dataset => ({
  people: staff(['a', 'b', 'c']),
  ties: arcs.map(([source, target]) => ({
    source,
    target,
    relation: 'advice',
    domain: 'any',
    weight: 1,
    count: 1,
    timestamp: null,
    wave: null,
  })),
  relations: [{ name: 'advice', directed: true }],
  domains: ['any'],
  respondents: ['a', 'b', 'c'],
  wave: null,
});
const densityRow = (d: Dataset, e: Dataset, seed = 5, replicates = 20000) =>
  compareWaves(d, e, { replicates, seed, minCore: 2 }).indicators.find((i) => i.key === 'density' && i.population === 'all')!;

describe('bootstrap interval', () => {
  it('quantiles interpolate between order statistics (type 7)', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([10], 0.975)).toBe(10);
    expect(percentileInterval([5, 1, 4, 2, 3], 0.5)).toEqual({ low: 2, high: 4, used: 5 });
    expect(percentileInterval([Number.NaN, 1, 3], 0)).toEqual({ low: 2, high: 2, used: 2 });
  });

  /*
   * Hand-worked: a, b, c all answer both waves. Before: a → b (density 1/6). After: all six arcs (density 1).
   * A replicate draws three people with replacement; a is drawn k ~ Binomial(3, 1/3) times, the three
   * draws are the senders of both waves, so density before = k/6 and after = 6/6: change = 1 − k/6.
   * P(k = 3) = 1/27 ≈ 3.7 % > 2.5 %, so the 2.5 % quantile is the smallest change, 1 − 3/6 = 0.5;
   * P(k = 0) = 8/27 ≈ 29.6 % > 2.5 %, so the 97.5 % quantile is the largest, 1. Interval [0.5, 1]: up.
   */
  it('matches a hand-worked example whose interval excludes zero', () => {
    const r = densityRow(
      wave([['a', 'b']]),
      wave([
        ['a', 'b'],
        ['a', 'c'],
        ['b', 'a'],
        ['b', 'c'],
        ['c', 'a'],
        ['c', 'b'],
      ]),
    );
    expect(r.before).toBeCloseTo(1 / 6, 12);
    expect(r.after).toBe(1);
    expect(r.low).toBeCloseTo(0.5, 12);
    expect(r.high).toBe(1);
    expect(r.verdict).toBe('up');
  });

  /*
   * Before: a → b; after: a → b, b → c, c → a. Change = (3 − k)/6 with k as above: P(change = 0) = 1/27 > 2.5 %,
   * so the interval is [0, 0.5] — it touches zero: "no clear change", although the observed change is 1/3.
   */
  it('matches a hand-worked example whose interval touches zero', () => {
    const r = densityRow(
      wave([['a', 'b']]),
      wave([
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'a'],
      ]),
    );
    expect(r.change).toBeCloseTo(1 / 3, 12);
    expect(r.low).toBe(0);
    expect(r.high).toBeCloseTo(0.5, 12);
    expect(r.verdict).toBe('no clear change');
  });

  it('is reproducible for a seed and moves with another seed', () => {
    const a = syntheticWave(60, { inside: 0.6, toHub: 0.3, response: 0.9 }, 1);
    const b = syntheticWave(60, { inside: 0.4, toHub: 0.2, response: 0.9 }, 2);
    const one = compareWaves(a, b, { replicates: 300, seed: 11 });
    expect(compareWaves(a, b, { replicates: 300, seed: 11 })).toEqual(one);
    const other = compareWaves(a, b, { replicates: 300, seed: 12 });
    const lows = (c: typeof one) => c.indicators.map((i) => i.low);
    expect(lows(other)).not.toEqual(lows(one));
    expect(other.indicators.map((i) => i.change)).toEqual(one.indicators.map((i) => i.change));
    expect(one.method).toEqual({ resampling: 'respondents', replicates: 300, level: 0.95, seed: 11 });
  });

  it('an identical wave reads "no clear change" everywhere with zero-width intervals on the core', () => {
    const a = syntheticWave(40, { inside: 0.5, toHub: 0.2, response: 0.9 }, 4);
    const c = compareWaves(a, a, { replicates: 200 });
    expect(c.indicators.filter((i) => i.verdict === 'up' || i.verdict === 'down')).toEqual([]);
    const ei = c.indicators.find((i) => i.key === 'eiIndex' && i.population === 'core')!;
    expect([ei.change, ei.low, ei.high]).toEqual([0, 0, 0]);
  });
});

describe('people matched across waves', () => {
  const person = (id: string, name: string, email: string | null = null): Person => ({ ...blankPerson(id), name, email, onRoster: true });

  it('matches by id, then e-mail, then whole name; loose or ambiguous names are listed for review, never guessed', () => {
    const before = [
      person('1', 'Ana Ruiz'),
      person('2', 'Bob Odell', 'bob@school.org'),
      person('3', 'Maria Jones'),
      person('4', 'J. Smith'),
      person('5', 'Leah Walker'),
    ];
    const after = [
      person('1', 'Ana Ruiz-Lopez'),
      person('20', 'Robert Odell', 'BOB@school.org '),
      person('30', 'Jones, Maria'),
      person('40', 'Jo Smith'),
      person('41', 'Jay Smith'),
      person('50', 'Tom Fields'),
    ];
    const m = matchWaves(before, after);
    expect(m.pairs.map((p) => [p.before, p.after, p.by])).toEqual([
      ['1', '1', 'id'],
      ['2', '20', 'email'],
      ['3', '30', 'name'],
    ]);
    expect(m.leavers).toEqual(['4', '5']);
    expect(m.joiners).toEqual(['40', '41', '50']);
    expect(m.stayers).toEqual(['1', '20', '30']);
    expect(m.review.map((r) => r.before)).toEqual(['4']);
    expect(m.review[0]!.candidates.map((c) => c.id).sort()).toEqual(['40', '41']);
  });

  it('counts leavers, joiners and the stable core in the comparison basis', () => {
    const a = syntheticWave(40, { inside: 0.5, toHub: 0.2, response: 1 }, 4);
    const b: Dataset = {
      ...a,
      people: [...a.people.slice(0, 34), ...staff(['N1', 'N2'])],
      ties: a.ties.filter((t) => !/S03[4-9]/.test(t.source + t.target)),
    };
    b.respondents = b.people.map((p) => p.id);
    const c = compareWaves(a, b, { replicates: 50 });
    expect(c.basis.leavers).toEqual(['S034', 'S035', 'S036', 'S037', 'S038', 'S039']);
    expect(c.basis.joiners).toEqual(['N1', 'N2']);
    expect(c.basis.stayers).toBe(34);
    expect(c.basis.turnover).toBeCloseTo(6 / 40, 12);
    expect(c.notes.map((n) => n.code)).not.toContain('HIGH_TURNOVER');
    expect(c.indicators.find((i) => i.key === 'retention')!.after).toBeCloseTo(34 / 40, 12);
    const all = c.persistence.find((p) => p.relation === 'advice' && p.domain === 'all')!;
    expect(all.dropped).toBeGreaterThan(0);
    expect(all.new).toBe(0);
  });
});
