/** Synthetic roster and tie CSVs of a chosen size, seeded (load and crash tests; no real people). */
export function syntheticRoster(people: number): string {
  const depts = ['Maths', 'English', 'Science', 'History', 'Art', 'Music', 'Languages', 'PE'];
  const lines = ['id,name,role,department'];
  for (let i = 1; i <= people; i++) lines.push(`S${i},Staff Member ${i},${i === 1 ? 'principal' : 'teacher'},${depts[i % depts.length]}`);
  return lines.join('\n') + '\n';
}

export function syntheticTies(people: number, rows: number, seed = 7): string {
  let s = seed >>> 0;
  const next = (): number => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const domains = ['curriculum', 'behaviour', 'assessment', 'technology'];
  const parts: string[] = ['source,target,relation,domain,weight\n'];
  for (let r = 0; r < rows; r++) {
    const a = 1 + Math.floor(next() * people);
    let b = 1 + Math.floor(Math.pow(next(), 2) * people);
    if (b === a) b = (a % people) + 1;
    parts.push(`S${a},S${b},advice,${domains[r % domains.length]},${1 + Math.floor(next() * 5)}\n`);
  }
  return parts.join('');
}
