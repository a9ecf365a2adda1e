/**
 * Decides from the first bytes of a file how to read it: an .xlsx workbook (ZIP), UTF-16 text
 * ("Unicode text" from Excel, with or without a byte-order mark), 8-bit text (UTF-8, with or
 * without BOM, falling back to Windows-1252 byte by byte where the UTF-8 is invalid), empty,
 * or binary (with the reason, for the error message).
 */
export type SniffResult =
  | { kind: 'xlsx' }
  | { kind: 'text'; encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; bomLength: number }
  | { kind: 'empty' }
  | { kind: 'binary'; reason: string };

const MAGIC: Array<[number[], string]> = [
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old binary Excel .xls workbook (save it as .xlsx or CSV)'],
  [[0x53, 0x51, 0x4c, 0x69], 'an SQLite database'],
  [[0x1f, 0x8b], 'a gzip archive'],
];

export function sniffBytes(head: Uint8Array): SniffResult {
  if (head.length === 0) return { kind: 'empty' };
  const starts = (sig: number[]) => sig.every((b, i) => head[i] === b);
  if (starts([0x50, 0x4b, 0x03, 0x04])) return { kind: 'xlsx' };
  for (const [sig, what] of MAGIC) if (starts(sig)) return { kind: 'binary', reason: `it looks like ${what}` };
  if (starts([0xff, 0xfe])) return { kind: 'text', encoding: 'utf-16le', bomLength: 2 };
  if (starts([0xfe, 0xff])) return { kind: 'text', encoding: 'utf-16be', bomLength: 2 };
  const bomLength = starts([0xef, 0xbb, 0xbf]) ? 3 : 0;
  if (head.length === bomLength) return { kind: 'empty' };
  let nulEven = 0,
    nulOdd = 0,
    control = 0;
  for (let i = bomLength; i < head.length; i++) {
    const b = head[i]!;
    if (b === 0) {
      if ((i - bomLength) % 2 === 0) nulEven++;
      else nulOdd++;
    } else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  const half = (head.length - bomLength) / 2;
  if (bomLength === 0 && nulOdd > half * 0.3 && nulEven < half * 0.05) return { kind: 'text', encoding: 'utf-16le', bomLength: 0 };
  if (bomLength === 0 && nulEven > half * 0.3 && nulOdd < half * 0.05) return { kind: 'text', encoding: 'utf-16be', bomLength: 0 };
  if (nulEven + nulOdd > 0) return { kind: 'binary', reason: 'it contains NUL bytes' };
  if (control > Math.max(16, head.length * 0.02)) return { kind: 'binary', reason: 'it contains many control characters' };
  return { kind: 'text', encoding: 'utf-8', bomLength };
}
