import { withScaleScores } from '../../report/survey/wave-scales.js';
import { compareWaves, type WaveChange } from '../../metrics/change/compare-waves.js';
import { statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { CliIO, Command } from '../command.js';
import { EXIT } from '../command.js';
import { loadDataset } from '../../ingest/load-dataset.js';
import { formatProblems } from '../../ingest/problems.js';
import type { Dataset } from '../../model/types.js';
import { makeReport, schoolOf, waveOf, type Edition, type Paper } from '../../report/index.js';
import { buildDistrictReport } from '../../report/district/model.js';
import { districtPdf } from '../../report/district/document.js';
import { isDistrict } from '../../metrics/district/schools.js';
import { LeadmapError } from '../../model/errors.js';
import type { FormalRoleRule } from '../../model/formal-roles.js';
import { readFormalRolesFile } from '../formal-roles-file.js';
import { surveyFileProblems } from '../../report/survey/check.js';

const USAGE = `Usage: leadmap report --roster <roster.csv> --ties <ties.csv> --out <report.pdf> [options]

Writes the annual distributed-leadership evaluation report of one wave as a PDF: summary,
indicators, who leads what, distribution per domain, formal vs informal leaders, silos,
brokers, key-person risk, new staff and overload, change since the previous wave, the
network figure, data quality and definitions (docs/report.md).

Options:
  --roster <file>            staff list of this wave (required)
  --ties <file>              tie list of this wave (required)
  --respondents <file>       CSV with an id column: who answered the survey; with a responded
                             column (yes/no, true/false, 1/0: the people file leadmap import
                             writes) only rows marked yes count
  --previous-roster <file>   staff list of the previous wave (with --previous-ties: adds "change since")
  --previous-ties <file>     tie list of the previous wave
  --previous-respondents <f> respondents of the previous wave
  --previous-wave <label>    label of the previous wave (default: its tie list's wave, else the date
                             its survey closed)
  --school <name>            school on the cover (default: the roster's school column when it names
                             one school; required when it names none or several)
  --district <name>          a district report: the roster names several schools (its school column);
                             district cover and summary, the schools compared with district medians
                             (schools under the minimum group size suppressed), ties between schools,
                             cross-school leaders, then a section per school (not with --school);
                             with --previous-*: each school's change with intervals, and each
                             section's change pages
  --wave <label>             wave on the cover (default: the tie list's wave column, else the date the
                             survey closed: the latest response timestamp; required when neither exists)
  --relation <name>          relation to analyse (default: the only one, or "advice")
  --edition <named|anonymised>
                             named (default): people by name, for analysts and administrators;
                             anonymised: pseudonyms, no names anywhere, suitable for staff
  --formal-roles <file>      YAML settings: role → domains it is formally responsible for (overrides the
                             table in docs/metrics.md; roster column formal_domains overrides per person)
  --people <file>            the people file leadmap import writes: survey scales (alpha, n, group means
                             of at least the minimum size) and the skills inventory as prompts
  --previous-people <file>   the previous wave's people file: with --people, the change page measures
                             participation in decision-making and role clarity from both
  --activities <file>        leadership activity log: the patterns of distribution
  --decisions <file>         decision map: decisions by level and domain, checked against the network
  --min-group-size <n>       smallest group whose results are shown (default 5)
  --paper <a4|letter>        paper size (default a4; letter = US letter, 8.5 × 11 in)
  --out <file>               where to write the PDF (required)

Exit codes: 0 ok, 2 bad input (problems listed on stderr).`;

export const reportCommand: Command = {
  name: 'report',
  summary: 'write the annual distributed-leadership evaluation report (PDF)',
  usage: USAGE,
  async run(argv, io) {
    let values: Record<string, string | undefined>;
    try {
      ({ values } = parseArgs({
        args: argv,
        allowPositionals: false,
        options: Object.fromEntries(
          [
            'roster',
            'ties',
            'respondents',
            'previous-roster',
            'previous-ties',
            'previous-respondents',
            'previous-wave',
            'school',
            'district',
            'wave',
            'relation',
            'edition',
            'min-group-size',
            'formal-roles',
            'people',
            'previous-people',
            'activities',
            'decisions',
            'paper',
            'out',
          ].map((k) => [k, { type: 'string' as const }]),
        ),
      }) as { values: Record<string, string | undefined> });
    } catch (err) {
      io.stderr(`leadmap report: ${(err as Error).message}\n\n${USAGE}\n`);
      return EXIT.badInput;
    }
    const fail = (msg: string) => {
      io.stderr(`leadmap report: ${msg}\n`);
      return EXIT.badInput;
    };
    if (!values.roster || !values.ties || !values.out) return fail(`--roster, --ties and --out are required\n\n${USAGE}`);
    const edition = values.edition ?? 'named';
    if (edition !== 'named' && edition !== 'anonymised') return fail(`--edition must be "named" or "anonymised", not "${edition}"`);
    const paper = values.paper ?? 'a4';
    if (paper !== 'a4' && paper !== 'letter') return fail(`--paper must be "a4" or "letter", not "${paper}"`);
    const minGroupSize = values['min-group-size'] === undefined ? 5 : Number(values['min-group-size']);
    if (!Number.isInteger(minGroupSize) || minGroupSize < 1)
      return fail(`--min-group-size must be a positive whole number, not "${values['min-group-size']}"`);
    if ((values['previous-roster'] === undefined) !== (values['previous-ties'] === undefined))
      return fail('--previous-roster and --previous-ties go together');
    const at = (p: string | undefined) => (p === undefined ? undefined : resolve(io.cwd, p));
    const files = [
      values.roster,
      values.ties,
      values.respondents,
      values['previous-roster'],
      values['previous-ties'],
      values['previous-respondents'],
      values['formal-roles'],
      values.people,
      values['previous-people'],
      values.activities,
      values.decisions,
    ].filter((p): p is string => p !== undefined);
    const missing = files.filter((p) => !isFile(at(p)!));
    if (missing.length > 0) return fail(missing.map((p) => `file not found: ${p}`).join('\n'));

    let formalRoles: readonly FormalRoleRule[] | undefined;
    if (values['formal-roles'] !== undefined) {
      const read = await readFormalRolesFile(at(values['formal-roles'])!);
      if (!read.ok) return fail(read.message);
      formalRoles = read.rules;
    }
    const current = await load(io, at(values.roster)!, at(values.ties)!, at(values.respondents), values.wave);
    if (!current) return EXIT.badInput;
    let previous: Dataset | null = null;
    if (values['previous-ties']) {
      previous = await load(
        io,
        at(values['previous-roster'])!,
        at(values['previous-ties'])!,
        at(values['previous-respondents']),
        values['previous-wave'],
      );
      if (!previous) return EXIT.badInput;
    }
    if (values.district !== undefined)
      return districtReport(io, current, previous, values, { edition, minGroupSize, paper, formalRoles }, fail);
    let school: string, wave: string, previousWave: string | null;
    try {
      school = schoolOf(current, values.school).value;
      wave = waveOf(current, values.wave).value;
      previousWave = previous ? waveOf(previous, values['previous-wave'], '--previous-wave').value : null;
    } catch (err) {
      if (err instanceof LeadmapError) return fail(`${err.message} [${err.code}]`);
      throw err;
    }
    const survey = { people: at(values.people), activities: at(values.activities), decisions: at(values.decisions) };
    const surveyProblems = (await surveyFileProblems(survey, current.people)).filter((p) => p.severity === 'error');
    if (surveyProblems.length > 0)
      return fail(`the survey files were not read (no report was written):\n${formatProblems(surveyProblems)}`);
    // With both waves' people files, the comparison reads their scale scores as leadmap compare --people does.
    let comparison: WaveChange | undefined;
    if (previous && values.people !== undefined && values['previous-people'] !== undefined) {
      const before = await withScaleScores(previous, at(values['previous-people'])!, undefined, 'leadmap report', io.stderr);
      const after = await withScaleScores(current, at(values.people)!, undefined, 'leadmap report', io.stderr);
      if (!before || !after) return EXIT.badInput;
      comparison = compareWaves(before, after, { relation: values.relation });
    } else if (values['previous-people'] !== undefined)
      return fail('--previous-people needs --people and the previous wave (--previous-roster, --previous-ties)');
    const { model, pdf } = await makeReport(
      {
        school,
        edition,
        minGroupSize,
        relation: values.relation,
        analytics: { formalRoles },
        current: { dataset: current, wave },
        previous: previous && previousWave !== null ? { dataset: previous, wave: previousWave } : null,
        comparison,
      },
      paper,
      survey,
    );
    await writeFile(at(values.out)!, pdf);
    if (current.respondents !== null) {
      const onRoster = current.people.filter((p) => p.onRoster).length;
      io.stderr(
        `leadmap report: response rate ${model.quality.responseRate.text}: ${current.respondents.length} of ${onRoster} staff on the roster answered (${values.respondents})\n`,
      );
    }
    io.stderr(
      `leadmap report: wrote ${values.out} (${edition} edition, ${model.meta.people} people, ${Math.round(pdf.length / 1024)} KiB)\n`,
    );
    return EXIT.ok;
  },
};

/** `leadmap report --district <name>`: the district report of a roster naming several schools. */
async function districtReport(
  io: CliIO,
  dataset: Dataset,
  previous: Dataset | null,
  values: Record<string, string | undefined>,
  o: { edition: Edition; minGroupSize: number; paper: Paper; formalRoles: readonly FormalRoleRule[] | undefined },
  fail: (msg: string) => number,
): Promise<number> {
  if (values.school !== undefined) return fail('--district and --school do not go together: the district report has a section per school');
  const district = values.district!.trim();
  if (district === '') return fail('--district needs the district’s name');
  if (!isDistrict(dataset))
    return fail('the roster names one school or none: a district report needs a school column naming several [NOT_A_DISTRICT]');
  let wave: string;
  try {
    wave = waveOf(dataset, values.wave).value;
    const model = buildDistrictReport({
      district,
      wave,
      dataset,
      previous: previous ? { dataset: previous, wave: waveOf(previous, values['previous-wave'], '--previous-wave').value } : null,
      edition: o.edition,
      minGroupSize: o.minGroupSize,
      relation: values.relation,
      analytics: { formalRoles: o.formalRoles },
    });
    const pdf = await districtPdf(model, o.paper);
    await writeFile(resolve(io.cwd, values.out!), pdf);
    io.stderr(
      `leadmap report: wrote ${values.out} (district report, ${o.edition} edition, ${model.view.schools.length} schools, ${model.sections.length} school sections, ${Math.round(pdf.length / 1024)} KiB)\n`,
    );
    return EXIT.ok;
  } catch (err) {
    if (err instanceof LeadmapError) return fail(`${err.message} [${err.code}]`);
    throw err;
  }
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** Loads one wave; a tie list holding several waves is filtered to `wave`. Problems go to stderr. */
async function load(
  io: CliIO,
  roster: string,
  ties: string,
  respondents: string | undefined,
  wave: string | undefined,
): Promise<Dataset | null> {
  let loaded = await loadDataset({ roster, ties, respondents });
  if (!loaded.ok && wave !== undefined && loaded.problems.some((p) => p.code === 'WAVE_REQUIRED'))
    loaded = await loadDataset({ roster, ties, respondents, wave });
  if (!loaded.ok) {
    io.stderr(`leadmap report: the input was not loaded (no report written):\n${formatProblems(loaded.problems)}\n`);
    return null;
  }
  const warnings = loaded.problems.filter((p) => p.severity === 'warning');
  if (warnings.length > 0) io.stderr(formatProblems(warnings) + '\n');
  return loaded.value;
}
