import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decisionMap } from '../../../src/metrics/practice/decision-map.js';
import type { MapDecision } from '../../../src/model/decisions.js';
import { run } from '../../cli/run.js';

const d = (x: Partial<MapDecision> & Pick<MapDecision, 'decision' | 'domain' | 'decides'>): MapDecision => ({
  row: 2,
  level: 'school',
  consulted: [],
  informed: [],
  frequency: null,
  ...x,
});

describe('decision map, worked by hand', () => {
  const leaders: Record<string, string[]> = { curriculum: ['t1', 't2'], behaviour: ['ap'], technology: ['t9'] };
  const leadersOf = (domain: string) =>
    domain in leaders ? { leaders: leaders[domain]! } : { notAssessed: 'the tie list has no advice ties about ' + domain };

  it('aligned, partly aligned, not aligned, and not assessed without the network', () => {
    const m = decisionMap(
      [
        d({ decision: 'adopt a reading scheme', domain: 'curriculum', decides: ['t1'], consulted: ['t2'] }),
        d({ decision: 'exclusion policy', domain: 'behaviour', decides: ['p'], level: 'district' }),
        d({ decision: 'devices', domain: 'technology', decides: ['t9', 'p'] }),
        d({ decision: 'timetable', domain: 'scheduling', decides: ['p'] }),
      ],
      leadersOf,
    );
    expect(m.byDomain.map((x) => [x.domain, x.check])).toEqual([
      ['behaviour', 'not aligned'],
      ['curriculum', 'aligned'],
      ['scheduling', 'not assessed'],
      ['technology', 'aligned'],
    ]);
    expect(m.matrix).toEqual([
      { level: 'school', domain: 'curriculum', decisions: 1 },
      { level: 'school', domain: 'scheduling', decisions: 1 },
      { level: 'school', domain: 'technology', decisions: 1 },
      { level: 'district', domain: 'behaviour', decisions: 1 },
    ]);
    expect(m.byDomain.find((x) => x.domain === 'scheduling')!.why).toBe('not assessed — the tie list has no advice ties about scheduling');
    const none = decisionMap([d({ decision: 'x', domain: 'curriculum', decides: ['t1'] })], null);
    expect(none.byDomain[0]).toMatchObject({ check: 'not assessed', why: 'not assessed — needs a tie list', soughtOut: null });
    expect(none.decisions[0]!.concentrated).toBe(false);
  });

  it('a decision that sits with one person while colleagues go to others, who are not consulted', () => {
    const m = decisionMap(
      [d({ decision: 'choose the maths textbook', domain: 'curriculum', decides: ['p'], consulted: ['t2'] })],
      leadersOf,
    );
    expect(m.decisions[0]).toMatchObject({
      concentrated: true,
      why: 'decided by p alone, while colleagues go to t1 about curriculum, who are not consulted',
    });
    expect(m.byDomain[0]).toMatchObject({ check: 'not aligned', soughtOutLeftOut: ['t1'] });
  });
});

describe('leadmap analyze --decisions on a demo school', () => {
  it('reads roles and ids, and checks each domain against who colleagues go to', async () => {
    const w = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'demo', 'lakeside', '2025-26');
    const dir = mkdtempSync(join(tmpdir(), 'leadmap-decisions-'));
    writeFileSync(
      join(dir, 'decisions.csv'),
      [
        'decision,domain,level,decides,consulted,informed,frequency',
        'Choose the reading curriculum,Curriculum,school,principal,,teacher,yearly',
        'Behaviour escalation steps,Behavior,school,principal;assistant principal,,,each term',
        'Professional learning days,Professional learning,school,LK002;LK021,LK003,,yearly',
      ].join('\n') + '\n',
    );
    const r = await run([
      'analyze',
      join(w, 'ties.csv'),
      '--roster',
      join(w, 'roster.csv'),
      '--respondents',
      join(w, 'respondents.csv'),
      '--decisions',
      join(dir, 'decisions.csv'),
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const m = (JSON.parse(r.stdout) as { decisions: ReturnType<typeof decisionMap> }).decisions;
    expect(m.byDomain.map((x) => [x.domain, x.check])).toEqual([
      ['behaviour', 'aligned'],
      ['curriculum', 'not aligned'],
      ['professional learning', 'aligned'],
    ]);
    expect(m.decisions[0]).toMatchObject({ decides: ['LK002'], concentrated: true });
    writeFileSync(
      join(dir, 'bad.csv'),
      'decision,domain,level,decides\nTimetable,curriculum,whole school,LK002\nBudget,curriculum,school,the bursar\n',
    );
    const bad = await run(['analyze', join(w, 'ties.csv'), '--roster', join(w, 'roster.csv'), '--decisions', join(dir, 'bad.csv')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bad\.csv.*row 2.*level.*whole school.*classroom, team, department, school, district/s);
    expect(bad.stderr).toMatch(/row 3.*decides.*the bursar.*neither a roster id nor a role/s);
  });
});
