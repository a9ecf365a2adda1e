/* eslint-disable @typescript-eslint/require-await -- the Store interface is asynchronous for every back end; better-sqlite3 answers synchronously, so these methods are async without awaiting */
import { randomBytes } from 'node:crypto';
import { LeadmapError } from '../../model/errors.js';
import type { Dataset, Person } from '../../model/types.js';
import {
  type Account,
  type AccountSecret,
  type AccountPatch,
  type AuditEntry,
  type AuditFilter,
  type IntegrityReport,
  type Organisation,
  type StoredReviewItem,
  type Role,
  type School,
  type SessionRecord,
  type Store,
  type UploadFileRecord,
  type WaveDataInput,
  type WaveRecord,
} from '../store.js';
import { type DataDir, removeWaveFolder, sweepOrphans } from '../files.js';
import { newId } from '../ids.js';
import { type Db, integrityMessages, openDatabase } from './open.js';
import { withBusyRetry } from './retry.js';
import {
  type AccountRow,
  type AuditRow,
  type SchoolRow,
  type WaveRow,
  toAccount,
  patchedSchools,
  toAudit,
  toSchool,
  toWave,
  WAVE_COLUMNS,
  resolutionOf,
  resolutionText,
  auditWhere,
} from '../rows.js';
import { loadWaveDatasetSync, loadWavePeopleSync, replaceWaveDataSync } from './wave-data.js';

export interface SqliteStoreOptions {
  /** Short busy timeout + async retry on the server; a long one in an ingest worker. */
  busyTimeoutMs?: number;
  checkIntegrity?: boolean;
  /** Delete stored files no row references and clear tmp/ (the server does this once on start). */
  sweepOrphans?: boolean;
}

