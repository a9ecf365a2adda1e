import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import type { ProblemCollector } from './problems.js';
import { detectDelimiter, readHead, sniffBytes, type Sniffed } from './sniff.js';

/** Longest record (in characters) a tie list or roster may have. Longer means this is not such a file. */
export const MAX_RECORD_LENGTH = 1_000_000;

export interface CsvReadOptions {
  /** Path on disk. */
  path: string;
  /** Name used in problems (the file name as the user knows it). */
  file: string;
  problems: ProblemCollector;
  /** Called once with the header cells (BOM stripped, trimmed). Return false to stop reading. */
  onHeader(headers: string[], format: { delimiter: string; encoding: string }): boolean;
  /** Called per non-empty record with its cells and its row number (header = row 1). Return false to stop. */
  onRow(cells: string[], row: number): boolean | void;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  signal?: AbortSignal;
  maxRecordLength?: number;
}

export interface CsvReadSummary {
  /** False when the file could not be read as delimited text at all (problems say why). */
  readable: boolean;
  encoding: string;
  delimiter: string;
  /** Data records seen (excluding header and blank lines). */
  records: number;
  /** False when reading stopped before the end of the file (unclosed quote, over-long record, bad bytes, cancel). */
  complete: boolean;
}

/**
 * Why a sniffed file cannot be read as a roster or tie list (empty, binary, an .xlsx workbook, UTF-16
 * text), with its code and the words for the user; null when it can. Shared by readCsv and the fast
 * path's readers of large files.
 */
export function refusedAsCsv(sniffed: Sniffed): { code: string; message: string } | null {
  if (sniffed.kind === 'empty') return { code: 'EMPTY_FILE', message: 'the file is empty; expected a header row and data rows' };
  if (sniffed.kind === 'binary')
    return { code: 'BINARY_FILE', message: `this is not a text file (${sniffed.reason}); expected a CSV file saved as "CSV UTF-8"` };
  if (sniffed.kind === 'xlsx')
    return {
      code: 'BINARY_FILE',
      message: 'this is an Excel workbook (.xlsx), not a CSV file; save it from Excel as "CSV UTF-8 (comma delimited)"',
    };
  if (sniffed.encoding === 'utf-16le' || sniffed.encoding === 'utf-16be')
    return {
      code: 'UTF16_FILE',
      message:
        'the file is UTF-16 text (Excel "Unicode text"); rosters and tie lists are read as UTF-8: save it from Excel as "CSV UTF-8 (comma delimited)" (survey exports in UTF-16 are read by `leadmap import`)',
    };
  return null;
}

/**
 * Sniffs a file before a byte-level reader (the fast path's tie and roster readers, the interaction-log
 * reader) scans it: records readCsv's problem when it is no CSV (refusedAsCsv); true when it can be read.
 */
export async function readableAsCsv(path: string, file: string, problems: ProblemCollector): Promise<boolean> {
  const refused = refusedAsCsv(sniffBytes(await readHead(path), (await stat(path)).size));
  if (refused) problems.error(file, null, null, null, refused.code, refused.message);
  return refused === null;
}

/**
 * Streams a delimited text file through papaparse, never holding it as one
 * string: sniffs encoding (UTF-8 with or without BOM, Windows-1252 fallback;
 * UTF-16 and binary refused), detects the delimiter (comma, semicolon, tab),
 * handles CRLF and quoted newlines, and reports every problem with its row.
 */
