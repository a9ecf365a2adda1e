/** Writes a school's waves as fixtures/demo/<slug>/<wave>/{roster,ties,respondents}.csv and planted.json. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toCsv } from './csv.js';
import type { SchoolOutput, WaveOutput } from './types.js';

export const ROSTER_HEADER = [
  'id',
  'name',
  'role',
  'department',
  'team',
  'school',
  'start_year',
  'years_experience',
  'fte',
  'release_time',
  'email',
];
export const TIES_HEADER = ['source', 'target', 'relation', 'domain', 'weight'];

/** The files of one wave, name → text. */
export function waveFiles(w: WaveOutput): Record<string, string> {
  return {
    'roster.csv': toCsv(
      ROSTER_HEADER,
      w.people.map((p) => [
        p.id,
        p.name.display,
        p.role,
        p.department,
        p.team,
        p.school,
        p.startYear,
        p.yearsExperience,
        p.fte,
        p.releaseTime,
        p.email,
      ]),
    ),
    'ties.csv': toCsv(
      TIES_HEADER,
      w.ties.map((t) => [t.source, t.target, t.relation, t.domain, t.weight]),
    ),
    'respondents.csv': toCsv(
      ['id'],
      w.respondents.map((id) => [id]),
    ),
    'planted.json': JSON.stringify(w.planted, null, 2) + '\n',
  };
}

/** Writes every file; returns how many. */
export function writeSchools(schools: readonly SchoolOutput[], outDir: string): number {
  let n = 0;
  for (const s of schools) {
    for (const w of s.waves) {
      const dir = join(outDir, s.slug, w.label);
      mkdirSync(dir, { recursive: true });
      for (const [name, text] of Object.entries(waveFiles(w))) {
        writeFileSync(join(dir, name), text, 'utf8');
        n++;
      }
    }
  }
  return n;
}
