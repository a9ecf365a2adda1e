import { stat } from 'node:fs/promises';
import { decodeFile, type DecodeReport } from '../decode/index.js';
import { detectDelimiter, readHead, sniffBytes } from '../sniff.js';
import { csvRecords } from '../csv-reader.js';

/** One spreadsheet row: 1-based row number as a spreadsheet shows it, and its cells as text. */
export interface ExportRow {
  row: number;
  cells: string[];
}

export interface ExportSource {
  /** 'csv' (any delimiter, any encoding) or 'xlsx'. */
  format: 'csv' | 'xlsx';
  delimiter: ',' | ';' | '\t' | null;
  decode: DecodeReport | null;
  rows: AsyncGenerator<ExportRow>;
}

export type OpenResult = { ok: true; source: ExportSource } | { ok: false; code: string; message: string };

/**
 * Opens a survey export for streaming: sniffs the bytes (xlsx, UTF-8 with or without BOM, UTF-16,
 * Windows-1252, binary), picks the delimiter from the first line, and yields rows one at a time
 * (csvRecords, the one papaparse reader, over decoded text chunks; exceljs's streaming reader for .xlsx,
 * first worksheet only). Formula cells in .xlsx are returned as their formula text ("=…"), never evaluated.
 */
export async function openExport(path: string): Promise<OpenResult> {
  const head = await readHead(path);
  const sniffed = sniffBytes(head, (await stat(path)).size);
  if (sniffed.kind === 'empty')
    return {
      ok: false,
      code: 'EMPTY_FILE',
      message: 'the file is empty; expected a survey export with a header row and one row per respondent',
    };
  if (sniffed.kind === 'binary')
    return {
      ok: false,
      code: 'NOT_A_SURVEY_EXPORT',
      message: `${sniffed.reason}, not a survey export; expected CSV/TSV text or an .xlsx workbook`,
    };
  if (sniffed.kind === 'xlsx') return { ok: true, source: { format: 'xlsx', delimiter: null, decode: null, rows: xlsxRows(path) } };
  const { chunks, report } = decodeFile(path, sniffed);
  const first = await chunks.next();
  if (first.done || first.value.trim() === '')
    return { ok: false, code: 'EMPTY_FILE', message: 'the file has no text; expected a survey export with a header row' };
  const delimiter = detectDelimiter(firstLine(first.value));
  async function* all(): AsyncGenerator<string> {
    yield first.value as string;
    yield* chunks;
  }
  return { ok: true, source: { format: 'csv', delimiter, decode: report, rows: csvRows(all(), delimiter) } };
}

function firstLine(text: string): string {
  // the first record, allowing quoted line breaks (Qualtrics and Forms quote long headers)
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === '\n' && !quoted) return text.slice(0, i);
  }
  return text;
}

async function* csvRows(text: AsyncIterable<string>, delimiter: string): AsyncGenerator<ExportRow> {
  for await (const { row, cells } of csvRecords(text, delimiter)) yield { row, cells };
}

async function* xlsxRows(path: string): AsyncGenerator<ExportRow> {
  const { default: ExcelJS } = await import('exceljs'); // loaded for a workbook only: it takes a second to load
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
  });
  let yielded = false;
  try {
    for await (const sheet of reader) {
      yield* sheetRows(sheet, () => (yielded = true));
      return; // first worksheet only
    }
  } catch (err) {
    // exceljs's streaming reader fails (TypeError on its workbook model) when a worksheet is met before the
    // workbook part it needs; the whole-file reader does not depend on that order. Survey exports are small.
    if (yielded || !(err instanceof TypeError)) throw err;
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const first = book.worksheets[0];
    if (!first) return;
    const rows: Array<{ number: number; values: unknown }> = [];
    first.eachRow({ includeEmpty: false }, (r) => rows.push({ number: r.number, values: r.values }));
    // The whole-file reader also lists trailing cells that hold nothing; the streaming one stops at the last value.
    for await (const r of sheetRows(rows, () => {})) {
      while (r.cells.length > 0 && r.cells.at(-1) === '') r.cells.pop();
      yield r;
    }
  }
}

/** One worksheet's rows as export rows, blank rows included (numbered as in the sheet). */
async function* sheetRows(
  sheet: AsyncIterable<{ number: number; values: unknown }> | Iterable<{ number: number; values: unknown }>,
  onRow: () => void,
): AsyncGenerator<ExportRow> {
  let expected = 1;
  for await (const r of sheet) {
    while (expected < r.number) {
      onRow();
      yield { row: expected, cells: [] };
      expected++;
    } // blank rows
    const values = r.values as unknown[];
    const cells: string[] = [];
    for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
    onRow();
    yield { row: r.number, cells };
    expected = r.number + 1;
  }
}

/** Text of one exceljs cell value. Formulas stay formulas: "=" + formula text, never the cached result. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 19).replace('T', ' ');
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.formula === 'string') return '=' + o.formula;
    if (typeof o.sharedFormula === 'string') return '=' + o.sharedFormula;
    if (Array.isArray(o.richText)) return o.richText.map((t: { text?: string }) => t.text ?? '').join('');
    if (typeof o.text === 'string') return o.text;
    if (typeof o.error === 'string') return o.error;
  }
  return JSON.stringify(v) ?? '';
}
