import { describe, expect, it } from 'vitest';
import type { WaveChange } from '../../src/metrics/change/compare-waves.js';
import { presentChange } from '../../src/privacy/present-change.js';
import { privacyPolicy } from '../../src/privacy/policy.js';
import { chanceSentence, changeRow, changeView, shortReason } from '../../src/report/present/change.js';
import { OFF_CENTRE, responseGapReason } from '../../src/metrics/change/compare-waves.js';

const change = (o: Partial<WaveChange['basis']> = {}): WaveChange => ({
  relation: 'advice',
  basis: {
    stayers: 30,
    leavers: ['T1', 'T2'],
    joiners: ['T9'],
    core: 4,
    staff: { before: 32, after: 31 },
    responseRates: { before: 0.9, after: 0.6 },
    turnover: 2 / 32,
    ...o,
  },
  indicators: [
    {
      key: 'density',
      domain: 'all',
      population: 'all',
      kind: 'network',
      before: 0.3,
      after: 0.27,
      change: -0.03,
      low: -0.068,
      high: 0.013,
      verdict: 'no clear change',
      reason: null,
    },
    {
      key: 'leaders',
      domain: 'all',
      population: 'all',
      kind: 'network',
      before: 3,
      after: 5,
      change: 2,
      low: 0.4,
      high: 3,
      verdict: 'up',
      reason: null,
    },
    {
      key: 'leaders',
      domain: 'data',
      population: 'all',
      kind: 'network',
      before: 1,
      after: 1,
      change: 0,
      low: -1,
      high: 1,
      verdict: 'no clear change',
      reason: null,
    },
    {
      key: 'eiIndex',
      domain: 'all',
      population: 'core',
      kind: 'network',
      before: 0.44,
      after: 0.23,
      change: -0.21,
      low: -0.39,
      high: -0.03,
      verdict: 'down',
      reason: null,
    },
    {
      key: 'roleClarity',
      domain: 'all',
      population: 'all',
      kind: 'leading',
      before: null,
      after: null,
      change: null,
      low: null,
      high: null,
      verdict: 'not measured',
      reason: 'not measured — needs a role-clarity survey scale',
    },
  ],
  notes: [{ code: 'RESPONSE_RATES_DIFFER', message: 'Response rates differ by 30 points.' }],
  persistence: [{ relation: 'advice', domain: 'all', kept: 10, new: 2, dropped: 3, core: { kept: 4, new: 0, dropped: 1 } }],
  succession: [{ domain: 'data', leftLeaders: ['T1'], leadersAfter: 1, kept: true }],
  review: [{ before: 'T2', name: 'Ana Ruiz', candidates: [], why: 'two people fit' }],
  method: { resampling: 'respondents', replicates: 1000, level: 0.95, seed: 20240901 },
});

