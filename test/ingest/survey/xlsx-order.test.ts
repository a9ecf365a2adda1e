import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { openExport, type ExportRow } from '../../../src/ingest/survey/rows.js';
import { tempDir } from '../tmp.js';

const original = join(import.meta.dirname, '../../../fixtures/surveys/northfield-msforms/survey.xlsx');

async function rowsOf(path: string): Promise<ExportRow[]> {
  const r = await openExport(path);
  if (!r.ok) throw new Error(r.message);
  const out: ExportRow[] = [];
  for await (const row of r.source.rows) out.push(row);
  return out;
}

describe('an .xlsx survey export whose worksheet comes before its workbook part', () => {
  it('is read, with the same rows as the same workbook in the usual order', async () => {
    // Same entries, reordered: relationships and shared strings, then the worksheet, then workbook.xml last —
    // exceljs's streaming reader throws a TypeError on this order; the whole-file reader takes over.
    const files = unzipSync(readFileSync(original));
    const names = Object.keys(files);
    const first = names.filter((n) => n.includes('_rels/workbook') || n.includes('sharedStrings'));
    const sheets = names.filter((n) => /worksheets\/sheet\d+\.xml$/.test(n));
    const order = [...first, ...sheets, ...names.filter((n) => !first.includes(n) && !sheets.includes(n))];
    expect(order.at(-1)).toBe('xl/workbook.xml');
    const path = join(tempDir('leadmap-xlsx-order-'), 'reordered.xlsx');
    writeFileSync(path, zipSync(Object.fromEntries(order.map((n) => [n, files[n]!]))));
    const want = await rowsOf(original);
    expect(want.length).toBeGreaterThan(10);
    expect(await rowsOf(path)).toEqual(want);
  });
});
