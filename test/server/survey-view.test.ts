import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasPoppler } from '../helpers/system-tools.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, Client, testServer, type TestServer } from './helpers/server.js';
import type { SurveyView } from '../../src/report/survey/view.js';
import type { Planted } from '../../tools/fixtures-gen/types.js';

const dir = join(process.cwd(), 'fixtures/demo/riverside/2025-26');
const file = (n: string) => readFileSync(join(dir, n), 'utf8');
const planted = JSON.parse(file('planted.json')) as Planted;
const roster = file('roster.csv')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split(','));
const PW = 'a-long-enough-password';

let srv: TestServer;
let admin: Client;
let viewer: Client;
let waveId: string;

beforeAll(async () => {
  srv = await testServer();
  admin = new Client(srv.url);
  await admin.signIn('admin', ADMIN_PASSWORD);
  const schoolId = (await admin.post('/api/schools', { slug: 'riverside', name: 'Riverside' })).json.school.id as string;
  waveId = (await admin.post(`/api/schools/${schoolId}/waves`, { label: '2025-26' })).json.wave.id as string;
  const files = Object.fromEntries(
    ['roster', 'ties', 'respondents', 'people', 'activities', 'decisions'].map((k) => [k, file(`${k}.csv`)]),
  );
  const up = await admin.upload(waveId, files);
  expect(up.job?.status, `${up.status} ${JSON.stringify(up.json)} ${JSON.stringify(up.job?.error)}`).toBe('succeeded');
  await admin.post('/api/accounts', { username: 'viewer1', role: 'viewer', schoolIds: [schoolId], password: PW });
  viewer = new Client(srv.url);
  await viewer.signIn('viewer1', PW);
});
afterAll(async () => {
  await srv.stop();
});

