import { mulberry32 } from '../../src/metrics/random.js';
import type { Dataset, Person, Tie } from '../../src/model/types.js';

/**
 * Generated schools for the k-anonymity property test: 2–6 departments of 1–20 people, roles that
 * mostly occur once (principal, assistant principal, counselor, coordinators, coaches, one chair per
 * department), start years 1995–2025, release times from 0 to 1, FTE, seeded ties in three domains
 * (two thirds inside the department), and a respondents list leaving about one in seven out.
 */
const UNIQUE_ROLES = [
  'principal',
  'assistant principal',
  'counselor',
  'technology coordinator',
  'instructional coach',
  'data coach',
  'librarian',
  'nurse',
  'social worker',
];
const DEPARTMENTS = ['Arts', 'Business', 'English', 'Mathematics', 'Science', 'Languages', 'Support'];
const DOMAINS = ['curriculum', 'behaviour', 'technology'];

export function generatedSchool(seed: number, sizes?: number[]): Dataset {
  const rand = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const deptSizes = sizes ?? Array.from({ length: int(2, 6) }, () => int(1, 20));
  const people: Person[] = [];
  let unique = 0;
  deptSizes.forEach((n, d) => {
    for (let j = 0; j < n; j++) {
      const i = people.length;
      const role =
        j === 0
          ? `${DEPARTMENTS[d]!.toLowerCase()} chair`
          : rand() < 0.25 && unique < UNIQUE_ROLES.length
            ? UNIQUE_ROLES[unique++]!
            : 'teacher';
      const release =
        role === 'principal' || role === 'assistant principal'
          ? 1
          : role === 'teacher'
            ? rand() < 0.1
              ? 0.1
              : 0
            : [0.1, 0.2, 0.5][int(0, 2)]!;
      const startYear = int(1995, 2025);
      people.push({
        id: `G${seed}-${String(i + 1).padStart(3, '0')}`,
        name: `Staff Member ${seed}x${i + 1}`,
        role,
        department: DEPARTMENTS[d]!,
        team: '',
        school: 'Generated High',
        startYear,
        yearsExperience: 2025 - startYear + int(0, 5),
        fte: rand() < 0.15 ? 0.5 : 1,
        releaseTime: release,
        email: null,
        onRoster: true,
        attributes: {},
      });
    }
  });
  const ties: Tie[] = [];
  const seen = new Set<string>();
  for (const p of people) {
    const same = people.filter((q) => q.department === p.department && q.id !== p.id);
    for (const domain of DOMAINS) {
      for (let k = int(0, 3); k > 0; k--) {
        const pool = rand() < 0.66 && same.length > 0 ? same : people;
        const t = pool[int(0, pool.length - 1)]!;
        const key = `${p.id}|${t.id}|${domain}`;
        if (t.id === p.id || seen.has(key)) continue;
        seen.add(key);
        ties.push({ source: p.id, target: t.id, relation: 'advice', domain, weight: int(1, 3), count: 1, timestamp: null, wave: null });
      }
    }
  }
  return {
    people,
    ties,
    relations: [{ name: 'advice', directed: true }],
    domains: DOMAINS,
    respondents: people.filter(() => rand() < 0.86).map((p) => p.id),
    wave: { id: 'w', label: '2025-26', schoolId: 's', collectedOn: null },
  };
}
