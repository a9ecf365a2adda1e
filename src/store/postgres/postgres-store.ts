import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { LeadmapError } from '../../model/errors.js';
import type { Dataset, Person } from '../../model/types.js';
import { type DataDir, removeWaveFolder, sweepOrphans } from '../files.js';
import { newId } from '../ids.js';
import {
  type AccountRow,
  type AuditRow,
  type SchoolRow,
  type WaveRow,
  resolutionOf,
  resolutionText,
  toAccount,
  patchedSchools,
  toAudit,
  toSchool,
  toWave,
  WAVE_COLUMNS,
  auditWhere,
} from '../rows.js';
import type {
  Account,
  AccountPatch,
  AccountSecret,
  AuditEntry,
  AuditFilter,
  IntegrityReport,
  Organisation,
  StoredReviewItem,
  Role,
  School,
  SessionRecord,
  Store,
  UploadFileRecord,
  WaveDataInput,
  WaveRecord,
} from '../store.js';
import { inTransaction, isUniqueViolation, openPool, pgSchemaVersion, type PgOpenOptions } from './connect.js';
import { PG_MIGRATIONS } from './migrations.js';
import { loadWaveDatasetPg, loadWavePeoplePg, replaceWaveDataPg } from './wave-data.js';

export interface PostgresStoreOptions extends PgOpenOptions {
  /** Delete stored files no row references and clear tmp/ (the server does this once on start). */
  sweepOrphans?: boolean;
}

/** Byte order (UTF-8 code points), as SQLite's BINARY collation sorts: the same lists in the same order on both back ends. */
const C = 'COLLATE "C"';
/** User names match ignoring ASCII case, as SQLite's COLLATE NOCASE does (the unique index account_username). */
const USERNAME_KEY = `lower(username ${C})`;
/** A snapshot for multi-statement reads: an upload committing meanwhile is seen entirely or not at all. */
const SNAPSHOT = 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY';

/**
 * The store on PostgreSQL (DATABASE_URL=postgres://…) for districts and states: the same tables as
 * the SQLite store (src/store/postgres/migrations.ts), the same answers, any number of server and
 * worker processes on one database. Original uploads stay files under the data directory.
 */
