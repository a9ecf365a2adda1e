import { basename } from 'node:path';
import type { IngestResult } from '../model/types.js';
import { readCsv } from './csv-reader.js';
import { headerKey } from './headers.js';
import { ProblemCollector } from './problems.js';

/** One school outcome of one wave, e.g. {indicator: "attendance", value: 93.1, unit: "%", better: "higher", source: "state report card"}. */
export interface Outcome {
  indicator: string;
  value: number;
  unit: string;
  better: 'higher' | 'lower';
  source: string;
}

const COLUMNS = ['indicator', 'value', 'unit', 'better', 'source'] as const;

/**
 * Reads a small outcomes.csv (`indicator, value, unit, better, source`; better = higher | lower).
 * Every bad row is reported with its row, column and what was expected; any error refuses the file.
 * A repeated indicator is an error (which value would count?).
 */
export async function readOutcomes(path: string): Promise<IngestResult<Outcome[]>> {
  const file = basename(path);
  const problems = new ProblemCollector();
  const col: Record<string, number> = {};
  const headers: string[] = [];
  const out: Outcome[] = [];
  const summary = await readCsv({
    path,
    file,
    problems,
    onHeader(cells) {
      headers.push(...cells);
      cells.forEach((c, i) => (col[headerKey(c)] = i));
      const missing = COLUMNS.filter((c) => col[c] === undefined);
      if (missing.length > 0) {
        problems.error(
          file,
          1,
          null,
          null,
          'MISSING_COLUMN',
          `no ${missing.map((m) => `"${m}"`).join(', ')} column; expected ${COLUMNS.join(', ')}`,
        );
        return false;
      }
      return true;
    },
    onRow(cells, row) {
      const cell = (c: (typeof COLUMNS)[number]) => (cells[col[c]!] ?? '').trim();
      const head = (c: (typeof COLUMNS)[number]) => headers[col[c]!] ?? c;
      const indicator = cell('indicator');
      if (indicator === '' && cells.every((c) => c.trim() === '')) return;
      if (indicator === '')
        return problems.error(file, row, head('indicator'), '', 'MISSING_VALUE', 'is empty; expected the name of an outcome');
      const value = Number(cell('value').replace(/,/g, ''));
      if (cell('value') === '' || !Number.isFinite(value))
        return problems.error(file, row, head('value'), cell('value'), 'BAD_NUMBER', 'is not a number; expected e.g. 93.1');
      const better = cell('better').toLowerCase();
      if (better !== 'higher' && better !== 'lower')
        return problems.error(file, row, head('better'), cell('better'), 'BAD_VALUE', 'expected "higher" or "lower"');
      if (out.some((o) => o.indicator.toLowerCase() === indicator.toLowerCase()))
        return problems.error(
          file,
          row,
          head('indicator'),
          indicator,
          'DUPLICATE_INDICATOR',
          'is listed twice; expected one row per outcome',
        );
      out.push({ indicator, value, unit: cell('unit'), better, source: cell('source') });
    },
  });
  if (!summary.readable || !summary.complete || problems.hasErrors) return { ok: false, problems: problems.list() };
  return { ok: true, value: out, problems: problems.list() };
}
