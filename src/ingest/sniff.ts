import { open } from 'node:fs/promises';

/** How many bytes from the start of a file sniffBytes looks at (readHead's default). */
export const SNIFF_HEAD_BYTES = 65536;

/**
 * What the first bytes of a file say about how to read it: an .xlsx workbook (ZIP), text (UTF-8 with
 * or without BOM, Windows-1252 when the sample is not valid UTF-8, UTF-16 LE/BE with or without BOM),
 * empty, or binary (with the reason, for the message to the user).
 */
export type Sniffed =
  | { kind: 'empty' }
  | { kind: 'xlsx' }
  | { kind: 'text'; encoding: 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be'; bomLength: number }
  | { kind: 'binary'; reason: string };

const MAGIC: Array<[number[], string]> = [
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Excel workbook (.xls); save it as .xlsx or "CSV UTF-8"'],
  [[0x53, 0x51, 0x4c, 0x69], 'an SQLite database'],
  [[0x1f, 0x8b], 'a gzip archive'],
];

/**
 * The one sniffer of leadmap (roster and tie lists, survey exports, uploads). `head` is the start of
 * the file (readHead: the first SNIFF_HEAD_BYTES), `fileSize` its full size (a UTF-8 sequence cut by
 * the end of a shorter sample is allowed).
 * UTF-16 without a BOM: NUL in over 30 % of the odd (LE) or even (BE) bytes and under 5 % of the others.
 * Binary: any other NUL byte, or more control characters (other than tab, LF, FF, CR) than
 * max(16, 2 % of the sample).
 */
export function sniffBytes(head: Uint8Array, fileSize: number = head.length): Sniffed {
  if (fileSize === 0 || head.length === 0) return { kind: 'empty' };
  const starts = (sig: number[]) => sig.every((b, i) => head[i] === b);
  if (starts([0x50, 0x4b, 0x03, 0x04])) return { kind: 'xlsx' };
  for (const [sig, what] of MAGIC) if (starts(sig)) return { kind: 'binary', reason: `it looks like ${what}` };
  if (starts([0xff, 0xfe])) return { kind: 'text', encoding: 'utf-16le', bomLength: 2 };
  if (starts([0xfe, 0xff])) return { kind: 'text', encoding: 'utf-16be', bomLength: 2 };
  const bomLength = starts([0xef, 0xbb, 0xbf]) ? 3 : 0;
  const body = head.subarray(bomLength);
  if (body.length === 0) return { kind: 'empty' };
  let nulEven = 0,
    nulOdd = 0,
    control = 0;
  for (let i = 0; i < body.length; i++) {
    const b = body[i]!;
    if (b === 0) {
      if (i % 2 === 0) nulEven++;
      else nulOdd++;
    } else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  const half = body.length / 2;
  if (bomLength === 0 && nulOdd > half * 0.3 && nulEven < half * 0.05) return { kind: 'text', encoding: 'utf-16le', bomLength: 0 };
  if (bomLength === 0 && nulEven > half * 0.3 && nulOdd < half * 0.05) return { kind: 'text', encoding: 'utf-16be', bomLength: 0 };
  if (nulEven + nulOdd > 0) return { kind: 'binary', reason: 'it contains NUL bytes' };
  if (control > Math.max(16, body.length * 0.02)) return { kind: 'binary', reason: 'it contains many control characters' };
  const encoding = isValidUtf8Prefix(body, head.length < fileSize) ? 'utf-8' : 'windows-1252';
  return { kind: 'text', encoding, bomLength };
}

/** True when the bytes are valid UTF-8 (a sequence cut by the end of a partial read is allowed). */
function isValidUtf8Prefix(b: Uint8Array, truncated: boolean): boolean {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    let need: number;
    if (c < 0x80) {
      i++;
      continue;
    }
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) need = 2;
    else if (c >= 0xf0 && c <= 0xf4) need = 3;
    else return false;
    if (i + need >= b.length) return truncated; // sequence cut by the end of the sample
    for (let k = 1; k <= need; k++) if ((b[i + k]! & 0xc0) !== 0x80) return false;
    i += need + 1;
  }
  return true;
}

/** Reads the first bytes of a file (for sniffBytes). */
export async function readHead(path: string, bytes = SNIFF_HEAD_BYTES): Promise<Uint8Array> {
  const fh = await open(path, 'r');
  try {
    const buf = new Uint8Array(bytes);
    const { bytesRead } = await fh.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/**
 * Picks the delimiter of a delimited-text header line: the most frequent of
 * comma, semicolon and tab outside double quotes; comma when none appears.
 */
export function detectDelimiter(firstLine: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  let best: ',' | ';' | '\t' = ',';
  for (const d of [';', '\t'] as const) if (counts[d] > counts[best]) best = d;
  return best;
}
