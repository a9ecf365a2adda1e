/**
 * Writes a school's waves as fixtures/demo/<slug>/<wave>/{roster,ties,respondents,people,activities,decisions,outcomes}.csv and
 * planted.json, and its planted noise as fixtures/demo/<slug>/<latest wave>/redrawn/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toCsv } from './csv.js';
import { SKILL_LABEL } from './people-answers.js';
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
export const OUTCOMES_HEADER = ['indicator', 'value', 'unit', 'better', 'source'];
/** Folder of the planted-noise wave, inside the latest wave's folder (so it is not one of the school's waves). */
export const REDRAWN_DIR = 'redrawn';

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
    ...(w.peopleFile
      ? {
          'people.csv': toCsv(
            ['id', 'name', 'department', 'responded', ...w.peopleFile.items, 'skills', 'skill_domains', 'needs', 'need_domains'],
            w.peopleFile.rows.map((r) => [
              r.id,
              r.name,
              r.department,
              r.responded ? 'yes' : 'no',
              ...w.peopleFile!.items.map((_, i) => r.likert[i] ?? ''),
              r.offers.map((d) => SKILL_LABEL[d]).join('; '),
              r.offers.join('; '),
              r.needs.map((d) => SKILL_LABEL[d]).join('; '),
              r.needs.join('; '),
            ]),
          ),
        }
      : {}),
    ...(w.activities
      ? {
          'activities.csv': toCsv(
            ['date', 'activity', 'routine', 'goal', 'participants', 'unit'],
            w.activities.map((x) => [x.date, x.activity, x.routine, x.goal, x.participants.join('; '), x.unit]),
          ),
        }
      : {}),
    ...(w.decisions
      ? {
          'decisions.csv': toCsv(
            ['decision', 'domain', 'level', 'decides', 'consulted', 'informed', 'frequency'],
            w.decisions.map((x) => [
              x.decision,
              x.domain,
              x.level,
              x.decides.join('; '),
              x.consulted.join('; '),
              x.informed.join('; '),
              x.frequency,
            ]),
          ),
        }
      : {}),
    ...(w.outcomes.length > 0
      ? {
          'outcomes.csv': toCsv(
            OUTCOMES_HEADER,
            w.outcomes.map((o) => [o.indicator, o.value, o.unit, o.better, o.source]),
          ),
        }
      : {}),
  };
}

/** The folder of each wave's files under a school's folder: its label; the planted noise inside the latest wave's. */
export function schoolWaveDirs(s: SchoolOutput): Array<{ dir: string; wave: WaveOutput }> {
  const latest = s.waves[s.waves.length - 1]!;
  return [...s.waves.map((w) => ({ dir: w.label, wave: w })), { dir: join(latest.label, REDRAWN_DIR), wave: s.redrawn }];
}

/** Writes every file; returns how many. */
export function writeSchools(schools: readonly SchoolOutput[], outDir: string): number {
  let n = 0;
  for (const s of schools) {
    for (const { dir: sub, wave: w } of schoolWaveDirs(s)) {
      const dir = join(outDir, s.slug, sub);
      mkdirSync(dir, { recursive: true });
      for (const [name, text] of Object.entries(waveFiles(w))) {
        writeFileSync(join(dir, name), text, 'utf8');
        n++;
      }
    }
  }
  return n;
}
