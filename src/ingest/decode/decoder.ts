import { createReadStream } from 'node:fs';
import type { Sniffed } from '../sniff.js';

/** What the decoder found, filled in while the text streams. */
export interface DecodeReport {
  /** 'utf-8' | 'utf-8 (BOM)' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'mixed utf-8 + windows-1252'. */
  encoding: string;
  /** Bytes that were not valid UTF-8 and were read as Windows-1252. */
  fallbackBytes: number;
  /** 1-based text line of the first such byte, or null. */
  firstFallbackLine: number | null;
}

/**
 * Windows-1252 → Unicode for every byte. 0x80–0x9F are spelled out (some Node builds decode the
 * 'windows-1252' label as ISO-8859-1 there); 0x81, 0x8D, 0x8F, 0x90, 0x9D stay C1 controls, as WHATWG says.
 */
const C1 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
const CP1252: string[] = Array.from({ length: 256 }, (_, b) => (b >= 0x80 && b < 0xa0 ? C1[b - 0x80]! : String.fromCharCode(b)));

/**
 * Decodes a UTF-8 byte stream where invalid bytes are read as Windows-1252 one at a time, so a
 * file saved by Excel as "CSV (Comma delimited)" (Windows-1252), a UTF-8 file, and a file that
 * concatenates both all decode without replacement characters. Valid chunks take the fast
 * native path; only chunks with invalid bytes are decoded by hand. Streaming: never holds more
 * than one chunk.
 */
export async function* decodeUtf8OrCp1252(chunks: AsyncIterable<Uint8Array>, report: DecodeReport): AsyncGenerator<string> {
  const fast = new TextDecoder('utf-8', { fatal: true });
  let carry = new Uint8Array(0);
  let lines = 1,
    sawMultibyte = false;
  for await (const raw of chunks) {
    const bytes = carry.length ? concat(carry, raw) : raw;
    const cut = completeLength(bytes);
    carry = bytes.slice(cut);
    const body = bytes.subarray(0, cut);
    let text: string;
    try {
      text = fast.decode(body);
      if (!sawMultibyte && hasHighByte(body)) sawMultibyte = true;
    } catch {
      const r = decodeByHand(body);
      text = r.text;
      if (r.multibyte) sawMultibyte = true;
      if (report.firstFallbackLine === null) report.firstFallbackLine = lines + countNewlines(text.slice(0, r.firstFallbackAt));
      report.fallbackBytes += r.fallback;
    }
    lines += countNewlines(text);
    if (text) yield text;
  }
  if (carry.length) {
    const r = decodeByHand(carry);
    if (r.fallback && report.firstFallbackLine === null) report.firstFallbackLine = lines;
    report.fallbackBytes += r.fallback;
    if (r.text) yield r.text;
  }
  if (report.fallbackBytes > 0) report.encoding = sawMultibyte ? 'mixed utf-8 + windows-1252' : 'windows-1252';
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

function hasHighByte(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i]! >= 0x80) return true;
  return false;
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/** Length of the prefix that does not end inside a (possibly valid) UTF-8 sequence. */
function completeLength(b: Uint8Array): number {
  const n = b.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const c = b[n - back]!;
    if ((c & 0xc0) === 0x80) continue; // continuation byte: look further back
    const need = c >= 0xf0 && c <= 0xf4 ? 3 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xc2 && c <= 0xdf ? 1 : 0;
    return need >= back ? n - back : n;
  }
  return n;
}

function decodeByHand(b: Uint8Array): { text: string; fallback: number; firstFallbackAt: number; multibyte: boolean } {
  let out = '',
    fallback = 0,
    firstFallbackAt = -1,
    multibyte = false;
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      out += String.fromCharCode(c);
      i++;
      continue;
    }
    const need = c >= 0xf0 && c <= 0xf4 ? 3 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xc2 && c <= 0xdf ? 1 : 0;
    let ok = need > 0;
    for (let k = 1; ok && k <= need; k++) if (i + k >= b.length || (b[i + k]! & 0xc0) !== 0x80) ok = false;
    if (ok) {
      let cp = need === 1 ? c & 0x1f : need === 2 ? c & 0x0f : c & 0x07;
      for (let k = 1; k <= need; k++) cp = (cp << 6) | (b[i + k]! & 0x3f);
      const overlong = (need === 2 && cp < 0x800) || (need === 3 && (cp < 0x10000 || cp > 0x10ffff)) || (cp >= 0xd800 && cp <= 0xdfff);
      if (!overlong) {
        out += String.fromCodePoint(cp);
        i += need + 1;
        multibyte = true;
        continue;
      }
    }
    if (firstFallbackAt < 0) firstFallbackAt = out.length;
    out += CP1252[c]!;
    fallback++;
    i++;
  }
  return { text: out, fallback, firstFallbackAt: Math.max(0, firstFallbackAt), multibyte };
}

/** Decodes UTF-16 (LE/BE) with a streaming TextDecoder. */
export async function* decodeUtf16(chunks: AsyncIterable<Uint8Array>, encoding: 'utf-16le' | 'utf-16be'): AsyncGenerator<string> {
  const dec = new TextDecoder(encoding);
  for await (const c of chunks) {
    const t = dec.decode(c, { stream: true });
    if (t) yield t;
  }
  const tail = dec.decode();
  if (tail) yield tail;
}

/**
 * Opens a text file as a stream of decoded string chunks (BOM stripped). Throws nothing for
 * encoding problems: invalid UTF-8 bytes become Windows-1252 characters and are counted in the report
 * (a file sniffed as Windows-1252 is read the same way, so its valid UTF-8 stretches stay UTF-8).
 */
export function decodeFile(
  path: string,
  sniffed: Extract<Sniffed, { kind: 'text' }>,
): { chunks: AsyncGenerator<string>; report: DecodeReport } {
  const stream = createReadStream(path, { start: sniffed.bomLength, highWaterMark: 256 * 1024 });
  const bytes = stream as AsyncIterable<Uint8Array>;
  if (sniffed.encoding === 'utf-16le' || sniffed.encoding === 'utf-16be') {
    return {
      chunks: decodeUtf16(bytes, sniffed.encoding),
      report: { encoding: sniffed.encoding, fallbackBytes: 0, firstFallbackLine: null },
    };
  }
  const report: DecodeReport = { encoding: sniffed.bomLength ? 'utf-8 (BOM)' : 'utf-8', fallbackBytes: 0, firstFallbackLine: null };
  return { chunks: decodeUtf8OrCp1252(bytes, report), report };
}
