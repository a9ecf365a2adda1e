import { describe, expect, it } from 'vitest';
import { readTies } from '../../src/ingest/ties.js';
import { formatProblem } from '../../src/ingest/problems.js';
import { ANY_DOMAIN } from '../../src/model/types.js';
import { tempDir, writeFile } from './tmp.js';

const dir = tempDir();
const roster = new Set(['a', 'b', 'c', 'd']);

describe('readTies: shapes real files come in', () => {
  it('reads from/to aliases case-insensitively, strips a UTF-8 BOM, and handles CRLF', async () => {
    const p = writeFile(dir, 'bom.csv', '\uFEFFFrom,TO,Weight\r\na,b,2\r\nb,c,1\r\n');
    const r = await readTies(p, { rosterIds: roster });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.ties.map((t) => [t.source, t.target, t.weight])).toEqual([
      ['a', 'b', 2],
      ['b', 'c', 1],
    ]);
    expect(r.value.relations).toEqual([{ name: 'advice', directed: true }]);
    expect(r.value.domains).toEqual([ANY_DOMAIN]);
  });

  it.each([
    ['semicolon', 'ego;alter;weight\na;b;2,5\n', 2.5],
    ['tab', 'nominator\tnominee\tweight\na\tb\t3\n', 3],
    ['comma', 'source,target,weight\na,b,1.5\n', 1.5],
  ])('detects the %s delimiter (and decimal commas in semicolon files)', async (_name, text, w) => {
    const r = await readTies(writeFile(dir, `d-${_name}.csv`, text), { rosterIds: roster });
    expect(r.ok && r.value.ties[0]!.weight).toBe(w);
  });

  it('keeps quoted newlines and quoted delimiters inside values', async () => {
    const p = writeFile(
      dir,
      'quoted.csv',
      'source,target,domain,note\na,b,"professional learning","line one\nline, two"\nb,a,curriculum,x\n',
    );
    const r = await readTies(p, { rosterIds: roster });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.domains).toEqual(['curriculum', 'professional learning']);
  });

  it('aggregates duplicate (source, target, relation, domain) rows: weights summed, count kept', async () => {
    const p = writeFile(
      dir,
      'dups.csv',
      'source,target,relation,domain,weight\na,b,advice,curriculum,2\na,b,Advice,Curriculum,3\na,b,advice,behaviour,1\n',
    );
    const r = await readTies(p, { rosterIds: roster });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.ties).toHaveLength(2);
    expect(r.value.ties[0]).toMatchObject({ source: 'a', target: 'b', domain: 'curriculum', weight: 5, count: 2 });
    expect(r.value.stats.duplicateRowsAggregated).toBe(1);
  });

  it('drops self-ties and counts them in a warning', async () => {
    const r = await readTies(writeFile(dir, 'self.csv', 'source,target\na,a\na,b\nb,b\n'), { rosterIds: roster });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.ties).toHaveLength(1);
    expect(r.value.stats.selfTiesDropped).toBe(2);
    expect(r.problems.find((p) => p.code === 'SELF_TIES_DROPPED')?.severity).toBe('warning');
  });

  it('counts a tie of an undirected relation both ways', async () => {
    const p = writeFile(dir, 'undirected.csv', 'source,target,relation\na,b,contact\na,c,advice\n');
    const r = await readTies(p, { rosterIds: roster, undirected: ['contact'] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.ties.map((t) => `${t.source}>${t.target}:${t.relation}`)).toEqual(['a>b:contact', 'b>a:contact', 'a>c:advice']);
    expect(r.value.relations).toEqual([
      { name: 'contact', directed: false },
      { name: 'advice', directed: true },
    ]);
  });

  it('adds people absent from the roster as non-roster people when asked', async () => {
    const r = await readTies(writeFile(dir, 'add.csv', 'source,target\na,zed\n'), { rosterIds: roster, unknownPeople: 'add' });
    expect(r.ok && r.value.unknownIds).toEqual(['zed']);
    expect(r.problems.map((p) => p.code)).toEqual(['UNKNOWN_PERSON_ADDED']);
  });
});

