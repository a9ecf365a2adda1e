import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { ADMIN_PASSWORD, Client, testServer, type TestServer } from './helpers/server.js';
import { rosterCsv, tiesCsv } from './fixtures.js';

const MAX_BYTES = 64 * 1024;
let srv: TestServer;
let c: Client;
let waveId: string;

beforeAll(async () => {
  srv = await testServer({ options: { maxUploadBytes: MAX_BYTES, maxUploadFiles: 3 } });
  c = new Client(srv.url);
  await c.signIn('admin', ADMIN_PASSWORD);
  const school = (await c.post('/api/schools', { slug: 's', name: 'S' })).json.school.id;
  waveId = (await c.post(`/api/schools/${school}/waves`, { label: 'w' })).json.wave.id;
  expect((await c.upload(waveId, { roster: rosterCsv(), ties: tiesCsv() })).job.status).toBe('succeeded');
});
afterAll(async () => {
  await srv.stop();
});

type Files = Array<[field: string, content: string | Uint8Array, filename?: string]>;
interface Case {
  kind: string;
  files?: Files;
  raw?: { body: string | Uint8Array; type: string };
  expectCode: RegExp;
  mention?: RegExp;
}

const roster = rosterCsv();
const ties = tiesCsv();
const tieLines = ties.trim().split('\n');
const rng = (() => {
  let s = 42;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
})();

