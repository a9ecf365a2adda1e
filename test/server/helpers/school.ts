import { mulberry32 } from '../../../src/metrics/random.js';

/**
 * A made-up school for privacy tests: five departments of 3, 6, 8, 9 and 8 people (one under the
 * minimum group size, one just above it), unique roles, start years, release times and FTE on the
 * roster, seeded random advice ties in two domains, and a respondents file leaving a few out.
 */
export const SCHOOL_DEPTS: Array<[string, number]> = [
  ['Arts', 3],
  ['Business', 6],
  ['Civics', 8],
  ['Drama', 9],
  ['English', 8],
];

export interface MadeUpSchool {
  roster: string;
  ties: string;
  respondents: string;
  ids: string[];
  names: string[];
}

export function madeUpSchool(seed = 7): MadeUpSchool {
  const rand = mulberry32(seed);
  const ids: string[] = [];
  const names: string[] = [];
  let roster = 'id,name,role,department,team,school,start_year,years_experience,fte,release_time,email\n';
  let i = 0;
  for (const [dept, n] of SCHOOL_DEPTS) {
    for (let j = 0; j < n; j++, i++) {
      const id = `S${String(i + 1).padStart(3, '0')}`;
      const name = `Person ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(97 + ((i * 7) % 26))} Staffer${i}`;
      const role = i === 0 ? 'principal' : j === 0 ? `${dept.toLowerCase()} chair` : j === 1 ? `${dept.toLowerCase()} coach` : 'teacher';
      const start = 2010 + ((i * 5) % 15);
      const release = role === 'principal' ? 1 : j === 0 ? 0.2 : j === 1 ? 0.1 : 0;
      roster += `${id},${name},${role},${dept},T${j % 3},Made-up High,${start},${2025 - start + (i % 4)},${i % 7 === 0 ? 0.5 : 1},${release},${id.toLowerCase()}@example.org\n`;
      ids.push(id);
      names.push(name);
    }
  }
  let ties = 'source,target,relation,domain,weight\n';
  for (const s of ids)
    for (const domain of ['curriculum', 'behaviour']) {
      const k = 1 + Math.floor(rand() * 4);
      for (let j = 0; j < k; j++) {
        const t = ids[Math.floor(rand() * ids.length)]!;
        if (t !== s) ties += `${s},${t},advice,${domain},${1 + Math.floor(rand() * 3)}\n`;
      }
    }
  const respondents = 'id\n' + ids.filter((_, j) => j % 5 !== 3).join('\n') + '\n';
  return { roster, ties, respondents, ids, names };
}
