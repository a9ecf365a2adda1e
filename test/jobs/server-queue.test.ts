import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startQueueWorker, type RunningQueueWorker } from '../../src/server/queue-worker.js';
import { skipPostgres, startTestPostgres, type TestPostgres } from '../helpers/postgres.js';
import { rosterCsv, tiesCsv } from '../server/fixtures.js';
import { ADMIN_PASSWORD, Client, testServer, type TestServer } from '../server/helpers/server.js';

/** The district shape end to end: a server on PostgreSQL sends uploads and analyses to the queue; a worker runs them. */
describe.skipIf(skipPostgres())('server with PostgreSQL and a queue worker', () => {
  let pg: TestPostgres;
  let srv: TestServer;
  let worker: RunningQueueWorker;
  const saved = process.env.DATABASE_URL;
  beforeAll(async () => {
    pg = await startTestPostgres();
    const url = await pg.freshSchemaUrl();
    process.env.DATABASE_URL = url;
    srv = await testServer({ jobs: 'queue' });
    worker = await startQueueWorker({ url, dataDir: srv.dataDir, schema: undefined });
  });
  afterAll(async () => {
    await srv?.stop();
    await worker?.stop(5000);
    await pg?.stop();
    if (saved === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved;
  });

  it('uploads are ingested and analyses computed by the worker, and the server answers with their results', async () => {
    expect(srv.store.kind).toBe('postgres');
    const admin = new Client(srv.url);
    await admin.signIn('admin', ADMIN_PASSWORD);
    const schoolId = (await admin.post('/api/schools', { slug: `north-${randomBytes(2).toString('hex')}`, name: 'North High' })).json.school
      .id;
    const waveId = (await admin.post(`/api/schools/${schoolId}/waves`, { label: '2025', collectedOn: '2025-06-30' })).json.wave.id;
    const up = await admin.upload(waveId, { roster: rosterCsv(), ties: tiesCsv() });
    expect(up.job).toMatchObject({ status: 'succeeded', result: { people: 12, ties: 22 } });
    const a = (await admin.get(`/api/waves/${waveId}/analysis?relation=advice`)).json.analysis;
    expect(a.network).toMatchObject({ people: 12, ties: 22 });
    expect(a.people.find((p: { id: string }) => p.id === 'T1')).toMatchObject({ name: 'Teacher Number1', inDegree: 11 });
    const jobs = (
      await (srv.store as unknown as { pool: { query(sql: string): Promise<{ rows: Array<{ name: string; n: number }> }> } }).pool.query(
        "SELECT name, count(*)::int AS n FROM pgboss.job WHERE state = 'completed' GROUP BY name ORDER BY name",
      )
    ).rows;
    expect(jobs).toEqual([
      { name: 'leadmap-ingest', n: 1 },
      { name: 'leadmap-view', n: 1 },
    ]);
  });
});
