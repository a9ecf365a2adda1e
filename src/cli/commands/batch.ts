import { availableParallelism } from 'node:os';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CliIO, Command } from '../command.js';
import { EXIT } from '../command.js';
import { LeadmapError } from '../../model/errors.js';
import { storeConfig } from '../../store/index.js';
import {
  DISTRICT_OUTPUT,
  schoolFolders,
  schoolInputHash,
  summarize,
  type BatchSummary,
  type SchoolResult,
} from '../../jobs/batch/batch-folder.js';
import type { SchoolTask } from '../../jobs/batch/school-task.js';
import { writeDistrictRollup } from '../../jobs/batch/district-rollup.js';

const USAGE = `Usage: leadmap batch <folder> --out <folder> [--wait] [--json] [options]

Analyses every school of a district or state at once. <folder> holds one folder per
school with roster.csv and ties.csv, optionally respondents.csv, and optionally the
previous wave in previous/ (roster.csv, ties.csv, respondents.csv); folders whose
names start with "." or "_" are skipped. Each school gets
  <out>/<school>.json   the analysis (the same document as leadmap analyze --json)
  <out>/<school>.pdf    the annual report (as leadmap report writes it; with the change
                        since the previous wave when previous/ is there)
and, when two or more schools finish and no person id appears in two schools, the
district roll-up: <out>/district.json (leadmap analyze --json of all the schools as
one roster: "schools", "crossSchoolLeaders") and <out>/district.pdf (as leadmap report
--district writes it).

A school with bad input fails alone, its problems listed on stderr with file, row and
column; the others finish. Without DATABASE_URL the schools run in this process on
worker threads. With DATABASE_URL=postgres://… each school is a job on the queue, run
by leadmap worker processes (start them beside it); the command sends the jobs and
returns, or with --wait follows them to the end. Jobs are keyed by the school's files
and the options: running the same batch again joins the jobs already sent or done.

Options:
  --out <folder>          where the outputs go (required; created when missing)
  --wait                  with DATABASE_URL: wait for every school (then the district roll-up)
  --json                  print exactly {"schools", "done", "failed", "retried"} (counts) on stdout
  --threads <n>           schools at once without DATABASE_URL (default: the cores, at most 4)
  --wave <label>          the wave's label when a tie list has no wave column or timestamps
  --previous-wave <label> the previous wave's label, likewise
  --relation <name>       relation to analyse (default: the only one, or "advice")
  --edition <named|anonymised>  the reports' edition (default named)
  --min-group-size <n>    smallest group whose results are shown (default 5)
  --paper <a4|letter>     paper size of the reports (default a4)
  --district <name>       the district's name on the roll-up (default: the folder's name)
  --no-district           no district roll-up

Progress and failures: one line per school on stderr. Exit codes: 0 every school done
(or, without --wait, every job sent), 2 a school failed on its input, 1 a school failed
otherwise.`;