export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  orphansRemoved = 0;

  private constructor(
    readonly pool: pg.Pool,
    readonly dir: DataDir,
  ) {}

  static async open(url: string, dir: DataDir, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const store = new PostgresStore(await openPool(url, options), dir);
    if (options.sweepOrphans) {
      const rows = await store.pool.query<{ stored_path: string }>('SELECT stored_path FROM upload_file');
      store.orphansRemoved = sweepOrphans(dir, new Set(rows.rows.map((r) => r.stored_path)));
    }
    return store;
  }

  private async one<T extends pg.QueryResultRow>(sql: string, values: unknown[]): Promise<T | null> {
    return (await this.pool.query<T>(sql, values)).rows[0] ?? null;
  }
  private async all<T extends pg.QueryResultRow>(sql: string, values: unknown[]): Promise<T[]> {
    return (await this.pool.query<T>(sql, values)).rows;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
  /** The database answers, its schema is the one this leadmap writes, and no row points at a missing parent. */
  async integrityCheck(): Promise<IntegrityReport> {
    const messages: string[] = [];
    const version = await pgSchemaVersion(this.pool);
    if (version !== PG_MIGRATIONS.length) messages.push(`schema version ${version}, expected ${PG_MIGRATIONS.length}`);
    const orphans = await this.one<{ n: number }>(
      `SELECT (SELECT count(*) FROM school s WHERE NOT EXISTS (SELECT 1 FROM organisation o WHERE o.id = s.organisation_id))
            + (SELECT count(*) FROM wave w WHERE NOT EXISTS (SELECT 1 FROM school s WHERE s.id = w.school_id)) AS n`,
      [],
    );
    if (orphans && orphans.n > 0) messages.push(`${orphans.n} rows refer to a missing organisation or school`);
    return { ok: messages.length === 0, messages };
  }

  // ── tenancy ────────────────────────────────────────────────────────────
  async ensureOrganisation(name: string): Promise<Organisation> {
    await this.pool.query('INSERT INTO organisation (id, name, created_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING', [
      newId(),
      name,
      new Date().toISOString(),
    ]);
    const r = (await this.one<{ id: string; name: string; created_at: string }>(
      'SELECT id, name, created_at FROM organisation WHERE name = $1',
      [name],
    ))!;
    return { id: r.id, name: r.name, createdAt: r.created_at };
  }
  async getOrganisation(id: string): Promise<Organisation | null> {
    const r = await this.one<{ id: string; name: string; created_at: string }>(
      'SELECT id, name, created_at FROM organisation WHERE id = $1',
      [id],
    );
    return r ? { id: r.id, name: r.name, createdAt: r.created_at } : null;
  }
  async listSchools(organisationId: string): Promise<School[]> {
    return (await this.all<SchoolRow>(`SELECT * FROM school WHERE organisation_id = $1 ORDER BY name ${C}, id ${C}`, [organisationId])).map(
      toSchool,
    );
  }
  async getSchool(id: string): Promise<School | null> {
    const r = await this.one<SchoolRow>('SELECT * FROM school WHERE id = $1', [id]);
    return r ? toSchool(r) : null;
  }
  async createSchool(organisationId: string, slug: string, name: string, opts: { demo?: boolean } = {}): Promise<School> {
    const s: School = { id: newId(), organisationId, slug, name, createdAt: new Date().toISOString(), demo: opts.demo === true };
    const r = await this.pool.query(
      `INSERT INTO school (id, organisation_id, slug, name, created_at, demo) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (organisation_id, slug) DO NOTHING`,
      [s.id, organisationId, slug, name, s.createdAt, s.demo ? 1 : 0],
    );
    if (r.rowCount === 0) throw new LeadmapError('CONFLICT', `a school with the short name "${slug}" already exists`);
    return s;
  }
  async renameSchool(id: string, name: string): Promise<School | null> {
    await this.pool.query('UPDATE school SET name = $1 WHERE id = $2', [name, id]);
    return this.getSchool(id);
  }
  async deleteSchool(id: string): Promise<void> {
    await this.pool.query('DELETE FROM school WHERE id = $1', [id]);
    removeWaveFolder(this.dir, id);
  }

  // ── waves ──────────────────────────────────────────────────────────────
  async listWaves(schoolId: string): Promise<WaveRecord[]> {
    return (await this.all<WaveRow>(`SELECT ${WAVE_COLUMNS} FROM wave WHERE school_id = $1 ORDER BY label ${C}, id ${C}`, [schoolId])).map(
      toWave,
    );
  }
  async getWave(id: string): Promise<WaveRecord | null> {
    const r = await this.one<WaveRow>(`SELECT ${WAVE_COLUMNS} FROM wave WHERE id = $1`, [id]);
    return r ? toWave(r) : null;
  }
  async createWave(schoolId: string, label: string, collectedOn: string | null): Promise<WaveRecord> {
    const r = await this.one<WaveRow>(
      `INSERT INTO wave (id, school_id, label, collected_on, created_at, status, secret) VALUES ($1, $2, $3, $4, $5, 'empty', $6)
       ON CONFLICT (school_id, label) DO NOTHING RETURNING ${WAVE_COLUMNS}`,
      [newId(), schoolId, label, collectedOn, new Date().toISOString(), randomBytes(32)],
    );
    if (!r) throw new LeadmapError('CONFLICT', `this school already has a wave labelled "${label}"`);
    return toWave(r);
  }
  async deleteWave(id: string): Promise<void> {
    const w = await this.getWave(id);
    if (!w) return;
    await this.pool.query('DELETE FROM wave WHERE id = $1', [id]);
    removeWaveFolder(this.dir, w.schoolId, id);
  }
  async waveSecret(id: string): Promise<Buffer> {
    const r = await this.one<{ secret: Buffer }>('SELECT secret FROM wave WHERE id = $1', [id]);
    if (!r) throw new LeadmapError('NOT_FOUND', 'no such wave');
    return r.secret;
  }
  async replaceWaveData(input: WaveDataInput): Promise<WaveRecord> {
    await inTransaction(this.pool, (client) => replaceWaveDataPg(client, input));
    return (await this.getWave(input.waveId))!;
  }
  async loadWaveDataset(waveId: string): Promise<Dataset | null> {
    return inTransaction(this.pool, (client) => loadWaveDatasetPg(client, waveId), SNAPSHOT);
  }
  async loadWavePeople(waveId: string): Promise<Person[] | null> {
    return inTransaction(this.pool, (client) => loadWavePeoplePg(client, waveId), SNAPSHOT);
  }
  async loadWaveResponses(waveId: string): Promise<Array<{ personId: string; answers: unknown }>> {
    const rows = await this.all<{ person_id: string; answers_json: string }>(
      `SELECT person_id, answers_json FROM response WHERE wave_id = $1 ORDER BY person_id ${C}`,
      [waveId],
    );
    return rows.map((r) => ({ personId: r.person_id, answers: JSON.parse(r.answers_json) as unknown }));
  }
  async listUploadFiles(waveId: string): Promise<UploadFileRecord[]> {
    const rows = await this.all<Record<string, unknown>>(
      `SELECT * FROM upload_file WHERE wave_id = $1 ORDER BY created_at ${C}, kind ${C}`,
      [waveId],
    );
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
    const r = await this.one<{ mapping_json: string | null }>('SELECT mapping_json FROM wave WHERE id = $1', [waveId]);
    return r?.mapping_json ? (JSON.parse(r.mapping_json) as unknown) : null;
  }
  async setWaveMapping(waveId: string, mapping: unknown): Promise<void> {
    await this.pool.query('UPDATE wave SET mapping_json = $1 WHERE id = $2', [mapping === null ? null : JSON.stringify(mapping), waveId]);
  }
  async listReviewItems(waveId: string): Promise<StoredReviewItem[]> {
    const rows = await this.all<{ id: string; wave_id: string; raw: string; candidates_json: string; resolution: string | null }>(
      'SELECT id, wave_id, raw, candidates_json, resolution FROM review_item WHERE wave_id = $1 ORDER BY seq',
      [waveId],
    );
    return rows.map((r) => {
      const d = JSON.parse(r.candidates_json) as Omit<StoredReviewItem, 'id' | 'waveId' | 'raw' | 'resolution'>;
      return { ...d, id: r.id, waveId: r.wave_id, raw: r.raw, resolution: resolutionOf(r.resolution, d.kind) };
    });
  }
  async resolveReviewItem(waveId: string, itemId: string, resolution: StoredReviewItem['resolution']): Promise<StoredReviewItem | null> {
    const r = await this.pool.query('UPDATE review_item SET resolution = $1 WHERE id = $2 AND wave_id = $3', [
      resolutionText(resolution),
      itemId,
      waveId,
    ]);
    if (r.rowCount === 0) return null;
    return (await this.listReviewItems(waveId)).find((x) => x.id === itemId) ?? null;
  }

  // ── analyses ───────────────────────────────────────────────────────────
  async getCachedAnalysis(key: string): Promise<unknown> {
    const r = await this.one<{ value_json: string }>('SELECT value_json FROM analysis_cache WHERE key = $1', [key]);
    return r ? JSON.parse(r.value_json) : null;
  }
  async putCachedAnalysis(key: string, waveId: string, value: unknown): Promise<void> {
    await this.pool.query(
      `INSERT INTO analysis_cache (key, wave_id, value_json, created_at) SELECT $1, id, $2, $3 FROM wave WHERE id = $4
       ON CONFLICT (key) DO UPDATE SET wave_id = excluded.wave_id, value_json = excluded.value_json, created_at = excluded.created_at`,
      [key, JSON.stringify(value), new Date().toISOString(), waveId],
    );
  }

  // ── accounts, sessions, audit ──────────────────────────────────────────
  async createAccount(
    organisationId: string,
    username: string,
    role: Role,
    passwordHash: string,
    schoolIds: string[],
    mustChange: boolean,
    units: Record<string, string> = {},
  ): Promise<Account> {
    try {
      return await inTransaction(this.pool, async (client) => {
        const id = newId();
        await client.query(
          `INSERT INTO account (id, organisation_id, username, role, password_hash, must_change_password, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [id, organisationId, username, role, passwordHash, mustChange ? 1 : 0, new Date().toISOString()],
        );
        await setSchools(client, id, schoolIds, units);
        return (await accountOf(client, id))!;
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new LeadmapError('CONFLICT', 'that user name is taken');
      throw err;
    }
  }
  async listAccounts(organisationId: string): Promise<Account[]> {
    const ids = await this.all<{ id: string }>(`SELECT id FROM account WHERE organisation_id = $1 ORDER BY ${USERNAME_KEY}, id`, [
      organisationId,
    ]);
    const out: Account[] = [];
    for (const r of ids) {
      const a = await accountOf(this.pool, r.id);
      if (a) out.push(a);
    }
    return out;
  }
  async getAccount(id: string): Promise<Account | null> {
    return accountOf(this.pool, id);
  }
  async findAccountSecret(username: string): Promise<AccountSecret | null> {
    const r = await this.one<AccountRow>(`SELECT * FROM account WHERE ${USERNAME_KEY} = lower($1 ${C})`, [username]);
    if (!r) return null;
    const account = await accountOf(this.pool, r.id);
    return account ? { account, passwordHash: r.password_hash } : null;
  }
  async updateAccount(id: string, patch: AccountPatch): Promise<Account | null> {
    return inTransaction(this.pool, async (client) => {
      const found = await client.query('SELECT 1 FROM account WHERE id = $1 FOR UPDATE', [id]);
      if (found.rowCount === 0) return null;
      const current = (await accountOf(client, id))!;
      if (patch.role) await client.query('UPDATE account SET role = $1 WHERE id = $2', [patch.role, id]);
      if (patch.passwordHash) await client.query('UPDATE account SET password_hash = $1 WHERE id = $2', [patch.passwordHash, id]);
      if (patch.mustChangePassword !== undefined)
        await client.query('UPDATE account SET must_change_password = $1 WHERE id = $2', [patch.mustChangePassword ? 1 : 0, id]);
      if (patch.schoolIds || patch.units) {
        const { schoolIds, units } = patchedSchools(current, patch);
        await setSchools(client, id, schoolIds, units);
      }
      return accountOf(client, id);
    });
  }
  async deleteAccount(id: string): Promise<void> {
    await this.pool.query('DELETE FROM account WHERE id = $1', [id]);
  }
  async countAccounts(): Promise<number> {
    return (await this.one<{ n: number }>('SELECT count(*) AS n FROM account', []))!.n;
  }

  async createSession(s: SessionRecord): Promise<void> {
    await this.pool.query('INSERT INTO session (id, account_id, created_at, last_seen_at) VALUES ($1, $2, $3, $4)', [
      s.id,
      s.accountId,
      s.createdAt,
      s.lastSeenAt,
    ]);
  }
  async getSession(id: string): Promise<SessionRecord | null> {
    const r = await this.one<{ id: string; account_id: string; created_at: number; last_seen_at: number }>(
      'SELECT * FROM session WHERE id = $1',
      [id],
    );
    return r ? { id: r.id, accountId: r.account_id, createdAt: r.created_at, lastSeenAt: r.last_seen_at } : null;
  }
  async touchSession(id: string, at: number): Promise<void> {
    await this.pool.query('UPDATE session SET last_seen_at = $1 WHERE id = $2', [at, id]);
  }
  async deleteSession(id: string): Promise<void> {
    await this.pool.query('DELETE FROM session WHERE id = $1', [id]);
  }
  async deleteSessionsOf(accountId: string): Promise<void> {
    await this.pool.query('DELETE FROM session WHERE account_id = $1', [accountId]);
  }

  async appendAudit(entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await inTransaction(this.pool, async (client) => {
      for (const e of entries)
        await client.query(
          'INSERT INTO audit_log (at, organisation_id, account_id, action, target, detail) VALUES ($1, $2, $3, $4, $5, $6)',
          [e.at, e.organisationId, e.accountId, e.action, e.target, e.detail],
        );
    });
  }
  async listAudit(organisationId: string, limit: number, filter: AuditFilter = {}): Promise<AuditEntry[]> {
    const where = auditWhere(filter, (i) => `$${i}`, 2);
    return (
      await this.all<AuditRow>(
        `SELECT at, organisation_id, account_id, action, target, detail FROM audit_log WHERE organisation_id = $1${where.sql} ORDER BY seq DESC LIMIT $${where.values.length + 2}`,
        [organisationId, ...where.values, limit],
      )
    ).map(toAudit);
  }
}

async function accountOf(db: pg.Pool | pg.PoolClient, id: string): Promise<Account | null> {
  const r = (await db.query<AccountRow>('SELECT * FROM account WHERE id = $1', [id])).rows[0];
  if (!r) return null;
  const schools = await db.query<{ school_id: string; unit: string | null }>(
    `SELECT school_id, unit FROM account_school WHERE account_id = $1 ORDER BY school_id ${C}`,
    [id],
  );
  return toAccount(r, schools.rows);
}

/** Replaces an account's schools; ids of schools that do not exist are skipped (as in SQLite). */
async function setSchools(client: pg.PoolClient, accountId: string, schoolIds: string[], units: Record<string, string>): Promise<void> {
  await client.query('DELETE FROM account_school WHERE account_id = $1', [accountId]);
  if (schoolIds.length === 0) return;
  await client.query(
    `INSERT INTO account_school (account_id, school_id, unit)
     SELECT $1, s.id, u.unit FROM school s LEFT JOIN jsonb_each_text($3::jsonb) AS u(school_id, unit) ON u.school_id = s.id
     WHERE s.id = ANY($2::text[]) ON CONFLICT DO NOTHING`,
    [accountId, schoolIds, JSON.stringify(units)],
  );
}
