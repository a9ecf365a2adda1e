import { basename } from 'node:path';
import type { IngestResult } from '../model/types.js';
import { readCsv } from './csv-reader.js';
import { headerKey } from './headers.js';
import { ProblemCollector } from './problems.js';

const ID_HEADERS = ['id', 'person_id', 'staff_id', 'respondent', 'respondent_id'];
/** A yes/no column saying whether the person answered (the people file `leadmap import` writes has "responded"). */
const RESPONDED_HEADERS = ['responded', 'answered', 'has_responded'];
const YES = /^(?:yes|y|true|1)$/i;
const NO = /^(?:no|n|false|0)$/i;

/**
 * Reads a list of person ids (e.g. respondents.csv) and checks every id is known. Duplicates are
 * reported as warnings and kept once. When the file also has a `responded` column (yes/no,
 * true/false, 1/0 — the people file `leadmap import` writes), only rows marked yes are listed;
 * any other value is an error naming the row.
 */
export async function readIdList(path: string, known: ReadonlySet<string>): Promise<IngestResult<string[]>> {
  const file = basename(path);
  const problems = new ProblemCollector();
  let col = -1;
  let label = 'id';
  let answered = -1;
  let answeredLabel = 'responded';
  const ids = new Set<string>();
  const summary = await readCsv({
    path,
    file,
    problems,
    onHeader(cells) {
      col = cells.findIndex((c) => ID_HEADERS.includes(headerKey(c)));
      if (col < 0) {
        problems.error(
          file,
          1,
          null,
          null,
          'MISSING_COLUMN',
          `no id column; expected one named ${ID_HEADERS.map((h) => `"${h}"`).join(', ')}`,
        );
        return false;
      }
      label = cells[col]!;
      answered = cells.findIndex((c) => RESPONDED_HEADERS.includes(headerKey(c)));
      if (answered >= 0) answeredLabel = cells[answered]!;
      return true;
    },
    onRow(cells, row) {
      const id = (cells[col] ?? '').trim();
      if (id === '') return;
      if (answered >= 0) {
        const v = (cells[answered] ?? '').trim();
        if (NO.test(v)) return;
        if (!YES.test(v)) {
          problems.error(file, row, answeredLabel, v, 'BAD_VALUE', 'expected yes or no (also true/false, 1/0)');
          return;
        }
      }
      if (!known.has(id)) problems.error(file, row, label, id, 'UNKNOWN_PERSON', 'is not on the roster; expected an id from the roster');
      else if (ids.has(id)) problems.warning(file, row, label, id, 'DUPLICATE_ID', 'is listed twice; counted once');
      else ids.add(id);
    },
  });
  if (!summary.readable || !summary.complete || problems.hasErrors) return { ok: false, problems: problems.list() };
  return { ok: true, value: [...ids], problems: problems.list() };
}
