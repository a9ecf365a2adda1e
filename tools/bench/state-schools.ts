import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DOMAINS = ['curriculum', 'instruction', 'behaviour', 'assessment', 'data', 'technology'];
const DEPARTMENTS = ['Leadership', 'Maths', 'English', 'Science', 'Humanities', 'Arts', 'Languages', 'Support'];

/**
 * A synthetic state for the batch benchmark: `schools` folders (school-001 …), each with roster.csv,
 * ties.csv and respondents.csv of one wave; staff per school drawn from 30–90 (mean 60, so 500 schools
 * hold about 30,000 staff), ids unique across the state (S001-007), about 85 % answering, each
 * respondent naming 2–6 colleagues in each of 3 of the 6 domains (mostly in their own department,
 * often the department's lead or the principal), weights 1–5. Seeded: the same arguments give the
 * same bytes. Returns the number of staff.
 */
export function writeState(root: string, schools: number, seed = 20): number {
  let s = seed >>> 0;
  const rnd = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  let staff = 0;
  for (let k = 1; k <= schools; k++) {
    const name = `school-${String(k).padStart(3, '0')}`;
    const dir = join(root, name);
    mkdirSync(dir, { recursive: true });
    const n = 30 + Math.floor(rnd() * 61);
    staff += n;
    const id = (i: number) => `S${String(k).padStart(3, '0')}-${String(i).padStart(3, '0')}`;
    const dept = (i: number) => (i < 3 ? DEPARTMENTS[0]! : DEPARTMENTS[1 + (i % (DEPARTMENTS.length - 1))]!);
    const role = (i: number) =>
      i === 0 ? 'principal' : i < 3 ? 'assistant principal' : i < DEPARTMENTS.length + 2 ? 'department chair' : 'teacher';
    const roster = ['id,name,role,department,school,start_year'];
    for (let i = 0; i < n; i++)
      roster.push(`${id(i)},Staff ${k}-${i},${role(i)},${dept(i)},State School ${k},${2000 + Math.floor(rnd() * 26)}`);
    const ties = ['source,target,relation,domain,weight'];
    const respondents = ['id'];
    for (let i = 0; i < n; i++) {
      if (rnd() > 0.85) continue;
      respondents.push(id(i));
      const domains = [...DOMAINS].sort(() => rnd() - 0.5).slice(0, 3);
      for (const domain of domains) {
        const named = new Set<number>();
        const want = 2 + Math.floor(rnd() * 5);
        for (let t = 0; t < want * 3 && named.size < want; t++) {
          const r = rnd();
          let j: number;
          if (r < 0.15) j = 0;
          else if (r < 0.3)
            j = 3 + (i % (DEPARTMENTS.length - 1)); // the department's chair
          else if (r < 0.75) {
            j = Math.floor(rnd() * n);
            if (dept(j) !== dept(i)) continue;
          } else j = Math.floor(rnd() * n);
          if (j !== i && j < n) named.add(j);
        }
        for (const j of named) ties.push(`${id(i)},${id(j)},advice,${domain},${1 + Math.floor(rnd() * 5)}`);
      }
    }
    writeFileSync(join(dir, 'roster.csv'), roster.join('\n') + '\n');
    writeFileSync(join(dir, 'ties.csv'), ties.join('\n') + '\n');
    writeFileSync(join(dir, 'respondents.csv'), respondents.join('\n') + '\n');
  }
  return staff;
}
