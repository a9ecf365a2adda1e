import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Tie } from '../../src/model/types.js';
import { storeFile } from '../../src/store/files.js';
import type { Store } from '../../src/store/index.js';
import { backends, useBackend } from './backends.js';
import { tinyDataset } from './helpers.js';

async function schoolWave(store: Store, slug = 'north', org = 'District') {
  const o = await store.ensureOrganisation(org);
  const school = await store.createSchool(o.id, slug, `${slug} High`);
  const wave = await store.createWave(school.id, '2025', null);
  return { org: o, school, wave };
}

/** The store's behaviour, the same on every back end. */
describe.each(backends())('store on %s', (kind) => {
  const b = useBackend(kind);

  it('opens with every migration applied and checks clean', async () => {
    const { store } = await b.fresh();
    expect(store.kind).toBe(kind);
    expect(await store.integrityCheck()).toEqual({ ok: true, messages: [] });
  });

  it('stores a wave dataset in one piece and loads the same dataset back', async () => {
    const { store } = await b.fresh();
    const { wave } = await schoolWave(store);
    expect(await store.loadWavePeople(wave.id)).toBeNull();
    expect(await store.loadWaveDataset(wave.id)).toBeNull();
    const ds = tinyDataset();
    const after = await store.replaceWaveData({ waveId: wave.id, dataset: ds, files: [], uploadedBy: null });
    expect(after).toMatchObject({ status: 'ready', people: 6, ties: 5 });
    expect(after.dataHash).toMatch(/^[0-9a-f]{64}$/);
    const back = await store.loadWaveDataset(wave.id);
    expect(back!.people).toEqual(ds.people);
    expect(back!.ties).toEqual(ds.ties);
    expect(back!.relations).toEqual(ds.relations);
    expect(back!.domains).toEqual(ds.domains);
    expect(back!.respondents).toBeNull();
    expect(back!.wave).toEqual({ id: wave.id, label: '2025', schoolId: wave.schoolId, collectedOn: null });
    expect(await store.loadWavePeople(wave.id)).toEqual(ds.people);
    const again = await store.replaceWaveData({ waveId: wave.id, dataset: ds, files: [], uploadedBy: null });
    expect(again.dataHash).toBe(after.dataHash);
    const changed = tinyDataset();
    changed.ties[0]!.weight = 2.5;
    expect((await store.replaceWaveData({ waveId: wave.id, dataset: changed, files: [], uploadedBy: null })).dataHash).not.toBe(
      after.dataHash,
    );
  });

  it('keeps awkward text and numbers exactly: tabs, newlines, backslashes, quotes, accents, emoji, fractions', async () => {
    const { store } = await b.fresh();
    const { wave } = await schoolWave(store);
    const ds = tinyDataset(3);
    ds.people[0]!.name = 'Zoë "Zed" O\'Neil\t\\N\r\nline two 🧑‍🏫';
    ds.people[1]!.department = '\\.\n';
    const odd: Tie = {
      source: ds.people[0]!.id,
      target: ds.people[1]!.id,
      relation: 'advice',
      domain: 'tab\there \\ back\\slash',
      weight: 0.1 + 0.2,
      count: 2 ** 40,
      timestamp: '2025-03-01T08:00:00Z',
      wave: 'autumn\\N',
    };
    ds.ties.push(odd, { ...odd, weight: 1e-300, count: 0, timestamp: null, wave: null, domain: '' });
    ds.respondents = ['T3', 'T1', 'T1'];
    const stored = await store.replaceWaveData({
      waveId: wave.id,
      dataset: ds,
      files: [],
      uploadedBy: null,
      responses: [
        { personId: 'T1', answers: { q1: 'first' } },
        { personId: 'T2', answers: { q1: 4, note: 'a\tb' } },
        { personId: 'T1', answers: { q1: 'second' } },
      ],
    });
    const back = await store.loadWaveDataset(wave.id);
    expect(back!.people).toEqual(ds.people);
    expect(back!.ties).toEqual(ds.ties);
    expect(back!.respondents).toEqual(['T1', 'T3']);
    expect(await store.loadWaveResponses(wave.id)).toEqual([
      { personId: 'T1', answers: { q1: 'second' } },
      { personId: 'T2', answers: { q1: 4, note: 'a\tb' } },
    ]);
    expect(stored).toMatchObject({ people: 3, ties: 4 });
  });

  it('the data hash of one dataset is the same on every back end (cached analyses are keyed by it)', async () => {
    const { store } = await b.fresh();
    const { wave } = await schoolWave(store);
    const ds = tinyDataset();
    ds.respondents = ['T2', 'T1'];
    const w = await store.replaceWaveData({
      waveId: wave.id,
      dataset: ds,
      files: [],
      uploadedBy: null,
      responses: [{ personId: 'T1', answers: [1, 2] }],
    });
    // Pinned from the SQLite store as released before PostgreSQL: a change to the format, or a back end hashing differently, shows here.
    expect(w.dataHash).toBe('bd2bf1e9546d3d2273cab5507d9052c35f86a218bb6453387108eec542cd3816');
  });

  it('loads a large tie set in one upload, in order, with progress reports', async () => {
    const { store } = await b.fresh();
    const { wave } = await schoolWave(store);
    const ds = tinyDataset(300);
    ds.ties = [];
    for (let i = 0; i < 60_000; i++)
      ds.ties.push({
        source: `T${(i % 300) + 1}`,
        target: `T${((i * 7) % 300) + 1}`,
        relation: 'advice',
        domain: `d${i % 5}`,
        weight: (i % 9) / 4,
        count: 1 + (i % 3),
        timestamp: null,
        wave: null,
      });
    const seen: number[] = [];
    const w = await store.replaceWaveData({
      waveId: wave.id,
      dataset: ds,
      files: [],
      uploadedBy: null,
      onProgress: (done, total) => {
        expect(total).toBe(60_300);
        seen.push(done);
      },
    });
    expect(w.ties).toBe(60_000);
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.at(-1)).toBe(60_300);
    expect([...seen].sort((x, y) => x - y)).toEqual(seen);
    const back = await store.loadWaveDataset(wave.id);
    expect(back!.ties).toEqual(ds.ties);
  });

  it('rolls back a failing upload so the wave keeps its previous data', async () => {
    const { store, count } = await b.fresh();
    const { wave } = await schoolWave(store);
    const first = await store.replaceWaveData({ waveId: wave.id, dataset: tinyDataset(), files: [], uploadedBy: null });
    const bad = tinyDataset(8);
    bad.people.push(bad.people[0]!); // duplicate primary key → the insert fails mid-transaction
    await expect(store.replaceWaveData({ waveId: wave.id, dataset: bad, files: [], uploadedBy: null })).rejects.toThrow();
    expect(await store.getWave(wave.id)).toMatchObject({ people: 6, ties: 5, dataHash: first.dataHash });
    expect((await store.loadWaveDataset(wave.id))!.people).toHaveLength(6);
    expect(await count('person')).toBe(6);
    expect(await count('tie')).toBe(5);
    // A cancel (the progress callback throws) also leaves the previous data in place.
    const big = tinyDataset(5000);
    await expect(
      store.replaceWaveData({
        waveId: wave.id,
        dataset: big,
        files: [],
        uploadedBy: null,
        onProgress: (done) => {
          if (done >= 2000 && done < 5004) throw new Error('cancelled');
        },
      }),
    ).rejects.toThrow();
    expect(await count('person')).toBe(6);
    // The store still works after a failed upload.
    expect((await store.replaceWaveData({ waveId: wave.id, dataset: tinyDataset(7), files: [], uploadedBy: null })).people).toBe(7);
  });

  it('an upload to a wave deleted meanwhile is refused with NOT_FOUND', async () => {
    const { store } = await b.fresh();
    const { wave } = await schoolWave(store);
    await store.deleteWave(wave.id);
    await expect(store.replaceWaveData({ waveId: wave.id, dataset: tinyDataset(), files: [], uploadedBy: null })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('deleting a wave removes its rows and its stored files; deleting a school its waves', async () => {
    const { store, dir, count } = await b.fresh();
    const { school, wave } = await schoolWave(store);
    const tmp = join(dir.tmpDir, 'upload');
    writeFileSync(tmp, 'id\nA\n');
    const stored = await storeFile(dir, tmp, school.id, wave.id);
    await store.replaceWaveData({
      waveId: wave.id,
      dataset: tinyDataset(),
      files: [{ kind: 'roster', originalName: 'roster.csv', storedPath: stored, bytes: 5, sha256: 'x', uploadedBy: null }],
      uploadedBy: null,
      reviewItems: [{ kind: 'name', status: 'unmatched', row: 2, column: 'advice', raw: 'Bob', candidates: [], resolution: null }],
    });
    await store.putCachedAnalysis('k1', wave.id, { a: 1 });
    expect(await store.listUploadFiles(wave.id)).toEqual([
      expect.objectContaining({ kind: 'roster', originalName: 'roster.csv', storedPath: stored, bytes: 5, sha256: 'x', waveId: wave.id }),
    ]);
    expect(existsSync(join(dir.root, stored))).toBe(true);
    await store.deleteWave(wave.id);
    expect(existsSync(join(dir.root, stored))).toBe(false);
    for (const t of ['person', 'tie', 'upload_file', 'review_item', 'analysis_cache', 'wave']) expect(await count(t)).toBe(0);
    expect(await store.getCachedAnalysis('k1')).toBeNull();
    const w2 = await store.createWave(school.id, '2026', '2026-03-01');
    await store.replaceWaveData({ waveId: w2.id, dataset: tinyDataset(), files: [], uploadedBy: null });
    await store.deleteSchool(school.id);
    expect(await store.getSchool(school.id)).toBeNull();
    expect(await store.getWave(w2.id)).toBeNull();
    expect(await count('person')).toBe(0);
    await expect(store.waveSecret(w2.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('keeps tenants apart: schools per organisation, waves per school, unique short names and labels', async () => {
    const { store } = await b.fresh();
    const a = await store.ensureOrganisation('District A');
    expect(await store.ensureOrganisation('District A')).toEqual(a);
    const other = await store.ensureOrganisation('District B');
    expect(await store.getOrganisation(other.id)).toEqual(other);
    expect(await store.getOrganisation('missing')).toBeNull();
    const s2 = await store.createSchool(a.id, 'west', 'West');
    const s1 = await store.createSchool(a.id, 'east', 'East');
    const sB = await store.createSchool(other.id, 'east', 'East'); // the same short name in another organisation
    await expect(store.createSchool(a.id, 'east', 'Another East')).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await store.listSchools(a.id)).map((s) => s.id)).toEqual([s1.id, s2.id]);
    expect((await store.listSchools(other.id)).map((s) => s.id)).toEqual([sB.id]);
    expect(await store.getSchool(s1.id)).toEqual(s1);
    const w1 = await store.createWave(s1.id, '2025', '2025-03-01');
    const w0 = await store.createWave(s1.id, '2024', null);
    await store.createWave(sB.id, '2025', null);
    await expect(store.createWave(s1.id, '2025', null)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await store.listWaves(s1.id)).map((w) => w.id)).toEqual([w0.id, w1.id]);
    expect(w1).toMatchObject({
      schoolId: s1.id,
      label: '2025',
      collectedOn: '2025-03-01',
      status: 'empty',
      people: 0,
      ties: 0,
      dataHash: null,
      completeness: null,
    });
    const secret = await store.waveSecret(w1.id);
    expect(secret).toBeInstanceOf(Buffer);
    expect(secret).toHaveLength(32);
    expect((await store.waveSecret(w1.id)).equals(secret)).toBe(true);
    expect((await store.waveSecret(w0.id)).equals(secret)).toBe(false);
  });

  it('review items: kept in order, decided one by one, a wave waiting for decisions needs review', async () => {
    const { store } = await b.fresh();
    const { wave } = await schoolWave(store);
    const w = await store.replaceWaveData({
      waveId: wave.id,
      dataset: tinyDataset(),
      files: [],
      uploadedBy: null,
      completeness: { answersRead: 10, answersUsed: 8 } as never,
      reviewItems: [
        {
          kind: 'name',
          status: 'ambiguous',
          row: 3,
          column: 'advice',
          raw: 'Sam',
          candidates: [{ id: 'T1', name: 'Teacher 1', score: 0.9 }],
          resolution: null,
          reason: 'two people',
        },
        {
          kind: 'column',
          status: 'decided',
          row: null,
          column: 'Q7',
          raw: 'Q7',
          candidates: [],
          resolution: { kind: 'tie', relation: 'advice', domain: 'any' },
        },
        { kind: 'respondent', status: 'unmatched', row: 9, column: null, raw: 'x@y', candidates: [], resolution: null },
      ],
    });
    expect(w.status).toBe('needs review');
    expect(w.completeness).toEqual({ answersRead: 10, answersUsed: 8 });
    const items = await store.listReviewItems(wave.id);
    expect(items.map((i) => i.raw)).toEqual(['Sam', 'Q7', 'x@y']);
    expect(items[0]).toMatchObject({ kind: 'name', status: 'ambiguous', row: 3, reason: 'two people', resolution: null, waveId: wave.id });
    expect(items[1]!.resolution).toEqual({ kind: 'tie', relation: 'advice', domain: 'any' });
    const decided = await store.resolveReviewItem(wave.id, items[0]!.id, 'T1');
    expect(decided).toMatchObject({ id: items[0]!.id, resolution: 'T1' });
    const { school: otherSchool } = await schoolWave(store, 'south');
    const otherWave = await store.createWave(otherSchool.id, '2026', null);
    expect(await store.resolveReviewItem(otherWave.id, items[0]!.id, 'T2')).toBeNull(); // another wave's item
    expect(await store.resolveReviewItem(wave.id, 'missing', 'T2')).toBeNull();
    expect(await store.getWaveMapping(wave.id)).toBeNull();
    await store.setWaveMapping(wave.id, { names: { Sam: 'T1' } });
    expect(await store.getWaveMapping(wave.id)).toEqual({ names: { Sam: 'T1' } });
    await store.setWaveMapping(wave.id, null);
    expect(await store.getWaveMapping(wave.id)).toBeNull();
  });

  it('caches analyses per key and drops them with a new upload', async () => {
    const { store } = await b.fresh();
    const { wave } = await schoolWave(store);
    await store.replaceWaveData({ waveId: wave.id, dataset: tinyDataset(), files: [], uploadedBy: null });
    expect(await store.getCachedAnalysis('k')).toBeNull();
    await store.putCachedAnalysis('k', wave.id, { z: 1, a: [1.5, 'x'] });
    await store.putCachedAnalysis('k', wave.id, { z: 2, a: [] });
    expect(await store.getCachedAnalysis('k')).toEqual({ z: 2, a: [] });
    await store.putCachedAnalysis('gone', 'no-such-wave', { z: 3 });
    expect(await store.getCachedAnalysis('gone')).toBeNull();
    await store.replaceWaveData({ waveId: wave.id, dataset: tinyDataset(), files: [], uploadedBy: null });
    expect(await store.getCachedAnalysis('k')).toBeNull();
  });

  it('accounts: user names unique ignoring ASCII case, schools of the organisation only, updates, deletion', async () => {
    const { store } = await b.fresh();
    const { org, school } = await schoolWave(store);
    expect(await store.countAccounts()).toBe(0);
    const ann = await store.createAccount(org.id, 'Ann', 'analyst', 'hash1', [school.id, 'no-such-school'], true);
    expect(ann).toMatchObject({
      organisationId: org.id,
      username: 'Ann',
      role: 'analyst',
      schoolIds: [school.id],
      mustChangePassword: true,
    });
    await expect(store.createAccount(org.id, 'ANN', 'viewer', 'h', [], false)).rejects.toMatchObject({ code: 'CONFLICT' });
    const zed = await store.createAccount(org.id, 'zed', 'admin', 'hash2', [], false);
    await store.createAccount(org.id, 'Émile', 'viewer', 'hash3', [], false);
    await store.createAccount(org.id, 'émile', 'viewer', 'hash4', [], false); // NOCASE folds ASCII only
    expect((await store.listAccounts(org.id)).map((a) => a.username)).toEqual(['Ann', 'zed', 'Émile', 'émile']);
    expect(await store.countAccounts()).toBe(4);
    const found = await store.findAccountSecret('aNN');
    expect(found).toEqual({ account: ann, passwordHash: 'hash1' });
    expect(await store.findAccountSecret('nobody')).toBeNull();
    const updated = await store.updateAccount(ann.id, { role: 'viewer', schoolIds: [], passwordHash: 'new', mustChangePassword: false });
    expect(updated).toMatchObject({ role: 'viewer', schoolIds: [], mustChangePassword: false });
    expect((await store.findAccountSecret('ann'))!.passwordHash).toBe('new');
    expect(await store.updateAccount('missing', { role: 'admin' })).toBeNull();
    // One school of a district record: kept per school, kept when other schools change, replaced when given.
    const other = await store.createSchool(org.id, 'other-record', 'Other record');
    const scoped = await store.createAccount(org.id, 'cedar', 'analyst', 'h', [school.id, other.id], false, {
      [school.id]: 'Cedar Ridge K-8',
    });
    expect(scoped.units).toEqual({ [school.id]: 'Cedar Ridge K-8' });
    expect((await store.getAccount(scoped.id))!.units).toEqual({ [school.id]: 'Cedar Ridge K-8' });
    expect((await store.updateAccount(scoped.id, { schoolIds: [school.id] }))!.units).toEqual({ [school.id]: 'Cedar Ridge K-8' });
    expect((await store.updateAccount(scoped.id, { schoolIds: [other.id] }))!.units).toEqual({});
    expect(
      (await store.updateAccount(scoped.id, { schoolIds: [school.id, other.id], units: { [other.id]: 'Fox Hollow' } }))!,
    ).toMatchObject({
      schoolIds: [school.id, other.id].sort(),
      units: { [other.id]: 'Fox Hollow' },
    });
    expect((await store.updateAccount(scoped.id, { units: {} }))!.units).toEqual({});
    expect(updated!.units).toEqual({});
    await store.createSession({ id: 's1', accountId: zed.id, createdAt: 1_700_000_000_000, lastSeenAt: 1_700_000_000_001 });
    await store.createSession({ id: 's2', accountId: zed.id, createdAt: 1, lastSeenAt: 2 });
    await store.touchSession('s1', 1_800_000_000_000);
    expect(await store.getSession('s1')).toEqual({
      id: 's1',
      accountId: zed.id,
      createdAt: 1_700_000_000_000,
      lastSeenAt: 1_800_000_000_000,
    });
    await store.deleteSession('s2');
    expect(await store.getSession('s2')).toBeNull();
    await store.deleteSessionsOf(zed.id);
    expect(await store.getSession('s1')).toBeNull();
    await store.createSession({ id: 's3', accountId: zed.id, createdAt: 1, lastSeenAt: 2 });
    await store.deleteAccount(zed.id);
    expect(await store.getAccount(zed.id)).toBeNull();
    expect(await store.getSession('s3')).toBeNull();
    await store.deleteSchool(school.id);
    expect((await store.getAccount(ann.id))!.schoolIds).toEqual([]);
  });

  it('audit log: newest first, per organisation, limited', async () => {
    const { store } = await b.fresh();
    const a = await store.ensureOrganisation('A');
    const other = await store.ensureOrganisation('B');
    await store.appendAudit([]);
    await store.appendAudit(
      Array.from({ length: 5 }, (_, i) => ({
        at: `2025-01-0${i + 1}T00:00:00Z`,
        organisationId: i === 2 ? other.id : a.id,
        accountId: null,
        action: `act${i}`,
        target: `wave:${i}`,
        detail: i === 0 ? 'first' : null,
      })),
    );
    expect((await store.listAudit(a.id, 10)).map((e) => e.action)).toEqual(['act4', 'act3', 'act1', 'act0']);
    expect((await store.listAudit(a.id, 2)).map((e) => e.action)).toEqual(['act4', 'act3']);
    expect(await store.listAudit(other.id, 10)).toEqual([
      { at: '2025-01-03T00:00:00Z', organisationId: other.id, accountId: null, action: 'act2', target: 'wave:2', detail: null },
    ]);
  });

  it('audit log filters: by account, by action, by time (since included, until excluded), together', async () => {
    const { store } = await b.fresh();
    const a = await store.ensureOrganisation('A');
    await store.appendAudit(
      Array.from({ length: 6 }, (_, i) => ({
        at: `2025-01-0${i + 1}T12:00:00.000Z`,
        organisationId: a.id,
        accountId: i % 2 ? 'acc-odd' : 'acc-even',
        action: i < 3 ? 'view' : 'upload',
        target: `wave:${i}`,
        detail: null,
      })),
    );
    const targets = async (f: Parameters<Store['listAudit']>[2]) => (await store.listAudit(a.id, 10, f)).map((e) => e.target);
    expect(await targets({ accountId: 'acc-odd' })).toEqual(['wave:5', 'wave:3', 'wave:1']);
    expect(await targets({ action: 'view' })).toEqual(['wave:2', 'wave:1', 'wave:0']);
    expect(await targets({ since: '2025-01-03T00:00:00.000Z', until: '2025-01-05T00:00:00.000Z' })).toEqual(['wave:3', 'wave:2']);
    expect(await targets({ accountId: 'acc-even', action: 'upload', since: '2025-01-01T00:00:00.000Z' })).toEqual(['wave:4']);
    expect(await targets({ accountId: 'nobody' })).toEqual([]);
    expect(await targets({})).toHaveLength(6);
    expect((await store.listAudit(a.id, 1, { action: 'upload' })).map((e) => e.target)).toEqual(['wave:5']);
  });

  it('schools: demo ones are marked, a rename keeps the slug, an unknown school renames to null', async () => {
    const { store } = await b.fresh();
    const o = await store.ensureOrganisation('District');
    const demo = await store.createSchool(o.id, 'highland', 'Highland High', { demo: true });
    const real = await store.createSchool(o.id, 'north', 'North High');
    expect([demo.demo, real.demo]).toEqual([true, false]);
    expect((await store.getSchool(demo.id))!.demo).toBe(true);
    expect((await store.listSchools(o.id)).map((s) => [s.slug, s.demo])).toEqual([
      ['highland', true],
      ['north', false],
    ]);
    const renamed = await store.renameSchool(real.id, 'North High School');
    expect(renamed).toEqual({ ...real, name: 'North High School' });
    expect(await store.getSchool(real.id)).toEqual(renamed);
    expect(await store.renameSchool('no-such-school', 'x')).toBeNull();
  });

  it('concurrent uploads to one wave: each is all or nothing, the last commit wins', async () => {
    const { store } = await b.fresh();
    const { wave } = await schoolWave(store);
    const sizes = [40, 50, 60];
    const results = await Promise.all(
      sizes.map((n) => store.replaceWaveData({ waveId: wave.id, dataset: tinyDataset(n), files: [], uploadedBy: null })),
    );
    const final = (await store.getWave(wave.id))!;
    expect(sizes).toContain(final.people);
    expect(results.map((r) => r.dataHash)).toContain(final.dataHash);
    const back = await store.loadWaveDataset(wave.id);
    expect(back!.people).toHaveLength(final.people);
    expect(back!.ties).toHaveLength(final.people - 1);
  });

  it('sweeps upload files that no committed row references when opened with sweepOrphans', async () => {
    const { store, location, dir } = await b.fresh();
    const { school, wave } = await schoolWave(store);
    const tmp = join(dir.tmpDir, 'upload');
    writeFileSync(tmp, 'id\nA\n');
    const kept = await storeFile(dir, tmp, school.id, wave.id);
    await store.replaceWaveData({
      waveId: wave.id,
      dataset: tinyDataset(),
      files: [{ kind: 'roster', originalName: 'r.csv', storedPath: kept, bytes: 5, sha256: 'x', uploadedBy: null }],
      uploadedBy: null,
    });
    const orphanDir = join(dir.filesDir, 'abc', 'def');
    mkdirSync(orphanDir, { recursive: true });
    writeFileSync(join(orphanDir, 'leftover'), 'x');
    writeFileSync(join(dir.tmpDir, 'partial'), 'x');
    const again = await b.reopen(location, { sweepOrphans: true });
    expect(again.store.kind).toBe(kind);
    expect(readdirSync(orphanDir)).toHaveLength(0);
    expect(existsSync(join(dir.root, kept))).toBe(true);
    expect((await again.store.getWave(wave.id))!.people).toBe(6);
  });
});
