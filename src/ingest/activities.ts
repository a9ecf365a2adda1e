import { basename } from 'node:path';
import type { Activity } from '../model/activities.js';
import type { IngestResult, Person } from '../model/types.js';
import { readCsv } from './csv-reader.js';
import { resolveHeader, type AliasTable } from './headers.js';
import { ProblemCollector } from './problems.js';

type Field = 'date' | 'activity' | 'routine' | 'goal' | 'participants' | 'unit';
const ALIASES: AliasTable<Field> = {
  date: ['date', 'when', 'day'],
  activity: ['activity', 'what', 'task'],
  routine: ['routine', 'process', 'cycle'],
  goal: ['goal', 'aim', 'purpose', 'objective'],
  participants: ['participants', 'who', 'people', 'led by'],
  unit: ['unit', 'department', 'team', 'where', 'school'],
};

/**
 * Reads a leadership activity log: `date, activity, routine, goal, participants[, unit]`
 * (participants: roster ids separated by ";" or "|"; routine, goal and unit may be empty; an
 * activity or routine column is required, participants too). Every problem names the row and column;
 * any error refuses the file. With a roster, every participant must be on it.
 */
export async function readActivities(path: string, roster: readonly Person[] | null): Promise<IngestResult<Activity[]>> {
  const file = basename(path);
  const problems = new ProblemCollector();
  const ids = roster ? new Set(roster.map((p) => p.id)) : null;
  const out: Activity[] = [];
  let h: ReturnType<typeof resolveHeader<Field>> | null = null;
  const summary = await readCsv({
    path,
    file,
    problems,
    onHeader(cells) {
      h = resolveHeader(cells, ALIASES, file, problems);
      const missing = (['date', 'participants'] as const).filter((f) => h!.index[f] === undefined);
      if (h.index.activity === undefined && h.index.routine === undefined) missing.push('activity' as never);
      if (missing.length > 0) {
        problems.error(
          file,
          1,
          null,
          null,
          'MISSING_COLUMN',
          `no ${missing.map((m) => `"${m}"`).join(', ')} column; expected date, activity (or routine), goal, participants`,
        );
        return false;
      }
      return h.ok;
    },
    onRow(cells, row) {
      const cell = (f: Field): string => (h!.index[f] === undefined ? '' : (cells[h!.index[f]] ?? '').trim());
      const label = (f: Field): string => h!.label[f] ?? f;
      if (cells.every((c) => c.trim() === '')) return;
      const date = cell('date');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date)))
        return problems.error(file, row, label('date'), date, 'BAD_DATE', 'expected a date written YYYY-MM-DD, e.g. 2026-03-14');
      const activity = cell('activity') || cell('routine');
      if (activity === '') return problems.error(file, row, label('activity'), '', 'MISSING_VALUE', 'is empty; expected what was done');
      const participants = [
        ...new Set(
          cell('participants')
            .split(/[;|]/)
            .map((s) => s.trim())
            .filter(Boolean),
        ),
      ];
      if (participants.length === 0)
        return problems.error(
          file,
          row,
          label('participants'),
          '',
          'MISSING_VALUE',
          'is empty; expected the roster ids of who did it, separated by ";"',
        );
      const unknown = ids ? participants.filter((p) => !ids.has(p)) : [];
      if (unknown.length > 0)
        return problems.error(
          file,
          row,
          label('participants'),
          unknown.join(';'),
          'UNKNOWN_PERSON',
          'is not on the roster; expected roster ids separated by ";"',
        );
      out.push({
        row,
        date,
        activity,
        routine: cell('routine') || null,
        goal: cell('goal') || null,
        participants,
        unit: cell('unit') || null,
      });
    },
  });
  if (!summary.readable || !summary.complete || problems.hasErrors) return { ok: false, problems: problems.list() };
  return { ok: true, value: out, problems: problems.list() };
}
