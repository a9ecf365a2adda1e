/**
 * The canonical data model. Every input shape (long-form CSVs, survey exports,
 * interaction logs) is turned into these types; everything downstream (graph,
 * metrics, store, server, report) reads only these. Documented for users in
 * docs/data-formats.md.
 */

/** A typed extra roster attribute value (numbers and booleans are parsed, the rest kept as text). */
export type AttributeValue = string | number | boolean | null;

/** One staff member (or a non-roster person named in ties, flagged `onRoster: false`). */
export interface Person {
  /** Stable identifier within an organisation; stable across waves. */
  id: string;
  /** Display name (may equal id where the source has no names). */
  name: string;
  /** Formal position as written in the roster, e.g. "principal", "department chair", "teacher". */
  role: string;
  department: string;
  /** Grade level or team, e.g. "Grade 3", "9th grade team". */
  team: string;
  school: string;
  /** Year the person started at the school (e.g. 2024), or null. */
  startYear: number | null;
  yearsExperience: number | null;
  /** Full-time equivalent, 0..1.5, or null. */
  fte: number | null;
  /** Share of time released for leadership work, 0..1, or null. */
  releaseTime: number | null;
  email: string | null;
  /** False for people named in ties but absent from the roster (only with `unknownPeople: 'add'`). */
  onRoster: boolean;
  /** Extra roster columns, keyed by the header as written (trimmed), typed. */
  attributes: Record<string, AttributeValue>;
}

/** One aggregated directed tie: source seeks out / names / contacts target. */
export interface Tie {
  source: string;
  target: string;
  /** Relation, lower-case: advice, collaboration, information, influence, friendship, contact, … */
  relation: string;
  /** Leadership domain, lower-case, or ANY_DOMAIN when the input has none. */
  domain: string;
  /** Strength (frequency or count), > 0. Summed over duplicate rows. Never a distance. */
  weight: number;
  /** Number of input rows aggregated into this tie (2 for an undirected row's two directions counts 1 each). */
  count: number;
  /** Earliest timestamp among the aggregated rows (ISO 8601), if any. */
  timestamp: string | null;
  /** Wave label from the input row, if any. */
  wave: string | null;
}

/** The domain used when a tie file has no domain column, and the selection "all domains pooled". */
export const ANY_DOMAIN = 'any';
/** The relation used when a tie file has no relation column. */
export const DEFAULT_RELATION = 'advice';

/** One data collection of one school or district, e.g. "2025-26 spring". */
export interface Wave {
  id: string;
  label: string;
  /** School or district the wave belongs to. */
  schoolId: string;
  /** ISO date the collection closed, if known. */
  collectedOn: string | null;
}

/** A problem found in a user's file. Collected per row, never thrown. */
export interface Problem {
  /** Machine-readable code, e.g. "BAD_WEIGHT", "UNKNOWN_PERSON", "DUPLICATE_HEADER". Tests assert this. */
  code: string;
  severity: 'error' | 'warning';
  /** File name as the user gave it (basename). */
  file: string;
  /** 1-based line-of-data number as a spreadsheet shows it (header = row 1), or null for file-level problems. */
  row: number | null;
  /** Column header as written in the file, or null. */
  column: string | null;
  /** The offending value (truncated to 80 characters), or null. */
  value: string | null;
  /** What was expected, in plain words. */
  message: string;
}

/** How a relation's rows are read. */
export interface RelationSpec {
  name: string;
  /** Undirected relations (co-presence, contact) count each row both ways. */
  directed: boolean;
}

/** Counts reported by an ingest, so a user can see nothing was silently dropped. */
export interface TieIngestStats {
  rowsRead: number;
  tiesKept: number;
  duplicateRowsAggregated: number;
  selfTiesDropped: number;
  unknownPeopleRows: number;
  skippedRows: number[];
}

/** A roster plus ties: what one wave of one school contains. */
export interface Dataset {
  people: Person[];
  ties: Tie[];
  relations: RelationSpec[];
  /** Domains present in the ties (ANY_DOMAIN included only when a tie has no domain). */
  domains: string[];
  /** Ids of roster people who answered the survey, when known (null = unknown: every roster person treated as a respondent). */
  respondents: string[] | null;
  wave: Wave | null;
}

/** Result of an ingest: either a dataset or the problems that prevented it (never half a dataset). */
export type IngestResult<T> = { ok: true; value: T; problems: Problem[] } | { ok: false; problems: Problem[] };

/** Roles that count as formal leadership positions (matched case-insensitively on words; see formalLeadership.ts). */
export interface RoleClassifier {
  (role: string): boolean;
}
