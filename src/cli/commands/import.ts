import { existsSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Command } from '../command.js';
import { EXIT } from '../command.js';
import { readRoster } from '../../ingest/roster.js';
import { formatProblems } from '../../ingest/problems.js';
import { loadMapping, type SurveyMapping } from '../../ingest/survey/mapping.js';
import { parseSurveyExport } from '../../ingest/survey/import.js';
import { peopleCsv, reviewCsv, starterMapping, tiesCsv } from '../../ingest/survey/output.js';
import { formatSummary, summarize } from '../../ingest/survey/summary.js';

const USAGE = `Usage: leadmap import <export.(csv|tsv|txt|xlsx)> --roster <roster.csv> [options]

Turns a wide survey export (Google Forms, Microsoft Forms, Qualtrics, SurveyMonkey, Excel CSV in any
encoding or locale, UTF-16 "Unicode text") into canonical ties, matching the names people
typed or ticked to the roster. Nothing is guessed: ambiguous or unknown names are listed for
review and resolved in a mapping file you keep and reuse next year.

Options:
  --roster <file>          staff list (id, name, department, email, …)  [required]
  --mapping <file>         mapping (.json or .yaml): what each question means, answer scales,
                           resolutions of names (see docs/surveys.md)
  --out <file>             ties CSV to write (default: <export>.ties.csv)
  --people-out <file>      people CSV: responded yes/no, Likert answers, skills
                           (default: <export>.people.csv)
  --write-mapping <file>   write a starter mapping with everything inferred and every name
                           still to decide
  --wave <label>           wave label stored on the ties
  --json                   print the summary as JSON on stdout

Exit codes: 0 every name matched or resolved; 3 NEEDS REVIEW (files written, plus
<out>.review.csv); 2 bad input (not a survey export, unreadable roster or mapping).`;

async function writeAtomic(path: string, text: string): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  await writeFile(tmp, text, 'utf8');
  await rename(tmp, path);
}

export const importCommand: Command = {
  name: 'import',
  summary: 'turn a Google/Microsoft Forms, Qualtrics, SurveyMonkey or Excel survey export into ties',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        roster: { type: 'string' },
        mapping: { type: 'string' },
        out: { type: 'string' },
        'people-out': { type: 'string' },
        'write-mapping': { type: 'string' },
        wave: { type: 'string' },
        json: { type: 'boolean' },
      },
    });
    if (positionals.length !== 1) {
      io.stderr(`leadmap import: expected one survey export file, got ${positionals.length}\n\n${USAGE}\n`);
      return EXIT.badInput;
    }
    if (!values.roster) {
      io.stderr(`leadmap import: --roster is required (names are matched to the staff list)\n\n${USAGE}\n`);
      return EXIT.badInput;
    }
    const input = resolve(io.cwd, positionals[0]!);
    for (const [what, p] of [
      ['survey export', input],
      ['roster', resolve(io.cwd, values.roster)],
      ...(values.mapping ? [['mapping', resolve(io.cwd, values.mapping)]] : []),
    ] as const) {
      if (!existsSync(p)) {
        io.stderr(`leadmap import: ${what} file not found: ${p}\n`);
        return EXIT.badInput;
      }
    }
    const roster = await readRoster(resolve(io.cwd, values.roster));
    if (!roster.ok) {
      io.stderr(`leadmap import: the roster cannot be read:\n${formatProblems(roster.problems)}\n`);
      return EXIT.badInput;
    }
    let mapping: SurveyMapping | undefined;
    if (values.mapping) {
      const m = await loadMapping(resolve(io.cwd, values.mapping));
      if (!m.ok) {
        io.stderr(`leadmap import: the mapping cannot be used:\n${formatProblems(m.problems)}\n`);
        return EXIT.badInput;
      }
      mapping = m.mapping;
    }
    const result = await parseSurveyExport(input, roster.value, { mapping, wave: values.wave ?? null });
    if (!result.ok) {
      io.stderr(`leadmap import: ${basename(input)} is not a usable survey export:\n${formatProblems(result.problems)}\n`);
      return EXIT.badInput;
    }
    const r = result.value;
    const stem = join(dirname(input), basename(input, extname(input)));
    const out = values.out ? resolve(io.cwd, values.out) : `${stem}.ties.csv`;
    const peopleOut = values['people-out'] ? resolve(io.cwd, values['people-out']) : `${stem}.people.csv`;
    const reviewOut = out.replace(/\.csv$/i, '') + '.review.csv';
    await writeAtomic(out, tiesCsv(r.ties));
    await writeAtomic(peopleOut, peopleCsv(roster.value, r));
    if (r.review.length) await writeAtomic(reviewOut, reviewCsv(r.review));
    else if (existsSync(reviewOut)) await rm(reviewOut);
    if (values['write-mapping']) await writeAtomic(resolve(io.cwd, values['write-mapping']), starterMapping(r, mapping));
    const summary = summarize(r, roster.value);
    if (values.json) {
      io.stdout(
        JSON.stringify(
          {
            ...summary,
            outputs: { ties: out, people: peopleOut, review: r.review.length ? reviewOut : null, mapping: values['write-mapping'] ?? null },
            problems: r.problems,
          },
          null,
          2,
        ) + '\n',
      );
    } else {
      io.stdout(formatSummary(summary, r));
      io.stdout(
        `Wrote ${out} (${r.ties.length} ties), ${peopleOut}${r.review.length ? `, ${reviewOut}` : ''}${values['write-mapping'] ? `, ${values['write-mapping']}` : ''}\n`,
      );
    }
    return r.review.length ? EXIT.needsReview : EXIT.ok;
  },
};
