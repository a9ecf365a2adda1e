import { describe, expect, it } from 'vitest';
import { CsvByteScanner, fieldText, parseNumberBytes } from '../../../src/ingest/bytes/csv-bytes.js';
import { ByteInterner } from '../../../src/ingest/bytes/interner.js';

function parse(text: string, chunk: number): string[][] {
  const rows: string[][] = [];
  const sc = new CsvByteScanner((buf, st, en, nf) => {
    rows.push(Array.from({ length: nf }, (_, i) => new TextDecoder().decode(buf.subarray(st[i], en[i]))));
  });
  const bytes = Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length; i += chunk) sc.push(bytes.subarray(i, i + chunk));
  sc.end();
  return rows;
}

describe('CsvByteScanner', () => {
  const text = '\uFEFFa,b,c\r\n1,"x, y",3\n\n"he said ""hi""","multi\nline",\n4,5,6';
  const expected = [
    ['a', 'b', 'c'],
    ['1', 'x, y', '3'],
    ['he said "hi"', 'multi\nline', ''],
    ['4', '5', '6'],
  ];

  it('reads quotes, doubled quotes, CRLF, blank lines, a BOM and a last row without newline', () => {
    expect(parse(text, 1 << 20)).toEqual(expected);
  });

  it('gives the same rows whatever the chunk size (rows and quotes split across chunks)', () => {
    for (const size of [1, 2, 3, 5, 7, 11]) expect(parse(text, size)).toEqual(expected);
  });

  it('parses plain and unusual numbers and refuses words', () => {
    const b = Buffer.from(' 12 |0.25|1e3|-2|often|');
    const f = (s: number, e: number) => parseNumberBytes(b, s, e);
    expect(f(0, 4)).toBe(12);
    expect(f(5, 9)).toBe(0.25);
    expect(f(10, 13)).toBe(1000);
    expect(f(14, 16)).toBe(-2);
    expect(f(17, 22)).toBeNaN();
    expect(f(23, 23)).toBeNaN();
    expect(fieldText(b, 0, 4)).toBe('12');
  });
});

describe('ByteInterner', () => {
  it('gives dense first-seen integers, ignores surrounding spaces and can fold ASCII case', () => {
    const ids = new ByteInterner(true);
    const b = Buffer.from('Ann@X.org| ann@x.org |bob');
    expect(ids.intern(b, 0, 9)).toBe(0);
    expect(ids.intern(b, 10, 21)).toBe(0);
    expect(ids.intern(b, 22, 25)).toBe(1);
    expect(ids.name(0)).toBe('ann@x.org');
    expect(ids.findString('carol')).toBe(-1);
  });

  it('survives many ids (rehashing) and keeps each one distinct', () => {
    const ids = new ByteInterner();
    for (let i = 0; i < 50_000; i++) expect(ids.internString(`p${i}`)).toBe(i);
    for (let i = 0; i < 50_000; i += 997) expect(ids.findString(`p${i}`)).toBe(i);
    expect(ids.size).toBe(50_000);
  });
});