describe("GET /api/waves/:id/survey: a wave's survey side", () => {
  it('named: scales with alpha and n, the planted skills prompt, decision map and patterns', async () => {
    const r = await admin.get(`/api/waves/${waveId}/survey`);
    expect(r.status).toBe(200);
    const v = r.json.survey as SurveyView;
    expect(v.disclosure).toBe('named');
    expect(v.inputs).toEqual({ people: true, activities: true, decisions: true });
    expect(v.scales!.length).toBe(5);
    for (const s of v.scales!) {
      expect(s.alpha).not.toBeNull();
      expect(s.n).toBeGreaterThanOrEqual(5);
      for (const g of s.groups) expect(g.n).toBeGreaterThanOrEqual(5);
    }
    expect(v.surveyNetwork!.exploratory).toBe(true);
    expect(v.surveyNetwork!.distribution.scales).toHaveLength(2);
    const u = planted.skills!.untappedStrengths[0]!;
    expect(v.skills!.untappedStrengths.map((x) => [x.domain, x.person])).toEqual([[u.domain, u.name]]);
    expect(v.skills!.untappedStrengths[0]!.prompt).toContain(u.name);
    expect(v.decisions!.matrix.length).toBeGreaterThan(0);
    expect(v.decisions!.concentrated.map((d) => d.row)).toEqual(planted.practice!.concentratedDecisions.map((d) => d.row));
    expect(v.decisions!.concentrated[0]!.why).toContain('Tyrone Singh');
    expect(v.patterns!.activities.map((a) => [a.row, a.pattern])).toEqual(planted.practice!.activities.map((a) => [a.row, a.pattern]));
  });

  it('a viewer gets pseudonyms only: no name, id, role or department beside them, no decision or activity rows', async () => {
    const r = await viewer.get(`/api/waves/${waveId}/survey?anonymised=0`);
    expect(r.status).toBe(200);
    const v = r.json.survey as SurveyView;
    expect(v.disclosure).toBe('pseudonymised');
    const text = JSON.stringify(v);
    for (const [id, name, role] of roster) {
      expect(text).not.toContain(name!);
      expect(text).not.toContain(`"${id}"`);
      expect(text).not.toMatch(new RegExp(`\\b${id}\\b`));
      void role;
    }
    expect(text).not.toMatch(/principal|Administration/i);
    expect(v.skills!.untappedStrengths[0]!.person).toMatch(/^P-[0-9A-F]{4,}$/);
    expect(v.skills!.untappedStrengths[0]!.prompt).toContain(v.skills!.untappedStrengths[0]!.person);
    expect(v.decisions!.decisions).toEqual([]);
    expect(v.decisions!.byDomain.every((d) => d.people === undefined)).toBe(true);
    expect(v.decisions!.concentrated).toHaveLength(1);
    expect(v.patterns!.activities).toEqual([]);
    expect(v.patterns!.total).toBe(planted.practice!.activities.length);
    // The same pseudonym as the analysis gives the person.
    const a = (await viewer.get(`/api/waves/${waveId}/analysis`)).json.analysis as { people: Array<{ id: string }> };
    expect(a.people.map((p) => p.id)).toContain(v.skills!.untappedStrengths[0]!.person);
  });

  it('CSV exports are formula-safe, pseudonymised for viewers, and hold no group under the minimum', async () => {
    for (const f of ['scales.csv', 'skills.csv', 'decisions.csv', 'patterns.csv']) {
      const named = await admin.get(`/api/waves/${waveId}/survey/${f}`);
      expect(named.status, f).toBe(200);
      expect(named.headers.get('content-type')).toContain('text/csv');
      const anon = await viewer.get(`/api/waves/${waveId}/survey/${f}`);
      expect(anon.headers.get('content-disposition')).toContain('-anonymised-');
      for (const [, name] of roster) expect(anon.text, f).not.toContain(name!);
    }
    const scales = (await admin.get(`/api/waves/${waveId}/survey/scales.csv`)).text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(scales[0]).toBe('scale,group,items,min_items,alpha,alpha_n,n,mean,sd,groups_hidden');
    for (const row of scales.slice(1)) expect(Number(row.split(',')[6])).toBeGreaterThanOrEqual(5);
    expect((await admin.get(`/api/waves/${waveId}/survey/other.csv`)).status).toBe(404);
  });

  it.skipIf(!hasPoppler)('the report of the wave carries the survey pages; the viewer’s (anonymised) edition names no one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadmap-survey-report-'));
    const text = async (c: Client, edition: string) => {
      let res = await fetch(`${c.base}/api/waves/${waveId}/report.pdf?edition=${edition}`, { headers: { cookie: c.cookie } });
      if (res.status === 202) {
        await c.waitJob(((await res.json()) as { job: { id: string } }).job.id);
        res = await fetch(`${c.base}/api/waves/${waveId}/report.pdf?edition=${edition}`, { headers: { cookie: c.cookie } });
      }
      expect(res.status).toBe(200);
      const f = join(dir, `${edition}.pdf`);
      writeFileSync(f, Buffer.from(await res.arrayBuffer()));
      return execFileSync('pdftotext', [f, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    };
    const named = await text(admin, 'named');
    for (const h of ['What staff report: survey scales', 'Skills offered and needed', 'Decision map', 'Patterns of distribution'])
      expect(named).toContain(h);
    expect(named).toContain(planted.skills!.untappedStrengths[0]!.name);
    const anon = await text(viewer, 'anonymised');
    expect(anon).toContain('Skills offered and needed');
    for (const [id, name] of roster) {
      expect(anon).not.toContain(name!);
      expect(anon).not.toMatch(new RegExp(`\\b${id}\\b`));
    }
  });

  it('a decision whose name starts like a formula is written as text', async () => {
    const school = (await admin.post('/api/schools', { slug: 'formula', name: 'Formula' })).json.school.id as string;
    const w = (await admin.post(`/api/schools/${school}/waves`, { label: '2025' })).json.wave.id as string;
    const decisions = file('decisions.csv').replace('How curriculum is planned for next year', '=HYPERLINK("http://x")');
    const up = await admin.upload(w, { roster: file('roster.csv'), ties: file('ties.csv'), decisions });
    expect(up.job.status).toBe('succeeded');
    const csv = (await admin.get(`/api/waves/${w}/survey/decisions.csv`)).text;
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it('a people file with skills and no Likert items gives the skills part and no scales', async () => {
    const school = (await admin.post('/api/schools', { slug: 'skills', name: 'Skills' })).json.school.id as string;
    const w = (await admin.post(`/api/schools/${school}/waves`, { label: '2025' })).json.wave.id as string;
    const people =
      'id,responded,skill_domains,need_domains\n' +
      roster.map(([id], i) => `${id},yes,${i === 0 ? 'curriculum' : ''},${i === 1 ? 'technology' : ''}`).join('\n') +
      '\n';
    const up = await admin.upload(w, { roster: file('roster.csv'), ties: file('ties.csv'), people });
    expect(up.job.status, JSON.stringify(up.job.error)).toBe('succeeded');
    const v = (await admin.get(`/api/waves/${w}/survey`)).json.survey as SurveyView;
    expect(v.scales).toBeNull();
    expect(v.skills!.domains.length).toBeGreaterThan(0);
  });

  it('a people file with an answer off the scale refuses the upload with file, row and column', async () => {
    const school = (await admin.post('/api/schools', { slug: 'bad', name: 'Bad' })).json.school.id as string;
    const w = (await admin.post(`/api/schools/${school}/waves`, { label: '2025' })).json.wave.id as string;
    const lines = file('people.csv').split('\n');
    lines[2] = lines[2]!.replace(/,(\d),/, ',9,');
    const up = await admin.upload(w, { roster: file('roster.csv'), ties: file('ties.csv'), people: lines.join('\n') });
    expect(up.job.status).toBe('failed');
    expect(up.job.error.code).toBe('INGEST_FAILED');
    expect(up.job.error.message).toMatch(/people\.csv, row 3/);
  });
});

describe('the school zip', () => {
  it('carries the survey files, and the re-imported school shows the same survey side', async () => {
    const schoolId = (await admin.get(`/api/waves/${waveId}`)).json.school.id as string;
    const res = await fetch(`${srv.url}/api/schools/${schoolId}/export.zip`, { headers: { cookie: admin.cookie } });
    expect(res.status).toBe(200);
    const zip = new Uint8Array(await res.arrayBuffer());
    const form = new FormData();
    form.append('zip', new Blob([zip]), 'school.zip');
    form.append('slug', 'riverside-copy');
    const imp = await admin.post('/api/schools/import', form);
    expect(imp.status).toBe(202);
    expect((await admin.waitJob(imp.json.job.id)).status).toBe('succeeded');
    const copy = (await admin.get(`/api/schools/${imp.json.school.id}/waves`)).json.waves[0].id as string;
    const before = (await admin.get(`/api/waves/${waveId}/survey`)).json.survey as SurveyView;
    const after = (await admin.get(`/api/waves/${copy}/survey`)).json.survey as SurveyView;
    expect(after.inputs).toEqual({ people: true, activities: true, decisions: true });
    expect(after).toEqual(before);
  });
});

describe('a survey export upload', () => {
  it('stores the people file leadmap import would write, so its skills inventory and the scales it asks in full are read', async () => {
    const lake = join(process.cwd(), 'fixtures/surveys/lakeside');
    const school = (await admin.post('/api/schools', { slug: 'lakeside-survey', name: 'Lakeside' })).json.school.id as string;
    const w = (await admin.post(`/api/schools/${school}/waves`, { label: 'survey' })).json.wave.id as string;
    const up = await admin.upload(w, { roster: readFileSync(join(lake, 'roster.csv')), survey: readFileSync(join(lake, 'survey.csv')) });
    expect(up.job.status, JSON.stringify(up.job.error)).toBe('succeeded');
    const files = (await admin.get(`/api/waves/${w}/files`)).json.files as Array<{ kind: string; originalName: string }>;
    expect(files.map((f) => f.kind).sort()).toEqual(['people', 'roster', 'survey']);
    expect(files.find((f) => f.kind === 'people')!.originalName).toBe('survey.people.csv');
    const v = (await admin.get(`/api/waves/${w}/survey`)).json.survey as SurveyView;
    expect(v.inputs.people).toBe(true);
    expect(v.unreadable).toEqual([]);
    expect(v.skills!.domains.length).toBeGreaterThan(0);
  });
});
