import { basename } from 'node:path';
import type { Dataset, IngestResult, Person, Problem, Tie } from '../model/types.js';
import { blankPerson } from '../model/blank-person.js';
import { readRoster } from './roster.js';
import { readTies, type TiesOptions } from './ties.js';
import { readIdList } from './id-list.js';

export interface LoadDatasetOptions {
  /** Roster CSV. Without it, the people are those named in the ties (isolates cannot be known). */
  roster?: string;
  /** Tie list CSV. */
  ties: string;
  /** Optional list of respondents (a CSV with an id column): people who answered the survey. */
  respondents?: string;
  /** Keep only rows of this wave when the tie list has a wave column with several values. */
  wave?: string;
  unknownPeople?: TiesOptions['unknownPeople'];
  skipBadRows?: boolean;
  undirected?: readonly string[];
  defaultRelation?: string;
  onProgress?: TiesOptions['onProgress'];
  signal?: AbortSignal;
}

/**
 * Reads a roster and a tie list into one Dataset, all or nothing: any error in
 * either file (or in the respondents list) gives `ok: false` with every
 * problem, and no dataset.
 */
export async function loadDataset(options: LoadDatasetOptions): Promise<IngestResult<Dataset>> {
  const problems: Problem[] = [];
  let people: Person[] | null = null;
  if (options.roster !== undefined) {
    const r = await readRoster(options.roster, { signal: options.signal });
    problems.push(...r.problems);
    if (!r.ok) return { ok: false, problems };
    people = r.value;
  }
  const rosterIds = people ? new Set(people.map((p) => p.id)) : undefined;
  const t = await readTies(options.ties, {
    rosterIds,
    unknownPeople: options.unknownPeople,
    skipBadRows: options.skipBadRows,
    undirected: options.undirected,
    defaultRelation: options.defaultRelation,
    onProgress: options.onProgress,
    signal: options.signal,
  });
  problems.push(...t.problems);
  if (!t.ok) return { ok: false, problems };
  let ties: Tie[] = t.value.ties;
  let wave: string | null = null;
  if (t.value.waves.length > 1 || options.wave !== undefined) {
    if (options.wave === undefined) {
      problems.push(
        fileProblem(
          options.ties,
          'WAVE_REQUIRED',
          `the tie list holds several waves (${t.value.waves.join(', ')}); choose one with --wave`,
        ),
      );
      return { ok: false, problems };
    }
    if (!t.value.waves.includes(options.wave)) {
      problems.push(
        fileProblem(
          options.ties,
          'UNKNOWN_WAVE',
          `wave "${options.wave}" is not in the tie list; it has: ${t.value.waves.join(', ') || '(no wave column)'}`,
        ),
      );
      return { ok: false, problems };
    }
    wave = options.wave;
    ties = ties.filter((x) => x.wave === wave);
  } else if (t.value.waves.length === 1) {
    wave = t.value.waves[0]!;
  }
  if (people === null) {
    people = t.value.ids.map((id) => blankPerson(id));
    problems.push({
      ...fileProblem(
        options.ties,
        'NO_ROSTER',
        'no roster given: people are those named in the ties, so staff nobody named and who named nobody are missing (isolates); pass --roster for complete results',
      ),
      severity: 'warning',
    });
  } else {
    for (const id of t.value.unknownIds) people.push({ ...blankPerson(id), onRoster: false });
  }
  let respondents: string[] | null = null;
  if (options.respondents !== undefined) {
    const r = await readIdList(options.respondents, new Set(people.map((p) => p.id)));
    problems.push(...r.problems);
    if (!r.ok) return { ok: false, problems };
    respondents = r.value;
  }
  const domains = [...new Set(ties.map((x) => x.domain))].sort();
  const relations = t.value.relations.filter((r) => ties.some((x) => x.relation === r.name));
  return {
    ok: true,
    value: {
      people,
      ties,
      relations,
      domains,
      respondents,
      wave: wave === null ? null : { id: wave, label: wave, schoolId: '', collectedOn: null },
    },
    problems,
  };
}

function fileProblem(path: string, code: string, message: string): Problem {
  return { code, severity: 'error', file: basename(path), row: null, column: null, value: null, message };
}