export const batchCommand: Command = {
  name: 'batch',
  summary: 'analyse and report every school of a folder (threads, or queue workers with PostgreSQL)',
  usage: USAGE,
  async run(argv, io) {
    const fail = (msg: string): number => {
      io.stderr(`leadmap batch: ${msg}\n`);
      return EXIT.badInput;
    };
    let parsed;
    try {
      parsed = parseArgs({
        args: argv,
        allowPositionals: true,
        options: {
          out: { type: 'string' },
          wait: { type: 'boolean' },
          json: { type: 'boolean' },
          threads: { type: 'string' },
          wave: { type: 'string' },
          'previous-wave': { type: 'string' },
          relation: { type: 'string' },
          edition: { type: 'string' },
          'min-group-size': { type: 'string' },
          paper: { type: 'string' },
          district: { type: 'string' },
          'no-district': { type: 'boolean' },
        },
      });
    } catch (err) {
      return fail(`${(err as Error).message}\n\n${USAGE}`);
    }
    const { values, positionals } = parsed;
    if (positionals.length !== 1 || !values.out) return fail(`expected one batch folder and --out <folder>\n\n${USAGE}`);
    const edition = values.edition ?? 'named';
    if (edition !== 'named' && edition !== 'anonymised') return fail(`--edition must be "named" or "anonymised", not "${edition}"`);
    const paper = values.paper ?? 'a4';
    if (paper !== 'a4' && paper !== 'letter') return fail(`--paper must be "a4" or "letter", not "${paper}"`);
    const minGroupSize = positiveInt(values['min-group-size'], 5);
    if (minGroupSize === null) return fail(`--min-group-size must be a positive whole number, not "${values['min-group-size']}"`);
    const threads = positiveInt(values.threads, Math.min(4, availableParallelism()));
    if (threads === null) return fail(`--threads must be a positive whole number, not "${values.threads}"`);
    const root = resolve(io.cwd, positionals[0]!);
    const out = resolve(io.cwd, values.out);
    let config;
    try {
      config = storeConfig(out, io.env.DATABASE_URL);
    } catch (err) {
      if (err instanceof LeadmapError) return fail(`${err.message} [${err.code}]`);
      throw err;
    }
    let folders;
    try {
      folders = await schoolFolders(root);
    } catch (err) {
      if (err instanceof LeadmapError) return fail(`${err.message} [${err.code}]`);
      throw err;
    }
    if (folders.length === 0) return fail(`${positionals[0]} holds no school folders (one folder per school with roster.csv and ties.csv)`);

    const results: SchoolResult[] = [];
    const tasks: SchoolTask[] = [];
    const total = folders.length;
    const report = reporter(io, total);
    for (const { school, dir } of folders) {
      if (school === DISTRICT_OUTPUT) {
        const r: SchoolResult = {
          school,
          status: 'failed',
          error: { code: 'BAD_ARGUMENT', message: `"${DISTRICT_OUTPUT}" is the name of the district roll-up: rename this folder` },
          attempts: 1,
        };
        results.push(r);
        report(r);
        continue;
      }
      tasks.push({
        school,
        dir,
        out,
        inputHash: await schoolInputHash(dir),
        ...(values.wave !== undefined ? { wave: values.wave } : {}),
        ...(values['previous-wave'] !== undefined ? { previousWave: values['previous-wave'] } : {}),
        ...(values.relation !== undefined ? { relation: values.relation } : {}),
        edition,
        minGroupSize,
        paper,
      });
    }
    const onResult = (r: SchoolResult): void => {
      results.push(r);
      report(r);
    };
    let finished = true;
    if (config.kind === 'postgres') {
      const { openQueue } = await import('../../jobs/queue/pg-queue.js');
      const { sendBatch, followBatch } = await import('../../jobs/batch/on-queue.js');
      const q = await openQueue(config.url);
      try {
        const ids = await sendBatch(q, tasks);
        io.stderr(`leadmap batch: ${tasks.length} school job(s) on the queue; leadmap worker processes run them\n`);
        await followBatch(q, tasks, ids, { onResult, wait: values.wait === true });
        finished = results.length === total;
      } finally {
        await q.boss.stop({ graceful: false, wait: true, timeout: 5000 });
      }
    } else {
      const { runBatchInProcess } = await import('../../jobs/batch/in-process.js');
      await runBatchInProcess(tasks, { threads, onResult });
    }

    if (finished && !values['no-district'])
      await rollup(io, tasks, results, { out, wave: values.wave, district: values.district ?? basename(root) });
    const summary: BatchSummary = summarize(total, results);
    if (values.json) io.stdout(JSON.stringify(summary) + '\n');
    else
      io.stdout(
        finished
          ? `${summary.schools} schools: ${summary.done} done, ${summary.failed} failed, ${summary.retried} retried; outputs in ${out}\n`
          : `${summary.schools} schools sent to the queue: ${summary.done} done, ${summary.failed} failed so far (follow with --wait)\n`,
      );
    if (results.some((r) => r.status === 'failed' && r.error.code === 'INTERNAL')) return EXIT.internal;
    return summary.failed > 0 ? EXIT.badInput : EXIT.ok;
  },
};

/** One stderr line per school as it finishes: "[3/12] lakeside: done (35 people, 412 ties)" or its failure with the problems. */
function reporter(io: CliIO, total: number): (r: SchoolResult) => void {
  let n = 0;
  return (r) => {
    n++;
    const retried = r.attempts > 1 ? `, after ${r.attempts} attempts` : '';
    if (r.status === 'done')
      io.stderr(
        `leadmap batch: [${n}/${total}] ${r.school}: done (${r.outcome.people} people, ${r.outcome.ties} ties${r.outcome.previous ? ', change since the previous wave' : ''}${retried})\n`,
      );
    else io.stderr(`leadmap batch: [${n}/${total}] ${r.school}: FAILED [${r.error.code}]${retried}: ${r.error.message}\n`);
  };
}

async function rollup(
  io: CliIO,
  tasks: readonly SchoolTask[],
  results: readonly SchoolResult[],
  o: { out: string; wave: string | undefined; district: string },
): Promise<void> {
  const byName = new Map(tasks.map((t) => [t.school, t]));
  const done = results.flatMap((r) =>
    r.status === 'done' && byName.has(r.school) ? [{ task: byName.get(r.school)!, outcome: r.outcome }] : [],
  );
  done.sort((a, b) => a.task.school.localeCompare(b.task.school, undefined, { numeric: true }));
  try {
    const r = await writeDistrictRollup(done, o);
    io.stderr(
      r.written
        ? `leadmap batch: district roll-up of ${r.schools} schools: ${r.json}, ${r.pdf}\n`
        : `leadmap batch: no district roll-up: ${r.reason}\n`,
    );
  } catch (err) {
    if (!(err instanceof LeadmapError)) throw err;
    io.stderr(`leadmap batch: no district roll-up: ${err.message} [${err.code}]\n`);
  }
}

function positiveInt(v: string | undefined, fallback: number): number | null {
  if (v === undefined) return fallback;
  const n = Number(v);
  return Number.isInteger(n) && n >= 1 ? n : null;
}
