import { createReadStream, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type { CsvByteScanner } from './csv-bytes.js';
import { LeadmapError } from '../../model/errors.js';

/** Progress of a streamed read, reported a few times a second (job status, stderr line). */
export interface StreamProgress {
  bytesRead: number;
  totalBytes: number;
  rows: number;
  elapsedMs: number;
  rowsPerSecond: number;
  /** Estimated seconds left from bytes read / file size; null before the first report. */
  etaSeconds: number | null;
}

export interface StreamOptions {
  /** Called at most every `progressEveryMs` (default 250) and once at the end. */
  onProgress?: (p: StreamProgress) => void;
  progressEveryMs?: number;
  /** Aborting stops the read between chunks with LeadmapError code "CANCELLED". */
  signal?: AbortSignal;
  /** Chunk size in bytes (default 1 MiB). */
  chunkBytes?: number;
}

/**
 * Streams a file's bytes chunk by chunk into `onChunk`; `rowsSoFar` feeds the progress report.
 * Never holds more than one chunk: memory is independent of the file size.
 */
export async function streamFile(
  path: string,
  onChunk: (chunk: Uint8Array) => void,
  rowsSoFar: () => number,
  opts: StreamOptions = {},
): Promise<StreamProgress> {
  const totalBytes = statSync(path).size;
  const started = performance.now();
  const every = opts.progressEveryMs ?? 250;
  let bytesRead = 0;
  let lastReport = started;
  const snapshot = (): StreamProgress => {
    const elapsedMs = performance.now() - started;
    const rows = rowsSoFar();
    const rate = elapsedMs > 0 ? bytesRead / elapsedMs : 0;
    return {
      bytesRead,
      totalBytes,
      rows,
      elapsedMs,
      rowsPerSecond: elapsedMs > 0 ? (rows * 1000) / elapsedMs : 0,
      etaSeconds: rate > 0 ? (totalBytes - bytesRead) / rate / 1000 : null,
    };
  };
  const stream = createReadStream(path, { highWaterMark: opts.chunkBytes ?? 1 << 20 });
  try {
    for await (const chunk of stream) {
      if (opts.signal?.aborted) throw new LeadmapError('CANCELLED', 'the read was cancelled');
      const b = chunk as Buffer;
      bytesRead += b.length;
      onChunk(b);
      if (opts.onProgress) {
        const now = performance.now();
        if (now - lastReport >= every) {
          lastReport = now;
          opts.onProgress(snapshot());
        }
      }
    }
  } finally {
    stream.destroy();
  }
  if (opts.signal?.aborted) throw new LeadmapError('CANCELLED', 'the read was cancelled');
  const last = snapshot();
  opts.onProgress?.(last);
  return last;
}

/** One stderr progress line: "logs.csv  41% 1.2M rows/s ETA 6 s". */
export function formatProgress(file: string, p: StreamProgress): string {
  const pct = p.totalBytes > 0 ? Math.floor((100 * p.bytesRead) / p.totalBytes) : 100;
  const rate = p.rowsPerSecond >= 1e6 ? `${(p.rowsPerSecond / 1e6).toFixed(1)}M` : `${Math.round(p.rowsPerSecond / 1000)}k`;
  const eta = p.etaSeconds === null ? '' : ` ETA ${Math.ceil(p.etaSeconds)} s`;
  return `${file} ${String(pct).padStart(3)}% ${p.rows} rows, ${rate} rows/s${eta}`;
}

/**
 * Reads a file into a CSV scanner through one reused buffer (no allocation per chunk): read after the
 * unfinished tail, scan the complete rows, move the tail to the front, repeat. The buffer grows only
 * if a single row is larger than it. Progress and cancellation as streamFile.
 */
export async function scanFile(path: string, scanner: CsvByteScanner, opts: StreamOptions = {}): Promise<StreamProgress> {
  const fh = await open(path, 'r');
  const started = performance.now();
  const every = opts.progressEveryMs ?? 250;
  let lastReport = started;
  let bytesRead = 0;
  let totalBytes = 0;
  const snapshot = (): StreamProgress => {
    const elapsedMs = performance.now() - started;
    const rate = elapsedMs > 0 ? bytesRead / elapsedMs : 0;
    return {
      bytesRead,
      totalBytes,
      rows: scanner.rows,
      elapsedMs,
      rowsPerSecond: elapsedMs > 0 ? (scanner.rows * 1000) / elapsedMs : 0,
      etaSeconds: rate > 0 ? (totalBytes - bytesRead) / rate / 1000 : null,
    };
  };
  try {
    totalBytes = (await fh.stat()).size;
    let buf = Buffer.allocUnsafe(opts.chunkBytes ?? 1 << 22);
    let filled = 0;
    while (!scanner.stopped) {
      if (opts.signal?.aborted) throw new LeadmapError('CANCELLED', 'the read was cancelled');
      if (filled === buf.length) {
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, filled);
        buf = bigger;
      }
      const { bytesRead: n } = await fh.read(buf, filled, buf.length - filled, null);
      if (n === 0) {
        scanner.feed(buf.subarray(0, filled), true);
        break;
      }
      bytesRead += n;
      filled += n;
      const used = scanner.feed(buf.subarray(0, filled), false);
      buf.copyWithin(0, used, filled);
      filled -= used;
      if (opts.onProgress) {
        const now = performance.now();
        if (now - lastReport >= every) {
          lastReport = now;
          opts.onProgress(snapshot());
        }
      }
    }
  } finally {
    await fh.close();
  }
  const last = snapshot();
  opts.onProgress?.(last);
  return last;
}

