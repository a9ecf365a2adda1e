import { describe, expect, it } from 'vitest';
import { judge, pairedRatios } from '../../tools/bench/report.js';
import type { RunResult, StepSummary } from '../../tools/bench/harness.js';

const run = (ms: number, ok = true): RunResult => ({ ok, ms, wallMs: ms, rssMb: 50, load1: 0, otherCores: 0, cpuS: 0, extra: {} });
const summary = (runs: RunResult[]): StepSummary => ({ runs, ms: null, wallMs: null, rssMb: null });

describe('bench verdicts', () => {
  it('is yes only when every repetition meets the target', () => {
    expect(judge([0.4, 0.45, 0.5], 0.5)).toBe('yes');
  });
  it('is no when no repetition meets the target', () => {
    expect(judge([1.1, 1.2, 1.3], 1)).toBe('no');
  });
  it('is unsure when the spread crosses the target', () => {
    expect(judge([0.74, 0.9, 1.17], 1)).toBe('unsure');
  });
  it('uses a strict limit for "under N seconds"', () => {
    expect(judge([30_000], 30_000, true)).toBe('no');
    expect(judge([29_999], 30_000, true)).toBe('yes');
  });
  it('is no when nothing was measured', () => {
    expect(judge([], 1)).toBe('no');
  });
  it('pairs the runs of the same round and skips rounds where either side failed', () => {
    const lm = summary([run(10), run(20), run(30)]);
    const ig = summary([run(20), run(0, false), run(30)]);
    expect(pairedRatios(lm, ig)).toEqual([0.5, 1]);
  });
});
