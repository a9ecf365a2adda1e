import { mulberry32 } from '../../src/metrics/random.js';

/**
 * A generated school (seeded): `people` staff in `departments` departments, each naming about ten
 * colleagues for advice — seven in their own department, three anywhere, the first people of the roster
 * most sought out; a department head per department and one principal.
 */
export function generatedSchool(people: number, departments: number): { roster: string; ties: string } {
  const rng = mulberry32(people);
  const dept = (i: number) => i % departments;
  const name = (d: number) => `Department ${String(d + 1).padStart(2, '0')}`;
  const roster = ['id,name,role,department'];
  for (let i = 0; i < people; i++)
    roster.push(`S${i},Staff ${i},${i < departments ? 'department head' : i === departments ? 'principal' : 'teacher'},${name(dept(i))}`);
  const ties = ['source,target,relation,domain,weight'];
  const members = Array.from({ length: departments }, (_, d) => Array.from({ length: people }, (_, i) => i).filter((i) => dept(i) === d));
  for (let i = 0; i < people; i++) {
    const named = new Set<number>();
    const own = members[dept(i)]!;
    while (named.size < 7) named.add(own[Math.floor(rng() ** 2 * own.length)]!);
    while (named.size < 10) named.add(Math.floor(rng() ** 3 * people));
    named.delete(i);
    for (const j of named) ties.push(`S${i},S${j},advice,${rng() < 0.5 ? 'curriculum' : 'behaviour'},${1 + Math.floor(rng() * 4)}`);
  }
  return { roster: `${roster.join('\n')}\n`, ties: `${ties.join('\n')}\n` };
}
