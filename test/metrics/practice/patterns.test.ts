import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { distributionPatterns } from '../../../src/metrics/practice/patterns.js';
import type { Activity } from '../../../src/model/activities.js';
import { run } from '../../cli/run.js';

let row = 1;
const act = (a: Partial<Activity> & { activity: string; participants: string[] }): Activity => ({
  row: ++row,
  date: '2026-01-10',
  routine: null,
  goal: null,
  unit: null,
  ...a,
});
const patternOf = (log: Activity[]) => distributionPatterns(log).activities.map((a) => a.pattern);

describe('patterns of distribution, one small hand-made case each', () => {
  it('collaborated: two people lead the same session together', () => {
    expect(patternOf([act({ activity: 'lead the data meeting', participants: ['a', 'b'] })])).toEqual(['collaborated']);
  });
  it('coordinated: steps of one routine done in turn by different people', () => {
    const log = [
      act({ activity: 'collect assessment results', routine: 'data cycle', date: '2026-01-05', participants: ['a'] }),
      act({ activity: 'analyse results', routine: 'data cycle', date: '2026-01-12', participants: ['b'] }),
      act({ activity: 'plan reteaching', routine: 'data cycle', date: '2026-01-19', participants: ['c'] }),
    ];
    const r = distributionPatterns(log);
    expect(r.activities.map((a) => a.pattern)).toEqual(['coordinated', 'coordinated', 'coordinated']);
    expect(r.activities[1]!.why).toBe('step 2 of 3 of the routine "data cycle", whose steps 3 people do in turn');
  });
  it('a routine one person runs alone is not coordinated', () => {
    const log = [
      act({ activity: 'collect', routine: 'cycle', date: '2026-01-05', participants: ['a'] }),
      act({ activity: 'analyse', routine: 'cycle', date: '2026-01-12', participants: ['a'] }),
    ];
    expect(patternOf(log)).toEqual(['individual', 'individual']);
  });
  it('collective: separate work by different people toward one goal', () => {
    const log = [
      act({ activity: 'model a reading strategy', goal: 'Reading across the curriculum', participants: ['a'] }),
      act({ activity: 'buy classroom libraries', goal: 'reading across the  curriculum', participants: ['b'] }),
    ];
    expect(patternOf(log)).toEqual(['collective', 'collective']);
  });
  it('parallel: the same task in different units by different people', () => {
    const log = [
      act({ activity: 'Chair the department meeting', unit: 'Science', participants: ['a'] }),
      act({ activity: 'chair the department meeting', unit: 'English', participants: ['b'] }),
    ];
    expect(patternOf(log)).toEqual(['parallel', 'parallel']);
  });
  it('individual: one person, nothing linking the work to anyone else', () => {
    expect(patternOf([act({ activity: 'order supplies', goal: 'stock', participants: ['a'] })])).toEqual(['individual']);
  });
  it('the first rule that holds decides: a joint step of a routine is collaborated', () => {
    const log = [
      act({ activity: 'analyse', routine: 'cycle', date: '2026-01-05', participants: ['a', 'b'] }),
      act({ activity: 'plan', routine: 'cycle', date: '2026-01-12', participants: ['c'] }),
    ];
    expect(patternOf(log)).toEqual(['collaborated', 'coordinated']);
  });
});

describe('leadmap analyze --activities', () => {
  it('prints the patterns section with counts, and names row and column of a bad entry', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadmap-activities-'));
    writeFileSync(
      join(dir, 'activities.csv'),
      'date,activity,routine,goal,participants,unit\n2026-01-05,collect results,data cycle,,a,\n2026-01-12,analyse results,data cycle,,b,\n2026-02-01,lead the PD day,,,a;c,\n',
    );
    const r = await run(['analyze', '--activities', join(dir, 'activities.csv'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as {
      patterns: { counts: Record<string, number>; activities: Array<{ row: number; pattern: string }> };
    };
    expect(out.patterns.counts).toEqual({ collaborated: 1, coordinated: 2, collective: 0, parallel: 0, individual: 0 });
    expect(out.patterns.activities.map((a) => [a.row, a.pattern])).toEqual([
      [2, 'coordinated'],
      [3, 'coordinated'],
      [4, 'collaborated'],
    ]);
    writeFileSync(join(dir, 'bad.csv'), 'date,activity,participants\n14/03/2026,lead,a\n');
    const bad = await run(['analyze', '--activities', join(dir, 'bad.csv')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bad\.csv.*row 2.*date.*14\/03\/2026.*YYYY-MM-DD/s);
  });
});
