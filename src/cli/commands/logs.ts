import { existsSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { EXIT, type Command } from '../command.js';
import { formatProblems } from '../../ingest/problems.js';
import { formatProgress } from '../../ingest/bytes/read-stream.js';
import {
  readInteractionLog,
  writeTies,
  writeTiesCsv,
  LOG_DEFAULTS,
  type LogKind,
  type LogOptions,
  type WindowKind,
} from '../../ingest/logs/index.js';

const USAGE = `Usage: leadmap logs <events.csv> --kind email|meeting|chat|generic [options]

Turns an interaction log (metadata only: who, whom, when) into weighted ties per
time window, written as a canonical tie list (source,target,relation,domain,
weight,count,wave) ready for "leadmap analyze" or an upload. Rules: docs/logs.md.

Columns: email   timestamp, sender, to [, cc, bcc]   (addresses separated by ; or ,)
         meeting id, start, attendees [, duration (minutes), organizer]
         chat    timestamp, sender, recipients or channel
         generic timestamp, source, target or channel
A subject, body, message or other content column is refused.

Options:
  --kind <kind>              email, meeting, chat or generic (required)
  --roster <file>            match addresses to staff by the roster's email (or id) column
  --external <mode>          off-roster addresses: drop (default) or bucket (one "external" person)
  --window <w>               month (default), term (Sep-Dec, Jan-Apr, May-Aug), wave (whole log), custom
  --window-days <n>          custom windows: days per window (default 28)
  --window-start <date>      custom windows: first window's start, YYYY-MM-DD (default 2000-01-03)
  --wave <label>             label of the single window with --window wave (default "all")
  --min-interactions <n>     interactions a pair needs per --min-window-days (default 2)
  --min-window-days <n>      (default 28): a month needs 2, a term 8; see docs/logs.md
  --broadcast-limit <n>      events naming more people are broadcasts (default 8)
  --broadcast <mode>         drop (default) or downweight (each tie weighs limit/k)
  --split-weight             a message to k people weighs 1/k per recipient (default 1 each)
  --meeting-weight <mode>    pairs (default: 1/(k-1) per co-attendee) or duration (hours/(k-1))
  --skip-bad-rows            skip and count rows with errors instead of refusing the file
  --out <file>               write the ties here (default: stdout)
  --json                     print a JSON summary (counts, windows, problems) on stdout
  --quiet                    no progress on stderr

Exit codes: 0 ok, 2 bad input (problems listed on stderr; nothing written).`;

function choice<T extends string>(name: string, v: string | undefined, allowed: readonly T[], fallback: T): T {
  if (v === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(v)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, not "${v}"`);
  return v as T;
}

function count(name: string, v: string | undefined, fallback: number, min: number): number {
  if (v === undefined) return fallback;
  const x = Number(v);
  if (!Number.isInteger(x) || x < min) throw new UsageError(`--${name} must be a whole number ≥ ${min}, not "${v}"`);
  return x;
}

class UsageError extends Error {}

export const logsCommand: Command = {
  name: 'logs',
  summary: 'turn e-mail, meeting or chat metadata logs into weighted ties per month or term',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        kind: { type: 'string' },
        roster: { type: 'string' },
        external: { type: 'string' },
        window: { type: 'string' },
        'window-days': { type: 'string' },
        'window-start': { type: 'string' },
        wave: { type: 'string' },
        'min-interactions': { type: 'string' },
        'min-window-days': { type: 'string' },
        'broadcast-limit': { type: 'string' },
        broadcast: { type: 'string' },
        'split-weight': { type: 'boolean' },
        'meeting-weight': { type: 'string' },
        'skip-bad-rows': { type: 'boolean' },
        out: { type: 'string' },
        json: { type: 'boolean' },
        quiet: { type: 'boolean' },
      },
    });
    if (positionals.length !== 1) {
      io.stderr(`leadmap logs: expected one log file, got ${positionals.length}\n\n${USAGE}\n`);
      return EXIT.badInput;
    }
    let opts: Partial<LogOptions> & { kind: LogKind };
    try {
      if (values.kind === undefined) throw new UsageError('--kind is required (email, meeting, chat or generic)');
      opts = {
        kind: choice('kind', values.kind, ['email', 'meeting', 'chat', 'generic'] as const, 'email'),
        external: choice('external', values.external, ['drop', 'bucket'] as const, LOG_DEFAULTS.external),
        window: choice<WindowKind>('window', values.window, ['month', 'term', 'wave', 'custom'] as const, LOG_DEFAULTS.window),
        windowDays: count('window-days', values['window-days'], LOG_DEFAULTS.windowDays, 1),
        windowStart: values['window-start'] ?? LOG_DEFAULTS.windowStart,
        waveLabel: values.wave ?? LOG_DEFAULTS.waveLabel,
        minInteractions: count('min-interactions', values['min-interactions'], LOG_DEFAULTS.minInteractions, 1),
        minWindowDays: count('min-window-days', values['min-window-days'], LOG_DEFAULTS.minWindowDays, 1),
        broadcastLimit: count('broadcast-limit', values['broadcast-limit'], LOG_DEFAULTS.broadcastLimit, 1),
        broadcast: choice('broadcast', values.broadcast, ['drop', 'downweight'] as const, LOG_DEFAULTS.broadcast),
        splitWeight: values['split-weight'] ?? false,
        meetingWeight: choice('meeting-weight', values['meeting-weight'], ['pairs', 'duration'] as const, LOG_DEFAULTS.meetingWeight),
        skipBadRows: values['skip-bad-rows'] ?? false,
      };
    } catch (err) {
      if (err instanceof UsageError) {
        io.stderr(`leadmap logs: ${err.message}\n`);
        return EXIT.badInput;
      }
      throw err;
    }
    const file = resolve(io.cwd, positionals[0]!);
    const roster = values.roster === undefined ? undefined : resolve(io.cwd, values.roster);
    for (const p of [file, roster]) {
      if (p !== undefined && !existsSync(p)) {
        io.stderr(`leadmap logs: file not found: ${p}\n`);
        return EXIT.badInput;
      }
    }
    const label = basename(file);
    const showProgress = !values.quiet && statSync(file).size >= 20 * 1024 * 1024;
    const result = await readInteractionLog(file, {
      ...opts,
      roster,
      onProgress: showProgress ? (p) => io.stderr(`\r${formatProgress(label, p)}`) : undefined,
    });
    if (showProgress) io.stderr('\n');
    if (!result.ok) {
      io.stderr(`leadmap logs: the log was not converted (nothing written):\n${formatProblems(result.problems)}\n`);
      if (values.json)
        io.stdout(
          JSON.stringify({ ok: false, problems: result.problems, stats: { ...result.stats, progress: undefined } }, null, 2) + '\n',
        );
      return EXIT.badInput;
    }
    if (result.problems.length > 0) io.stderr(formatProblems(result.problems) + '\n');
    let ties: number;
    if (values.out !== undefined) ties = writeTiesCsv(result.aggregate, resolve(io.cwd, values.out));
    else if (values.json) ties = result.aggregate.ties().length;
    else ties = writeTies(result.aggregate, io.stdout);
    const windows = result.aggregate.windows();
    if (values.json) {
      io.stdout(
        JSON.stringify(
          {
            ok: true,
            ties,
            relation: result.aggregate.relation,
            windows,
            stats: { ...result.stats, progress: undefined },
            problems: result.problems,
          },
          null,
          2,
        ) + '\n',
      );
    } else if (!values.quiet) {
      const s = result.stats;
      io.stderr(
        `${s.rowsRead} rows → ${ties} ties in ${windows.length} window(s) (${windows
          .map((w) => `${w.label}: ≥${w.threshold}`)
          .slice(0, 6)
          .join(', ')}${windows.length > 6 ? ', …' : ''}); ` +
          `dropped: ${s.broadcastsDropped} broadcasts, ${s.selfRecipientsDropped} self-addressed, ${s.offRosterRecipientsDropped} off-roster recipients, ${s.offRosterSendersDropped} off-roster senders\n`,
      );
    }
    return EXIT.ok;
  },
};
