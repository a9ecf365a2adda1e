import { basename } from 'node:path';
import type { AttributeValue, IngestResult, Person } from '../model/types.js';
import { readCsv } from './csv-reader.js';
import { describeAliases, resolveHeader, type AliasTable, type ResolvedHeader } from './headers.js';
import { ProblemCollector } from './problems.js';
import { hasExtraValues } from './row-shape.js';
import { parseNumber, parseShare, parseYear, typeColumn } from './values.js';
import { unguardCell } from './csv-safe.js';

export type RosterField =
  | 'id'
  | 'name'
  | 'firstName'
  | 'lastName'
  | 'role'
  | 'department'
  | 'team'
  | 'school'
  | 'startYear'
  | 'yearsExperience'
  | 'fte'
  | 'releaseTime'
  | 'email';

/** Accepted roster header spellings (case-insensitive; spaces, "_" and "-" alike). */
export const ROSTER_ALIASES: AliasTable<RosterField> = {
  id: ['id', 'person_id', 'staff_id', 'employee_id', 'teacher_id', 'person', 'staff_number', 'identifier'],
  name: ['name', 'full_name', 'staff_name', 'display_name', 'person_name'],
  firstName: ['first_name', 'firstname', 'given_name', 'forename'],
  lastName: ['last_name', 'lastname', 'surname', 'family_name'],
  role: ['role', 'position', 'job_title', 'title', 'formal_role'],
  department: ['department', 'dept', 'subject', 'content_area', 'practice'],
  team: ['team', 'grade', 'grade_level', 'grade_team', 'year_group'],
  school: ['school', 'site', 'campus', 'building'],
  startYear: ['start_year', 'year_started', 'started', 'hire_year', 'start_date', 'hire_date'],
  yearsExperience: ['years_experience', 'experience', 'years_of_experience', 'teaching_experience'],
  fte: ['fte', 'full_time_equivalent'],
  releaseTime: ['release_time', 'release', 'leadership_release', 'release_fte'],
  email: ['email', 'e_mail', 'email_address', 'mail'],
};

export interface RosterOptions {
  /** Name used in problems; defaults to the file's base name. */
  file?: string;
  signal?: AbortSignal;
}

/**
 * Reads a roster CSV into people. Needs an id column; every other column is
 * optional, unknown columns become typed attributes. Collects every problem;
 * returns no people at all when any row has an error (a roster is small and
 * must be whole: there is no skip-bad-rows mode for it).
 */
export async function readRoster(path: string, options: RosterOptions = {}): Promise<IngestResult<Person[]>> {
  const file = options.file ?? basename(path);
  const problems = new ProblemCollector();
  let header: ResolvedHeader<RosterField> | null = null;
  let headerWidth = 0;
  const rows: Array<{ cells: string[]; row: number }> = [];
  const summary = await readCsv({
    path,
    file,
    problems,
    signal: options.signal,
    onHeader(cells) {
      headerWidth = cells.length;
      header = resolveHeader(cells, ROSTER_ALIASES, file, problems);
      if (header.index.id === undefined) {
        const keys = cells.map((c) => c.trim().toLowerCase());
        const looksLikeTies =
          keys.some((k) => ['source', 'from', 'ego', 'nominator'].includes(k)) &&
          keys.some((k) => ['target', 'to', 'alter', 'nominee'].includes(k));
        problems.error(
          file,
          1,
          null,
          null,
          looksLikeTies ? 'TIES_AS_ROSTER' : 'MISSING_COLUMN',
          looksLikeTies
            ? 'this looks like a tie list (it has source/target columns), not a roster: pass it as the ties file, and the staff list as --roster'
            : `no id column; a roster needs one column named one of ${describeAliases(ROSTER_ALIASES.id)}`,
        );
        return false;
      }
      return header.ok;
    },
    onRow(cells, row) {
      rows.push({ cells, row });
    },
  });
  if (!summary.readable || !summary.complete || header === null || problems.hasErrors) return { ok: false, problems: problems.list() };
  const h: ResolvedHeader<RosterField> = header;
  if (rows.length === 0) {
    problems.error(file, null, null, null, 'NO_ROWS', 'the roster has a header but no people; expected one row per staff member');
    return { ok: false, problems: problems.list() };
  }
  const decimalComma = summary.delimiter === ';';
  const extraValues = h.extra.map((x) =>
    typeColumn(
      rows.map((r) => r.cells[x.index] ?? ''),
      decimalComma,
    ),
  );
  const people: Person[] = [];
  const firstRowOf = new Map<string, number>();
  rows.forEach(({ cells, row }, k) => {
    const get = (f: RosterField): string => (h.index[f] === undefined ? '' : unguardCell((cells[h.index[f]] ?? '').trim()));
    const err = (f: RosterField, code: string, message: string) => problems.error(file, row, h.label[f] ?? f, get(f), code, message);
    if (hasExtraValues(cells, headerWidth)) {
      problems.error(
        file,
        row,
        null,
        null,
        'TOO_MANY_FIELDS',
        `the row has ${cells.length} values but the header has ${headerWidth} columns (a delimiter inside an unquoted value?)`,
      );
    }
    const id = get('id');
    if (id === '') {
      err('id', 'MISSING_ID', 'every person needs an id');
      return;
    }
    const dup = firstRowOf.get(id);
    if (dup !== undefined) {
      err('id', 'DUPLICATE_ID', `the same id is already used on row ${dup}; ids must be unique`);
      return;
    }
    firstRowOf.set(id, row);
    const composed = [get('firstName'), get('lastName')].filter((s) => s !== '').join(' ');
    const num = (f: RosterField, parse: (t: string) => number | null, ok: (n: number) => boolean, expected: string): number | null => {
      const t = get(f);
      if (t === '') return null;
      const n = parse(t);
      if (n === null || !ok(n)) {
        err(f, 'BAD_VALUE', `is not ${expected}`);
        return null;
      }
      return n;
    };
    const attributes: Record<string, AttributeValue> = {};
    h.extra.forEach((x, j) => {
      attributes[x.header] = extraValues[j]![k]!;
    });
    people.push({
      id,
      name: get('name') || composed || id,
      role: get('role'),
      department: get('department'),
      team: get('team'),
      school: get('school'),
      startYear: num('startYear', parseYear, () => true, 'a year such as 2021 (or a date such as 2021-08-16)'),
      yearsExperience: num(
        'yearsExperience',
        (t) => parseNumber(t, decimalComma),
        (n) => n >= 0 && n <= 70,
        'a number of years between 0 and 70',
      ),
      fte: num(
        'fte',
        (t) => parseShare(t, decimalComma),
        (n) => n > 0 && n <= 1.5,
        'an FTE between 0 and 1.5 (e.g. 1, 0.6 or 60%)',
      ),
      releaseTime: num(
        'releaseTime',
        (t) => parseShare(t, decimalComma),
        (n) => n >= 0 && n <= 1,
        'a share of time between 0 and 1 (e.g. 0.4 or 40%)',
      ),
      email: get('email') || null,
      onRoster: true,
      attributes,
    });
  });
  if (problems.hasErrors) return { ok: false, problems: problems.list() };
  return { ok: true, value: people, problems: problems.list() };
}
