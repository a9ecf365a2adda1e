import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, Client, testServer, type TestServer } from './helpers/server.js';

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [],
    cell = '',
    quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

const EVIL = [
  "=cmd|' /C calc'!A0",
  '+SUM(1,2)',
  '-1+1',
  '@import',
  '=HYPERLINK("http://evil.example","click")',
  'Plain "quoted" name, with comma',
];
let srv: TestServer;
let c: Client;
let waveId: string;
beforeAll(async () => {
  srv = await testServer({ minGroupSize: 2 });
  c = new Client(srv.url);
  await c.signIn('admin', ADMIN_PASSWORD);
  const s = (await c.post('/api/schools', { slug: 'inj', name: 'Injection' })).json.school.id;
  waveId = (await c.post(`/api/schools/${s}/waves`, { label: 'w' })).json.wave.id;
  const q = (v: string) => `"${v.replace(/"/g, '""')}"`;
  let roster = 'id,name,role,department\n';
  EVIL.forEach((name, i) => {
    roster += `P${i},${q(name)},${q(EVIL[(i + 1) % EVIL.length]!)},${q(i % 2 ? '=Dept()' : '@Dept')}\n`;
  });
  let ties = 'source,target,relation,domain,weight\n';
  for (let i = 1; i < EVIL.length; i++) ties += `P${i},P0,advice,curriculum,1\n`;
  const up = await c.upload(waveId, { roster, ties });
  expect(up.job.status).toBe('succeeded');
});
afterAll(async () => {
  await srv.stop();
});

describe('CSV exports are safe against formula injection', () => {
  it('prefixes dangerous cells with an apostrophe, quotes properly, and round-trips every value', async () => {
    const text = (await c.get(`/api/waves/${waveId}/export/metrics.csv`)).text.replace(/^\uFEFF/, '');
    const rows = parseCsv(text);
    expect(rows[0]!.slice(0, 4)).toEqual(['id', 'name', 'role', 'department']);
    const byId = new Map(rows.slice(1).map((r) => [r[0], r]));
    EVIL.forEach((name, i) => {
      const r = byId.get(`P${i}`)!;
      const expectName = /^[=+\-@\t\r]/.test(name) ? `'${name}` : name;
      expect(r[1]).toBe(expectName);
      expect(r[3]).toBe(i % 2 ? "'=Dept()" : "'@Dept");
    });
    // No cell of the file starts with a formula character.
    for (const r of rows) for (const cell of r) expect(cell, cell).not.toMatch(/^[=+@\t\r]|^-(?!\d)/);
  });

  it('the department CSV is safe too', async () => {
    const rows = parseCsv((await c.get(`/api/waves/${waveId}/export/departments.csv`)).text.replace(/^\uFEFF/, ''));
    for (const r of rows) expect(r[0]).not.toMatch(/^[=+\-@]/);
    expect(rows.map((r) => r[0])).toContain("'=Dept()");
  });
});
