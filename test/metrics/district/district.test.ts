import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/ingest/load-dataset.js';
import { crossSchoolLeaders } from '../../../src/metrics/district/cross-school-leaders.js';
import { isDistrict, isDistrictLevel, schoolBreakdown } from '../../../src/metrics/district/schools.js';
import { blankPerson } from '../../../src/model/blank-person.js';
import type { Dataset, Tie } from '../../../src/model/types.js';
import { demoWaves } from '../../fixtures/demo-files.js';
import { run } from '../../cli/run.js';

const tie = (source: string, target: string, domain = 'curriculum'): Tie => ({
  source,
  target,
  relation: 'advice',
  domain,
  weight: 1,
  count: 1,
  timestamp: null,
  wave: null,
});

/** Two schools: North {a, b, c}, South {d, e}. */
function twoSchools(): Dataset {
  const people = [
    { ...blankPerson('a'), name: 'Ann', school: 'North' },
    { ...blankPerson('b'), name: 'Bo', school: 'North' },
    { ...blankPerson('c'), name: 'Cy', school: 'North' },
    { ...blankPerson('d'), name: 'Di', school: 'South' },
    { ...blankPerson('e'), name: 'Ed', school: 'South' },
  ];
  const ties = [
    tie('a', 'b'),
    tie('c', 'b'),
    tie('a', 'd'),
    tie('b', 'd', 'technology'),
    tie('d', 'e'),
    tie('e', 'b'),
    tie('e', 'b', 'technology'),
  ];
  return {
    people,
    ties,
    relations: [{ name: 'advice', directed: true }],
    domains: ['curriculum', 'technology'],
    respondents: null,
    wave: null,
  };
}

describe('district breakdown', () => {
  it('measures each school on its own people and ties, and how much of its advice-seeking leaves it (worked by hand)', () => {
    const ds = twoSchools();
    expect(isDistrict(ds)).toBe(true);
    const [north, south] = schoolBreakdown(ds);
    // North: people a, b, c; internal arcs a→b, c→b (2 of 3·2 = 6 possible); out-arcs leaving: a→d, b→d → 2 of 4.
    expect(north).toMatchObject({
      school: 'North',
      people: 3,
      ties: 2,
      respondents: null,
      responseRate: null,
      externalShare: 0.5,
      eiIndex: 0,
    });
    expect(north!.density).toBeCloseTo(2 / 6, 12);
    // In-degrees within North: b 2, a 0, c 0 → Freeman centralization Σ(max − x) / (n − 1)² = 4 / 4 = 1.
    expect(north!.inDegreeCentralization).toBeCloseTo(1, 12);
    // South: d, e; internal d→e (1 of 2); out-arcs e→b (pooled over domains: one arc) leaves → 1 of 2.
    expect(south).toMatchObject({ school: 'South', people: 2, ties: 1, externalShare: 0.5, eiIndex: 0 });
    expect(south!.density).toBeCloseTo(1 / 2, 12);
  });

  it('lists the people other schools seek out, most sought-out first, with the domains they are asked about', () => {
    expect(crossSchoolLeaders(twoSchools())).toEqual(
      [
        { id: 'b', name: 'Bo', school: 'North', schoolsNaming: 1, nominationsFromOtherSchools: 1, domains: ['curriculum', 'technology'] },
        { id: 'd', name: 'Di', school: 'South', schoolsNaming: 1, nominationsFromOtherSchools: 2, domains: ['curriculum', 'technology'] },
      ].sort((x, y) => y.nominationsFromOtherSchools - x.nominationsFromOtherSchools),
    );
  });

  it('is not a district with one school or none', () => {
    const ds = twoSchools();
    for (const p of ds.people) p.school = 'North';
    expect(isDistrict(ds)).toBe(false);
    expect(schoolBreakdown(ds)).toEqual([]);
    expect(crossSchoolLeaders(ds)).toEqual([]);
  });
});

