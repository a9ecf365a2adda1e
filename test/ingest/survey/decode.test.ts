import { describe, expect, it } from 'vitest';
import { decodeUtf8OrCp1252, decodeUtf16, type DecodeReport } from '../../../src/ingest/decode/index.js';
import { sniffBytes } from '../../../src/ingest/sniff.js';

async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield await Promise.resolve(bytes.subarray(i, i + size));
}
async function collect(g: AsyncIterable<string>): Promise<string> {
  let s = '';
  for await (const t of g) s += t;
  return s;
}
const cp1252 = (s: string) =>
  new Uint8Array([...s].map((ch) => (({ é: 0xe9, ñ: 0xf1, '’': 0x92 }) as Record<string, number>)[ch] ?? ch.charCodeAt(0)));

describe('decoding survey exports', () => {
  it('sniffs BOMs, UTF-16 without BOM, xlsx and binaries', () => {
    expect(sniffBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ kind: 'text', encoding: 'utf-8', bomLength: 3 });
    expect(sniffBytes(new Uint8Array([0xff, 0xfe, 0x61, 0]))).toMatchObject({ encoding: 'utf-16le', bomLength: 2 });
    expect(sniffBytes(new Uint8Array([0x61, 0, 0x62, 0, 0x63, 0]))).toMatchObject({ encoding: 'utf-16le', bomLength: 0 });
    expect(sniffBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04]))).toEqual({ kind: 'xlsx' });
    expect(sniffBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0]))).toMatchObject({ kind: 'binary' });
  });
  it('decodes UTF-8 split at every byte boundary', async () => {
    const bytes = new TextEncoder().encode('José Martínez, Zoë “Ng” 😀\n');
    for (const size of [1, 2, 3, 5]) {
      const report: DecodeReport = { encoding: 'utf-8', fallbackBytes: 0, firstFallbackLine: null };
      expect(await collect(decodeUtf8OrCp1252(chunked(bytes, size), report))).toBe('José Martínez, Zoë “Ng” 😀\n');
      expect(report.fallbackBytes).toBe(0);
    }
  });
  it('reads Windows-1252 bytes and reports the first line', async () => {
    const report: DecodeReport = { encoding: 'utf-8', fallbackBytes: 0, firstFallbackLine: null };
    const text = await collect(decodeUtf8OrCp1252(chunked(cp1252('a\nJosé O’Neil, Peña\n'), 4), report));
    expect(text).toBe('a\nJosé O’Neil, Peña\n');
    expect(report).toMatchObject({ encoding: 'windows-1252', fallbackBytes: 3, firstFallbackLine: 2 });
  });
  it('reads a file that mixes UTF-8 and Windows-1252 lines', async () => {
    const utf8 = new TextEncoder().encode('Zoë\n');
    const bytes = new Uint8Array([...utf8, ...cp1252('José\n')]);
    const report: DecodeReport = { encoding: 'utf-8', fallbackBytes: 0, firstFallbackLine: null };
    expect(await collect(decodeUtf8OrCp1252(chunked(bytes, 64), report))).toBe('Zoë\nJosé\n');
    expect(report.encoding).toBe('mixed utf-8 + windows-1252');
  });
  it('decodes UTF-16 LE and BE in odd-sized chunks', async () => {
    const le = new Uint8Array(Buffer.from('Ana\tJosé\n', 'utf16le'));
    expect(await collect(decodeUtf16(chunked(le, 3), 'utf-16le'))).toBe('Ana\tJosé\n');
    const be = new Uint8Array(le.length);
    for (let i = 0; i < le.length; i += 2) {
      be[i] = le[i + 1]!;
      be[i + 1] = le[i]!;
    }
    expect(await collect(decodeUtf16(chunked(be, 5), 'utf-16be'))).toBe('Ana\tJosé\n');
  });
});