/**
 * scanFile over the byte range [from, to) of a file. `last`: the range ends the file (its last row need
 * not end with a newline). Otherwise the rows up to `to` are scanned and an unfinished row is left
 * unscanned. Returns the progress and how many bytes of the range ended in complete rows (= to − from
 * when `to` is a row boundary of the whole file: the range did not end inside a quoted field or a row).
 */
export async function scanRange(
  path: string,
  scanner: CsvByteScanner,
  from: number,
  to: number,
  last: boolean,
  opts: StreamOptions = {},
): Promise<{ progress: StreamProgress; used: number }> {
  const fh = await open(path, 'r');
  const started = performance.now();
  const every = opts.progressEveryMs ?? 250;
  let lastReport = started;
  let bytesRead = 0;
  let usedTotal = 0;
  const snapshot = (): StreamProgress => {
    const elapsedMs = performance.now() - started;
    const rate = elapsedMs > 0 ? bytesRead / elapsedMs : 0;
    return {
      bytesRead,
      totalBytes: to - from,
      rows: scanner.rows,
      elapsedMs,
      rowsPerSecond: elapsedMs > 0 ? (scanner.rows * 1000) / elapsedMs : 0,
      etaSeconds: rate > 0 ? (to - from - bytesRead) / rate / 1000 : null,
    };
  };
  try {
    let buf = Buffer.allocUnsafe(opts.chunkBytes ?? 1 << 22);
    let filled = 0;
    while (!scanner.stopped) {
      if (opts.signal?.aborted) throw new LeadmapError('CANCELLED', 'the read was cancelled');
      if (filled === buf.length) {
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, filled);
        buf = bigger;
      }
      const want = Math.min(buf.length - filled, to - from - bytesRead);
      const { bytesRead: n } = want > 0 ? await fh.read(buf, filled, want, from + bytesRead) : { bytesRead: 0 };
      if (n === 0) {
        const used = scanner.feed(buf.subarray(0, filled), last);
        usedTotal += last ? filled : used;
        break;
      }
      bytesRead += n;
      filled += n;
      const used = scanner.feed(buf.subarray(0, filled), false);
      usedTotal += used;
      buf.copyWithin(0, used, filled);
      filled -= used;
      if (opts.onProgress) {
        const now = performance.now();
        if (now - lastReport >= every) {
          lastReport = now;
          opts.onProgress(snapshot());
        }
      }
    }
  } finally {
    await fh.close();
  }
  const progress = snapshot();
  opts.onProgress?.(progress);
  return { progress, used: usedTotal };
}
