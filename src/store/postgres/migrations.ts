/**
 * The numbered schema migrations of src/store/sqlite/migrations.ts, translated for PostgreSQL:
 * migration N here makes the same tables and columns as migration N there (BLOB → BYTEA, REAL →
 * DOUBLE PRECISION, INTEGER → BIGINT, COLLATE NOCASE → a unique index on lower(username COLLATE "C"), which folds ASCII letters only, as NOCASE does, rowid →
 * an identity column). JSON stays TEXT so values come back byte for byte as stored. The table
 * leadmap_schema holds the number of the last one applied (SQLite's PRAGMA user_version); each
 * runs in its own transaction. Never edit a released migration: add the next number on both back ends.
 */
export const PG_MIGRATIONS: readonly string[] = [
  // 1: tenancy, waves, uploads, data rows, analyses, accounts, sessions, audit
  `
  CREATE TABLE organisation (
    id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL
  );
  CREATE TABLE school (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
    slug TEXT NOT NULL, name TEXT NOT NULL, created_at TEXT NOT NULL,
    UNIQUE (organisation_id, slug)
  );
  CREATE TABLE wave (
    id TEXT PRIMARY KEY,
    school_id TEXT NOT NULL REFERENCES school(id) ON DELETE CASCADE,
    label TEXT NOT NULL, collected_on TEXT, created_at TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('empty','ready')),
    secret BYTEA NOT NULL,
    people_count BIGINT NOT NULL DEFAULT 0, tie_count BIGINT NOT NULL DEFAULT 0,
    data_hash TEXT, relations_json TEXT NOT NULL DEFAULT '[]', domains_json TEXT NOT NULL DEFAULT '[]',
    has_respondents BIGINT NOT NULL DEFAULT 0,
    UNIQUE (school_id, label)
  );
  CREATE TABLE upload_file (
    id TEXT PRIMARY KEY,
    wave_id TEXT NOT NULL REFERENCES wave(id) ON DELETE CASCADE,
    kind TEXT NOT NULL, original_name TEXT NOT NULL, stored_path TEXT NOT NULL UNIQUE,
    bytes BIGINT NOT NULL, sha256 TEXT NOT NULL, created_at TEXT NOT NULL, uploaded_by TEXT
  );
  CREATE INDEX upload_file_wave ON upload_file(wave_id);
  CREATE TABLE person (
    wave_id TEXT NOT NULL REFERENCES wave(id) ON DELETE CASCADE,
    ord BIGINT NOT NULL, id TEXT NOT NULL, data_json TEXT NOT NULL,
    PRIMARY KEY (wave_id, id)
  );
  CREATE TABLE tie (
    wave_id TEXT NOT NULL REFERENCES wave(id) ON DELETE CASCADE,
    ord BIGINT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL,
    relation TEXT NOT NULL, domain TEXT NOT NULL, weight DOUBLE PRECISION NOT NULL, count BIGINT NOT NULL,
    timestamp TEXT, wave_label TEXT
  );
  CREATE INDEX tie_wave ON tie(wave_id, ord);
  CREATE TABLE respondent (
    wave_id TEXT NOT NULL REFERENCES wave(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL, PRIMARY KEY (wave_id, person_id)
  );
  CREATE TABLE review_item (
    seq BIGINT GENERATED ALWAYS AS IDENTITY,
    id TEXT PRIMARY KEY,
    wave_id TEXT NOT NULL REFERENCES wave(id) ON DELETE CASCADE,
    raw TEXT NOT NULL, candidates_json TEXT NOT NULL, resolution TEXT
  );
  CREATE INDEX review_item_wave ON review_item(wave_id, seq);
  CREATE TABLE analysis_cache (
    key TEXT PRIMARY KEY,
    wave_id TEXT NOT NULL REFERENCES wave(id) ON DELETE CASCADE,
    value_json TEXT NOT NULL, created_at TEXT NOT NULL
  );
  CREATE INDEX analysis_cache_wave ON analysis_cache(wave_id);
  CREATE TABLE account (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
    username TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin','analyst','viewer')),
    password_hash TEXT NOT NULL, must_change_password BIGINT NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
  );
  CREATE UNIQUE INDEX account_username ON account (lower(username COLLATE "C"));
  CREATE TABLE account_school (
    account_id TEXT NOT NULL REFERENCES account(id) ON DELETE CASCADE,
    school_id TEXT NOT NULL REFERENCES school(id) ON DELETE CASCADE,
    PRIMARY KEY (account_id, school_id)
  );
  CREATE TABLE session (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES account(id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL, last_seen_at BIGINT NOT NULL
  );
  CREATE INDEX session_account ON session(account_id);
  CREATE TABLE audit_log (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at TEXT NOT NULL, organisation_id TEXT, account_id TEXT,
    action TEXT NOT NULL, target TEXT NOT NULL, detail TEXT
  );
  CREATE INDEX audit_org ON audit_log(organisation_id, seq);
  `,
  // 2: survey answers that are not ties (Likert items, skills inventory), per respondent
  `
  CREATE TABLE response (
    wave_id TEXT NOT NULL REFERENCES wave(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL,
    answers_json TEXT NOT NULL,
    PRIMARY KEY (wave_id, person_id)
  );
  `,
  // 3: survey completeness: review items still open (the wave "needs review"), answers read / used / set aside,
  //    and the mapping file uploaded for the wave
  `
  ALTER TABLE wave ADD COLUMN open_items BIGINT NOT NULL DEFAULT 0;
  ALTER TABLE wave ADD COLUMN completeness_json TEXT;
  ALTER TABLE wave ADD COLUMN mapping_json TEXT;
  `,
  // 4: demo schools (loaded from the fixtures at the first start) are labelled and can be told apart
  `
  ALTER TABLE school ADD COLUMN demo BIGINT NOT NULL DEFAULT 0;
  `,
  // 5: an account may see one school of a district record (the value of its roster's school column)
  `
  ALTER TABLE account_school ADD COLUMN unit TEXT;
  `,
];
