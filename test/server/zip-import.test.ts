import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, Client, testServer, type TestServer } from './helpers/server.js';
import { rosterCsv, tiesCsv } from './fixtures.js';

let srv: TestServer;
let admin: Client;
beforeAll(async () => {
  srv = await testServer({ options: { maxUploadBytes: 1024 * 1024 } });
  admin = new Client(srv.url);
  await admin.signIn('admin', ADMIN_PASSWORD);
});
afterAll(async () => {
  await srv.stop();
});

/** Bytes of every file under the data directory's files/ and tmp/ folders. */
function storedBytes(): number {
  let total = 0;
  const walk = (dir: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const n of names) {
      const p = join(dir, n);
      const s = statSync(p);
      if (s.isDirectory()) walk(p);
      else total += s.size;
    }
  };
  walk(join(srv.dataDir, 'files'));
  walk(join(srv.dataDir, 'tmp'));
  return total;
}

function schoolZip(manifest: unknown, files: Record<string, string>): Uint8Array {
  const entries: Record<string, Uint8Array> = { 'school.json': strToU8(JSON.stringify(manifest)) };
  for (const [k, v] of Object.entries(files)) entries[k] = strToU8(v);
  return zipSync(entries, { level: 9 });
}

async function importZip(zip: Uint8Array, slug?: string) {
  const form = new FormData();
  form.append('zip', new Blob([zip as BlobPart]), 'school.zip');
  if (slug) form.append('slug', slug);
  return admin.post('/api/schools/import', form);
}

const wave = (i: number, folder = `wave-${i}`) => ({ label: `W${i}`, collectedOn: null, folder, hasRespondents: false });
const base = { format: 'leadmap-school', version: 1, slug: 'zipped', name: 'Zipped School' };

describe('school zip import (finding 7)', () => {
  it('refuses 50 waves pointing at one entry: a small zip cannot multiply into many written copies', async () => {
    const big = tiesCsv(12) + 'T2,T3,advice,curriculum,1\n'.repeat(20_000);
    const zip = schoolZip({ ...base, waves: Array.from({ length: 50 }, (_, i) => wave(i + 1, 'wave-1')) }, { 'wave-1/ties.csv': big });
    expect(zip.length).toBeLessThan(30_000);
    const before = storedBytes();
    const r = await importZip(zip, 'amplified');
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('VALIDATION');
    expect(r.json.error.message).toMatch(/used by two waves/);
    expect(storedBytes()).toBe(before);
    expect((await admin.get('/api/schools')).json.schools.map((s: { slug: string }) => s.slug)).not.toContain('amplified');
  });

  it('stops a zip bomb by the bytes actually inflated (413) and leaves nothing behind', async () => {
    const zip = zipSync(
      { 'school.json': strToU8(JSON.stringify({ ...base, waves: [wave(1)] })), 'wave-1/ties.csv': new Uint8Array(8 * 1024 * 1024) },
      { level: 9 },
    );
    expect(zip.length).toBeLessThan(100_000);
    const before = storedBytes();
    const r = await importZip(zip, 'bomb');
    expect(r.status).toBe(413);
    expect(r.json.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(storedBytes()).toBe(before);
  });

  it('validates school.json like the API: control characters, markup and wrong types are 400 with a code', async () => {
    const ties = { 'wave-1/ties.csv': tiesCsv() };
    const cases: Array<[string, unknown]> = [
      ['control character in the name', { ...base, name: 'North\u0007High', waves: [wave(1)] }],
      ['markup in a wave label', { ...base, waves: [{ ...wave(1), label: '<img src=x onerror=alert(1)>' }] }],
      ['waves is not a list', { ...base, waves: 'wave-1' }],
      ['a label that is a number', { ...base, waves: [{ ...wave(1), label: 2025 }] }],
      ['a date that is not a date', { ...base, waves: [{ ...wave(1), collectedOn: 20250630 }] }],
      ['a slug that is an object', { ...base, slug: { x: 1 }, waves: [wave(1)] }],
    ];
    for (const [what, manifest] of cases) {
      const r = await importZip(schoolZip(manifest, ties));
      expect(r.status, what).toBe(400);
      expect(r.json.error.code, what).toBe('VALIDATION');
    }
  });
});

describe('formula guard in the school zip (finding 9)', () => {
  it('writes cells that start with = + - @ with a leading apostrophe, and a re-import reads the original back', async () => {
    const school = (await admin.post('/api/schools', { slug: 'formulas', name: 'Formula School' })).json.school.id;
    const w = (await admin.post(`/api/schools/${school}/waves`, { label: '2025' })).json.wave.id;
    const roster = rosterCsv().replace('Teacher Number2', '=HYPERLINK("http://x.example")').replace('Teacher Number3', '@SUM(A1)');
    expect((await admin.upload(w, { roster, ties: tiesCsv() })).job.status).toBe('succeeded');
    const res = await fetch(`${srv.url}/api/schools/${school}/export.zip`, { headers: { cookie: admin.cookie } });
    const zip = new Uint8Array(await res.arrayBuffer());
    const rosterOut = strFromU8(unzipSync(zip)['wave-1/roster.csv']!);
    expect(rosterOut).toContain(`"'=HYPERLINK(""http://x.example"")"`);
    expect(rosterOut).toContain(`'@SUM(A1)`);
    expect(rosterOut).not.toMatch(/(^|,)=HYPERLINK/m);
    const imp = await importZip(zip, 'formulas-copy');
    expect(imp.status).toBe(202);
    expect((await admin.waitJob(imp.json.job.id)).status).toBe('succeeded');
    const copyWave = (await admin.get(`/api/schools/${imp.json.school.id}/waves`)).json.waves[0].id;
    const people = (await admin.get(`/api/waves/${copyWave}/analysis`)).json.analysis.people;
    const names = people.map((p: { name: string }) => p.name);
    expect(names).toContain('=HYPERLINK("http://x.example")');
    expect(names).toContain('@SUM(A1)');
  });
});
