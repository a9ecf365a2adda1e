import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, Client, testServer, type TestServer } from './helpers/server.js';
import { hasPoppler } from '../helpers/system-tools.js';

/** A hand-written Google Forms export: a two-domain question, an unknown name, a respondent not on the roster, an accented e-mail. */
const DIR = resolve(import.meta.dirname, '../../fixtures/surveys-review');
const files = () => ({ roster: readFileSync(`${DIR}/roster.csv`), survey: readFileSync(`${DIR}/survey.csv`) });
const QUESTION = 'Who helps you with technology and data?';
let srv: TestServer;
let c: Client;

/** The first page of the wave's anonymised report as pdftotext reads it (waits for the report job when one is started). */
async function reportCover(w: string): Promise<string> {
  for (;;) {
    const res = await fetch(`${c.base}/api/waves/${w}/report.pdf?edition=anonymised`, { headers: c.cookie ? { cookie: c.cookie } : {} });
    if (res.status === 202) {
      await c.waitJob(((await res.json()) as { job: { id: string } }).job.id);
      continue;
    }
    expect(res.status).toBe(200);
    const dir = mkdtempSync(join(tmpdir(), 'leadmap-review-report-'));
    try {
      writeFileSync(join(dir, 'r.pdf'), Buffer.from(await res.arrayBuffer()));
      return execFileSync('pdftotext', ['-f', '1', '-l', '1', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

interface Item {
  id: string;
  kind: string;
  status: string;
  row: number | null;
  column: string | null;
  raw: string;
  resolution: unknown;
  choices?: string[];
  answers?: number;
  carriedFrom?: string;
}

describe('survey review: every kind of item decided, the wave goes needs review → ready', () => {
  beforeAll(async () => {
    srv = await testServer();
    c = new Client(srv.url);
    await c.signIn('admin', ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await srv?.stop();
  });

  it('holds what is undecided, says so everywhere, and applies every decision', async () => {
    const s = (await c.post('/api/schools', { slug: 'north', name: 'North' })).json.school.id;
    const w = (await c.post(`/api/schools/${s}/waves`, { label: '2025' })).json.wave.id;
    const up = await c.upload(w, files());
    expect(up.job.status).toBe('succeeded');
    expect(up.job.result).toMatchObject({ status: 'needs review', ties: 5 });
    expect(up.job.result.banner).toBe('1 question (6 answers), 1 name and 1 respondent are not in these results yet — decide them');
    expect((await c.get(`/api/waves/${w}`)).json.wave.status).toBe('needs review');
    // results stay viewable, with the completeness block
    const a = (await c.get(`/api/waves/${w}/analysis`)).json;
    expect(a.analysis).toBeTruthy();
    expect(a.completeness).toMatchObject({ answersRead: 13, answersUsed: 5, undecided: 3 });
    expect(a.completeness.setAside).toEqual(
      expect.arrayContaining([
        { reason: 'question not decided', count: 5 },
        { reason: 'respondent not decided', count: 2 },
        { reason: 'name not decided', count: 1 },
      ]),
    );
    expect((await c.get(`/api/waves/${w}/leadership`)).json.completeness.undecided).toBe(3);
    expect((await c.get(`/api/waves/${w}/graph`)).json.completeness.banner).toMatch(/not in these results yet/);
    // the PDF report says it in the web's words, above the cover
    if (hasPoppler) expect(await reportCover(w)).toContain(`NOT COMPLETE ${up.job.result.banner}`);

    const items = (await c.get(`/api/waves/${w}/review`)).json.items as Item[];
    expect(items.map((i) => `${i.kind} ${i.status}`)).toEqual(['column mapping needed', 'respondent unmatched', 'name unmatched']);
    const [col, resp, name] = items as [Item, Item, Item];
    expect(col).toMatchObject({ column: QUESTION, choices: ['data', 'technology', 'any'], answers: 6 });
    expect(resp).toMatchObject({ row: 6, raw: 'sam.p.home@gmail.com' });
    expect(name).toMatchObject({ row: 4, column: QUESTION, raw: 'Chloe' });

    // exactly the choices the wording names, and only valid decisions
    const decide = (i: Item, resolution: unknown) => c.post(`/api/waves/${w}/review/${i.id}`, { resolution });
    expect((await decide(col, { kind: 'nameGenerator', relation: 'advice', domain: 'curriculum' })).status).toBe(400);
    expect((await decide(col, { kind: 'nameGenerator', relation: 'gossip', domain: 'data' })).status).toBe(400);
    expect((await decide(name, 'NOBODY')).status).toBe(400);
    expect((await decide(col, { kind: 'nameGenerator', relation: 'advice', domain: 'technology' })).status).toBe(200);
    expect((await decide(resp, 'T05')).status).toBe(200);
    expect((await decide(name, 'not on roster')).status).toBe(200);
    // decided, not applied yet: still needs review
    expect((await c.get(`/api/waves/${w}`)).json.wave.status).toBe('needs review');

    const re = await c.post(`/api/waves/${w}/reprocess`);
    const job = await c.waitJob(re.json.job.id);
    expect(job.result).toMatchObject({ status: 'ready', ties: 12, banner: null });
    expect((await c.get(`/api/waves/${w}`)).json.wave.status).toBe('ready');
    const after = (await c.get(`/api/waves/${w}/review`)).json.items as Item[];
    expect(after.every((i) => i.status === 'decided')).toBe(true);
    // decided rows stay decided, with their row and question
    expect(after.find((i) => i.kind === 'name')).toMatchObject({ row: 4, column: QUESTION, raw: 'Chloe', resolution: 'not on roster' });
    expect(after.find((i) => i.kind === 'respondent')).toMatchObject({ row: 6, resolution: 'T05' });
    expect(after.find((i) => i.kind === 'column')).toMatchObject({
      column: QUESTION,
      resolution: { kind: 'nameGenerator', relation: 'advice', domain: 'technology' },
    });
    const done = (await c.get(`/api/waves/${w}/analysis`)).json.completeness;
    expect(done).toMatchObject({ answersRead: 13, undecided: 0, banner: null });
    if (hasPoppler) expect(await reportCover(w)).not.toContain('not in these results yet');
    expect(done.answersUsed + done.setAside.reduce((n: number, x: { count: number }) => n + x.count, 0)).toBe(done.answersRead);

    // the decisions download as the mapping file
    const file = await c.get(`/api/waves/${w}/mapping`);
    expect(file.status).toBe(200);
    const m = YAML.parse(file.text) as Record<string, Record<string, unknown>>;
    expect(m.questions![QUESTION]).toEqual({ kind: 'nameGenerator', relation: 'advice', domain: 'technology' });
    expect(m.resolutions).toEqual({ Chloe: 'not on roster' });
    expect(m.respondents).toEqual({ 'sam.p.home@gmail.com': 'T05' });

    // …and carry to the school's next wave ("decided last year")
    const w2 = (await c.post(`/api/schools/${s}/waves`, { label: '2026' })).json.wave.id;
    const up2 = await c.upload(w2, files());
    expect(up2.job.result).toMatchObject({ status: 'ready', ties: 12 });
    const carried = (await c.get(`/api/waves/${w2}/review`)).json.items as Item[];
    expect(carried.length).toBeGreaterThanOrEqual(3);
    expect(carried.every((i) => i.status === 'decided' && i.carriedFrom === '2025')).toBe(true);

    // a mapping file can be uploaded on a wave (checked, then applied at the next re-read)
    const w3 = (await c.post(`/api/schools/${s}/waves`, { label: '2024' })).json.wave.id;
    expect((await c.post(`/api/waves/${w3}/mapping`, { name: 'm.yaml', text: 'questions: [1' })).status).toBe(400);
    expect((await c.post(`/api/waves/${w3}/mapping`, { name: 'm.yaml', text: 'version: 1\nnonsense: 2\n' })).status).toBe(400);
    expect((await c.post(`/api/waves/${w3}/mapping`, { name: 'm.yaml', text: file.text })).status).toBe(200);
    const up3 = await c.upload(w3, files());
    expect(up3.job.result).toMatchObject({ status: 'ready', ties: 12 });
  });
});
