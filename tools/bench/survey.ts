import { createWriteStream, existsSync } from 'node:fs';
import { readRoster } from '../../src/ingest/roster.js';
import { parseSurveyExport } from '../../src/ingest/survey/import.js';

const FIRST = ['Ana', 'José', 'Zoë', 'Katherine', 'Robert', 'Mei', 'Omar', 'Samantha', 'Liam', 'Noor', 'Chloé', 'Tomás'];
const LAST = ['Ruiz', 'Núñez', 'Çelik', 'Lee', 'Odell', 'Chen', 'Haddad', 'Park', 'Okafor', 'Martínez', 'Dubois', 'Novák'];

/** i written in base 26 with the letters a–z (0 → "a", 26 → "ba"): distinct for distinct i, no digits. */
function letters(i: number): string {
  let w = '';
  do {
    w = String.fromCharCode(97 + (i % 26)) + w;
    i = Math.floor(i / 26);
  } while (i > 0);
  return w;
}

/** Person i of the bench school district: a unique name (first, last, and a letters-only middle word) and e-mail. */
function person(i: number): { id: string; name: string; email: string } {
  const first = FIRST[i % FIRST.length]!;
  const last = LAST[Math.floor(i / FIRST.length) % LAST.length]!;
  const middle = `Q${letters(i)}`;
  const name = `${first} ${middle} ${last}`;
  const email = `${first}.${middle}.${last}@district.example`.toLowerCase();
  return { id: `S${String(i).padStart(6, '0')}`, name, email };
}

/**
 * A Google Forms export of `rows` respondents (e-mail + "Your name" identity columns, three name questions worded as
 * people write them, one naming two domains), names typed exactly, in "Last, First" form, as e-mails and decomposed
 * (NFD) — and its roster. Seeded by the row number; written once and reused.
 */
export async function writeSurveyExport(rows: number, exportPath: string, rosterPath: string): Promise<void> {
  if (existsSync(exportPath) && existsSync(rosterPath)) return;
  const write = async (path: string, lines: Iterable<string>) => {
    const out = createWriteStream(path);
    for (const l of lines) if (!out.write(l)) await new Promise<void>((res) => out.once('drain', () => res()));
    await new Promise<void>((res) => out.end(() => res()));
  };
  await write(
    rosterPath,
    (function* () {
      yield 'id,name,role,department,email\n';
      for (let i = 0; i < rows; i++) {
        const p = person(i);
        yield `${p.id},${p.name},teacher,Dept ${i % 40},${p.email}\n`;
      }
    })(),
  );
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  await write(
    exportPath,
    (function* () {
      yield 'Timestamp,Email Address,Your name,Who helps you with assessment?,Who do you plan with?,Who do you turn to about technology and data?\n';
      for (let i = 0; i < rows; i++) {
        const me = person(i);
        const a = person((i * 7 + 1) % rows),
          b = person((i * 13 + 5) % rows),
          c = person((i * 31 + 11) % rows);
        const [af, am, al] = a.name.split(' ') as [string, string, string];
        const email = i % 5 === 0 ? me.email.normalize('NFD').toUpperCase() : me.email;
        yield (
          [
            `2025-03-14 09:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`,
            email,
            me.name,
            q(`${a.name}, ${b.name.normalize('NFD')}`),
            q(`${al}, ${af} ${am}`),
            q(i % 3 === 0 ? c.email : c.name),
          ].join(',') + '\n'
        );
      }
    })(),
  );
}

/** Reads the roster and the export as `leadmap import` does; the time includes both reads. */
export async function runSurveyBench(
  exportPath: string,
  rosterPath: string,
): Promise<{ ms: number; rows: number; ties: number; review: number }> {
  const t0 = performance.now();
  const roster = await readRoster(rosterPath);
  if (!roster.ok) throw new Error(JSON.stringify(roster.problems.slice(0, 3)));
  const r = await parseSurveyExport(exportPath, roster.value, {});
  if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
  return { ms: performance.now() - t0, rows: r.value.stats.dataRows, ties: r.value.ties.length, review: r.value.review.length };
}
