/**
 * The store interface: every read and write of persistent data goes through it.
 * Methods are async so a PostgreSQL implementation can follow without touching
 * callers. The embedded default is SQLite (src/store/sqlite/).
 *
 * Tenancy: an organisation (district) holds schools; a school holds waves; a
 * wave holds one current dataset (people, ties, respondents) that an upload
 * replaces atomically. Every method that returns school data takes ids only;
 * access control is the caller's (src/server/access.ts) job.
 */
import type { Completeness } from '../model/completeness.js';
import type { Dataset, Person, Tie } from '../model/types.js';

export type Role = 'admin' | 'analyst' | 'viewer';
export const ROLES: readonly Role[] = ['admin', 'analyst', 'viewer'];

export interface Organisation {
  id: string;
  name: string;
  createdAt: string;
}
export interface School {
  id: string;
  organisationId: string;
  slug: string;
  name: string;
  createdAt: string;
  /** Loaded from the demo fixtures at the first start (labelled "demo" in the app, removable like any school). */
  demo: boolean;
}
/** empty: no data; needs review: data stored, but something read waits for a person's decision; ready: complete. */
export type WaveStatus = 'empty' | 'needs review' | 'ready';
export interface WaveRecord {
  id: string;
  schoolId: string;
  label: string;
  collectedOn: string | null;
  status: WaveStatus;
  createdAt: string;
  /** Counts of the current dataset (0 when empty). */
  people: number;
  ties: number;
  /** Hash of the stored dataset, the key of cached analyses. Null when empty. */
  dataHash: string | null;
  /** What share of the answers read is in the stored results (null for waves stored before it was kept). */
  completeness: Completeness | null;
}
export interface UploadFileRecord {
  id: string;
  waveId: string;
  /** roster | ties | respondents | survey */
  kind: string;
  originalName: string;
  /** Path relative to the data directory. */
  storedPath: string;
  bytes: number;
  sha256: string;
  createdAt: string;
  uploadedBy: string | null;
}
export interface Account {
  id: string;
  organisationId: string;
  username: string;
  role: Role;
  /** Schools an analyst or viewer may see; admins see every school of their organisation. */
  schoolIds: string[];
  /**
   * Schools of `schoolIds` that are district records this account sees one school of: school id → the
   * value of the roster's `school` column (a school analyst or viewer within a district). Every view of
   * such a record is computed on that school's own people and the ties among them (schoolDataset);
   * uploads, review, stored files, the roster, the district view and the zip are refused (src/server/access.ts).
   */
  units: Record<string, string>;
  mustChangePassword: boolean;
  createdAt: string;
}
/**
 * A change to an account. `units` replaces the account's one-school scopes; without it, a change of
 * `schoolIds` keeps the scopes of the schools that stay.
 */
export interface AccountPatch {
  role?: Role;
  schoolIds?: string[];
  units?: Record<string, string>;
  passwordHash?: string;
  mustChangePassword?: boolean;
}
export interface AccountSecret {
  account: Account;
  passwordHash: string;
}
export interface SessionRecord {
  id: string;
  accountId: string;
  createdAt: number;
  lastSeenAt: number;
}
export interface AuditEntry {
  at: string;
  organisationId: string | null;
  accountId: string | null;
  action: string;
  /** What was touched, e.g. "wave:abc" — ids only, never names. */
  target: string;
  detail: string | null;
}
/** Something a person must decide after a survey import (which colleague a free-text name means …). */
export interface StoredReviewItem {
  id: string;
  waveId: string;
  /** name | respondent | column */
  kind: string;
  /** ambiguous | unmatched | formula | mapping needed | conflict | duplicate | decided (in the stored results) */
  status: string;
  row: number | null;
  column: string | null;
  /** Free-text answer as the respondent wrote it — personal data, never logged. */
  raw: string;
  candidates: Array<{ id: string; name: string; score: number }>;
  /**
   * The decision: a roster id, "ignore", "not on roster" (names, respondents; "keep" for a respondent), a question
   * mapping { kind, relation, domain } (columns), or null while undecided.
   */
  resolution: string | Record<string, unknown> | null;
  /** Why it needs a person, in plain words. */
  reason?: string;
  /** The key of the decision in the mapping file (answer text, respondent text or "row N", question header). */
  key?: string;
  /** Column items: the best reading (pre-fills the decision). */
  suggestion?: Record<string, unknown>;
  /** Column items naming several domains: exactly those domains and "any". */
  choices?: string[];
  /** Column items: answers waiting under the question. */
  answers?: number;
  /** Decided by the school's previous wave ("decided last year"): that wave's label. */
  carriedFrom?: string;
}

