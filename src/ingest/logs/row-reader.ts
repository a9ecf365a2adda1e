import type { Person } from '../../model/types.js';
import { CsvByteScanner, fieldText, parseNumberBytes } from '../bytes/csv-bytes.js';
import { ByteInterner } from '../bytes/interner.js';
import type { ProblemCollector } from '../problems.js';
import type { StreamProgress } from '../bytes/read-stream.js';
import { resolveColumns, type LogField } from './columns.js';
import type { LogOptions } from './options.js';
import { PairTable } from './pair-table.js';
import { PeopleIndex } from './people.js';
import { parseTimestampBytes } from './timestamp.js';
import { makeWindowing, type Windowing } from './windows.js';

/** Counts that show what happened to every row and recipient (nothing is dropped silently). */
export interface LogStats {
  rowsRead: number;
  /** Rows that produced at least one interaction. */
  eventsUsed: number;
  badRowsSkipped: number;
  selfRecipientsDropped: number;
  broadcastsDropped: number;
  broadcastsDownweighted: number;
  /** Recipient/attendee slots whose address is not on the roster and were dropped. */
  offRosterRecipientsDropped: number;
  /** Rows whose sender is not on the roster (dropped with external: drop). */
  offRosterSendersDropped: number;
  offRosterAddresses: number;
  /** Events with nobody left to interact with (e.g. a meeting of one). */
  eventsWithoutPairs: number;
  channelMessages: number;
  firstTimestamp: string | null;
  lastTimestamp: string | null;
  people: number;
  progress: StreamProgress | null;
}

export function emptyLogStats(): LogStats {
  return {
    rowsRead: 0,
    eventsUsed: 0,
    badRowsSkipped: 0,
    selfRecipientsDropped: 0,
    broadcastsDropped: 0,
    broadcastsDownweighted: 0,
    offRosterRecipientsDropped: 0,
    offRosterSendersDropped: 0,
    offRosterAddresses: 0,
    eventsWithoutPairs: 0,
    channelMessages: 0,
    firstTimestamp: null,
    lastTimestamp: null,
    people: 0,
    progress: null,
  };
}

/** What reading the rows of a log (or of a byte range of it) gathers. */
export interface LogRows {
  scanner: CsvByteScanner;
  windowing: Windowing;
  people: PeopleIndex;
  pairs: PairTable;
  /** (window, channel, sender) → messages, spread over channel members after the read (spreadChannels). */
  channelPosts: PairTable;
  /** Earliest and latest timestamp (ms), Infinity / −Infinity before the first row. */
  span: Float64Array;
  /** The header's cells once read (or given); null before. */
  header: () => string[] | null;
  /** Column of each log field, from the header. */
  columns: () => Partial<Record<LogField, number>>;
}

const SEMI = 59;
const COMMA = 44;
const DAY = 86_400_000;

/**
 * The row rules of an interaction log (docs/logs.md; see readInteractionLog) as a byte-scanner row
 * handler: the first row is the header unless `header` is given (a byte range after the first row).
 * Counts go to `stats`, problems to `problems`; the pairs, people and time span gathered are returned.
 */
