/**
 * Looks at the first bytes of a file and decides whether leadmap can read it as
 * delimited text: empty, binary, UTF-16, UTF-8 (BOM stripped) or Windows-1252.
 */
export type Sniffed =
  | { kind: 'text'; encoding: 'utf-8' | 'windows-1252'; bomLength: number }
  | { kind: 'empty' }
  | { kind: 'utf16'; littleEndian: boolean; bom: boolean }
  | { kind: 'binary'; reason: string };

export function sniffBytes(head: Uint8Array, fileSize: number): Sniffed {
  if (fileSize === 0 || head.length === 0) return { kind: 'empty' };
  if (head[0] === 0xff && head[1] === 0xfe) return { kind: 'utf16', littleEndian: true, bom: true };
  if (head[0] === 0xfe && head[1] === 0xff) return { kind: 'utf16', littleEndian: false, bom: true };
  const bomLength = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
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
  if (nulOdd > half * 0.3 && nulEven < half * 0.05) return { kind: 'utf16', littleEndian: true, bom: false };
  if (nulEven > half * 0.3 && nulOdd < half * 0.05) return { kind: 'utf16', littleEndian: false, bom: false };
  if (nulEven + nulOdd > 0) return { kind: 'binary', reason: 'it contains NUL bytes' };
  if (control > Math.max(8, body.length * 0.01)) return { kind: 'binary', reason: 'it contains many control characters' };
  if (!isValidUtf8Prefix(body, head.length < fileSize)) return { kind: 'text', encoding: 'windows-1252', bomLength };
  return { kind: 'text', encoding: 'utf-8', bomLength };
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
