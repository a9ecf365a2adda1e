/**
 * Fictional school outcomes for the demo waves (outcomes.csv: indicator, value, unit, better, source).
 * Each school's figures start from its own level and drift a little from wave to wave with seeded
 * noise: they are there to be shown beside the network change as association, never as its effect.
 */
import { Random, seedOf } from './random.js';
import type { GenOutcome } from './types.js';

const SOURCE = 'fictional demo';

/** Indicator, unit, which direction is better, level in the first wave, drift per wave, noise (± half-width). */
const OUTCOMES: ReadonlyArray<readonly [string, string, 'higher' | 'lower', number, number, number]> = [
  ['attendance', '%', 'higher', 92.5, 0.4, 0.6],
  ['chronic absence', '% of students', 'lower', 14, -0.8, 1.2],
  ['reading proficiency', '% meeting standard', 'higher', 48, 1.5, 2.5],
  ['suspensions', 'per 100 students', 'lower', 4.2, -0.3, 0.6],
];

/** The outcomes of each wave of a school, in wave order (one decimal). */
export function schoolOutcomes(slug: string, waves: number): GenOutcome[][] {
  const rng = new Random(seedOf(`${slug}|outcomes`));
  const offset = rng.next() * 2 - 1;
  const out: GenOutcome[][] = [];
  for (let i = 0; i < waves; i++)
    out.push(
      OUTCOMES.map(([indicator, unit, better, level, drift, noise]) => ({
        indicator,
        value: Math.round((level * (1 + offset * 0.05) + drift * i + (rng.next() * 2 - 1) * noise) * 10) / 10,
        unit,
        better,
        source: SOURCE,
      })),
    );
  return out;
}