/** A dataset to store in a wave, with the files it was read from (already moved into the data dir). */
export interface WaveDataInput {
  waveId: string;
  dataset: Dataset;
  files: Omit<UploadFileRecord, 'id' | 'waveId' | 'createdAt'>[];
  /** Review items of the import; resolved ones from earlier imports are carried over. */
  reviewItems?: Omit<StoredReviewItem, 'id' | 'waveId'>[];
  uploadedBy: string | null;
  /** Answers read, used and set aside; absent for uploads that are not surveys (then every tie counts as used). */
  completeness?: Completeness;
  /** Survey answers that are not ties (Likert items, skills), per respondent id — personal data, never logged. */
  responses?: Array<{ personId: string; answers: unknown }>;
  /** Called every few thousand rows while storing (rows done, rows total). */
  onProgress?: (done: number, total: number) => void;
}

/** Which audit entries to list: by account, by action, by time (ISO instants, `until` exclusive). All optional. */
export interface AuditFilter {
  accountId?: string;
  action?: string;
  since?: string;
  until?: string;
}

export interface IntegrityReport {
  ok: boolean;
  messages: string[];
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  close(): Promise<void>;
  integrityCheck(): Promise<IntegrityReport>;

  ensureOrganisation(name: string): Promise<Organisation>;
  getOrganisation(id: string): Promise<Organisation | null>;

  listSchools(organisationId: string): Promise<School[]>;
  getSchool(id: string): Promise<School | null>;
  createSchool(organisationId: string, slug: string, name: string, opts?: { demo?: boolean }): Promise<School>;
  /** Gives the school a new display name (its slug stays); null when there is no such school. */
  renameSchool(id: string, name: string): Promise<School | null>;
  /** Deletes the school, its waves, their rows and their stored files. */
  deleteSchool(id: string): Promise<void>;

  listWaves(schoolId: string): Promise<WaveRecord[]>;
  getWave(id: string): Promise<WaveRecord | null>;
  createWave(schoolId: string, label: string, collectedOn: string | null): Promise<WaveRecord>;
  /** Deletes the wave, its rows and its stored files. */
  deleteWave(id: string): Promise<void>;
  /** Per-wave secret for pseudonyms (created with the wave, deleted with it). */
  waveSecret(id: string): Promise<Buffer>;

  /** Replaces a wave's dataset in one transaction (synchronous=FULL commit). */
  replaceWaveData(input: WaveDataInput): Promise<WaveRecord>;
  loadWaveDataset(waveId: string): Promise<Dataset | null>;
  /** The roster of a ready wave only (no ties): cheap enough for a request thread at district size. */
  loadWavePeople(waveId: string): Promise<Person[] | null>;
  /** Survey answers stored with the wave's dataset (empty for tie-list uploads). */
  loadWaveResponses(waveId: string): Promise<Array<{ personId: string; answers: unknown }>>;
  listUploadFiles(waveId: string): Promise<UploadFileRecord[]>;

  listReviewItems(waveId: string): Promise<StoredReviewItem[]>;
  resolveReviewItem(waveId: string, itemId: string, resolution: StoredReviewItem['resolution']): Promise<StoredReviewItem | null>;
  /** The mapping file uploaded for a wave (its decisions), or null. */
  getWaveMapping(waveId: string): Promise<unknown>;
  setWaveMapping(waveId: string, mapping: unknown): Promise<void>;

  /** The cached value, or null when there is none. */
  getCachedAnalysis(key: string): Promise<unknown>;
  putCachedAnalysis(key: string, waveId: string, value: unknown): Promise<void>;

  createAccount(
    organisationId: string,
    username: string,
    role: Role,
    passwordHash: string,
    schoolIds: string[],
    mustChangePassword: boolean,
    units?: Record<string, string>,
  ): Promise<Account>;
  listAccounts(organisationId: string): Promise<Account[]>;
  getAccount(id: string): Promise<Account | null>;
  findAccountSecret(username: string): Promise<AccountSecret | null>;
  updateAccount(id: string, patch: AccountPatch): Promise<Account | null>;
  deleteAccount(id: string): Promise<void>;
  countAccounts(): Promise<number>;

  createSession(session: SessionRecord): Promise<void>;
  getSession(id: string): Promise<SessionRecord | null>;
  touchSession(id: string, at: number): Promise<void>;
  deleteSession(id: string): Promise<void>;
  deleteSessionsOf(accountId: string): Promise<void>;

  appendAudit(entries: AuditEntry[]): Promise<void>;
  /** Newest first, at most `limit`, only those matching `filter`. */
  listAudit(organisationId: string, limit: number, filter?: AuditFilter): Promise<AuditEntry[]>;
}

export type { Person, Tie };
