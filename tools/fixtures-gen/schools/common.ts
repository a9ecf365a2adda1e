/** Helpers shared by the four demo schools. */
import { isFormalLeaderRole } from '../../../src/model/formal-roles.js';
import type { Random } from '../random.js';
import { DOMAINS, type Domain, type GenPerson } from '../types.js';

export const ALL_DOMAINS: readonly Domain[] = DOMAINS;

/** Typical answer rates of classroom teachers, support staff and administrators per domain. */
const TEACHER_RATES: Record<Domain, number> = {
  curriculum: 0.8,
  instruction: 0.85,
  behaviour: 0.6,
  assessment: 0.65,
  data: 0.4,
  technology: 0.45,
  wellbeing: 0.45,
  'professional learning': 0.5,
};
const SUPPORT_RATES: Record<Domain, number> = {
  curriculum: 0.15,
  instruction: 0.25,
  behaviour: 0.65,
  assessment: 0.1,
  data: 0.15,
  technology: 0.4,
  wellbeing: 0.6,
  'professional learning': 0.3,
};
const ADMIN_RATE = 0.3;

const SUPPORT_ROLES = /paraprofessional|assistant\b(?!.*principal)|psychologist|counselor|nurse|secretary|clerk|social worker|speech/i;

export function answerRate(p: GenPerson, d: Domain): number {
  if (/principal|superintendent|coach|dean/i.test(p.role)) return ADMIN_RATE;
  if (SUPPORT_ROLES.test(p.role)) return SUPPORT_RATES[d];
  return TEACHER_RATES[d];
}

/** `n` distinct people drawn from `from` (sorted by id first), or an error if too few. */
export function draw(rng: Random, from: readonly GenPerson[], n: number, what: string): GenPerson[] {
  const pool = [...from].sort((a, b) => (a.id < b.id ? -1 : 1));
  if (pool.length < n) throw new Error(`need ${n} ${what}, have ${pool.length}`);
  return rng.shuffled(pool).slice(0, n);
}

/** Ordinary classroom staff (no formal leadership role), excluding some ids. */
export function ordinaryTeachers(people: readonly GenPerson[], exclude: Iterable<string> = []): GenPerson[] {
  const ex = new Set(exclude);
  return people.filter((p) => !ex.has(p.id) && /teacher|specialist/i.test(p.role) && !isFormalLeaderRole(p.role));
}

export function byRole(people: readonly GenPerson[], role: string, team?: string): GenPerson {
  const p = people.find((x) => x.role === role && (team === undefined || x.team === team));
  if (!p) throw new Error(`no ${role}${team ? ` in ${team}` : ''}`);
  return p;
}

/** A plausible career: years of experience and the year the person started at this school. */
export function career(rng: Random, year: number, minExp = 1, maxExp = 25): { yearsExperience: number; startYear: number } {
  const yearsExperience = rng.int(minExp, maxExp);
  return { yearsExperience, startYear: year - rng.int(1, Math.max(1, Math.min(yearsExperience, 15))) };
}
