import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { csvRecords } from '../../src/ingest/csv-reader.js';
import { CsvByteScanner } from '../../src/ingest/bytes/csv-bytes.js';

const TEXT = 'a,b,c\n1,"x, y",3\n\n"he said ""hi""","multi\nline",\n4,5,6';

async function* chunks(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) {
    await Promise.resolve();
    yield text.slice(i, i + size);
  }
}

async function records(text: string, size: number): Promise<string[][]> {
  const out: string[][] = [];
  for await (const r of csvRecords(chunks(text, size), ',')) out.push(r.cells);
  return out;
}

describe('csvRecords, the one papaparse reader', () => {
  it('gives the rows papaparse gives for the whole text, whatever the chunk size (LF or CRLF)', async () => {
    for (const text of [TEXT, TEXT.replace(/\n/g, '\r\n')]) {
      const whole = Papa.parse<string[]>(text, { delimiter: ',', header: false, skipEmptyLines: false }).data;
      expect(whole[0]).toEqual(['a', 'b', 'c']);
      for (const size of [1, 3, 5, 6, 7, 1 << 20]) expect(await records(text, size), `chunks of ${size}`).toEqual(whole);
    }
  });

  it('numbers records from 1 and reports an unclosed quote on its record', async () => {
    const got: [number, string[]][] = [];
    for await (const r of csvRecords(chunks('source,target\na,b\n"b,c\nc,d\n', 4), ',')) got.push([r.row, r.errors.map((e) => e.code)]);
    expect(got[0]).toEqual([1, []]);
    expect(got.find(([, codes]) => codes.includes('MissingQuotes'))?.[0]).toBe(3);
  });

  it('stops reading its source when the caller stops early', async () => {
    let pulled = 0;
    let closed = false;
    async function* source(): AsyncGenerator<string> {
      try {
        for (let i = 0; i < 10_000; i++) {
          pulled++;
          await Promise.resolve();
          yield `${i},x\n`.repeat(100);
        }
      } finally {
        closed = true;
      }
    }
    let seen = 0;
    for await (const r of csvRecords(source(), ',')) {
      void r;
      if (++seen === 250) break;
    }
    await new Promise((r) => setTimeout(r, 50));
    expect(closed).toBe(true);
    expect(pulled).toBeLessThan(100);
  });
});

describe('CsvByteScanner (fast path and log reader) reads what csvRecords reads', () => {
  it('gives the same rows, blank lines aside', async () => {
    const texts = [TEXT, TEXT.replace(/\n/g, '\r\n'), 'x;y\n"a;b";c\n\n\nd;""\n', 'id\n"quoted\r\nnewline"\nlast'];
    for (const t of texts) {
      const delimiter = t.startsWith('x;') ? ';' : ',';
      const viaPapa: string[][] = [];
      for await (const r of csvRecords(chunks(t, 5), delimiter)) if (!(r.cells.length === 1 && r.cells[0] === '')) viaPapa.push(r.cells);
      const viaBytes: string[][] = [];
      const sc = new CsvByteScanner((buf, st, en, nf) => {
        viaBytes.push(Array.from({ length: nf }, (_, i) => new TextDecoder().decode(buf.subarray(st[i], en[i]))));
      }, delimiter.charCodeAt(0));
      const bytes = Buffer.from(t, 'utf8');
      for (let i = 0; i < bytes.length; i += 3) sc.push(bytes.subarray(i, i + 3));
      sc.end();
      expect(viaBytes, JSON.stringify(t)).toEqual(viaPapa);
    }
  });
});