describe('readTies: bad input gives clear problems and no ties', () => {
  async function problemsOf(name: string, content: string | Uint8Array, opts = {}) {
    const r = await readTies(writeFile(dir, name, content), { rosterIds: roster, ...opts });
    expect(r.ok).toBe(false);
    return r.problems;
  }

  it('an empty file', async () => {
    expect((await problemsOf('empty.csv', '')).map((p) => p.code)).toEqual(['EMPTY_FILE']);
  });

  it('a header only', async () => {
    expect((await problemsOf('header.csv', 'source,target,weight\n')).map((p) => p.code)).toEqual(['NO_ROWS']);
  });

  it('a file without a target column names the column and its accepted names', async () => {
    const [p] = await problemsOf('notarget.csv', 'source,weight\na,1\n');
    expect(p!.code).toBe('MISSING_COLUMN');
    expect(p!.message).toContain('"alter"');
  });

  it('non-numeric, zero and negative weights: one problem each, with file, row, column and value', async () => {
    const ps = await problemsOf('weights.csv', 'source,target,weight\na,b,often\na,c,0\nb,c,-2\nc,d,1\n');
    expect(ps.map(formatProblem)).toEqual([
      'weights.csv row 2, column "weight": "often" is not a positive number [BAD_WEIGHT]',
      'weights.csv row 3, column "weight": "0" is not a positive number [BAD_WEIGHT]',
      'weights.csv row 4, column "weight": "-2" is not a positive number [BAD_WEIGHT]',
    ]);
  });

  it('duplicate headers are an error, never renamed', async () => {
    const ps = await problemsOf('duphdr.csv', 'source,target,weight,Weight\na,b,1,2\n');
    expect(ps[0]).toMatchObject({ code: 'DUPLICATE_HEADER', row: 1, column: 'Weight' });
  });

  it('two aliases of one field are an error', async () => {
    const ps = await problemsOf('alias2.csv', 'source,from,target\na,a,b\n');
    expect(ps[0]!.code).toBe('AMBIGUOUS_HEADER');
  });

  it('a 200 MB file of one line stops early with a clear message', async () => {
    const big = Buffer.alloc(200 * 1024 * 1024, 0x61); // "aaaa…", no newline
    const ps = await problemsOf('oneline.csv', big);
    expect(ps[0]!.code).toBe('RECORD_TOO_LONG');
  });

  it('binary garbage', async () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
    expect((await problemsOf('garbage.csv', bytes))[0]!.code).toBe('BINARY_FILE');
  });

  it('a UTF-16 file (with or without byte-order mark) says how to re-save it', async () => {
    const text = 'source\ttarget\na\tb\n';
    const withBom = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const [p] = await problemsOf('u16.txt', withBom);
    expect(p!.code).toBe('UTF16_FILE');
    expect(p!.message).toContain('CSV UTF-8');
    expect((await problemsOf('u16nobom.txt', Buffer.from(text, 'utf16le')))[0]!.code).toBe('UTF16_FILE');
  });

  it('an unterminated quote', async () => {
    const ps = await problemsOf('quote.csv', 'source,target\na,b\n"b,c\nc,d\n');
    expect(ps.map((p) => [p.code, p.row])).toEqual([['UNTERMINATED_QUOTE', 3]]);
  });

  it('ties naming people absent from the roster: every row listed', async () => {
    const ps = await problemsOf('unknown.csv', 'source,target\na,x\ny,b\na,b\n');
    expect(ps.map((p) => [p.code, p.row, p.column, p.value])).toEqual([
      ['UNKNOWN_PERSON', 2, 'target', 'x'],
      ['UNKNOWN_PERSON', 3, 'source', 'y'],
    ]);
  });

  it('a structurally broken file is refused even with skipBadRows (unread rows would be lost)', async () => {
    const r = await readTies(writeFile(dir, 'broken-skip.csv', 'source,target\na,b\n"b,c\nc,d\n'), {
      rosterIds: roster,
      skipBadRows: true,
    });
    expect(r.ok).toBe(false);
  });
});

describe('readTies: skipping bad rows on request', () => {
  it('keeps the good rows and lists the skipped ones', async () => {
    const r = await readTies(writeFile(dir, 'skip.csv', 'source,target,weight\na,b,1\na,c,often\nb,c,2\nx,c,1\n'), {
      rosterIds: roster,
      skipBadRows: true,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.ties).toHaveLength(2);
    expect(r.value.stats.skippedRows).toEqual([3, 5]);
    expect(r.problems.find((p) => p.code === 'ROWS_SKIPPED')!.message).toContain('rows 3, 5');
  });
});

describe('readTies: streaming', () => {
  it('reads a 300,000-row file and aggregates it', async () => {
    const lines = ['source,target,weight'];
    for (let i = 0; i < 300_000; i++) lines.push(`p${i % 5000},p${(i * 31 + 7) % 5000},1`);
    const p = writeFile(dir, 'many.csv', lines.join('\n') + '\n');
    const r = await readTies(p, {});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.stats.rowsRead).toBe(300_000);
    const total = r.value.ties.reduce((s, t) => s + t.count, 0);
    expect(total + r.value.stats.selfTiesDropped).toBe(300_000);
  });
});

describe("readTies: leadmap's own tie CSVs", () => {
  it('reads a count column as the aggregated row count, and as the weight when there is no weight column', async () => {
    const both = await readTies(
      writeFile(dir, 'own.csv', 'source,target,relation,domain,weight,count,timestamp\na,b,advice,curriculum,7,3,2025-03-01\n'),
      { rosterIds: roster },
    );
    expect(both.ok && both.value.ties[0]).toMatchObject({ weight: 7, count: 3 });
    const only = await readTies(writeFile(dir, 'countonly.csv', 'source,target,count\na,b,4\n'), { rosterIds: roster });
    expect(only.ok && only.value.ties[0]).toMatchObject({ weight: 4, count: 4 });
    const bad = await readTies(writeFile(dir, 'badcount.csv', 'source,target,count\na,b,1.5\n'), { rosterIds: roster });
    expect(bad.problems[0]!.code).toBe('BAD_COUNT');
  });
});

describe('readTies: files leadmap exported', () => {
  it("reads ids written with the formula guard ('=A1) back as they were", async () => {
    const { csvLine } = await import('../../src/ingest/csv-safe.js');
    const text = csvLine(['source', 'target']) + csvLine(['=x', '@y']) + csvLine(['-z', '=x']);
    const r = await readTies(writeFile(dir, 'guarded.csv', text), {});
    expect(r.ok && r.value.ties.map((t) => [t.source, t.target])).toEqual([
      ['=x', '@y'],
      ['-z', '=x'],
    ]);
  });
});
