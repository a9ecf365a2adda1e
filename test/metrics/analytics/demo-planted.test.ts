import { beforeAll, describe, expect, test } from 'vitest';
import { ANY_DOMAIN, type Person } from '../../../src/model/types.js';
import { formalDomainsOf, holdsFormalRoleIn } from '../../../src/model/formal-roles.js';
import { analyzeLeadership, type LeadershipAnalysis } from '../../../src/metrics/analytics.js';
import { demoWaveDirs, loadDemoWave, type PlantedFile } from './demo.js';
import { plantedMismatches } from '../../../tools/fixtures-gen/check.js';
import type { WaveOutput } from '../../../tools/fixtures-gen/types.js';
import type { Dataset } from '../../../src/model/types.js';

/** The generator's own reference reading (tools/fixtures-gen/check.ts) applied to the files on disk: its mismatches. */
function fixtureMismatches(dataset: Dataset, planted: PlantedFile, wave: string): string[] {
  const w = {
    label: wave,
    year: Number(wave.slice(0, 4)),
    respondents: dataset.respondents ?? [],
    planted,
    people: dataset.people.map((p) => ({
      ...p,
      name: { given: p.name, family: '', display: p.name },
      releaseTime: p.releaseTime ?? 0,
      startYear: p.startYear ?? 0,
      yearsExperience: p.yearsExperience ?? 99,
    })),
    ties: dataset.ties.map((t) => ({ source: t.source, target: t.target, relation: t.relation, domain: t.domain, weight: t.weight })),
  } as unknown as WaveOutput;
  return plantedMismatches(w, 'department');
}

/**
 * The demo schools (fixtures/demo, written by tools/fixtures-gen) plant hidden leaders, nominal leaders,
 * sole sources, overloaded leaders, isolated newcomers and silos. With default thresholds the
 * analytics must find exactly what was planted: everything planted, nothing else. Missing or drifted
 * fixtures fail (regenerate them with the fixtures generator); nothing here is skipped.
 */
const waves = demoWaveDirs();
const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();

describe('default thresholds find the structure planted in the demo schools, and nothing else', () => {
  test('the demo schools are on disk: at least two schools, each with a wave', () => {
    expect(new Set(waves.map((w) => w.school)).size).toBeGreaterThanOrEqual(2);
  });

  for (const { school, wave, dir } of waves) {
    let a: LeadershipAnalysis;
    let planted: PlantedFile;
    let mismatches: string[] = [];
    let people = new Map<string, Person>();
    beforeAll(async () => {
      const loaded = await loadDemoWave(dir, wave);
      planted = loaded.planted;
      people = new Map(loaded.dataset.people.map((p) => [p.id, p]));
      mismatches = fixtureMismatches(loaded.dataset, planted, wave);
      a = analyzeLeadership(loaded.dataset, { relation: 'advice', permutations: 0 });
    });

    test(`${school} ${wave}: the fixture shows what it plants under the generator's reference reading`, () => {
      // A fixture written by an older generator fails here: regenerate fixtures/demo.
      expect(mismatches).toEqual([]);
      expect(planted.hiddenLeaders.length + planted.keyPeople.length + planted.silos.length).toBeGreaterThan(0);
    });

    test(`${school} ${wave}: hidden leaders`, () => {
      const found = new Map<string, string[]>();
      for (const f of a.formalInformal.byDomain) for (const h of f.hiddenLeaders) found.set(h.id, [...(found.get(h.id) ?? []), f.domain]);
      // Planted hidden leaders hold no formal role at all; anyone else found is a formal role holder
      // sought out in a domain outside their remit (an instructional coach asked about data).
      const noRoleAnywhere = [...found.keys()].filter(
        (id) => formalDomainsOf(people.get(id)) !== 'all' && (formalDomainsOf(people.get(id)) as readonly string[]).length === 0,
      );
      expect(sorted(noRoleAnywhere)).toEqual(sorted(planted.hiddenLeaders.map((h) => h.id)));
      for (const [id, ds] of found) for (const d of ds) expect(holdsFormalRoleIn(people.get(id), d), `${id} in ${d}`).toBe(false);
      for (const h of planted.hiddenLeaders) expect(found.get(h.id)).toEqual(expect.arrayContaining(h.domains));
    });

    test(`${school} ${wave}: nominal leaders`, () => {
      // Pooled: only people responsible for every domain; a department chair is judged in their own domains.
      const pooled = a.formalInformal.byDomain.find((f) => f.domain === ANY_DOMAIN)!;
      const plantedIds = planted.nominalLeaders.map((n) => n.id);
      expect(plantedIds).toEqual(expect.arrayContaining(pooled.nominalLeaders.map((n) => n.id)));
      const anywhere = new Set(a.formalInformal.byDomain.flatMap((f) => f.nominalLeaders.map((n) => n.id)));
      for (const id of plantedIds) expect(anywhere.has(id), id).toBe(true);
    });

    test(`${school} ${wave}: key people (sole sources)`, () => {
      const found = a.risk.byDomain
        .filter((r) => r.domain !== ANY_DOMAIN)
        .flatMap((r) => r.soleSources.map((s) => ({ domain: r.domain, ...s })));
      expect(sorted(found.map((f) => `${f.domain}|${f.id}`))).toEqual(sorted(planted.keyPeople.map((k) => `${k.domain}|${k.id}`)));
      for (const k of planted.keyPeople) {
        expect(found.find((x) => x.domain === k.domain && x.id === k.id)!.dependents).toEqual(expect.arrayContaining(k.dependents));
      }
    });

    test(`${school} ${wave}: overloaded leaders`, () => {
      expect(sorted(a.periphery.overload.overloaded)).toEqual(sorted(planted.overloadedLeaders.map((o) => o.id)));
    });

    test(`${school} ${wave}: isolated newcomers`, () => {
      expect(sorted(a.periphery.isolatedNewStaff.map((s) => s.id))).toEqual(sorted(planted.isolatedNewcomers.map((i) => i.id)));
    });

    test(`${school} ${wave}: silos by department`, () => {
      const pooled = a.groups.ei.find((e) => e.domain === ANY_DOMAIN)!;
      const inward = pooled.groups.filter((g) => g.ei !== null && g.ei <= -0.5).map((g) => g.group);
      expect(sorted(inward)).toEqual(sorted(planted.silos.filter((s) => s.grouping === 'department').map((s) => s.group)));
    });
  }
});
