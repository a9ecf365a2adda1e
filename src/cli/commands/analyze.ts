import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import type { Command } from '../command.js';
import { EXIT } from '../command.js';
import { loadDataset } from '../../ingest/load-dataset.js';
import { shouldUseFastPath } from '../../fastpath/analyze-large.js';
import { analyzeLargeForCli } from './analyze-large.js';
import { coreText } from '../analyze-text.js';
import { formatProblems } from '../../ingest/problems.js';
import { summarizeLeadership } from '../../metrics/analytics.js';
import { analysisDocument, analyzeDataset } from '../../jobs/analysis-document.js';
import { readFormalRolesFile } from '../formal-roles-file.js';
import type { FormalRoleRule } from '../../model/formal-roles.js';
import { listOption, progressPrinter } from '../format.js';
import { scalesSection } from '../../report/survey/scales.js';
import { decisionsText, districtText, patternsText, scalesText, skillsText, surveyNetworkText } from '../analyze-sections-text.js';
import { patternsSection } from '../../report/survey/patterns.js';
import { decisionsSection } from '../../report/survey/decisions.js';
import { skillsSection } from '../../report/survey/skills.js';
import { readRoster } from '../../ingest/roster.js';
import type { Person } from '../../model/types.js';

const USAGE = `Usage: leadmap analyze <ties.csv> [options]
       leadmap analyze [--people <people.csv> [--scales <scales.yaml>]] [--activities <activities.csv>]
                       [--decisions <decisions.csv> --roster <roster.csv>] [--json]

Reads a tie list (one row per "source names target") and a roster, builds the
network of one relation and domain, and prints the core network measures.

Options:
  --roster <file>          staff list (id, name, role, department, …); without it, staff
                           nobody named and who named nobody are missing
  --relation <name>        relation to analyse (default: the only one, or "advice")
  --domain <name>          leadership domain (default: all domains pooled, "any")
  --wave <label>           wave to analyse when the tie list holds several
  --respondents <file>     CSV with an id column: who answered the survey
  --unknown-people <mode>  reject (default): a tie naming someone off the roster is an error;
                           add: keep them as non-roster people
  --skip-bad-rows          skip rows with errors (listed on stderr) instead of refusing the file
  --undirected <list>      relations whose rows count both ways, e.g. contact,meeting
  --top <n>                people shown per measure in the text output (default 10)
  --formal-roles <file>    YAML settings: role → domains it is formally responsible for (overrides the
                           table in docs/metrics.md; roster column formal_domains overrides per person)
  --group-by <column>      grouping for silos and brokers: department (default; school when the
                           roster names several schools), team, school, role or any roster column
  --fast                   use the large-file fast path (automatic for tie files of 16 MiB or more:
                           typed arrays, all cores; the same sections; docs/performance.md)
  --exact                  exact betweenness even above 5,000 people and exact closeness above 20,000
                           (default: estimated, labelled with the error in "betweennessMethod" and
                           "closenessMethod"); networks of 2,000 people or more use the fast kernels
                           (worker threads) on either path
  --people <file>          the people file leadmap import writes (one column per Likert question):
                           adds "scales" (alpha, n, mean, group means of at least 5 people) and,
                           with a tie list, "surveyNetwork" (exploratory: answers about a domain
                           beside how often each person is sought out in it); with skill_domains /
                           need_domains columns, "skills" (untapped strengths, domains that depend on one
                           expert, needs nobody offers, possible pairings — prompts, not a ranking)
  --scales <file>          scale definitions (YAML: scale, items by question text, reverse-coded
                           items, response scale); default: the shipped scales/leadmap-scales.yaml
  --activities <file>      leadership activity log (date, activity, routine, goal, participants, unit):
                           adds "patterns" (each entry collaborated, coordinated, collective,
                           parallel or individual, with why)
  --decisions <file>       decision map (decision, domain, level, decides, consulted, informed,
                           frequency; people as roster ids or roles): adds "decisions" (level × domain
                           matrix; per domain whether those who decide are those colleagues go to)
  --json                   print one JSON document {"network": {…}, "people": […], "leaders", "distribution",
                           "formalInformal", "groups", "brokerage", "risk", "periphery", "quality"} on stdout;
                           a roster naming several schools adds "schools" and "crossSchoolLeaders"

Exit codes: 0 ok, 2 bad input (problems listed on stderr).
Measures are defined in docs/metrics.md.`;

