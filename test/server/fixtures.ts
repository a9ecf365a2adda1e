/** Small CSVs for server tests (made up; no real people). */
export const DEPTS = ['Maths', 'Maths', 'Maths', 'Maths', 'Maths', 'English', 'English', 'English', 'English', 'English', 'Art', 'Art'];

export function rosterCsv(n = 12): string {
  let s = 'id,name,role,department\n';
  for (let i = 1; i <= n; i++) s += `T${i},Teacher Number${i},${i === 1 ? 'principal' : 'teacher'},${DEPTS[(i - 1) % DEPTS.length]}\n`;
  return s;
}

export function tiesCsv(n = 12): string {
  let s = 'source,target,relation,domain,weight\n';
  for (let i = 2; i <= n; i++) {
    s += `T${i},T1,advice,curriculum,${1 + (i % 3)}\n`;
    s += `T${i},T${i === n ? 2 : i + 1},advice,behaviour,1\n`;
  }
  return s;
}