export function logRows(
  o: LogOptions,
  file: string,
  roster: readonly Person[] | null,
  stats: LogStats,
  problems: ProblemCollector,
  header0: string[] | null = null,
): LogRows {
  const windowing = makeWindowing(o);
  const people = new PeopleIndex(roster, o.external);
  const pairs = new PairTable();
  const channelPosts = new PairTable(); // (window, channel, sender) → messages
  const channels = new ByteInterner(true);
  let header: string[] | null = null;
  let col: Partial<Record<LogField, number>> = {};
  let refused = false;
  // Earliest and latest timestamp: a typed array, not two captured variables, so updating them per
  // row allocates nothing (a captured double is boxed on every write).
  const span = Float64Array.of(Infinity, -Infinity);
  let members = new Int32Array(64);
  let seen = new Int32Array(1024);
  let stamp = 0;
  const limit = o.broadcastLimit;

  const fail = (row: number, field: LogField, code: string, value: string | null, message: string): void => {
    if (o.skipBadRows) {
      stats.badRowsSkipped++;
      problems.warning(file, row, header![col[field]!] ?? field, value, code, message + ' (row skipped)');
    } else {
      problems.error(file, row, header![col[field]!] ?? field, value, code, message);
    }
  };

  // Results of collect(), kept in variables rather than a returned tuple (no allocation per row).
  let kept = 0;
  let size = 0;
  /** Collects the distinct people of the list columns `cols` into `members` (kept) and counts the event's size. */
  const collect = (buf: Uint8Array, st: Int32Array, en: Int32Array, nf: number, cols: Int32Array, exclude: number): void => {
    stamp++;
    kept = 0;
    size = 0;
    for (let f = 0; f < cols.length; f++) {
      const c = cols[f]!;
      if (c >= nf) continue;
      let a = st[c]!;
      const end = en[c]!;
      for (let i = a; i <= end; i++) {
        if (i < end && buf[i] !== SEMI && buf[i] !== COMMA) continue;
        const p = people.person(buf, a, i);
        a = i + 1;
        if (p === -1) continue;
        if (p === -2) {
          size++;
          stats.offRosterRecipientsDropped++;
          continue;
        }
        if (p >= seen.length) {
          const g = new Int32Array(Math.max(seen.length * 2, p + 1));
          g.set(seen);
          seen = g;
        }
        if (seen[p] === stamp) continue;
        seen[p] = stamp;
        if (p === exclude) {
          stats.selfRecipientsDropped++;
          continue;
        }
        size++;
        if (kept === members.length) {
          const g = new Int32Array(kept * 2);
          g.set(members);
          members = g;
        }
        members[kept++] = p;
      }
    }
  };
  let listCols = new Int32Array(0);
  const useHeader = (names: string[]): void => {
    header = names;
    const r = resolveColumns(o.kind, header);
    for (const p of r.problems) problems.error(file, 1, p.column, null, p.code, p.message);
    if (r.problems.length > 0) {
      refused = true;
      scanner.stop();
    }
    col = r.index;
    const fields: LogField[] = o.kind === 'meeting' ? ['sender', 'attendees'] : ['recipients', 'cc', 'bcc'];
    listCols = Int32Array.from(fields.map((f) => col[f]).filter((c): c is number => c !== undefined));
  };
  // Day → window, cached: consecutive rows mostly share a day.
  let cachedDay = NaN;
  let lastWin = 0;

  const scanner = new CsvByteScanner((buf, st, en, nf) => {
    if (refused) return;
    if (header === null) {
      useHeader(Array.from({ length: nf }, (_, i) => fieldText(buf, st[i]!, en[i]!)));
      return;
    }
    const row = scanner.rows;
    stats.rowsRead++;
    const tc = col.timestamp!;
    const ms = tc < nf ? parseTimestampBytes(buf, st[tc]!, en[tc]!) : NaN;
    if (Number.isNaN(ms)) {
      fail(
        row,
        'timestamp',
        'BAD_TIMESTAMP',
        tc < nf ? fieldText(buf, st[tc]!, en[tc]!) : null,
        'an ISO 8601 date-time (2025-03-01T08:15:00Z, 2025-03-01 08:15, with an optional ±hh:mm offset) or Unix epoch seconds was expected',
      );
      return;
    }
    const day = Math.floor(ms / DAY);
    if (day !== cachedDay) {
      cachedDay = day;
      lastWin = windowing.indexOfDay(day);
    }
    const win = lastWin;
    if (ms < span[0]!) span[0] = ms;
    if (ms > span[1]!) span[1] = ms;
    if (o.kind === 'meeting') {
      let hours = 1;
      if (o.meetingWeight === 'duration') {
        const dc = col.duration;
        hours = dc === undefined || dc >= nf ? NaN : parseNumberBytes(buf, st[dc]!, en[dc]!) / 60;
        if (!(hours > 0)) {
          fail(
            row,
            dc === undefined ? 'timestamp' : 'duration',
            'BAD_DURATION',
            dc === undefined || dc >= nf ? null : fieldText(buf, st[dc]!, en[dc]!),
            'a duration in minutes (a positive number) was expected for --meeting-weight duration',
          );
          return;
        }
      }
      collect(buf, st, en, nf, listCols, -1);
      const k = kept;
      if (size > limit) {
        if (o.broadcast === 'drop') {
          stats.broadcastsDropped++;
          return;
        }
        stats.broadcastsDownweighted++;
      }
      if (k < 2) {
        stats.eventsWithoutPairs++;
        return;
      }
      const factor = size > limit ? limit / size : 1;
      const w = (hours / (size - 1)) * factor;
      for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) if (i !== j) pairs.add(win, members[i]!, members[j]!, w, 1);
      stats.eventsUsed++;
      return;
    }
    const sc = col.sender!;
    const sender = sc < nf ? people.person(buf, st[sc]!, en[sc]!) : -1;
    if (sender === -1) {
      fail(row, 'sender', 'MISSING_VALUE', null, 'a sender address or id was expected');
      return;
    }
    if (sender === -2) {
      stats.offRosterSendersDropped++;
      return;
    }
    collect(buf, st, en, nf, listCols, sender);
    const k = kept;
    if (size === 0) {
      const cc = col.channel;
      if (cc !== undefined && cc < nf && st[cc] !== en[cc]) {
        const ch = channels.intern(buf, st[cc]!, en[cc]!);
        channelPosts.add(win, ch, sender, 0, 1);
        stats.channelMessages++;
        return;
      }
      if (stats.selfRecipientsDropped > 0 && seen[sender] === stamp) {
        stats.eventsWithoutPairs++;
        return;
      }
      fail(
        row,
        col.recipients !== undefined ? 'recipients' : 'sender',
        'NO_RECIPIENTS',
        null,
        o.kind === 'email' ? 'at least one address in to, cc or bcc was expected' : 'a recipient or a channel was expected',
      );
      return;
    }
    if (size > limit) {
      if (o.broadcast === 'drop') {
        stats.broadcastsDropped++;
        return;
      }
      stats.broadcastsDownweighted++;
    }
    if (k === 0) {
      stats.eventsWithoutPairs++;
      return;
    }
    const w = (o.splitWeight ? 1 / size : 1) * (size > limit ? limit / size : 1);
    for (let i = 0; i < k; i++) pairs.add(win, sender, members[i]!, w, 1);
    stats.eventsUsed++;
  });
  if (header0 !== null) {
    useHeader(header0);
    scanner.continues();
  }
  return {
    scanner,
    windowing,
    people,
    pairs,
    channelPosts,
    span,
    header: () => header,
    columns: () => col,
  };
}
