import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import type { Command } from '../command.js';
import { EXIT } from '../command.js';
import { loadDataset } from '../../ingest/load-dataset.js';
import { formatProblems } from '../../ingest/problems.js';
import { readOutcomes, type Outcome } from '../../ingest/outcomes.js';
import { withScaleScores } from '../../report/survey/wave-scales.js';
import { compareWaves, type ChangeIndicator, type ChangeNote, type WaveChange } from '../../metrics/change/compare-waves.js';
import { INDICATORS } from '../../metrics/change/indicators.js';
import { ASSOCIATION_NOTE, outcomeChanges, type OutcomeChange } from '../../metrics/change/outcomes.js';
import type { Dataset } from '../../model/types.js';
import { num, table } from '../format.js';
import { chanceSentence } from '../../report/present/change.js';

const USAGE = `Usage: leadmap compare --previous-roster A --previous-ties A [--previous-respondents A]
                       --roster B --ties B [--respondents B] [--outcomes outcomes.csv] [--json]

What changed between two waves of one school, and whether it is real. People are matched across
the waves by id, then e-mail, then whole name (loose or ambiguous names are listed for review,
never guessed). Every measure is compared on all staff and on the stable core (people present and
answering in both waves), with a 95 % bootstrap interval over respondents: "up" or "down" only when
the interval excludes zero, "no clear change" otherwise, "not measured — needs …" when an input is
missing.

Options:
  --previous-roster, --previous-ties, --previous-respondents   the earlier wave's files
  --roster, --ties, --respondents                              the later wave's files
  --relation <name>          relation to compare (default: the only one, or "advice")
  --outcomes <file>          the later wave's outcomes.csv (indicator, value, unit, better, source)
  --previous-outcomes <file> the earlier wave's outcomes.csv, to show each outcome's change
  --people, --previous-people <file>  each wave's people file (leadmap import writes it): survey scales
                             (participation in decision-making, role clarity, …) become indicators
  --scales <file>            scale definitions for --people (default: scales/leadmap-scales.yaml)
  --replicates <n>           bootstrap replicates (default 1000)
  --seed <n>                 bootstrap seed (default 20240901): the same seed gives the same intervals
  --json                     print {"basis", "indicators", "notes", …} on stdout

Exit codes: 0 ok, 2 bad input (problems listed on stderr).
Method and definitions: docs/metrics.md, "Change between waves".`;

export const compareCommand: Command = {
  name: 'compare',
  summary: 'what changed between two waves of a school, with intervals',
  usage: USAGE,
  async run(argv, io) {
    let values;
    try {
      ({ values } = parseArgs({
        args: argv,
        options: {
          'previous-roster': { type: 'string' },
          'previous-ties': { type: 'string' },
          'previous-respondents': { type: 'string' },
          roster: { type: 'string' },
          ties: { type: 'string' },
          respondents: { type: 'string' },
          relation: { type: 'string' },
          outcomes: { type: 'string' },
          'previous-outcomes': { type: 'string' },
          replicates: { type: 'string' },
          seed: { type: 'string' },
          json: { type: 'boolean' },
          people: { type: 'string' },
          'previous-people': { type: 'string' },
          scales: { type: 'string' },
        },
      }));
    } catch (e) {
      io.stderr(`leadmap compare: ${(e as Error).message}\n\n${USAGE}\n`);
      return EXIT.badInput;
    }
    const required = ['previous-roster', 'previous-ties', 'roster', 'ties'] as const;
    const absent = required.filter((k) => values[k] === undefined);
    if (absent.length > 0) {
      io.stderr(`leadmap compare: missing ${absent.map((k) => `--${k}`).join(', ')}\n\n${USAGE}\n`);
      return EXIT.badInput;
    }
    const whole = (name: 'replicates' | 'seed', fallback: number, min: number): number | null => {
      const v = values[name] === undefined ? fallback : Number(values[name]);
      return Number.isInteger(v) && v >= min && v <= 0xffffffff ? v : null;
    };
    const replicates = whole('replicates', 1000, 0);
    const seed = whole('seed', 20240901, 0);
    if (replicates === null || seed === null || replicates > 100000) {
      io.stderr('leadmap compare: --replicates must be a whole number from 0 to 100000 and --seed a whole number ≥ 0\n');
      return EXIT.badInput;
    }
    const at = (p: string | undefined) => (p === undefined ? undefined : resolve(io.cwd, p));
    const files = [
      values['previous-roster'],
      values['previous-ties'],
      values['previous-respondents'],
      values.roster,
      values.ties,
      values.respondents,
      values.outcomes,
      values['previous-outcomes'],
      values.people,
      values['previous-people'],
      values.scales,
    ].filter((p): p is string => p !== undefined);
    const missing = files.filter((p) => !existsSync(at(p)!));
    if (missing.length > 0) {
      io.stderr(missing.map((p) => `leadmap compare: file not found: ${p}`).join('\n') + '\n');
      return EXIT.badInput;
    }
    const load = async (roster: string | undefined, ties: string | undefined, respondents: string | undefined, which: string) => {
      const r = await loadDataset({ roster: at(roster), ties: at(ties)!, respondents: at(respondents) });
      if (!r.ok) {
        io.stderr(`leadmap compare: the ${which} wave was not loaded (nothing was compared):\n${formatProblems(r.problems)}\n`);
        return null;
      }
      const warnings = r.problems.filter((p) => p.severity === 'warning');
      if (warnings.length > 0) io.stderr(formatProblems(warnings) + '\n');
      return r.value;
    };
    const loadedBefore = await load(values['previous-roster'], values['previous-ties'], values['previous-respondents'], 'previous');
    const loadedAfter = await load(values.roster, values.ties, values.respondents, 'later');
    if (!loadedBefore || !loadedAfter) return EXIT.badInput;
    // Each wave's scale scores become roster attributes the change measures read (participation, role clarity).
    const scaled = (dataset: Dataset, people: string | undefined) =>
      people === undefined ? dataset : withScaleScores(dataset, at(people)!, at(values.scales), 'leadmap compare', io.stderr);
    const before = await scaled(loadedBefore, values['previous-people']);
    const after = await scaled(loadedAfter, values.people);
    if (!before || !after) return EXIT.badInput;
    const readOutcomeFile = async (p: string | undefined): Promise<Outcome[] | null | undefined> => {
      if (p === undefined) return undefined;
      const r = await readOutcomes(at(p)!);
      if (!r.ok) {
        io.stderr(`leadmap compare: ${p} was not read:\n${formatProblems(r.problems)}\n`);
        return null;
      }
      return r.value;
    };
    const outcomesAfter = await readOutcomeFile(values.outcomes);
    const outcomesBefore = await readOutcomeFile(values['previous-outcomes']);
    if (outcomesAfter === null || outcomesBefore === null) return EXIT.badInput;
    const change = compareWaves(before, after, { relation: values.relation, replicates, seed });
    const outcomes = outcomesAfter ? outcomeChanges(outcomesAfter, outcomesBefore ?? []) : null;
    const result = {
      ...change,
      notes: outcomes ? [...change.notes, { code: 'ASSOCIATION_NOT_CAUSE', message: ASSOCIATION_NOTE } satisfies ChangeNote] : change.notes,
      outcomes,
    };
    io.stdout(values.json ? JSON.stringify(result, null, 2) + '\n' : changeText(result, before, after) + '\n');
    return EXIT.ok;
  },
};

