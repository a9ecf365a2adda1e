import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, Client, testServer, type TestServer } from '../server/helpers/server.js';
import { highlandDir, highlandWave, rosterNames } from './highland.js';
import { hasPoppler } from '../helpers/system-tools.js';

const PW = 'a-long-enough-password';
let srv: TestServer;
let admin: Client, viewer: Client;
let waveId = '';
let dir = '';

/** Downloads bytes with the client's session (Client.req reads text, which would mangle a PDF). */
async function download(
  c: Client,
  path: string,
): Promise<{ status: number; type: string | null; bytes: Buffer; disposition: string | null }> {
  const res = await fetch(c.base + path, { headers: c.cookie ? { cookie: c.cookie } : {} });
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    disposition: res.headers.get('content-disposition'),
    bytes: Buffer.from(await res.arrayBuffer()),
  };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'leadmap-report-api-'));
  srv = await testServer();
  admin = new Client(srv.url);
  await admin.signIn('admin', ADMIN_PASSWORD);
  const school = (await admin.post('/api/schools', { slug: 'highland', name: 'Highland High' })).json.school.id;
  // Three waves: the report prints the trend beside the change since the previous wave.
  for (const label of ['2023-24', '2024-25', '2025-26']) {
    const id = (await admin.post(`/api/schools/${school}/waves`, { label })).json.wave.id;
    const files = Object.fromEntries(['roster', 'ties', 'respondents'].map((k) => [k, readFileSync(join(highlandDir, label, `${k}.csv`))]));
    const up = await admin.upload(id, files);
    expect(up.job.error ?? null).toBeNull();
    if (label === '2025-26') waveId = id;
  }
  expect((await admin.post('/api/accounts', { username: 'viewer1', role: 'viewer', schoolIds: [school], password: PW })).status).toBe(201);
  viewer = new Client(srv.url);
  await viewer.signIn('viewer1', PW);
});
afterAll(async () => {
  await srv?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('GET /api/waves/:id/report.pdf', () => {
  it('gives an analyst or admin the named edition, compared with the previous wave, and audits it', async () => {
    const r = await download(admin, `/api/waves/${waveId}/report.pdf?edition=named`);
    expect(r.status).toBe(200);
    expect(r.type).toBe('application/pdf');
    expect(r.disposition).toContain('highland-2025-26-report.pdf');
    expect(r.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    if (hasPoppler) {
      const f = join(dir, 'named.pdf');
      writeFileSync(f, r.bytes);
      const text = execFileSync('pdftotext', [f, '-'], { encoding: 'utf8' });
      expect(text).toContain('What changed from 2024-25 to 2025-26');
      // The trend is the school page's (GET /api/schools/:id/compare): the same values and verdicts.
      expect(text).toContain('Over 3 waves: 2023-24 to 2025-26');
      const schoolId = (await admin.get('/api/schools')).json.schools[0].id as string;
      const trend = (await admin.get(`/api/schools/${schoolId}/compare`)).json.presented.trend as {
        rows: Array<{ label: string; shown: string[]; steps: Array<{ verdict: string }> }>;
      };
      expect(trend.rows.length).toBeGreaterThan(5);
      const layout = execFileSync('pdftotext', ['-layout', f, '-'], { encoding: 'utf8' }).split('\n');
      const start = layout.findIndex((l) => l.includes('Over 3 waves'));
      for (const row of trend.rows.filter((r) => r.label.length < 25)) {
        const line = layout.slice(start).find((l) => l.trim().startsWith(row.label + '  '));
        expect(line, row.label).toBeDefined();
        expect(line!.replace(/\s+/g, ' ')).toContain(row.shown.join(' '));
      }
      expect(text).toContain('Bianca Edwards');
    }
    const audit = (await admin.get('/api/audit')).json.entries as Array<{ action: string; target: string; detail: string }>;
    expect(audit.some((e) => e.action === 'export' && e.target === `wave:${waveId}` && e.detail === 'report.pdf named')).toBe(true);
  });

  it('gives a viewer only the anonymised edition', async () => {
    expect((await download(viewer, `/api/waves/${waveId}/report.pdf?edition=named`)).status).toBe(403);
    const r = await download(viewer, `/api/waves/${waveId}/report.pdf`);
    expect(r.status).toBe(200);
    expect(r.disposition).toContain('-anonymised.pdf');
    if (hasPoppler) {
      const f = join(dir, 'viewer.pdf');
      writeFileSync(f, r.bytes);
      const text = execFileSync('pdftotext', [f, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ').toLowerCase();
      const { dataset } = await highlandWave('2025-26');
      expect(rosterNames(dataset).filter((n) => text.includes(n.toLowerCase()))).toEqual([]);
    }
  });

  it('refuses an unknown edition and a wave the account cannot see', async () => {
    expect((await download(admin, `/api/waves/${waveId}/report.pdf?edition=public`)).status).toBe(400);
    expect((await download(admin, '/api/waves/no-such-wave/report.pdf')).status).toBe(404);
    expect((await download(new Client(srv.url), `/api/waves/${waveId}/report.pdf`)).status).toBe(401);
  });
});