describe('a comparison as shown (web school page and PDF change page)', () => {
  it('words each row in its unit, the verdict in words, and a count interval between whole numbers with decimals', () => {
    const c = presentChange(change(), { disclosure: 'named', policy: privacyPolicy(3) });
    expect(changeRow(c.indicators[0]!)).toMatchObject({
      label: 'Density',
      before: '30 %',
      after: '27 %',
      change: '−3.0 pts',
      interval: '−6.8 pts to +1.3 pts',
      verdict: 'no clear change',
    });
    expect(changeRow(c.indicators[1]!)).toMatchObject({
      label: 'Leaders, all domains pooled',
      before: '3',
      after: '5',
      change: '+2',
      interval: '+0.40 to +3',
      verdict: 'up',
    });
    expect(changeRow(c.indicators[3]!)).toMatchObject({
      label: 'E-I index (departments)',
      change: '−0.21',
      interval: '−0.39 to −0.03',
      verdict: 'down',
    });
    expect(changeRow(c.indicators[4]!).verdict).toBe('not measured — needs a role-clarity survey scale');
  });

  it('lists pooled rows and clearly changed domain rows, per population, with banners, succession and method', () => {
    const v = changeView(presentChange(change(), { disclosure: 'named', policy: privacyPolicy(3) }), {
      before: '2024-25',
      after: '2025-26',
    });
    expect(v.heading).toBe('What changed from 2024-25 to 2025-26, and whether it is real');
    expect(v.basis).toBe(
      'Staff: 32 in 2024-25, 31 in 2025-26; 30 stayed, 2 left, 1 joined; stable core (present and answering both times): 4. Response: 90 %, then 60 %.',
    );
    expect(v.banners).toEqual(['Response rates differ by 30 points.']);
    expect(v.sections.map((s) => [s.population, s.rows.map((r) => r.key)])).toEqual([
      ['all', ['density', 'leaders', 'roleClarity']],
      ['core', ['eiIndex']],
    ]);
    expect(v.succession).toEqual(['data: 1 leader left; 1 leader now.']);
    expect(v.method).toMatch(/^95 % intervals: 1,000 bootstrap replicates over respondents, seed 20240901\./);
  });

  it('viewers get counts only; a core under the minimum group size is not shown; a school under it shows nothing', () => {
    const viewer = presentChange(change(), { disclosure: 'pseudonymised', policy: privacyPolicy(5) });
    expect(viewer.basis).toMatchObject({ leavers: null, joiners: null, leaverCount: 2, joinerCount: 1 });
    expect(viewer.review).toBeNull();
    expect(viewer.reviewCount).toBe(1);
    expect(viewer.succession).toEqual([{ domain: 'data', leftLeaders: null, leftLeaderCount: 1, leadersAfter: 1, kept: true }]);
    expect(JSON.stringify(viewer)).not.toMatch(/T1|T2|T9|Ana Ruiz/);
    expect(viewer.indicators.some((i) => i.population === 'core')).toBe(false);
    expect(viewer.persistence[0]!.core).toBeNull();
    const small = presentChange(change({ staff: { before: 4, after: 31 } }), { disclosure: 'named', policy: privacyPolicy(5) });
    expect(small.suppressed).toBe(true);
    expect(small.indicators).toEqual([]);
    expect(changeView(small, { before: 'a', after: 'b' }).banners[0]).toBe('Fewer than 5 staff in a wave: the comparison is not shown.');
  });
});

describe('what chance alone would give beside the verdicts', () => {
  const rows = (clear: number, quiet: number, unmeasured: number) => [
    ...Array.from({ length: clear }, (_, i) => ({ verdict: i % 2 ? 'up' : 'down' })),
    ...Array.from({ length: quiet }, () => ({ verdict: 'no clear change' })),
    ...Array.from({ length: unmeasured }, () => ({ verdict: 'not measured' })),
  ];
  it('counts the measured rows and the clear ones, and the rows × (1 − level) chance would give', () => {
    expect(chanceSentence({ indicators: rows(3, 57, 8), method: { level: 0.95 } })).toBe(
      '3 of the 60 rows compared (every indicator, population and domain measured) read “up” or “down”. Even if nothing had changed, about 3 would read so by chance alone: trust most a change whose interval lies well clear of zero, or several that tell the same story.',
    );
    expect(chanceSentence({ indicators: rows(1, 9, 0), method: { level: 0.95 } })).toMatch(
      /^1 of the 10 rows compared .* reads “up” or “down”\. Even if nothing had changed, fewer than one would/,
    );
    expect(chanceSentence({ indicators: rows(0, 0, 4), method: { level: 0.95 } })).toBeNull();
  });
  it('is part of the method line the web page and the PDF print', () => {
    const v = changeView(presentChange(change(), { disclosure: 'named', policy: privacyPolicy(1) }), { before: 'a', after: 'b' });
    expect(v.method).toContain('rows compared (every indicator, population and domain measured)');
  });
});

describe('why a verdict was withheld, in a few words', () => {
  it('names the response-rate gap and the off-centre interval, and nothing else', () => {
    expect(shortReason(responseGapReason(16))).toBe('response rates differ');
    expect(shortReason(OFF_CENTRE)).toBe('interval cannot tell');
    expect(shortReason(null)).toBeNull();
    expect(shortReason('not measured — needs a people file')).toBeNull();
  });
});