function cases(): Case[] {
  const out: Case[] = [];
  const add = (kind: string, n: number, make: (i: number) => Omit<Case, 'kind'>) => {
    for (let i = 0; i < n; i++) out.push({ kind, ...make(i) });
  };
  add('empty file', 6, (i) => ({
    files: [
      ['roster', roster],
      ['ties', i % 2 ? '' : '\uFEFF'],
    ],
    expectCode: /INVALID_UPLOAD/,
    mention: /empty|no content/,
  }));
  add('binary file', 10, (i) => ({
    files: [['ties', new Uint8Array(Array.from({ length: 200 + i * 37 }, (_, k) => ((k * 7 + i) % 256 === 10 ? 0 : (k * 7 + i) % 256)))]],
    expectCode: /INVALID_UPLOAD/,
    mention: /not a text file|zip|PDF|gzip/,
  }));
  add('spreadsheet instead of CSV', 6, (i) => ({
    files: [['ties', new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...Array(50 + i).fill(1)])]],
    expectCode: /INVALID_UPLOAD/,
    mention: /Excel|zip/,
  }));
  add('PDF or gzip', 6, (i) => ({
    files: [['ties', i % 2 ? '%PDF-1.7\n...' : new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0])]],
    expectCode: /INVALID_UPLOAD/,
    mention: /PDF|gzip/,
  }));
  add('roster without an id column', 8, (i) => ({
    files: [
      ['roster', roster.replace(/^id,/, ['ident,', 'staff,', 'who,', 'x,', 'name2,', 'code,', 'nr,', 'key,'][i]!)],
      ['ties', ties],
    ],
    expectCode: /INGEST_FAILED/,
    mention: /roster\.csv.*id column/,
  }));
  add('ties without a target column', 8, (i) => ({
    files: [['ties', ties.replace(/^source,target/, `source,${['nominee2', 'dest', 'other', 'whom', 'tgt', 'b', 'person2', 'y'][i]}`)]],
    expectCode: /INGEST_FAILED/,
    mention: /ties\.csv/,
  }));
  add('weight that is not a positive number', 12, (i) => {
    const lines = [...tieLines];
    const row = 1 + Math.floor(rng() * (lines.length - 1));
    lines[row] = lines[row]!.replace(/,\d+$/, `,${['often', '-1', '0', 'abc', '1e999', 'NaN', '', '--2', '3 times', '#N/A', 'x', '∞'][i]}`);
    return {
      files: [
        ['roster', roster],
        ['ties', lines.join('\n') + '\n'],
      ],
      expectCode: /INGEST_FAILED/,
      mention: new RegExp(`ties\\.csv, row ${row + 1}, column "weight"`),
    };
  });
  add('tie naming someone off the roster', 10, (i) => ({
    files: [
      ['roster', roster],
      ['ties', ties + `T${100 + i},T1,advice,curriculum,1\n`],
    ],
    expectCode: /INGEST_FAILED/,
    mention: /ties\.csv, row \d+/,
  }));
  add('duplicate header', 8, (i) => ({
    files: [
      ['roster', roster],
      [
        'ties',
        ties.replace(
          /^source,target,relation,domain,weight/,
          [
            'source,target,relation,domain,weight,weight',
            'source,source,target,relation,domain,weight',
            'source,target,relation,relation,domain,weight',
            'source,target,relation,domain,domain,weight',
            'Source,source,target,weight,relation,domain',
            'source,target,target,relation,domain,weight',
            'source,target,relation,domain,weight,Weight',
            'source,target,relation,domain,weight,DOMAIN',
          ][i]!,
        ),
      ],
    ],
    expectCode: /INGEST_FAILED/,
    mention: /ties\.csv/,
  }));
  add('duplicate roster ids', 6, (i) => ({
    files: [
      ['roster', roster + `T${1 + i},Someone Else,teacher,Maths\n`],
      ['ties', ties],
    ],
    expectCode: /INGEST_FAILED/,
    mention: /roster\.csv, row 1[34]/,
  }));
  add('row with too many fields', 6, (i) => {
    const lines = [...tieLines];
    lines[2 + i] = lines[2 + i] + ',extra,more';
    return {
      files: [
        ['roster', roster],
        ['ties', lines.join('\n') + '\n'],
      ],
      expectCode: /INGEST_FAILED/,
      mention: /ties\.csv, row \d+/,
    };
  });
  add('unexpected or duplicated form fields', 8, (i) => ({
    files:
      i < 4
        ? [
            ['ties', ties],
            [['edges', 'file', '../../etc/passwd', 'roster2'][i]!, roster],
          ]
        : [
            ['ties', ties],
            ['ties', ties],
          ],
    expectCode: /INVALID_UPLOAD/,
    mention: /unexpected|twice/,
  }));
  add('no ties file', 6, (i) => ({
    files: i % 2 ? [['roster', roster]] : [['respondents', 'id\nT1\n']],
    expectCode: /INVALID_UPLOAD/,
    mention: /ties file/,
  }));
  add('survey without roster', 4, () => ({
    files: [['survey', 'Timestamp,Your name,Who do you go to?\n2025-01-01,Teacher Number1,Teacher Number2\n']],
    expectCode: /INVALID_UPLOAD/,
    mention: /roster/,
  }));
  add('file over the size limit', 4, (i) => ({
    files: [
      ['roster', roster],
      ['ties', 'source,target\n' + 'T1,T2\n'.repeat(MAX_BYTES / 6 + 100 * (i + 1))],
    ],
    expectCode: /PAYLOAD_TOO_LARGE/,
    mention: /larger than/,
  }));
  add('too many files', 3, () => ({
    files: [
      ['roster', roster],
      ['ties', ties],
      ['respondents', 'id\nT1\n'],
      ['survey', 'a\n'],
    ],
    expectCode: /TOO_MANY_FILES|INVALID_UPLOAD/,
    mention: /at most|twice|unexpected/,
  }));
  add('not multipart', 6, (i) => ({
    raw: {
      body: [JSON.stringify({ ties }), ties, '', 'a=b', '<xml/>', 'null'][i]!,
      type: [
        'application/json',
        'text/csv',
        'text/plain',
        'application/x-www-form-urlencoded',
        'application/xml',
        'application/octet-stream',
      ][i]!,
    },
    expectCode: /UNSUPPORTED_MEDIA_TYPE|BAD_JSON/,
    mention: /multipart|JSON/,
  }));
  add('broken multipart body', 6, (i) => ({
    raw: {
      body: [
        '--XYZ\r\nContent-Disposition: form-data; name="ties"; filename="t.csv"\r\n\r\nsource,target\r\nT1,T2',
        '--XYZ--',
        'garbage',
        '--XYZ\r\n\r\n\r\n',
        '',
        '--XYZ\r\nContent-Disposition: form-data; name="ties"\r\n\r\nvalue\r\n--XYZ--',
      ][i]!,
      type: i === 4 ? 'multipart/form-data' : 'multipart/form-data; boundary=XYZ',
    },
    expectCode: /INVALID_UPLOAD/,
    mention: /malformed|no file|cut off|boundary|unexpected/,
  }));
  return out;
}