export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'measure a staff network from a tie list and a roster',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        roster: { type: 'string' },
        relation: { type: 'string' },
        domain: { type: 'string' },
        wave: { type: 'string' },
        respondents: { type: 'string' },
        'unknown-people': { type: 'string' },
        'skip-bad-rows': { type: 'boolean' },
        undirected: { type: 'string' },
        top: { type: 'string' },
        json: { type: 'boolean' },
        'group-by': { type: 'string' },
        'formal-roles': { type: 'string' },
        exact: { type: 'boolean' },
        fast: { type: 'boolean' },
        scales: { type: 'string' },
        people: { type: 'string' },
        activities: { type: 'string' },
        decisions: { type: 'string' },
      },
    });
    if (values.scales !== undefined && values.people === undefined) {
      io.stderr('leadmap analyze: --scales needs --people <people.csv> (the answers to read the scales from)\n');
      return EXIT.badInput;
    }
    if (positionals.length === 0 && (values.people !== undefined || values.activities !== undefined || values.decisions !== undefined)) {
      const at0 = (p: string) => resolve(io.cwd, p);
      if (values.decisions !== undefined && values.roster === undefined) {
        io.stderr('leadmap analyze: --decisions needs --roster <roster.csv> (decisions name roster ids or roles)\n');
        return EXIT.badInput;
      }
      const missing0 = [values.people, values.scales, values.activities, values.roster, values.decisions].filter(
        (p): p is string => p !== undefined && !existsSyncSafe(at0(p)),
      );
      if (missing0.length > 0) {
        io.stderr(missing0.map((p) => `leadmap analyze: file not found: ${p}`).join('\n') + '\n');
        return EXIT.badInput;
      }
      let roster: Person[] | null = null;
      if (values.roster !== undefined) {
        const r = await readRoster(at0(values.roster));
        if (!r.ok) {
          io.stderr(`leadmap analyze: the roster was not read (nothing was analysed):\n${formatProblems(r.problems)}\n`);
          return EXIT.badInput;
        }
        roster = r.value;
      }
      const scales =
        values.people === undefined
          ? undefined
          : await scalesSection(at0(values.people), values.scales && at0(values.scales), values['group-by'] ?? 'department', io.stderr);
      if (scales === null) return EXIT.badInput;
      const patterns = values.activities === undefined ? null : await patternsSection(at0(values.activities), roster, io.stderr);
      if (values.activities !== undefined && !patterns) return EXIT.badInput;
      const decisions =
        values.decisions === undefined ? null : await decisionsSection(at0(values.decisions), roster ?? [], null, io.stderr);
      if (values.decisions !== undefined && !decisions) return EXIT.badInput;
      const nameOf0 = (id: string) => roster?.find((p) => p.id === id)?.name ?? id;
      const skills =
        values.people === undefined ? undefined : await skillsSection(at0(values.people), null, io.stderr, values.json ? null : nameOf0);
      if (skills === null) return EXIT.badInput;
      if (values.people !== undefined && !scales && !skills) return noSurvey(io.stderr, values.people);
      io.stdout(
        values.json
          ? JSON.stringify({
              ...(scales ? { scales: scales.scales } : {}),
              ...(patterns ? { patterns } : {}),
              ...(decisions ? { decisions } : {}),
              ...(skills ? { skills } : {}),
            }) + '\n'
          : [
              scales && scalesText(scales.scales),
              patterns && patternsText(patterns),
              decisions && decisionsText(decisions, nameOf0),
              skills && skillsText(skills),
            ]
              .filter(Boolean)
              .join('\n\n') + '\n',
      );
      return EXIT.ok;
    }
    if (positionals.length !== 1) {
      io.stderr(`leadmap analyze: expected one tie list file, got ${positionals.length}\n\n${USAGE}\n`);
      return EXIT.badInput;
    }
    const unknownPeople = values['unknown-people'] ?? 'reject';
    if (unknownPeople !== 'reject' && unknownPeople !== 'add') {
      io.stderr(`leadmap analyze: --unknown-people must be "reject" or "add", not "${unknownPeople}"\n`);
      return EXIT.badInput;
    }
    const top = values.top === undefined ? 10 : Number(values.top);
    if (!Number.isInteger(top) || top < 1) {
      io.stderr(`leadmap analyze: --top must be a positive whole number, not "${values.top}"\n`);
      return EXIT.badInput;
    }
    const at = (p: string | undefined) => (p === undefined ? undefined : resolve(io.cwd, p));
    const missing = [
      positionals[0],
      values.roster,
      values.respondents,
      values['formal-roles'],
      values.people,
      values.scales,
      values.activities,
    ].filter((p): p is string => p !== undefined && !existsSyncSafe(at(p)!));
    if (missing.length > 0) {
      io.stderr(missing.map((p) => `leadmap analyze: file not found: ${p}`).join('\n') + '\n');
      return EXIT.badInput;
    }
    let formalRoles: readonly FormalRoleRule[] | undefined;
    if (values['formal-roles'] !== undefined) {
      const read = await readFormalRolesFile(at(values['formal-roles'])!);
      if (!read.ok) {
        io.stderr(`leadmap analyze: ${read.message}\n`);
        return EXIT.badInput;
      }
      formalRoles = read.rules;
    }
    if (
      values.fast ||
      (values.respondents === undefined &&
        values.undirected === undefined &&
        unknownPeople === 'reject' &&
        !values['skip-bad-rows'] &&
        shouldUseFastPath(at(positionals[0])!))
    ) {
      return analyzeLargeForCli(
        at(positionals[0])!,
        {
          roster: at(values.roster),
          relation: values.relation,
          domain: values.domain,
          wave: values.wave,
          exact: values.exact,
          json: values.json,
          top,
          groupBy: values['group-by'],
          formalRoles,
        },
        io,
      );
    }
    const loaded = await loadDataset({
      ties: at(positionals[0])!,
      roster: at(values.roster),
      respondents: at(values.respondents),
      wave: values.wave,
      unknownPeople,
      skipBadRows: values['skip-bad-rows'] ?? false,
      undirected: listOption(values.undirected),
      onProgress: progressPrinter(positionals[0]!, io.stderr),
    });
    if (!loaded.ok) {
      io.stderr(`leadmap analyze: the input was not loaded (nothing was analysed):\n${formatProblems(loaded.problems)}\n`);
      return EXIT.badInput;
    }
    const warnings = loaded.problems.filter((p) => p.severity === 'warning');
    if (warnings.length > 0) io.stderr(formatProblems(warnings) + '\n');
    const dataset = loaded.value;
    const analysis = await analyzeDataset(dataset, {
      relation: values.relation,
      domain: values.domain,
      groupBy: values['group-by'],
      formalRoles,
      exact: values.exact === true,
    });
    const { graph, core, leadership, district, selection } = analysis;
    const scales =
      values.people === undefined
        ? undefined
        : await scalesSection(at(values.people)!, at(values.scales), values['group-by'] ?? 'department', io.stderr, {
            dataset,
            relation: selection.relation,
          });
    if (scales === null) return EXIT.badInput;
    const patterns = values.activities === undefined ? null : await patternsSection(at(values.activities)!, dataset.people, io.stderr);
    if (values.activities !== undefined && !patterns) return EXIT.badInput;
    const decisions =
      values.decisions === undefined ? null : await decisionsSection(at(values.decisions)!, dataset.people, leadership, io.stderr);
    if (values.decisions !== undefined && !decisions) return EXIT.badInput;
    const skills =
      values.people === undefined
        ? undefined
        : await skillsSection(
            at(values.people)!,
            { dataset, relation: selection.relation, leadership },
            io.stderr,
            values.json ? null : (id) => graph.getNodeAttribute(id, 'name'),
          );
    if (skills === null) return EXIT.badInput;
    if (values.people !== undefined && !scales && !skills) return noSurvey(io.stderr, values.people);
    if (values.json) {
      io.stdout(
        JSON.stringify({
          ...analysisDocument(analysis),
          ...(scales ? { scales: scales.scales, surveyNetwork: scales.surveyNetwork } : {}),
          ...(patterns ? { patterns } : {}),
          ...(decisions ? { decisions } : {}),
          ...(skills ? { skills } : {}),
        }) + '\n',
      );
    } else {
      io.stdout(
        coreText(core, selection, top, (id) => graph.getNodeAttribute(id, 'name')) +
          '\n\n' +
          summarizeLeadership(leadership) +
          (district ? '\n\n' + districtText(district.schools, district.crossSchoolLeaders, top) : '') +
          (scales ? '\n\n' + scalesText(scales.scales) + surveyNetworkText(scales.surveyNetwork) : '') +
          (patterns ? '\n\n' + patternsText(patterns) : '') +
          (decisions ? '\n\n' + decisionsText(decisions, (id) => graph.getNodeAttribute(id, 'name')) : '') +
          (skills ? '\n\n' + skillsText(skills) : '') +
          '\n',
      );
    }
    return EXIT.ok;
  },
};

function existsSyncSafe(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** A people file with neither answers to the shipped scales' items nor skills columns: nothing to read. */
function noSurvey(stderr: (s: string) => void, file: string): number {
  stderr(
    `leadmap analyze: ${file} has no column for any item of the shipped scales and no skill_domains or need_domains column [NO_SURVEY_ANSWERS]; expected the people file leadmap import writes\n`,
  );
  return EXIT.badInput;
}
