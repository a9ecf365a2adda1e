import type { Dataset, Person, Tie } from '../../src/model/types.js';
import { mulberry32 } from '../../src/metrics/random.js';
import { compareWaves } from '../../src/metrics/change/compare-waves.js';

/**
 * Two-wave synthetic schools for the change benchmark and its tests: the same staff surveyed twice,
 * with the advice pattern given by parameters (planted change = other parameters, planted noise = the
 * same parameters drawn again with another seed).
 */

/** How a synthetic school's staff name each other for advice. */
export interface SchoolParams {
  /** Chance that a nomination stays inside the person's department. */
  inside: number;
  /** Chance that a nomination goes to one of the few hubs (the principal and two chairs). */
  toHub: number;
  /** Share of staff who answer. */
  response: number;
}

const DOMAINS = ['curriculum', 'instruction', 'behaviour'];
const DEPARTMENTS = ['English', 'Mathematics', 'Science', 'Arts', 'Humanities', 'Support'];

function person(i: number): Person {
  const id = `S${String(i).padStart(3, '0')}`;
  const role = i === 0 ? 'principal' : i === 1 ? 'assistant principal' : i < 8 ? 'department chair' : 'teacher';
  return {
    id,
    name: `Staff ${id}`,
    role,
    department: i < 2 ? 'Administration' : DEPARTMENTS[i % DEPARTMENTS.length]!,
    team: '',
    school: 'Synthetic High',
    startYear: null,
    yearsExperience: (i * 7) % 30,
    fte: 1,
    releaseTime: null,
    email: `${id.toLowerCase()}@example.org`,
    onRoster: true,
    attributes: {},
  };
}

/**
 * One wave of a synthetic school of `n` staff: each respondent names three colleagues per domain,
 * inside their department with chance `inside`, a hub with chance `toHub`, else anyone. Planted
 * change = other parameters; planted noise = the same parameters with another seed.
 */
export function syntheticWave(n: number, p: SchoolParams, seed: number): Dataset {
  const rng = mulberry32(seed);
  const people = Array.from({ length: n }, (_, i) => person(i));
  const hubs = [0, 2, 3];
  const respondents = people.filter(() => rng() < p.response).map((q) => q.id);
  const ties: Tie[] = [];
  for (const id of respondents) {
    const i = people.findIndex((q) => q.id === id);
    const me = people[i]!;
    for (const domain of DOMAINS) {
      const named = new Set<number>();
      for (let tries = 0; named.size < 3 && tries < 50; tries++) {
        const r = rng();
        let j: number;
        if (r < p.toHub) j = hubs[Math.floor(rng() * hubs.length)]!;
        else if (r < p.toHub + p.inside) {
          const mates = people.map((q, k) => (q.department === me.department ? k : -1)).filter((k) => k >= 0);
          j = mates[Math.floor(rng() * mates.length)]!;
        } else j = Math.floor(rng() * n);
        if (j !== i) named.add(j);
      }
      for (const j of named)
        ties.push({
          source: id,
          target: people[j]!.id,
          relation: 'advice',
          domain,
          weight: 1 + Math.floor(rng() * 4),
          count: 1,
          timestamp: null,
          wave: null,
        });
    }
  }
  return {
    people,
    ties,
    relations: [{ name: 'advice', directed: true }],
    domains: DOMAINS,
    respondents,
    wave: null,
  };
}

/** A copy of a wave in which only `share` of its respondents answered (the others' ties removed), chosen with a seed. */
export function withResponse(d: Dataset, share: number, seed: number): Dataset {
  const rng = mulberry32(seed);
  const kept = new Set((d.respondents ?? d.people.map((p) => p.id)).filter(() => rng() < share));
  return { ...d, respondents: [...kept], ties: d.ties.filter((t) => kept.has(t.source)) };
}

/** The parameters the benchmark and tests plant: before, advice stays in departments and runs through hubs. */
export const BEFORE_PARAMS: SchoolParams = { inside: 0.6, toHub: 0.3, response: 0.9 };
/** After: advice opens across departments and no longer runs through three hubs. */
export const AFTER_PARAMS: SchoolParams = { inside: 0.25, toHub: 0.05, response: 0.9 };

/** Bench row "change": a 150-person school, two waves, `replicates` bootstrap replicates. */
export function runChangeBench(replicates = 1000): Record<string, unknown> {
  const a = syntheticWave(150, BEFORE_PARAMS, 1);
  const b = syntheticWave(150, AFTER_PARAMS, 2);
  const t0 = performance.now();
  const c = compareWaves(a, b, { replicates });
  return { ms: performance.now() - t0, people: 150, ties: a.ties.length + b.ties.length, replicates, indicators: c.indicators.length };
}
