import type { StreamProgress } from '../bytes/read-stream.js';

/** What a log file records. */
export type LogKind = 'email' | 'meeting' | 'chat' | 'generic';
/** How events are grouped in time; see docs/logs.md. */
export type WindowKind = 'month' | 'term' | 'wave' | 'custom';

export interface LogOptions {
  kind: LogKind;
  /** Roster CSV: addresses are matched to people by the `email` column (or the id itself). */
  roster?: string;
  window: WindowKind;
  /** custom windows: length in days (default 28). */
  windowDays: number;
  /** custom windows: ISO date the first window starts (default 2000-01-03, a Monday). */
  windowStart: string;
  /** wave window: its label (default "all"). */
  waveLabel: string;
  /** A pair becomes a tie in a window when its interactions reach minInteractions per minWindowDays (see thresholdFor). */
  minInteractions: number;
  minWindowDays: number;
  /** Events naming more people than this (recipients; meeting attendees; channel members) are broadcasts. */
  broadcastLimit: number;
  /** drop: broadcasts are left out (counted); downweight: each of their ties weighs limit/k. */
  broadcast: 'drop' | 'downweight';
  /** Weight 1/k per recipient of a message to k people (default: 1 each). */
  splitWeight: boolean;
  /** Addresses not on the roster: drop (counted), or pool into one person "external". */
  external: 'drop' | 'bucket';
  /** Meetings: "pairs" weighs each co-attendee 1/(k − 1); "duration" weighs hours/(k − 1). */
  meetingWeight: 'pairs' | 'duration';
  /** Rows with errors are skipped and counted instead of refusing the file. */
  skipBadRows: boolean;
  onProgress?: (p: StreamProgress) => void;
  signal?: AbortSignal;
  /** E-mail logs at least this large are read in two byte ranges on two cores (default 64 MiB; Infinity: never). */
  parallelMinBytes?: number;
  /** The compiled range worker (default: range-worker.js beside read-logs.js; tests compile their own). */
  workerUrl?: URL;
}

export const LOG_DEFAULTS: Readonly<Omit<LogOptions, 'kind' | 'roster' | 'onProgress' | 'signal'>> = Object.freeze({
  window: 'month',
  windowDays: 28,
  windowStart: '2000-01-03',
  waveLabel: 'all',
  minInteractions: 2,
  minWindowDays: 28,
  broadcastLimit: 8,
  broadcast: 'drop',
  splitWeight: false,
  external: 'drop',
  meetingWeight: 'pairs',
  skipBadRows: false,
});

/** The relation each kind of log produces in the canonical ties. */
export const RELATION_OF: Readonly<Record<LogKind, string>> = Object.freeze({
  email: 'email',
  meeting: 'meeting',
  chat: 'chat',
  generic: 'contact',
});

/** The id of the pooled outside-the-roster person (external: "bucket"). */
export const EXTERNAL_ID = 'external';
