import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoDir } from '../metrics/analytics/demo.js';
import { run } from './run.js';

const wave = (school: string, label: string) => {
  const d = join(demoDir, school, label);
  return { roster: join(d, 'roster.csv'), ties: join(d, 'ties.csv'), respondents: join(d, 'respondents.csv') };
};

describe('leadmap compare', () => {
  const a = wave('highland', '2022-23');
  const b = wave('highland', '2023-24');
  const args = [
    'compare',
    '--previous-roster',
    a.roster,
    '--previous-ties',
    a.ties,
    '--previous-respondents',
    a.respondents,
    '--roster',
    b.roster,
    '--ties',
    b.ties,
    '--respondents',
    b.respondents,
    '--replicates',
    '400',
  ];

  it('prints the JSON contract: basis, indicators with intervals and verdicts, notes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadmap-compare-'));
    const outcomes = join(dir, 'outcomes.csv');
    writeFileSync(outcomes, 'indicator,value,unit,better,source\nattendance,93.5,%,higher,state report card\n');
    const r = await run([...args, '--outcomes', outcomes, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.basis.stayers).toBe(111);
    expect(j.basis.leavers).toHaveLength(9);
    expect(j.basis.joiners).toContain('HH121');
    expect(j.basis.responseRates.before).toBeCloseTo(0.9, 6);
    const keys = new Set(j.indicators.map((i: { key: string }) => i.key));
    for (const k of [
      'density',
      'reciprocity',
      'inDegreeCentralization',
      'gini',
      'topShare',
      'leaders',
      'hiddenLeaders',
      'eiIndex',
      'isolates',
      'retention',
      'diverseVoices',
      'collaborationFrequency',
    ])
      expect(keys.has(k), k).toBe(true);
    for (const i of j.indicators) {
      expect(Object.keys(i)).toEqual(expect.arrayContaining(['key', 'domain', 'before', 'after', 'change', 'low', 'high', 'verdict']));
      expect(['up', 'down', 'no clear change', 'not measured']).toContain(i.verdict);
    }
    const ei = j.indicators.find(
      (i: { key: string; domain: string; population: string }) => i.key === 'eiIndex' && i.domain === 'all' && i.population === 'all',
    );
    expect(ei.verdict).toBe('up');
    expect(j.indicators.some((i: { domain: string; key: string }) => i.key === 'leaders' && i.domain === 'curriculum')).toBe(true);
    expect(j.outcomes[0]).toMatchObject({ indicator: 'attendance', after: 93.5, before: null });
    expect(j.notes.map((n: { code: string }) => n.code)).toContain('ASSOCIATION_NOT_CAUSE');
  });

  it('prints a readable table without --json', async () => {
    const r = await run(args);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/111 stayed, 9 left, 9 joined/);
    expect(r.stdout).toMatch(/E-I index \(departments\).*up/);
    expect(r.stdout).toMatch(/Stable core/);
    expect(r.stdout).toMatch(/Participation in decision-making.*not measured — needs a survey scale/);
  });

  it('warns when response rates differ by more than 10 points', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadmap-compare-'));
    const few = join(dir, 'respondents.csv');
    const ids = (await import('node:fs')).readFileSync(b.respondents, 'utf8').trim().split('\n').slice(1);
    writeFileSync(few, ['id', ...ids.filter((_, k) => k % 3 !== 0)].join('\n') + '\n');
    const r = await run([
      'compare',
      '--previous-roster',
      a.roster,
      '--previous-ties',
      a.ties,
      '--previous-respondents',
      a.respondents,
      '--roster',
      b.roster,
      '--ties',
      b.ties,
      '--respondents',
      few,
      '--replicates',
      '100',
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).notes.map((n: { code: string }) => n.code)).toContain('RESPONSE_RATES_DIFFER');
  });

  it('refuses a missing file or a bad outcomes row, naming it', async () => {
    const missing = await run([
      'compare',
      '--previous-roster',
      'nope.csv',
      '--previous-ties',
      a.ties,
      '--roster',
      b.roster,
      '--ties',
      b.ties,
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/file not found: nope.csv/);
    const dir = mkdtempSync(join(tmpdir(), 'leadmap-compare-'));
    const outcomes = join(dir, 'outcomes.csv');
    writeFileSync(outcomes, 'indicator,value,unit,better,source\nattendance,high,%,higher,x\n');
    const bad = await run([...args, '--outcomes', outcomes]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/outcomes.csv.*row 2.*value/s);
  });
});