describe('the Pinewood demo district', () => {
  const waves = demoWaves().filter((w) => w.slug === 'pinewood');
  it.each(waves.map((w) => [w.label, w] as const))(
    '%s: the planted school silos are the schools whose advice stays inside (E-I ≤ −0.5), the least open among them',
    async (_label, w) => {
      const loaded = await loadDataset({
        ties: join(w.dir, 'ties.csv'),
        roster: join(w.dir, 'roster.csv'),
        respondents: join(w.dir, 'respondents.csv'),
      });
      if (!loaded.ok) throw new Error('demo wave did not load');
      const rows = schoolBreakdown(loaded.value).filter((r) => r.people >= 5);
      // The generator plants a school silo as E-I ≤ −0.5 of the school's out-arcs (tools/fixtures-gen/check.ts).
      const planted = w.planted.silos.filter((s) => s.grouping === 'school').map((s) => s.group);
      expect(planted.length, 'the demo plants a school silo').toBeGreaterThan(0);
      expect(
        rows
          .filter((r) => r.eiIndex !== null && r.eiIndex <= -0.5)
          .map((r) => r.school)
          .sort(),
      ).toEqual([...planted].sort());
      const least = [...rows].sort((a, b) => (a.externalShare ?? 1) - (b.externalShare ?? 1))[0]!;
      expect(planted).toContain(least.school);
    },
  );

  it('2025-26: the literacy teacher leader sought district-wide is the first cross-school leader, in the JSON of leadmap analyze', async () => {
    const w = waves.find((x) => x.label === '2025-26')!;
    const r = await run([
      'analyze',
      join(w.dir, 'ties.csv'),
      '--roster',
      join(w.dir, 'roster.csv'),
      '--respondents',
      join(w.dir, 'respondents.csv'),
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as {
      schools: Array<Record<string, unknown>>;
      districtLevel: Array<{ unit: string; people: number }>;
      crossSchoolLeaders: Array<{ id: string; nominationsFromOtherSchools: number }>;
      groups: { groupBy: string };
    };
    const planted = w.planted.overloadedLeaders.find((o) => o.id === 'PW011');
    expect(planted, 'the demo plants PW011 as sought district-wide').toBeDefined();
    expect(out.crossSchoolLeaders[0]).toMatchObject({ id: 'PW011', nominationsFromOtherSchools: 35 });
    // The district office is the district's own staff: listed apart, not a school row.
    expect(out.districtLevel).toEqual([{ unit: 'District Office', people: 5 }]);
    expect(out.schools.map((s) => s.school)).toEqual([
      'Cedar Ridge K-8',
      'Fox Hollow Elementary',
      'Pinewood Elementary',
      'Pinewood Junior/Senior High',
    ]);
    for (const s of out.schools)
      expect(Object.keys(s).sort()).toEqual(
        [
          'school',
          'people',
          'ties',
          'respondents',
          'responseRate',
          'density',
          'inDegreeCentralization',
          'gini',
          'externalShare',
          'eiIndex',
          'leaders',
        ].sort(),
      );
    expect(out.groups.groupBy).toBe('school');
  });

  it('a school row equals leadmap analyze run on that school alone (its roster rows and the ties among them, as files)', async () => {
    const w = waves.find((x) => x.label === '2025-26')!;
    const dir = mkdtempSync(join(tmpdir(), 'leadmap-school-'));
    const school = 'Fox Hollow Elementary';
    const [rh, ...rosterRows] = readFileSync(join(w.dir, 'roster.csv'), 'utf8').trim().split('\n');
    const schoolCol = rh!.split(',').indexOf('school');
    const mine = rosterRows.filter((l) => l.split(',')[schoolCol] === school);
    const ids = new Set(mine.map((l) => l.split(',')[0]));
    const [th, ...tieRows] = readFileSync(join(w.dir, 'ties.csv'), 'utf8').trim().split('\n');
    const [ph, ...respRows] = readFileSync(join(w.dir, 'respondents.csv'), 'utf8').trim().split('\n');
    writeFileSync(join(dir, 'roster.csv'), [rh, ...mine].join('\n') + '\n');
    writeFileSync(
      join(dir, 'ties.csv'),
      [th, ...tieRows.filter((l) => ids.has(l.split(',')[0]) && ids.has(l.split(',')[1]))].join('\n') + '\n',
    );
    writeFileSync(join(dir, 'respondents.csv'), [ph, ...respRows.filter((l) => ids.has(l.split(',')[0]))].join('\n') + '\n');
    const alone = await run([
      'analyze',
      join(dir, 'ties.csv'),
      '--roster',
      join(dir, 'roster.csv'),
      '--respondents',
      join(dir, 'respondents.csv'),
      '--json',
    ]);
    expect(alone.code, alone.stderr).toBe(0);
    const a = JSON.parse(alone.stdout) as {
      distribution: {
        byDomain: Array<{ domain: string; density: number; ties: number; centralization: { value: number }; gini: { value: number } }>;
      };
      quality: { responseRate: number };
    };
    const pooled = a.distribution.byDomain.find((d) => d.domain === 'any')!;
    const district = await run([
      'analyze',
      join(w.dir, 'ties.csv'),
      '--roster',
      join(w.dir, 'roster.csv'),
      '--respondents',
      join(w.dir, 'respondents.csv'),
      '--json',
    ]);
    const row = (JSON.parse(district.stdout) as { schools: Array<Record<string, number | string>> }).schools.find(
      (s) => s.school === school,
    )!;
    expect(row).toMatchObject({
      people: ids.size,
      ties: pooled.ties,
      density: pooled.density,
      inDegreeCentralization: pooled.centralization.value,
      gini: pooled.gini.value,
      responseRate: a.quality.responseRate,
    });
  });
});

describe('district-level units', () => {
  it('reads a district office, central office or administration as the district’s own staff, and a school as a school', () => {
    for (const u of [
      'District Office',
      'Central Office',
      'district administration',
      'County Office',
      'Board Office',
      "Superintendent's Office",
      'District Services',
    ])
      expect(isDistrictLevel(u), u).toBe(true);
    for (const u of ['Pinewood Elementary', 'Office Park Middle School', 'District 9 High', 'Central High School', 'Board Street Academy'])
      expect(isDistrictLevel(u), u).toBe(false);
  });
});
