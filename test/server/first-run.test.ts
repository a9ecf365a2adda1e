import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServer } from '../../src/server/main.js';
import { silentLogger } from '../../src/server/log.js';
import { runCli } from '../../src/cli/main.js';
import { tempDir } from '../store/helpers.js';
import { Client } from './helpers/server.js';
import { rosterCsv, tiesCsv } from './fixtures.js';

describe('first run', () => {
  it('creates the data directory, loads the demo schools, prints a one-time admin password once', async () => {
    const t = tempDir();
    const demo = join(t.path, 'demo');
    for (const wave of ['2024-25', '2025-26']) {
      mkdirSync(join(demo, 'northside', wave), { recursive: true });
      writeFileSync(join(demo, 'northside', wave, 'roster.csv'), rosterCsv());
      writeFileSync(join(demo, 'northside', wave, 'ties.csv'), tiesCsv());
    }
    writeFileSync(join(demo, 'northside', '2025-26', 'planted.json'), JSON.stringify({ school: 'Northside Primary' }));
    const dataDir = join(t.path, 'nested', 'data');
    const first = await startServer({ dataDir, port: 0, demoDir: demo, log: silentLogger });
    try {
      expect(existsSync(join(dataDir, 'leadmap.sqlite'))).toBe(true);
      expect(first.firstRun).toMatchObject({ adminCreated: true, adminUsername: 'admin', demoSchools: ['Northside Primary'] });
      const otp = first.firstRun.oneTimePassword!;
      expect(otp).toMatch(/^[\w-]{20,}$/);
      const c = new Client(first.url);
      await c.signIn('admin', otp);
      expect((await c.get('/api/schools')).json.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
      await c.post('/api/auth/password', { currentPassword: otp, newPassword: 'my-own-password' });
      const schools = (await c.get('/api/schools')).json.schools;
      expect(schools.map((s: { name: string }) => s.name)).toEqual(['Northside Primary']);
      const waves = (await c.get(`/api/schools/${schools[0].id}/waves`)).json.waves;
      expect(waves.map((w: { label: string; status: string }) => `${w.label}:${w.status}`)).toEqual(['2024-25:ready', '2025-26:ready']);
      // Deleting the demo school is permanent: it is not re-created at the next start.
      await c.del(`/api/schools/${schools[0].id}`);
    } finally {
      await first.close();
    }
    const second = await startServer({ dataDir, port: 0, demoDir: demo, log: silentLogger });
    try {
      expect(second.firstRun.adminCreated).toBe(false);
      expect(second.firstRun.oneTimePassword).toBeNull();
      const c = new Client(second.url);
      await c.signIn('admin', 'my-own-password');
      expect((await c.get('/api/schools')).json.schools).toEqual([]);
    } finally {
      await second.close();
      t.remove();
    }
  });

  it('says so and starts with no schools when the demo folder is missing', async () => {
    const t = tempDir();
    const s = await startServer({
      dataDir: join(t.path, 'data'),
      port: 0,
      demoDir: join(t.path, 'nowhere'),
      adminPassword: 'from-the-environment',
      log: silentLogger,
    });
    try {
      expect(s.firstRun).toMatchObject({ demoMissing: true, demoSchools: [], oneTimePassword: null });
      const c = new Client(s.url);
      await c.signIn('admin', 'from-the-environment');
      expect((await c.get('/api/schools')).json.schools).toEqual([]);
    } finally {
      await s.close();
      t.remove();
    }
  });

  it('leadmap backup writes a copy that a server can start on', async () => {
    const t = tempDir();
    const s = await startServer({
      dataDir: join(t.path, 'data'),
      port: 0,
      demoDir: null,
      adminPassword: 'backup-test-pw',
      log: silentLogger,
    });
    const c = new Client(s.url);
    await c.signIn('admin', 'backup-test-pw');
    const school = (await c.post('/api/schools', { slug: 'b', name: 'B' })).json.school.id;
    const wave = (await c.post(`/api/schools/${school}/waves`, { label: 'w' })).json.wave.id;
    await c.upload(wave, { roster: rosterCsv(), ties: tiesCsv() });
    let out = '';
    const code = await runCli(['backup', join(t.path, 'copy'), '--data-dir', join(t.path, 'data')], {
      stdout: (x) => {
        out += x;
      },
      stderr: (x) => {
        out += x;
      },
      cwd: t.path,
      env: {},
    });
    await s.close();
    expect(code).toBe(0);
    expect(out).toMatch(/integrity check passed/);
    const restored = await startServer({ dataDir: join(t.path, 'copy'), port: 0, demoDir: null, log: silentLogger });
    try {
      const r = new Client(restored.url);
      await r.signIn('admin', 'backup-test-pw');
      expect((await r.get(`/api/waves/${wave}/analysis`)).json.analysis.network.people).toBe(12);
      expect((await r.get(`/api/waves/${wave}/files`)).json.files).toHaveLength(2);
    } finally {
      await restored.close();
      t.remove();
    }
  });
});

describe('job progress over server-sent events', () => {
  it('streams progress then done', async () => {
    const t = tempDir();
    const s = await startServer({
      dataDir: join(t.path, 'data'),
      port: 0,
      demoDir: null,
      adminPassword: 'sse-test-password',
      log: silentLogger,
    });
    try {
      const c = new Client(s.url);
      await c.signIn('admin', 'sse-test-password');
      const school = (await c.post('/api/schools', { slug: 'e', name: 'E' })).json.school.id;
      const wave = (await c.post(`/api/schools/${school}/waves`, { label: 'w' })).json.wave.id;
      const form = new FormData();
      form.append('roster', new Blob([rosterCsv()]), 'roster.csv');
      form.append('ties', new Blob([tiesCsv()]), 'ties.csv');
      const accepted = await c.post(`/api/waves/${wave}/uploads`, form);
      const res = await fetch(`${s.url}/api/jobs/${accepted.json.job.id}/events`, { headers: { cookie: c.cookie } });
      expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
      const text = await res.text();
      expect(text).toMatch(/event: done\ndata: \{.*"status":"succeeded"/);
    } finally {
      await s.close();
      t.remove();
    }
  });
});
