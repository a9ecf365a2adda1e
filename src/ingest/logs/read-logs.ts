import { basename } from 'node:path';
import type { Person, Problem } from '../../model/types.js';
import { ProblemCollector } from '../problems.js';
import { readableAsCsv } from '../csv-reader.js';
import { scanFile } from '../bytes/read-stream.js';
import { readRoster } from '../roster.js';
import { LogAggregate } from './aggregate.js';
import { LOG_DEFAULTS, RELATION_OF, type LogOptions } from './options.js';
import type { PairTable } from './pair-table.js';
import { emptyLogStats, logRows, type LogRows, type LogStats } from './row-reader.js';
import { readInParallel, parallelPlan } from './parallel.js';

export type { LogStats } from './row-reader.js';

export type LogResult =
  { ok: true; aggregate: LogAggregate; stats: LogStats; problems: Problem[] } | { ok: false; problems: Problem[]; stats: LogStats };

const DAY = 86_400_000;

/**
 * Streams an interaction log (e-mail, meeting, chat or generic metadata) into per-window weighted
 * ties. Rules (docs/logs.md): sender → each distinct recipient (to, cc, bcc), weight 1 or 1/k with
 * splitWeight; meetings: every ordered pair of distinct attendees, weight 1/(k − 1) (or hours/(k − 1));
 * chat to a channel: sender → every other person who posted in that channel in the same window;
 * self-mail dropped; broadcasts (more than broadcastLimit people) dropped or weighted limit/k;
 * off-roster addresses dropped or pooled as "external". Only metadata columns are read: a subject,
 * body, message or similar column is refused before any row is read.
 * Large e-mail logs whose weights are whole numbers are read in two byte ranges at once, on two
 * cores (src/ingest/logs/parallel.ts), with the same result as one pass; anything else, and any log
 * with a problem, is read in one pass.
 * Memory grows with distinct people and (window, pair) totals, never with rows.
 */
export async function readInteractionLog(path: string, options: Partial<LogOptions> & Pick<LogOptions, 'kind'>): Promise<LogResult> {
  const o: LogOptions = { ...LOG_DEFAULTS, ...options };
  const file = basename(path);
  let roster: Person[] | null = null;
  if (o.roster !== undefined) {
    const r = await readRoster(o.roster, { signal: o.signal });
    if (!r.ok) return { ok: false, problems: r.problems, stats: emptyLogStats() };
    roster = r.value;
  }
  const probe = new ProblemCollector();
  if (!(await readableAsCsv(path, file, probe))) return { ok: false, problems: probe.list(), stats: emptyLogStats() };
  const plan = await parallelPlan(path, o);
  if (plan !== null) {
    const read = await readInParallel(path, plan, o, file, roster);
    if (read !== null) return finish(read.rows, read.stats, read.problems, o, file);
  }
  const stats = emptyLogStats();
  const problems = new ProblemCollector();
  const rows = logRows(o, file, roster, stats, problems);
  stats.progress = await scanFile(path, rows.scanner, { onProgress: o.onProgress, signal: o.signal });
  return finish(rows, stats, problems, o, file);
}

/** Spreads channel posts, completes the counts and builds the aggregate (one definition for both ways of reading). */
function finish(rows: LogRows, stats: LogStats, problems: ProblemCollector, o: LogOptions, file: string): LogResult {
  const { people, pairs, channelPosts, span } = rows;
  if (rows.header() === null) problems.error(file, null, null, null, 'EMPTY_FILE', 'a header row and at least one event were expected');
  if (problems.hasErrors) return { ok: false, problems: problems.list(), stats };
  spreadChannels(channelPosts, pairs, o, stats);
  stats.people = people.ids.length;
  stats.offRosterAddresses = people.unknownAddresses;
  const firstMs = span[0]!;
  const lastMs = span[1]!;
  if (firstMs <= lastMs) {
    stats.firstTimestamp = new Date(firstMs).toISOString();
    stats.lastTimestamp = new Date(lastMs).toISOString();
  }
  const firstDay = Number.isFinite(firstMs) ? Math.floor(firstMs / DAY) : 0;
  const lastDay = Number.isFinite(lastMs) ? Math.floor(lastMs / DAY) : 0;
  const aggregate = new LogAggregate(
    pairs,
    people.ids,
    RELATION_OF[o.kind],
    rows.windowing,
    firstDay,
    lastDay,
    o.minInteractions,
    o.minWindowDays,
  );
  return { ok: true, aggregate, stats, problems: problems.list() };
}

/**
 * Channel messages: in each (window, channel), the k people who posted are its members; a sender's
 * c messages count as c interactions with each of the other k − 1 members, weight c (or c/(k − 1)
 * with splitWeight); channels with more than broadcastLimit other members are broadcasts.
 */
function spreadChannels(posts: PairTable, pairs: PairTable, o: LogOptions, stats: LogStats): void {
  if (posts.size === 0) return;
  const order = posts.sortedEntries();
  let g = 0;
  while (g < order.length) {
    const first = posts.entry(order[g]!);
    let end = g;
    while (end < order.length) {
      const e = posts.entry(order[end]!);
      if (e.window !== first.window || e.source !== first.source) break;
      end++;
    }
    const size = end - g - 1; // other members each sender reaches
    if (size > o.broadcastLimit && o.broadcast === 'drop') {
      stats.broadcastsDropped++;
    } else if (size > 0) {
      if (size > o.broadcastLimit) stats.broadcastsDownweighted++;
      const factor = size > o.broadcastLimit ? o.broadcastLimit / size : 1;
      for (let a = g; a < end; a++) {
        const sender = posts.entry(order[a]!);
        const w = sender.count * (o.splitWeight ? 1 / size : 1) * factor;
        for (let b = g; b < end; b++) {
          if (a === b) continue;
          pairs.add(first.window, sender.target, posts.entry(order[b]!).target, w, sender.count);
        }
      }
      stats.eventsUsed++;
    } else {
      stats.eventsWithoutPairs++;
    }
    g = end;
  }
}
