import { existsSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Command } from '../command.js';
import { EXIT } from '../command.js';
import { readRoster } from '../../ingest/roster.js';
import { formatProblems } from '../../ingest/problems.js';
import { loadMapping, type SurveyMapping } from '../../ingest/survey/mapping.js';
import { parseSurveyExport } from '../../ingest/survey/import.js';
import { peopleCsv, reviewCsv, starterMapping, tiesCsv } from '../../ingest/survey/output.js';
import { formatReviewList, formatSummary, summarize } from '../../ingest/survey/summary.js';
import { mergeMappings } from '../../ingest/survey/decisions.js';
import { lineReader, reviewInteractively } from '../interactive-review.js';

const USAGE = `Usage: leadmap import <export.(csv|tsv|txt|xlsx)> --roster <roster.csv> [options]

Turns a wide survey export (Google Forms, Microsoft Forms, Qualtrics, SurveyMonkey, Excel CSV in any
encoding or locale, UTF-16 "Unicode text") into canonical ties, matching the names people
typed or ticked to the roster. Nothing is guessed: ambiguous or unknown names are listed for
review and resolved in a mapping file you keep and reuse next year.

Options:
  --roster <file>          staff list (id, name, department, email, …)  [required]
  --mapping <file>         mapping (.json or .yaml): what each question means, answer scales,
                           resolutions of names (see docs/surveys.md)
  --out <file>             ties CSV to write; nothing is written without it (the
                           export's folder is never written to unless you name it)
  --people-out <file>      people CSV: responded yes/no, Likert answers, skills
                           (default: beside --out, <out>.people.csv; accepted by
                           leadmap report --respondents)
  --write-mapping <file>   write a starter mapping with everything inferred and every name
                           still to decide
  --interactive            ask about each item to review (numbered choices; type part of a
                           name to search the roster), then write the mapping file
                           (--write-mapping, default <out>.mapping.yaml) and the ties
  --wave <label>           wave label stored on the ties
  --json                   print the summary as JSON on stdout

What needs review is listed on stderr in plain words, with the exact line to add to the
mapping file for each item.

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
        interactive: { type: 'boolean' },
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
    let result = await parseSurveyExport(input, roster.value, { mapping, wave: values.wave ?? null });
    if (!result.ok) {
      io.stderr(`leadmap import: ${basename(input)} is not a usable survey export:\n${formatProblems(result.problems)}\n`);
      return EXIT.badInput;
    }
    const out = values.out ? resolve(io.cwd, values.out) : null;
    const outStem = out ? out.replace(/\.csv$/i, '') : null;
    let mappingOut = values['write-mapping'] ? resolve(io.cwd, values['write-mapping']) : null;
    if (values.interactive && result.value.review.length) {
      if (!io.stdin) {
        io.stderr('leadmap import: --interactive needs a terminal (or answers piped in)\n');
        return EXIT.badInput;
      }
      const answers = await reviewInteractively(result.value.review, roster.value, lineReader(io.stdin), io.stderr);
      mapping = mergeMappings(mapping, answers.mapping);
      io.stderr(`\n${answers.decided} decided, ${answers.left} left for later.\n`);
      mappingOut ??= outStem ? `${outStem}.mapping.yaml` : null;
      result = await parseSurveyExport(input, roster.value, { mapping, wave: values.wave ?? null });
      if (!result.ok) {
        io.stderr(`leadmap import: ${basename(input)} is not a usable survey export:\n${formatProblems(result.problems)}\n`);
        return EXIT.badInput;
      }
    }
    const r = result.value;
    const peopleOut = values['people-out'] ? resolve(io.cwd, values['people-out']) : outStem ? `${outStem}.people.csv` : null;
    const reviewOut = outStem ? `${outStem}.review.csv` : null;
    if (out) await writeAtomic(out, tiesCsv(r.ties));
    if (peopleOut) await writeAtomic(peopleOut, peopleCsv(roster.value, r));
    if (reviewOut) {
      if (r.review.length) await writeAtomic(reviewOut, reviewCsv(r.review));
      else if (existsSync(reviewOut)) await rm(reviewOut);
    }
    if (mappingOut) await writeAtomic(mappingOut, starterMapping(r, mapping));
    const summary = summarize(r, roster.value);
    if (values.json) {
      io.stdout(
        JSON.stringify(
          {
            ...summary,
            outputs: { ties: out, people: peopleOut, review: r.review.length ? reviewOut : null, mapping: mappingOut },
            problems: r.problems,
          },
          null,
          2,
        ) + '\n',
      );
    } else {
      io.stdout(formatSummary(summary, r));
      const written = [out && `${out} (${r.ties.length} ties)`, peopleOut, r.review.length ? reviewOut : null, mappingOut].filter(Boolean);
      io.stdout(
        written.length
          ? `Wrote ${written.join(', ')}\n`
          : 'Nothing written: give --out <ties.csv> to write the ties (the people file and the review list go beside it).\n',
      );
    }
    if (r.review.length) io.stderr(formatReviewList(r.review, mappingOut ?? values.mapping ?? null));
    return r.review.length ? EXIT.needsReview : EXIT.ok;
  },
};
