/**
 * Numbered schema migrations. PRAGMA user_version holds the number of the last
 * one applied; each runs in its own transaction. Never edit a released
 * migration: add the next number.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: tenancy, waves, uploads, data rows, analyses, accounts, sessions, audit
  `
  CREATE TABLE organisation (
    id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL
  ) STRICT;
  CREATE TABLE school (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
    slug TEXT NOT NULL, name TEXT NOT NULL, created_at TEXT NOT NULL,
    UNIQUE (organisation_id, slug)
  ) STRICT;
  CREATE TABLE wave (
    id TEXT PRIMARY KEY,
    school_id TEXT NOT NULL REFERENCES school(id) ON DELETE CASCADE,
    label TEXT NOT NULL, collected_on TEXT, created_at TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('empty','ready')),
    secret BLOB NOT NULL,
    people_count INTEGER NOT NULL DEFAULT 0, tie_count INTEGER NOT NULL DEFAULT 0,
    data_hash TEXT, relations_json TEXT NOT NULL DEFAULT '[]', domains_json TEXT NOT NULL DEFAULT '[]',
    has_respondents INTEGER NOT NULL DEFAULT 0,
    UNIQUE (school_id, label)
  ) STRICT;
  CREATE TABLE upload_file (
    id TEXT PRIMARY KEY,
    wave_id TEXT NOT NULL REFERENCES wave(id) ON DELETE CASCADE,
    kind TEXT NOT NULL, original_name TEXT NOT NULL, stored_path TEXT NOT NULL UNIQUE,
    bytes INTEGER NOT NULL, sha256 TEXT NOT NULL, created_at TEXT NOT NULL, uploaded_by TEXT
  ) STRICT;
  CREATE TABLE person (
    wave_id TEXT NOT NULL REFERENCES wave(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL, id TEXT NOT NULL, data_json TEXT NOT NULL,
    PRIMARY KEY (wave_id, id)
  ) STRICT;
  CREATE TABLE tie (
    wave_id TEXT NOT NULL REFERENCES wave(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL,
    relation TEXT NOT NULL, domain TEXT NOT NULL, weight REAL NOT NULL, count INTEGER NOT NULL,
    timestamp TEXT, wave_label TEXT
  ) STRICT;
  CREATE INDEX tie_wave ON tie(wave_id, ord);
  CREATE TABLE respondent (
    wave_id TEXT NOT NULL REFERENCES wave(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL, PRIMARY KEY (wave_id, person_id)
  ) STRICT;
  CREATE TABLE review_item (
    id TEXT PRIMARY KEY,
    wave_id TEXT NOT NULL REFERENCES wave(id) ON DELETE CASCADE,
    raw TEXT NOT NULL, candidates_json TEXT NOT NULL, resolution TEXT
  ) STRICT;
  CREATE TABLE analysis_cache (
    key TEXT PRIMARY KEY,
    wave_id TEXT NOT NULL REFERENCES wave(id) ON DELETE CASCADE,
    value_json TEXT NOT NULL, created_at TEXT NOT NULL
  ) STRICT;
  CREATE TABLE account (
    id TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
    username TEXT NOT NULL UNIQUE COLLATE NOCASE,
    role TEXT NOT NULL CHECK (role IN ('admin','analyst','viewer')),
    password_hash TEXT NOT NULL, must_change_password INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
  ) STRICT;
  CREATE TABLE account_school (
    account_id TEXT NOT NULL REFERENCES account(id) ON DELETE CASCADE,
    school_id TEXT NOT NULL REFERENCES school(id) ON DELETE CASCADE,
    PRIMARY KEY (account_id, school_id)
  ) STRICT;
  CREATE TABLE session (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES account(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL, last_seen_at INTEGER NOT NULL
  ) STRICT;
  CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL, organisation_id TEXT, account_id TEXT,
    action TEXT NOT NULL, target TEXT NOT NULL, detail TEXT
  ) STRICT;
  CREATE INDEX audit_org ON audit_log(organisation_id, seq);
  `,
  // 2: survey answers that are not ties (Likert items, skills inventory), per respondent
  `
  CREATE TABLE response (
    wave_id TEXT NOT NULL REFERENCES wave(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL,
    answers_json TEXT NOT NULL,
    PRIMARY KEY (wave_id, person_id)
  ) STRICT;
  `,
  // 3: survey completeness: review items still open (the wave "needs review"), answers read / used / set aside,
  //    and the mapping file uploaded for the wave
  `
  ALTER TABLE wave ADD COLUMN open_items INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE wave ADD COLUMN completeness_json TEXT;
  ALTER TABLE wave ADD COLUMN mapping_json TEXT;
  `,
  // 4: demo schools (loaded from the fixtures at the first start) are labelled and can be told apart
  `
  ALTER TABLE school ADD COLUMN demo INTEGER NOT NULL DEFAULT 0;
  `,
  // 5: an account may see one school of a district record (the value of its roster's school column)
  `
  ALTER TABLE account_school ADD COLUMN unit TEXT;
  `,
];
