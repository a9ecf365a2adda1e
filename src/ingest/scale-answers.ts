import { basename } from 'node:path';
import type { ScaleDefinition } from '../model/scales.js';
import type { IngestResult } from '../model/types.js';
import { readCsv } from './csv-reader.js';
import { headerKey } from './headers.js';
import { foldName } from './names/normalize.js';
import { ProblemCollector } from './problems.js';
import { AGREEMENT_SCALE, INFLUENCE_SCALE, scaleValue } from './survey/scales.js';

/** One person's answers to the items of each scale, in the definition's item order (null = not answered). */
export interface ScaleAnswerRow {
  id: string;
  /** The person's group (the --group-by column), or null when the file has no such column or the cell is empty. */
  group: string | null;
  /** Per scale (same order as the definitions): the raw answers, item by item, before reverse coding. */
  answers: Array<Array<number | null>>;
}

const WORDS = new Map([...Object.entries(AGREEMENT_SCALE), ...Object.entries(INFLUENCE_SCALE)]);

/**
 * Reads the Likert answers of the people file that `leadmap import` writes (one row per person: id,
 * name, department, responded, one column per Likert question headed by its text) for the items of
 * the given scales. Items are found by their column heading, compared without case, accents or
 * punctuation. Answers are numbers, or the words of the agreement and influence scales ("Agree",
 * "A great deal"); empty means not answered. People whose `responded` column says no are left out.
 * Every item without a column, and every answer that is not a number within the item's response
 * scale, is reported with its row and column; any error refuses the file. A file with no column for
 * any item also gets NO_SCALE_ITEMS (the survey asked none of these scales).
 */
export async function readScaleAnswers(
  path: string,
  scales: readonly ScaleDefinition[],
  groupBy = 'department',
): Promise<IngestResult<{ rows: ScaleAnswerRow[]; groupColumn: string | null }>> {
  const file = basename(path);
  const problems = new ProblemCollector();
  const rows: ScaleAnswerRow[] = [];
  let idCol = -1;
  let groupCol = -1;
  let respondedCol = -1;
  let headers: string[] = [];
  let itemCols: number[][] = [];
  const seen = new Set<string>();
  const summary = await readCsv({
    path,
    file,
    problems,
    onHeader(cells) {
      headers = cells;
      const keys = cells.map(headerKey);
      idCol = keys.indexOf('id');
      groupCol = keys.indexOf(headerKey(groupBy));
      respondedCol = keys.indexOf('responded');
      if (idCol < 0) {
        problems.error(
          file,
          1,
          null,
          null,
          'MISSING_COLUMN',
          'no "id" column; expected the people file leadmap import writes (id, name, department, responded, one column per question)',
        );
        return false;
      }
      const folded = cells.map(foldName);
      itemCols = scales.map((s) =>
        s.items.map((it) => {
          const at = folded.indexOf(foldName(it.item));
          if (at < 0)
            problems.error(
              file,
              1,
              null,
              it.item,
              'MISSING_ITEM',
              `scale "${s.scale}": no column is headed by this item; expected a column with the question's text as heading (the file has ${cells.length} columns)`,
            );
          return at;
        }),
      );
      if (itemCols.every((cols) => cols.every((c) => c < 0)))
        problems.error(
          file,
          1,
          null,
          null,
          'NO_SCALE_ITEMS',
          'no column is headed by any item of the scales; expected the people file of a survey that asked them',
        );
      return !problems.hasErrors;
    },
    onRow(cells, row) {
      const id = (cells[idCol] ?? '').trim();
      if (id === '')
        return problems.error(file, row, headers[idCol] ?? 'id', '', 'MISSING_VALUE', "is empty; expected the person's roster id");
      if (seen.has(id))
        return problems.error(file, row, headers[idCol] ?? 'id', id, 'DUPLICATE_ID', 'appears twice; expected one row per person');
      seen.add(id);
      if (respondedCol >= 0 && /^(no|false|0|n)$/i.test((cells[respondedCol] ?? '').trim())) return;
      const answers = scales.map((s, si) =>
        s.items.map((it, ii) => {
          const col = itemCols[si]![ii]!;
          const text = (cells[col] ?? '').trim();
          if (text === '') return null;
          const v = scaleValue(text, WORDS);
          if (v === null || v < s.min || v > s.max) {
            problems.error(
              file,
              row,
              headers[col] ?? it.item,
              text,
              'BAD_ANSWER',
              `expected a number from ${s.min} to ${s.max} (scale "${s.scale}"), or an empty cell`,
            );
            return null;
          }
          return v;
        }),
      );
      const g = groupCol >= 0 ? (cells[groupCol] ?? '').trim() : '';
      rows.push({ id, group: g === '' ? null : g, answers });
    },
  });
  if (!summary.readable || !summary.complete || problems.hasErrors) return { ok: false, problems: problems.list() };
  return { ok: true, value: { rows, groupColumn: groupCol >= 0 ? headers[groupCol]! : null }, problems: problems.list() };
}

/**
 * Which scales the people file asks in full: for each definition, whether every item has a column
 * (headings compared as readScaleAnswers compares them). Reads the header only; all false when the
 * file cannot be read (readScaleAnswers then says why).
 */
export async function scalesAskedInFull(path: string, scales: readonly ScaleDefinition[]): Promise<boolean[]> {
  let asked = scales.map(() => false);
  await readCsv({
    path,
    file: basename(path),
    problems: new ProblemCollector(),
    onHeader(cells) {
      const folded = new Set(cells.map(foldName));
      asked = scales.map((s) => s.items.every((it) => folded.has(foldName(it.item))));
      return false;
    },
    onRow() {},
  });
  return asked;
}
