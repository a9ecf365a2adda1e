import { createReadStream, statSync } from 'node:fs';
import { LeadmapError } from '../model/errors.js';

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
      bytesRead, totalBytes, rows, elapsedMs,
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
