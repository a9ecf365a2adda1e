import { basename } from 'node:path';
import type { IngestResult } from '../model/types.js';
import { readCsv } from './csv-reader.js';
import { headerKey } from './headers.js';
import { ProblemCollector } from './problems.js';

/** One person's skills inventory: the domains of what they could offer and of where they would like support. */
export interface SkillAnswerRow {
  id: string;
  offers: string[];
  needs: string[];
}

const domainsOf = (cell: string | undefined) => [
  ...new Set(
    (cell ?? '')
      .split(';')
      .map((d) => d.trim().toLowerCase())
      .filter((d) => d !== ''),
  ),
];

/**
 * Reads the skills inventory of the people file that `leadmap import` writes: `skill_domains`
 * (offered) and `need_domains` (needed), domains separated by `;`. People whose `responded` column
 * says no are left out. `null` when the file has neither column (the survey asked no skills
 * question). A missing id column, an empty id or an id twice refuses the file.
 */
export async function readSkillAnswers(path: string): Promise<IngestResult<SkillAnswerRow[] | null>> {
  const file = basename(path);
  const problems = new ProblemCollector();
  const rows: SkillAnswerRow[] = [];
  let idCol = -1,
    respondedCol = -1,
    offerCol = -1,
    needCol = -1;
  let headers: string[] = [];
  const seen = new Set<string>();
  const summary = await readCsv({
    path,
    file,
    problems,
    onHeader(cells) {
      headers = cells;
      const keys = cells.map(headerKey);
      idCol = keys.indexOf('id');
      respondedCol = keys.indexOf('responded');
      offerCol = keys.indexOf(headerKey('skill_domains'));
      needCol = keys.indexOf(headerKey('need_domains'));
      if (idCol < 0) {
        problems.error(file, 1, null, null, 'MISSING_COLUMN', 'no "id" column; expected the people file leadmap import writes');
        return false;
      }
      return offerCol >= 0 || needCol >= 0;
    },
    onRow(cells, row) {
      const id = (cells[idCol] ?? '').trim();
      if (id === '')
        return problems.error(file, row, headers[idCol] ?? 'id', '', 'MISSING_VALUE', "is empty; expected the person's roster id");
      if (seen.has(id))
        return problems.error(file, row, headers[idCol] ?? 'id', id, 'DUPLICATE_ID', 'appears twice; expected one row per person');
      seen.add(id);
      if (respondedCol >= 0 && /^(no|false|0|n)$/i.test((cells[respondedCol] ?? '').trim())) return;
      rows.push({ id, offers: offerCol >= 0 ? domainsOf(cells[offerCol]) : [], needs: needCol >= 0 ? domainsOf(cells[needCol]) : [] });
    },
  });
  if (problems.hasErrors || !summary.readable) return { ok: false, problems: problems.list() };
  if (offerCol < 0 && needCol < 0) return { ok: true, value: null, problems: problems.list() };
  if (!summary.complete) return { ok: false, problems: problems.list() };
  return { ok: true, value: rows, problems: problems.list() };
}
