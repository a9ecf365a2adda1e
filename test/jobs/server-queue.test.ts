import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startQueueWorker, type RunningQueueWorker } from '../../src/server/queue-worker.js';
import { skipPostgres, startTestPostgres, type TestPostgres } from '../helpers/postgres.js';
import { rosterCsv, tiesCsv } from '../server/fixtures.js';
import { ADMIN_PASSWORD, Client, testServer, type TestServer } from '../server/helpers/server.js';
import { tempDir } from '../store/helpers.js';
import { startServer } from '../../src/server/main.js';
import { silentLogger } from '../../src/server/log.js';

/** The district shape end to end: a server on PostgreSQL sends uploads and analyses to the queue; a worker runs them. */
describe.skipIf(skipPostgres())('server with PostgreSQL and a queue worker', () => {
  let pgServer: TestPostgres;
  let srv: TestServer;
  let worker: RunningQueueWorker;
  const saved = process.env.DATABASE_URL;
  beforeAll(async () => {
    pgServer = await startTestPostgres();
    const url = await pgServer.freshSchemaUrl();
    process.env.DATABASE_URL = url;
    srv = await testServer({ jobs: 'queue' });
    worker = await startQueueWorker({ url, dataDir: srv.dataDir, schema: undefined });
  });
  afterAll(async () => {
    await srv?.stop();
    await worker?.stop(5000);
    await pgServer?.stop();
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

  it('a job started through one server is followed through another on the same database (GET and events)', async () => {
    const other = await testServer({ jobs: 'queue' });
    try {
      const a = new Client(srv.url);
      await a.signIn('admin', ADMIN_PASSWORD);
      const b = new Client(other.url);
      await b.signIn('admin', ADMIN_PASSWORD);
      const schoolId = (await a.post('/api/schools', { slug: `south-${randomBytes(2).toString('hex')}`, name: 'South High' })).json.school
        .id;
      const waveId = (await a.post(`/api/schools/${schoolId}/waves`, { label: '2025', collectedOn: '2025-06-30' })).json.wave.id;
      const form = new FormData();
      form.append('roster', new Blob([rosterCsv()]), 'roster.csv');
      form.append('ties', new Blob([tiesCsv()]), 'ties.csv');
      const started = await a.post(`/api/waves/${waveId}/uploads`, form);
      expect(started.status).toBe(202);
      const id = started.json.job.id as string;
      // Server B never ran this job: it answers from what server A wrote to the database.
      const events = await fetch(`${other.url}/api/jobs/${id}/events`, { headers: { cookie: b.cookie } });
      expect(events.status).toBe(200);
      const stream = await events.text(); // ends with the done event
      expect(stream).toMatch(/event: done\ndata: .*"status":"succeeded"/);
      const job = await b.waitJob(id);
      expect(job).toMatchObject({ id, status: 'succeeded', result: { people: 12, ties: 22 }, waveId });
      // Signed out: no job; an unknown id: 404, whichever server is asked.
      expect((await new Client(other.url).get(`/api/jobs/${id}`)).status).toBe(401);
      expect((await b.get('/api/jobs/no-such-job')).status).toBe(404);
    } finally {
      await other.stop();
    }
  });

  it('a server whose queue cannot start releases its store and its data directory', async () => {
    // A role that owns its schema (the store works) but may not create the queue's schema (pg-boss fails to start).
    const admin = new pg.Client({ connectionString: pgServer.url });
    await admin.connect();
    const role = `limited_${randomBytes(4).toString('hex')}`;
    await admin.query(`CREATE ROLE ${role} LOGIN`);
    await admin.query(`CREATE SCHEMA ${role} AUTHORIZATION ${role}`);
    await admin.end();
    const url = new URL(pgServer.url);
    url.username = role;
    url.searchParams.set('options', `-c search_path=${role}`);
    const t = tempDir();
    const dataDir = join(t.path, 'data');
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = url.toString();
    try {
      await expect(
        startServer({ dataDir, port: 0, adminPassword: ADMIN_PASSWORD, demoDir: null, log: silentLogger, jobs: 'queue' }),
      ).rejects.toThrow();
      expect(existsSync(join(dataDir, 'leadmap.lock'))).toBe(false);
    } finally {
      if (saved === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved;
      t.remove();
    }
  });
});
