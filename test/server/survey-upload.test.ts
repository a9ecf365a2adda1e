import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, Client, testServer, type TestServer } from './helpers/server.js';

const DIR = resolve(import.meta.dirname, '../../fixtures/surveys/lakeside');
let srv: TestServer;
let c: Client;

describe('survey export upload, review and reprocess', () => {
  beforeAll(async () => {
    srv = await testServer();
    c = new Client(srv.url);
    await c.signIn('admin', ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await srv?.stop();
  });

  it('imports the export, lists what needs review, and applies the decisions on reprocess', async () => {
    const s = (await c.post('/api/schools', { slug: 'lakeside', name: 'Lakeside' })).json.school.id;
    const w = (await c.post(`/api/schools/${s}/waves`, { label: 'survey' })).json.wave.id;
    const up = await c.upload(w, { roster: readFileSync(`${DIR}/roster.csv`), survey: readFileSync(`${DIR}/survey.csv`) });
    expect(up.job.status).toBe('succeeded');
    const firstTies = up.job.result.ties;
    const responses = await srv.store.loadWaveResponses(w);
    expect(responses.length).toBeGreaterThan(10);
    const items = (await c.get(`/api/waves/${w}/review`)).json.items as Array<{ id: string; raw: string; resolution: string | null }>;
    const texts = [...new Set(items.map((i) => i.raw))].sort();
    expect(texts).toEqual(['Chloe', 'Jo from the district office']);
    // The review list holds names: viewers may not see it (checked in the access matrix); a bad resolution is refused.
    expect((await c.post(`/api/waves/${w}/review/${items[0]!.id}`, { resolution: 'NOBODY-123' })).status).toBe(400);
    for (const item of items) {
      const resolution = item.raw === 'Chloe' ? 'LK014' : 'not on roster';
      expect((await c.post(`/api/waves/${w}/review/${item.id}`, { resolution })).status).toBe(200);
    }
    const re = await c.post(`/api/waves/${w}/reprocess`);
    expect(re.status).toBe(202);
    const job = await c.waitJob(re.json.job.id);
    expect(job.status).toBe('succeeded');
    expect(job.result.ties).toBeGreaterThan(firstTies);
    const after = (await c.get(`/api/waves/${w}/review`)).json.items as Array<{ resolution: string | null }>;
    expect(after.every((i) => i.resolution !== null)).toBe(true);
    const expected = new Set(
      readFileSync(`${DIR}/expected-ties.csv`, 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(',').slice(0, 4).join(',')),
    );
    expect(job.result.ties).toBe(expected.size);
  });
});