export async function readCsv(opts: CsvReadOptions): Promise<CsvReadSummary> {
  const { path, file, problems } = opts;
  const size = (await stat(path)).size;
  const head = await readHead(path);
  const sniffed = sniffBytes(head, size);
  const fail = (code: string, message: string): CsvReadSummary => {
    problems.error(file, null, null, null, code, message);
    return { readable: false, encoding: '', delimiter: '', records: 0, complete: false };
  };
  const refused = refusedAsCsv(sniffed);
  if (refused) return fail(refused.code, refused.message);
  if (sniffed.kind !== 'text') return fail('BINARY_FILE', 'this is not a text file');
  const maxLen = opts.maxRecordLength ?? MAX_RECORD_LENGTH;
  const firstText = new TextDecoder(sniffed.encoding).decode(head.subarray(sniffed.bomLength));
  const nl = firstText.search(/\r?\n/);
  if (nl < 0 && size > maxLen) {
    return fail(
      'RECORD_TOO_LONG',
      `the first line is longer than ${maxLen.toLocaleString('en-US')} characters; expected a CSV file with one record per line`,
    );
  }
  const delimiter = detectDelimiter(nl < 0 ? firstText : firstText.slice(0, nl));
  let stopped = false;
  let tooLong = false;
  let badEncodingAt: number | null = null;
  let newlines = 0;

  async function* decoded(): AsyncGenerator<string> {
    const decoder = new TextDecoder(sniffed.kind === 'text' ? sniffed.encoding : 'utf-8', { fatal: true });
    const stream = createReadStream(path, { start: sniffed.kind === 'text' ? sniffed.bomLength : 0, highWaterMark: 1 << 20 });
    let bytes = 0;
    let sinceNewline = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (stopped || opts.signal?.aborted) break;
      bytes += chunk.length;
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        badEncodingAt = newlines + 1;
        break;
      }
      const lastNl = text.lastIndexOf('\n');
      if (lastNl < 0) sinceNewline += text.length;
      else {
        let i = text.indexOf('\n');
        let prev = -1;
        while (i >= 0) {
          if (sinceNewline + (i - prev - 1) > maxLen) {
            tooLong = true;
            break;
          }
          sinceNewline = 0;
          newlines++;
          prev = i;
          i = text.indexOf('\n', i + 1);
        }
        sinceNewline = text.length - lastNl - 1;
      }
      if (tooLong || sinceNewline > maxLen) {
        tooLong = true;
        break;
      }
      opts.onProgress?.(bytes, size);
      yield text;
    }
    if (!stopped && !tooLong && badEncodingAt === null) {
      try {
        const rest = decoder.decode();
        if (rest) yield rest;
      } catch {
        badEncodingAt = newlines + 1;
      }
    }
  }

  let records = 0;
  let sawHeader = false;
  let headerRefused = false;
  let brokenAt: boolean = false;
  for await (const { row, cells, errors } of csvRecords(decoded(), delimiter)) {
    for (const e of errors) {
      if (e.code === 'MissingQuotes') {
        problems.error(
          file,
          row,
          null,
          null,
          'UNTERMINATED_QUOTE',
          'a quoted value is never closed: every opening double quote needs a closing one',
        );
        stopped = true;
        brokenAt = true;
      } else if (e.code === 'InvalidQuotes') {
        problems.error(
          file,
          row,
          null,
          null,
          'BAD_QUOTES',
          'a quoted value is followed by other characters before the delimiter; double a quote inside a quoted value ("")',
        );
      }
    }
    if (stopped) break;
    if (!sawHeader) {
      sawHeader = true;
      if (cells.length > 0 && cells[0]!.charCodeAt(0) === 0xfeff) cells[0] = cells[0]!.slice(1);
      if (
        !opts.onHeader(
          cells.map((c) => c.trim()),
          { delimiter, encoding: sniffed.encoding },
        )
      ) {
        stopped = true;
        headerRefused = true;
        break;
      }
      continue;
    }
    if (cells.length === 0 || (cells.length === 1 && cells[0]!.trim() === '')) continue;
    records++;
    if (opts.onRow(cells, row) === false) {
      stopped = true;
      break;
    }
  }
  if (tooLong) {
    problems.error(
      file,
      newlines + 1,
      null,
      null,
      'RECORD_TOO_LONG',
      `a record near this row is longer than ${maxLen.toLocaleString('en-US')} characters (an unclosed quote, or not a line-based CSV file)`,
    );
  }
  if (badEncodingAt !== null) {
    problems.error(
      file,
      badEncodingAt,
      null,
      null,
      'BAD_ENCODING',
      'the text is not valid UTF-8 from here on (mixed encodings?); save the file as "CSV UTF-8"',
    );
  }
  if (opts.signal?.aborted) problems.error(file, null, null, null, 'CANCELLED', 'reading was cancelled');
  if (!sawHeader) return fail('EMPTY_FILE', 'the file has no header row; expected a header row and data rows');
  const complete = !brokenAt && !tooLong && badEncodingAt === null && !opts.signal?.aborted && !headerRefused;
  return { readable: true, encoding: sniffed.encoding, delimiter, records, complete };
}

/** One record of a delimited text: its 1-based record number (header = 1), its cells, papaparse's errors for it. */
export interface CsvRecord {
  row: number;
  cells: string[];
  errors: Papa.ParseError[];
}

/**
 * The one CSV parser of leadmap: papaparse, streaming, over decoded text chunks (readCsv for rosters,
 * tie lists and id lists; openExport for survey exports). Yields every record, blank lines included
 * (as ['']), with papaparse's quote errors. The first chunk papaparse sees holds a whole line, so
 * its guess of the line ending (LF or CRLF) does not depend on how the text was chunked. Memory stays bounded: the next text chunk is handed to
 * papaparse only once the records of the previous one have been taken. Stopping early (break) aborts
 * the parse and the text source.
 */
export async function* csvRecords(text: AsyncIterable<string>, delimiter: string): AsyncGenerator<CsvRecord> {
  // Records parsed and not yet taken: queue[head..]. Taken by index, not shift() (O(length) per call on
  // a long array: a 1 MiB chunk holds ~50,000 records).
  const queue: CsvRecord[] = [];
  let head = 0;
  let row = 0;
  let done = false;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  let drained: (() => void) | null = null;
  let closed = false;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  async function* gated(): AsyncGenerator<string> {
    // papaparse guesses the line ending from its first chunk: hand it at least one whole line.
    let first: string | null = '';
    for await (const chunk of text) {
      if (first !== null && !chunk.includes('\n') && first.length < MAX_RECORD_LENGTH) {
        first += chunk;
        continue;
      }
      yield first === null ? chunk : first + chunk;
      first = null;
      if (head < queue.length) await new Promise<void>((r) => (drained = r));
      if (closed) return;
    }
    if (first) yield first;
  }
  const input = Readable.from(gated(), { objectMode: true });
  let handle: Papa.Parser | null = null;
  Papa.parse<string[]>(input as unknown as File, {
    delimiter,
    header: false,
    skipEmptyLines: false,
    step(results, parser) {
      handle = parser;
      queue.push({ row: ++row, cells: results.data, errors: results.errors });
      notify();
    },
    complete: () => {
      done = true;
      notify();
    },
    error: (err: Error) => {
      failure = err;
      done = true;
      notify();
    },
  });
  try {
    for (;;) {
      if (head < queue.length) {
        const next = queue[head++]!;
        if (head === queue.length) {
          queue.length = 0;
          head = 0;
        }
        yield next;
        continue;
      }
      const failed = failure as Error | null;
      if (failed) throw failed;
      if (done) return;
      const d = drained as (() => void) | null;
      drained = null;
      const woken = new Promise<void>((r) => (wake = r));
      d?.();
      await woken;
    }
  } finally {
    closed = true;
    if (!done) (handle as Papa.Parser | null)?.abort();
    (drained as (() => void) | null)?.();
    input.destroy();
  }
}