const VERDICT_MARK: Record<ChangeIndicator['verdict'], string> = {
  up: 'up',
  down: 'down',
  'no clear change': 'no clear change',
  'not measured': 'not measured',
};

function changeText(c: WaveChange & { outcomes: OutcomeChange[] | null }, a: Dataset, b: Dataset): string {
  const pct = (x: number | null) => (x === null ? 'unknown' : `${Math.round(x * 100)} %`);
  const lines: string[] = [];
  lines.push(`Change in ${c.relation} ties between ${a.wave?.label ?? 'the previous wave'} and ${b.wave?.label ?? 'the later wave'}`);
  lines.push('');
  lines.push(
    `Staff: ${c.basis.staff.before} → ${c.basis.staff.after}; ${c.basis.stayers} stayed, ${c.basis.leavers.length} left, ${c.basis.joiners.length} joined; ` +
      `stable core (present and answering both times): ${c.basis.core}. Response: ${pct(c.basis.responseRates.before)} → ${pct(c.basis.responseRates.after)}.`,
  );
  for (const n of c.notes) lines.push(`! ${n.message}`);
  const rows = (population: 'all' | 'core') =>
    c.indicators
      .filter((i) => i.population === population && (i.domain === 'all' || i.verdict === 'up' || i.verdict === 'down'))
      .map((i) => [
        (INDICATORS[i.key]?.label ?? i.key) + (i.domain === 'all' ? '' : ` (${i.domain})`),
        num(i.before),
        num(i.after),
        num(i.change),
        i.low === null || i.high === null ? '' : `${num(i.low)} to ${num(i.high)}`,
        i.verdict === 'not measured' ? (i.reason ?? 'not measured') : VERDICT_MARK[i.verdict],
      ]);
  const head = ['Indicator', 'Before', 'After', 'Change', '95 % interval', 'Verdict'];
  const align: ('l' | 'r')[] = ['l', 'r', 'r', 'r', 'r', 'l'];
  lines.push('', 'All staff', table(head, rows('all'), align));
  const core = rows('core');
  if (core.length > 0) lines.push('', 'Stable core', table(head, core, align));
  lines.push('', `Per-domain rows are listed when they changed clearly; --json lists them all.`);
  if (c.succession.length > 0) {
    lines.push('', 'Leadership succession');
    for (const s of c.succession)
      lines.push(
        `  ${s.domain}: ${s.leftLeaders.length} leader(s) left; ${s.leadersAfter} leader(s) now${s.kept ? '' : ' — the domain has no leader'}`,
      );
  }
  if (c.review.length > 0) {
    lines.push('', 'To review (not matched across waves):');
    for (const r of c.review)
      lines.push(`  ${r.name} (${r.before}): ${r.why}; candidates ${r.candidates.map((x) => `${x.name} (${x.id})`).join(', ')}`);
  }
  if (c.outcomes) {
    lines.push('', 'School outcomes (association, not cause)');
    lines.push(
      table(
        ['Outcome', 'Before', 'After', 'Change', 'Direction', 'Source'],
        c.outcomes.map((o) => [
          `${o.indicator}${o.unit ? ` (${o.unit})` : ''}`,
          num(o.before),
          num(o.after),
          num(o.change),
          o.direction ?? '',
          o.source,
        ]),
        ['l', 'r', 'r', 'r', 'l', 'l'],
      ),
    );
  }
  lines.push('', `Intervals: ${c.method.replicates} bootstrap replicates over respondents, seed ${c.method.seed} (docs/metrics.md).`);
  const chance = chanceSentence(c);
  if (chance) lines.push(chance);
  return lines.join('\n');
}
