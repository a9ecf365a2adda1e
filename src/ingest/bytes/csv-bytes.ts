/**
 * A tight byte-level CSV scanner for the large-file fast path and the log reader (papaparse stays the general parser).
 * RFC 4180: fields separated by `delimiter`, rows by LF or CRLF, fields may be quoted with `"`
 * and a doubled `""` inside quotes is one quote; quoted fields may span lines and chunk borders.
 * A leading UTF-8 BOM is stripped; blank lines are skipped. Fields are handed out as byte ranges
 * (no string is made unless the caller asks), so memory stays flat at any file size.
 */

/** Called once per row: fields `i` are `buf[starts[i] .. ends[i])`. Valid only during the call. */
export type RowHandler = (buf: Uint8Array, starts: Int32Array, ends: Int32Array, fieldCount: number) => void;

const QUOTE = 34;
const LF = 10;
const CR = 13;

export class CsvByteScanner {
  private tail: Uint8Array | null = null;
  private starts = new Int32Array(32);
  private ends = new Int32Array(32);
  private escaped = new Uint8Array(32);
  private first = true;
  /** Rows handed out so far (the header included), i.e. the spreadsheet row number of the last row. */
  rows = 0;
  /** Set by stop(): the reader stops feeding (e.g. a refused header). */
  stopped = false;

  stop(): void {
    this.stopped = true;
  }

  /** The bytes fed start after the file's beginning (a byte range of it): no byte-order mark to strip. */
  continues(): void {
    this.first = false;
  }

  constructor(
    private readonly onRow: RowHandler,
    private readonly delimiter = 44,
  ) {}

  /** Feeds the next chunk of bytes. */
  push(chunk: Uint8Array): void {
    let buf = chunk;
    if (this.first) {
      this.first = false;
      if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
    }
    if (this.tail !== null) {
      const joined = new Uint8Array(this.tail.length + buf.length);
      joined.set(this.tail, 0);
      joined.set(buf, this.tail.length);
      buf = joined;
    }
    const used = this.scan(buf, false);
    this.tail = used < buf.length ? buf.slice(used) : null;
  }

  /**
   * Scans the complete rows of `buf` and returns how many bytes were used; the caller keeps the rest
   * and passes it again, followed by more bytes (see scanFile). `final`: the rest is the file's end.
   */
  feed(buf: Uint8Array, final: boolean): number {
    let skip = 0;
    if (this.first) {
      if (buf.length < 3 && !final) return 0;
      this.first = false;
      if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) skip = 3;
    }
    return skip + this.scan(skip === 0 ? buf : buf.subarray(skip), final);
  }

  /** Flushes the last row (a file need not end with a newline). */
  end(): void {
    if (this.tail !== null) {
      const buf = this.tail;
      this.tail = null;
      this.scan(buf, true);
    }
  }

  private grow(): void {
    const k = this.starts.length * 2;
    const s = new Int32Array(k);
    s.set(this.starts);
    this.starts = s;
    const e = new Int32Array(k);
    e.set(this.ends);
    this.ends = e;
    const q = new Uint8Array(k);
    q.set(this.escaped);
    this.escaped = q;
  }

  /** Scans complete rows; returns how many bytes were consumed. */
  private scan(buf: Uint8Array, final: boolean): number {
    const n = buf.length;
    const d = this.delimiter;
    let pos = 0;
    rows: while (pos < n) {
      const rowStart = pos;
      let i = pos;
      let nf = 0;
      for (;;) {
        if (nf >= this.starts.length) this.grow();
        let start: number;
        let end: number;
        let esc = 0;
        if (i < n && buf[i] === QUOTE) {
          let j = i + 1;
          for (;;) {
            if (j >= n) {
              if (!final) return rowStart;
              break;
            }
            if (buf[j] === QUOTE) {
              if (j + 1 < n && buf[j + 1] === QUOTE) {
                esc = 1;
                j += 2;
                continue;
              }
              if (j + 1 >= n && !final) return rowStart;
              break;
            }
            j++;
          }
          start = i + 1;
          end = Math.min(j, n);
          i = j + 1;
          while (i < n && buf[i] !== d && buf[i] !== LF && buf[i] !== CR) i++;
        } else {
          start = i;
          while (i < n && buf[i] !== d && buf[i] !== LF && buf[i] !== CR) i++;
          end = i;
        }
        if (i >= n && !final) return rowStart;
        this.starts[nf] = start;
        this.ends[nf] = end;
        this.escaped[nf] = esc;
        nf++;
        if (i < n && buf[i] === d) {
          i++;
          continue;
        }
        if (i < n && buf[i] === CR) {
          i++;
          if (i < n && buf[i] === LF) i++;
          else if (i >= n && !final) {
            /* CRLF split: a lone LF next is a blank line */
          }
        } else if (i < n) i++;
        pos = i;
        if (nf === 1 && this.starts[0] === this.ends[0]) continue rows; // blank line
        for (let f = 0; f < nf; f++) if (this.escaped[f] === 1) this.ends[f] = unescapeInPlace(buf, this.starts[f]!, this.ends[f]!);
        this.rows++;
        this.onRow(buf, this.starts, this.ends, nf);
        continue rows;
      }
    }
    return pos;
  }
}