function snapshot() {
  const db = (srv.store as SqliteStore).db;
  const counts = Object.fromEntries(
    ['wave', 'person', 'tie', 'respondent', 'upload_file', 'review_item'].map((t) => [
      t,
      (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n,
    ]),
  );
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else files.push(p);
    }
  };
  walk(join(srv.dataDir, 'files'));
  walk(join(srv.dataDir, 'tmp'));
  const wave = db.prepare('SELECT data_hash, people_count, tie_count FROM wave').all();
  return { counts, files: files.sort(), wave };
}

describe('malformed uploads', () => {
  const all = cases();
  it(`has more than 100 cases of more than a dozen kinds`, () => {
    expect(all.length).toBeGreaterThan(100);
    expect(new Set(all.map((x) => x.kind)).size).toBeGreaterThan(12);
  });

  it('each gets a 4xx with a clear message and leaves the store exactly as it was', async () => {
    const before = snapshot();
    for (const [i, k] of all.entries()) {
      let r;
      if (k.raw) {
        await c.req('POST', `/api/waves/${waveId}/uploads?wait=1`, undefined, { 'content-type': k.raw.type });
        r = await (async () => {
          const res = await fetch(`${srv.url}/api/waves/${waveId}/uploads?wait=1`, {
            method: 'POST',
            headers: { 'content-type': k.raw!.type, cookie: c.cookie },
            body: k.raw!.body as BodyInit,
          });
          const text = await res.text();
          return { status: res.status, json: JSON.parse(text) };
        })();
      } else {
        const form = new FormData();
        for (const [field, content, name] of k.files!) form.append(field, new Blob([content as BlobPart]), name ?? `${field}.csv`);
        r = await c.post(`/api/waves/${waveId}/uploads?wait=1`, form);
      }
      const label = `case ${i} (${k.kind}) → ${r.status} ${JSON.stringify(r.json).slice(0, 300)}`;
      expect(r.status, label).toBeGreaterThanOrEqual(400);
      expect(r.status, label).toBeLessThan(500);
      expect(r.json.error.code, label).toMatch(k.expectCode);
      if (k.mention) expect(r.json.error.message, label).toMatch(k.mention);
      expect(JSON.stringify(r.json), label).not.toMatch(/\/tmp\/|\/data\/|[0-9a-f]{32}|at \w+ \(/);
    }
    expect(snapshot()).toEqual(before);
  });

  it('reports every problem with file, row and column', async () => {
    const bad = tieLines.map((l, i) => (i === 3 || i === 7 ? l.replace(/,\d+$/, ',often') : l)).join('\n') + '\n';
    const form = new FormData();
    form.append('roster', new Blob([roster]), 'staff list.csv');
    form.append('ties', new Blob([bad]), 'my ties.csv');
    const r = await c.post(`/api/waves/${waveId}/uploads?wait=1`, form);
    expect(r.status).toBe(422);
    const problems = r.json.error.details.problems.filter((p: { severity: string }) => p.severity === 'error');
    expect(problems.map((p: { file: string; row: number; column: string }) => [p.file, p.row, p.column])).toEqual([
      ['my ties.csv', 4, 'weight'],
      ['my ties.csv', 8, 'weight'],
    ]);
  });
});