/** The embedded default store: one SQLite file plus original uploads under the data directory. */
export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly db: Db;
  readonly orphansRemoved: number;

  constructor(
    readonly dir: DataDir,
    options: SqliteStoreOptions = {},
  ) {
    this.db = openDatabase(dir.dbFile, { busyTimeoutMs: options.busyTimeoutMs, checkIntegrity: options.checkIntegrity });
    this.db.pragma('secure_delete = ON');
    this.orphansRemoved = options.sweepOrphans
      ? sweepOrphans(
          dir,
          new Set((this.db.prepare('SELECT stored_path FROM upload_file').all() as { stored_path: string }[]).map((r) => r.stored_path)),
        )
      : 0;
  }

  private run<T>(op: () => T): Promise<T> {
    return withBusyRetry(op);
  }

  async close(): Promise<void> {
    this.db.close();
  }
  async integrityCheck(): Promise<IntegrityReport> {
    const messages = integrityMessages(this.db);
    return { ok: messages.length === 0, messages };
  }

  // ── tenancy ────────────────────────────────────────────────────────────
  ensureOrganisation(name: string): Promise<Organisation> {
    return this.run(() => {
      const found = this.db.prepare('SELECT id, name, created_at FROM organisation WHERE name = ?').get(name) as
        { id: string; name: string; created_at: string } | undefined;
      if (found) return { id: found.id, name: found.name, createdAt: found.created_at };
      const org = { id: newId(), name, createdAt: new Date().toISOString() };
      this.db.prepare('INSERT INTO organisation (id, name, created_at) VALUES (?, ?, ?)').run(org.id, org.name, org.createdAt);
      return org;
    });
  }
  async getOrganisation(id: string): Promise<Organisation | null> {
    const r = this.db.prepare('SELECT id, name, created_at FROM organisation WHERE id = ?').get(id) as
      { id: string; name: string; created_at: string } | undefined;
    return r ? { id: r.id, name: r.name, createdAt: r.created_at } : null;
  }
  async listSchools(organisationId: string): Promise<School[]> {
    return (this.db.prepare('SELECT * FROM school WHERE organisation_id = ? ORDER BY name, id').all(organisationId) as SchoolRow[]).map(
      toSchool,
    );
  }
  async getSchool(id: string): Promise<School | null> {
    const r = this.db.prepare('SELECT * FROM school WHERE id = ?').get(id) as SchoolRow | undefined;
    return r ? toSchool(r) : null;
  }
  createSchool(organisationId: string, slug: string, name: string, opts: { demo?: boolean } = {}): Promise<School> {
    return this.run(() => {
      if (this.db.prepare('SELECT 1 FROM school WHERE organisation_id = ? AND slug = ?').get(organisationId, slug)) {
        throw new LeadmapError('CONFLICT', `a school with the short name "${slug}" already exists`);
      }
      const s: School = { id: newId(), organisationId, slug, name, createdAt: new Date().toISOString(), demo: opts.demo === true };
      this.db
        .prepare('INSERT INTO school (id, organisation_id, slug, name, created_at, demo) VALUES (?, ?, ?, ?, ?, ?)')
        .run(s.id, organisationId, slug, name, s.createdAt, s.demo ? 1 : 0);
      return s;
    });
  }
  async renameSchool(id: string, name: string): Promise<School | null> {
    await this.run(() => this.db.prepare('UPDATE school SET name = ? WHERE id = ?').run(name, id));
    return this.getSchool(id);
  }
  async deleteSchool(id: string): Promise<void> {
    await this.run(() => this.db.prepare('DELETE FROM school WHERE id = ?').run(id));
    removeWaveFolder(this.dir, id);
    await this.checkpoint();
  }

  // ── waves ──────────────────────────────────────────────────────────────
  async listWaves(schoolId: string): Promise<WaveRecord[]> {
    return (this.db.prepare(`SELECT ${WAVE_COLUMNS} FROM wave WHERE school_id = ? ORDER BY label, id`).all(schoolId) as WaveRow[]).map(
      toWave,
    );
  }
  async getWave(id: string): Promise<WaveRecord | null> {
    const r = this.db.prepare(`SELECT ${WAVE_COLUMNS} FROM wave WHERE id = ?`).get(id) as WaveRow | undefined;
    return r ? toWave(r) : null;
  }
  createWave(schoolId: string, label: string, collectedOn: string | null): Promise<WaveRecord> {
    return this.run(() => {
      if (this.db.prepare('SELECT 1 FROM wave WHERE school_id = ? AND label = ?').get(schoolId, label)) {
        throw new LeadmapError('CONFLICT', `this school already has a wave labelled "${label}"`);
      }
      const id = newId();
      this.db
        .prepare(`INSERT INTO wave (id, school_id, label, collected_on, created_at, status, secret) VALUES (?, ?, ?, ?, ?, 'empty', ?)`)
        .run(id, schoolId, label, collectedOn, new Date().toISOString(), randomBytes(32));
      return toWave(this.db.prepare(`SELECT ${WAVE_COLUMNS} FROM wave WHERE id = ?`).get(id) as WaveRow);
    });
  }
  async deleteWave(id: string): Promise<void> {
    const w = await this.getWave(id);
    if (!w) return;
    await this.run(() => this.db.prepare('DELETE FROM wave WHERE id = ?').run(id));
    removeWaveFolder(this.dir, w.schoolId, id);
    await this.checkpoint();
  }
  async waveSecret(id: string): Promise<Buffer> {
    const r = this.db.prepare('SELECT secret FROM wave WHERE id = ?').get(id) as { secret: Buffer } | undefined;
    if (!r) throw new LeadmapError('NOT_FOUND', 'no such wave');
    return r.secret;
  }
  async replaceWaveData(input: WaveDataInput): Promise<WaveRecord> {
    await this.run(() => replaceWaveDataSync(this.db, input));
    return (await this.getWave(input.waveId))!;
  }
  async loadWaveDataset(waveId: string): Promise<Dataset | null> {
    return this.run(() => loadWaveDatasetSync(this.db, waveId));
  }
  async loadWavePeople(waveId: string): Promise<Person[] | null> {
    return this.run(() => loadWavePeopleSync(this.db, waveId));
  }
  async loadWaveResponses(waveId: string): Promise<Array<{ personId: string; answers: unknown }>> {
    const rows = this.db.prepare('SELECT person_id, answers_json FROM response WHERE wave_id = ? ORDER BY person_id').all(waveId) as Array<{
      person_id: string;
      answers_json: string;
    }>;
    return rows.map((r) => ({ personId: r.person_id, answers: JSON.parse(r.answers_json) as unknown }));
  }
  async listUploadFiles(waveId: string): Promise<UploadFileRecord[]> {
    const rows = this.db.prepare('SELECT * FROM upload_file WHERE wave_id = ? ORDER BY created_at, kind').all(waveId) as Record<
      string,
      unknown
    >[];
    return rows.map((r) => ({
      id: r.id as string,
      waveId: r.wave_id as string,
      kind: r.kind as string,
      originalName: r.original_name as string,
      storedPath: r.stored_path as string,
      bytes: r.bytes as number,
      sha256: r.sha256 as string,
      createdAt: r.created_at as string,
      uploadedBy: (r.uploaded_by as string | null) ?? null,
    }));
  }
  async getWaveMapping(waveId: string): Promise<unknown> {
    const r = this.db.prepare('SELECT mapping_json FROM wave WHERE id = ?').get(waveId) as { mapping_json: string | null } | undefined;
    return r?.mapping_json ? (JSON.parse(r.mapping_json) as unknown) : null;
  }
  async setWaveMapping(waveId: string, mapping: unknown): Promise<void> {
    await this.run(() =>
      this.db.prepare('UPDATE wave SET mapping_json = ? WHERE id = ?').run(mapping === null ? null : JSON.stringify(mapping), waveId),
    );
  }
  async listReviewItems(waveId: string): Promise<StoredReviewItem[]> {
    const rows = this.db.prepare('SELECT * FROM review_item WHERE wave_id = ? ORDER BY rowid').all(waveId) as {
      id: string;
      wave_id: string;
      raw: string;
      candidates_json: string;
      resolution: string | null;
    }[];
    return rows.map((r) => {
      const d = JSON.parse(r.candidates_json) as Omit<StoredReviewItem, 'id' | 'waveId' | 'raw' | 'resolution'>;
      return { ...d, id: r.id, waveId: r.wave_id, raw: r.raw, resolution: resolutionOf(r.resolution, d.kind) };
    });
  }
  async resolveReviewItem(waveId: string, itemId: string, resolution: StoredReviewItem['resolution']): Promise<StoredReviewItem | null> {
    const changed = await this.run(
      () =>
        this.db
          .prepare('UPDATE review_item SET resolution = ? WHERE id = ? AND wave_id = ?')
          .run(resolutionText(resolution), itemId, waveId).changes,
    );
    if (changed === 0) return null;
    return (await this.listReviewItems(waveId)).find((r) => r.id === itemId) ?? null;
  }

  // ── analyses ───────────────────────────────────────────────────────────
  async getCachedAnalysis(key: string): Promise<unknown> {
    const r = this.db.prepare('SELECT value_json FROM analysis_cache WHERE key = ?').get(key) as { value_json: string } | undefined;
    return r ? JSON.parse(r.value_json) : null;
  }
  async putCachedAnalysis(key: string, waveId: string, value: unknown): Promise<void> {
    await this.run(() =>
      this.db
        .prepare('INSERT OR REPLACE INTO analysis_cache (key, wave_id, value_json, created_at) SELECT ?, id, ?, ? FROM wave WHERE id = ?')
        .run(key, JSON.stringify(value), new Date().toISOString(), waveId),
    );
  }

  // ── accounts, sessions, audit ──────────────────────────────────────────
  createAccount(
    organisationId: string,
    username: string,
    role: Role,
    passwordHash: string,
    schoolIds: string[],
    mustChange: boolean,
    units: Record<string, string> = {},
  ): Promise<Account> {
    return this.run(() =>
      this.db
        .transaction(() => {
          if (this.db.prepare('SELECT 1 FROM account WHERE username = ?').get(username)) {
            throw new LeadmapError('CONFLICT', 'that user name is taken');
          }
          const id = newId();
          this.db
            .prepare(
              'INSERT INTO account (id, organisation_id, username, role, password_hash, must_change_password, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
            )
            .run(id, organisationId, username, role, passwordHash, mustChange ? 1 : 0, new Date().toISOString());
          this.setSchools(id, schoolIds, units);
          return this.accountSync(id)!;
        })
        .immediate(),
    );
  }
  async listAccounts(organisationId: string): Promise<Account[]> {
    const ids = this.db.prepare('SELECT id FROM account WHERE organisation_id = ? ORDER BY username').all(organisationId) as {
      id: string;
    }[];
    return ids.map((r) => this.accountSync(r.id)!);
  }
  async getAccount(id: string): Promise<Account | null> {
    return this.accountSync(id);
  }
  async findAccountSecret(username: string): Promise<AccountSecret | null> {
    const r = this.db.prepare('SELECT * FROM account WHERE username = ?').get(username) as AccountRow | undefined;
    return r ? { account: this.accountSync(r.id)!, passwordHash: r.password_hash } : null;
  }
  updateAccount(id: string, patch: AccountPatch): Promise<Account | null> {
    return this.run(() =>
      this.db
        .transaction(() => {
          const current = this.accountSync(id);
          if (!current) return null;
          if (patch.role) this.db.prepare('UPDATE account SET role = ? WHERE id = ?').run(patch.role, id);
          if (patch.passwordHash) this.db.prepare('UPDATE account SET password_hash = ? WHERE id = ?').run(patch.passwordHash, id);
          if (patch.mustChangePassword !== undefined)
            this.db.prepare('UPDATE account SET must_change_password = ? WHERE id = ?').run(patch.mustChangePassword ? 1 : 0, id);
          if (patch.schoolIds || patch.units) {
            const { schoolIds, units } = patchedSchools(current, patch);
            this.setSchools(id, schoolIds, units);
          }
          return this.accountSync(id);
        })
        .immediate(),
    );
  }
  async deleteAccount(id: string): Promise<void> {
    await this.run(() => this.db.prepare('DELETE FROM account WHERE id = ?').run(id));
  }
  async countAccounts(): Promise<number> {
    return (this.db.prepare('SELECT count(*) AS n FROM account').get() as { n: number }).n;
  }

  async createSession(s: SessionRecord): Promise<void> {
    await this.run(() =>
      this.db
        .prepare('INSERT INTO session (id, account_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)')
        .run(s.id, s.accountId, s.createdAt, s.lastSeenAt),
    );
  }
  async getSession(id: string): Promise<SessionRecord | null> {
    const r = this.db.prepare('SELECT * FROM session WHERE id = ?').get(id) as
      { id: string; account_id: string; created_at: number; last_seen_at: number } | undefined;
    return r ? { id: r.id, accountId: r.account_id, createdAt: r.created_at, lastSeenAt: r.last_seen_at } : null;
  }
  async touchSession(id: string, at: number): Promise<void> {
    await this.run(() => this.db.prepare('UPDATE session SET last_seen_at = ? WHERE id = ?').run(at, id));
  }
  async deleteSession(id: string): Promise<void> {
    await this.run(() => this.db.prepare('DELETE FROM session WHERE id = ?').run(id));
  }
  async deleteSessionsOf(accountId: string): Promise<void> {
    await this.run(() => this.db.prepare('DELETE FROM session WHERE account_id = ?').run(accountId));
  }

  async appendAudit(entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const ins = this.db.prepare(
      'INSERT INTO audit_log (at, organisation_id, account_id, action, target, detail) VALUES (?, ?, ?, ?, ?, ?)',
    );
    await this.run(() =>
      this.db.transaction(() => {
        for (const e of entries) ins.run(e.at, e.organisationId, e.accountId, e.action, e.target, e.detail);
      })(),
    );
  }
  async listAudit(organisationId: string, limit: number, filter: AuditFilter = {}): Promise<AuditEntry[]> {
    const where = auditWhere(filter, () => '?', 0);
    return (
      this.db
        .prepare(`SELECT * FROM audit_log WHERE organisation_id = ?${where.sql} ORDER BY seq DESC LIMIT ?`)
        .all(organisationId, ...where.values, limit) as AuditRow[]
    ).map(toAudit);
  }

  private accountSync(id: string): Account | null {
    const r = this.db.prepare('SELECT * FROM account WHERE id = ?').get(id) as AccountRow | undefined;
    if (!r) return null;
    const schools = this.db.prepare('SELECT school_id, unit FROM account_school WHERE account_id = ? ORDER BY school_id').all(id) as {
      school_id: string;
      unit: string | null;
    }[];
    return toAccount(r, schools);
  }
  private setSchools(accountId: string, schoolIds: string[], units: Record<string, string>): void {
    this.db.prepare('DELETE FROM account_school WHERE account_id = ?').run(accountId);
    const ins = this.db.prepare(
      'INSERT OR IGNORE INTO account_school (account_id, school_id, unit) SELECT ?, id, ? FROM school WHERE id = ?',
    );
    for (const s of schoolIds) ins.run(accountId, Object.hasOwn(units, s) ? units[s]! : null, s);
  }
  /** After a deletion: move the WAL into the main file so deleted rows do not linger in it. */
  private async checkpoint(): Promise<void> {
    try {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      /* readers active: the next checkpoint will do it */
    }
  }
}