/** Turns `""` into `"` inside [start, end) in place; returns the new end. */
function unescapeInPlace(buf: Uint8Array, start: number, end: number): number {
  let w = start;
  for (let r = start; r < end; r++) {
    buf[w++] = buf[r]!;
    if (buf[r] === QUOTE && r + 1 < end && buf[r + 1] === QUOTE) r++;
  }
  return w;
}

const decoder = new TextDecoder('utf-8');

/** The field as a string (UTF-8), trimmed of ASCII spaces and tabs. */
export function fieldText(buf: Uint8Array, start: number, end: number): string {
  while (start < end && (buf[start] === 32 || buf[start] === 9)) start++;
  while (end > start && (buf[end - 1] === 32 || buf[end - 1] === 9)) end--;
  return decoder.decode(buf.subarray(start, end));
}

/**
 * Parses a non-negative decimal number written plainly ("3", "0.25", " 12 "), else falls back to
 * Number() on the text (exponents, signs). Returns NaN for anything that is not a finite number.
 */
export function parseNumberBytes(buf: Uint8Array, start: number, end: number): number {
  while (start < end && (buf[start] === 32 || buf[start] === 9)) start++;
  while (end > start && (buf[end - 1] === 32 || buf[end - 1] === 9)) end--;
  if (start === end) return NaN;
  let v = 0;
  let i = start;
  let digits = 0;
  for (; i < end; i++) {
    const c = buf[i]! - 48;
    if (c < 0 || c > 9) break;
    v = v * 10 + c;
    digits++;
  }
  if (i === end && digits > 0 && digits < 16) return v;
  if (i < end && buf[i] === 46 && digits < 16) {
    let scale = 1;
    let frac = 0;
    let j = i + 1;
    for (; j < end; j++) {
      const c = buf[j]! - 48;
      if (c < 0 || c > 9) break;
      frac = frac * 10 + c;
      scale *= 10;
    }
    if (j === end && j > i + 1 && scale <= 1e15) return v + frac / scale;
  }
  const x = Number(decoder.decode(buf.subarray(start, end)));
  return Number.isFinite(x) ? x : NaN;
}

/** True when the field's bytes equal `lowerAscii` ignoring ASCII case and surrounding spaces. */
export function fieldEqualsIgnoreCase(buf: Uint8Array, start: number, end: number, lowerAscii: Uint8Array): boolean {
  while (start < end && (buf[start] === 32 || buf[start] === 9)) start++;
  while (end > start && (buf[end - 1] === 32 || buf[end - 1] === 9)) end--;
  if (end - start !== lowerAscii.length) return false;
  for (let k = 0; k < lowerAscii.length; k++) {
    let c = buf[start + k]!;
    if (c >= 65 && c <= 90) c += 32;
    if (c !== lowerAscii[k]) return false;
  }
  return true;
}
