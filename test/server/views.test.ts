import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, Client, testServer, type TestServer } from './helpers/server.js';
import { rosterCsv, tiesCsv } from './fixtures.js';

let srv: TestServer;
let admin: Client;
let waveId: string;
beforeAll(async () => {
  srv = await testServer();
  admin = new Client(srv.url);
  await admin.signIn('admin', ADMIN_PASSWORD);
  const schoolId = (await admin.post('/api/schools', { slug: 'east', name: 'East High' })).json.school.id;
  waveId = (await admin.post(`/api/schools/${schoolId}/waves`, { label: '2025' })).json.wave.id;
  expect((await admin.upload(waveId, { roster: rosterCsv(), ties: tiesCsv() })).job.status).toBe('succeeded');
});
afterAll(async () => {
  await srv.stop();
});

describe('analyses and reports as cached jobs (finding 5)', () => {
  it('resolves defaults before hashing: ?domain=any and ?relation=advice hit the same cache entry as no parameter', async () => {
    const views = srv.deps.views;
    const first = await admin.get(`/api/waves/${waveId}/analysis`);
    expect(first.status).toBe(200);
    const after = views.stats();
    for (const q of ['?domain=any', '?relation=advice', '?relation=advice&domain=any', '?domain=ANY']) {
      const r = await admin.get(`/api/waves/${waveId}/analysis${q}`);
      expect(r.status, q).toBe(200);
      expect(r.text, q).toBe(first.text);
    }
    expect(views.stats().jobs).toBe(after.jobs);
    expect(views.stats().hits).toBe(after.hits + 4);
  });

  it('caches anonymised leadership views and PDFs, and refuses unknown domains without computing', async () => {
    const views = srv.deps.views;
    const l1 = await admin.get(`/api/waves/${waveId}/leadership?anonymised=1`);
    expect(l1.status).toBe(200);
    const jobs = views.stats().jobs;
    const l2 = await admin.get(`/api/waves/${waveId}/leadership?anonymised=1&relation=advice`);
    expect(l2.text).toBe(l1.text);
    const pdf1 = await admin.get(`/api/waves/${waveId}/report.pdf?edition=anonymised`);
    expect(pdf1.status).toBe(200);
    const pdf2 = await admin.get(`/api/waves/${waveId}/report.pdf?edition=anonymised`);
    expect(pdf2.text).toBe(pdf1.text);
    expect(views.stats().jobs).toBe(jobs + 1);
    const unknown = await admin.get(`/api/waves/${waveId}/analysis?domain=astrology`);
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.code).toBe('UNKNOWN_DOMAIN');
    expect(views.stats().jobs).toBe(jobs + 1);
  });

  it('computes the indicators as a cached job (never on the request thread), the same body for the canonical selection', async () => {
    const views = srv.deps.views;
    const before = views.stats();
    const i1 = await admin.get(`/api/waves/${waveId}/indicators?anonymised=1`);
    expect(i1.status).toBe(200);
    expect(i1.json.indicators.rows.length).toBeGreaterThan(0);
    expect(views.stats().jobs).toBe(before.jobs + 1);
    const i2 = await admin.get(`/api/waves/${waveId}/indicators?anonymised=1&relation=advice&domain=any`);
    expect(i2.text).toBe(i1.text);
    expect(views.stats().jobs).toBe(before.jobs + 1);
    const named = await admin.get(`/api/waves/${waveId}/indicators`);
    expect(named.status).toBe(200);
    expect(views.stats().jobs).toBe(before.jobs + 2);
  });

  it('answers the indicators with 202 and a job while they are computed', async () => {
    const quick = await testServer({ options: { viewWaitMs: 0 } });
    try {
      const c = new Client(quick.url);
      await c.signIn('admin', ADMIN_PASSWORD);
      const school = (await c.post('/api/schools', { slug: 'north', name: 'North High' })).json.school.id;
      const wave = (await c.post(`/api/schools/${school}/waves`, { label: '2025' })).json.wave.id;
      await c.upload(wave, { roster: rosterCsv(), ties: tiesCsv() });
      const first = await c.get(`/api/waves/${wave}/indicators`);
      expect(first.status).toBe(202);
      expect(await c.waitJob(first.json.job.id)).toMatchObject({ status: 'succeeded', kind: 'view:indicators' });
      const again = await c.get(`/api/waves/${wave}/indicators`);
      expect(again.status).toBe(200);
      expect(again.json.indicators.wave).toBe('2025');
    } finally {
      await quick.stop();
    }
  });

  it('answers 202 with a job to follow when the result is not ready in time, then the body', async () => {
    const quick = await testServer({ options: { viewWaitMs: 0 } });
    try {
      const c = new Client(quick.url);
      await c.signIn('admin', ADMIN_PASSWORD);
      const school = (await c.post('/api/schools', { slug: 'west', name: 'West High' })).json.school.id;
      const wave = (await c.post(`/api/schools/${school}/waves`, { label: '2025' })).json.wave.id;
      await c.upload(wave, { roster: rosterCsv(), ties: tiesCsv() });
      const first = await c.get(`/api/waves/${wave}/report.pdf`);
      expect(first.status).toBe(202);
      expect(first.headers.get('location')).toBe(`/api/jobs/${first.json.job.id}`);
      const job = await c.waitJob(first.json.job.id);
      expect(job).toMatchObject({ status: 'succeeded', kind: 'view:report' });
      const again = await c.get(`/api/waves/${wave}/report.pdf`);
      expect(again.status).toBe(200);
      expect(again.headers.get('content-type')).toBe('application/pdf');
      expect(again.text.startsWith('%PDF')).toBe(true);
    } finally {
      await quick.stop();
    }
  });
});
