import { basename } from 'node:path';
import { ANY_DOMAIN, DEFAULT_RELATION, type IngestResult, type RelationSpec, type Tie, type TieIngestStats } from '../model/types.js';
import { readCsv } from './csv-reader.js';
import { describeAliases, resolveHeader, type AliasTable, type ResolvedHeader } from './headers.js';
import { ProblemCollector } from './problems.js';
import { TieAggregator } from './tie-aggregator.js';
import { hasExtraValues } from './row-shape.js';
import { BAD_COUNT_MESSAGE, badWeightMessage, normalizeLabel, parsePositiveNumber } from './values.js';
import { unguardCell } from './csv-safe.js';

export type TieField = 'source' | 'target' | 'relation' | 'domain' | 'weight' | 'count' | 'timestamp' | 'wave';

/** Accepted tie-list header spellings (case-insensitive; spaces, "_" and "-" alike). */
export const TIE_ALIASES: AliasTable<TieField> = {
  source: ['source', 'from', 'ego', 'nominator', 'sender', 'respondent', 'src', 'source_id', 'from_id', 'seeker'],
  target: ['target', 'to', 'alter', 'nominee', 'receiver', 'recipient', 'dst', 'target_id', 'to_id', 'sought'],
  relation: ['relation', 'relationship', 'type', 'tie_type', 'network', 'relation_type'],
  domain: ['domain', 'leadership_domain', 'area', 'topic'],
  weight: ['weight', 'strength', 'frequency', 'value', 'w'],
  /** Rows already aggregated into this one (leadmap's own tie CSVs). Without a weight column, the count is the weight. */
  count: ['count', 'n', 'times'],
  timestamp: ['timestamp', 'time', 'date', 'datetime'],
  wave: ['wave', 'period', 'collection'],
};

/**
 * Records MISSING_COLUMN for a tie list without a source or a target column (readTies and the fast
 * path's readTiesCsr). True when both are there.
 */
export function requireTieColumns(header: ResolvedHeader<TieField>, file: string, problems: ProblemCollector): boolean {
  for (const f of ['source', 'target'] as const) {
    if (header.index[f] === undefined) {
      problems.error(
        file,
        1,
        null,
        null,
        'MISSING_COLUMN',
        `no ${f} column; a tie list needs columns for who names whom: ${f} is one of ${describeAliases(TIE_ALIASES[f])}`,
      );
    }
  }
  return header.index.source !== undefined && header.index.target !== undefined;
}

export interface TiesOptions {
  /** Name used in problems; defaults to the file's base name. */
  file?: string;
  /** Roster ids. When given, ties naming anyone else are handled by `unknownPeople`. */
  rosterIds?: ReadonlySet<string>;
  /** 'reject' (default): a row naming someone off the roster is an error. 'add': they become non-roster people (warning). */
  unknownPeople?: 'reject' | 'add';
  /** Skip rows with errors (listed in stats.skippedRows and problems) instead of refusing the file. */
  skipBadRows?: boolean;
  /** Relations whose rows count both ways (co-presence, contact). */
  undirected?: readonly string[];
  /** Relation of rows when the file has no relation column (default "advice"). */
  defaultRelation?: string;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  signal?: AbortSignal;
}

export interface TiesValue {
  ties: Tie[];
  relations: RelationSpec[];
  domains: string[];
  waves: string[];
  /** Ids named in ties but absent from the roster, in first-seen order (added as non-roster people with unknownPeople 'add'). */
  unknownIds: string[];
  /** Every id named in a kept tie, in first-seen order. */
  ids: string[];
  stats: TieIngestStats;
}

/**
 * Reads a long-form tie list (one row per "source names target") in one
 * streaming pass. Rows with the same (source, target, relation, domain, wave)
 * are aggregated: weights summed, `count` rows. Self-ties are dropped and
 * counted. Every problem is collected with its row and column; with errors the
 * result holds no ties unless `skipBadRows` is set. Memory grows with distinct
 * ties, not rows.
 */
export async function readTies(path: string, options: TiesOptions = {}): Promise<IngestResult<TiesValue>> {
  const file = options.file ?? basename(path);
  const problems = new ProblemCollector();
  const undirected = new Set((options.undirected ?? []).map(normalizeLabel));
  const defaultRelation = normalizeLabel(options.defaultRelation ?? DEFAULT_RELATION);
  const agg = new TieAggregator();
  const labels = new Map<string, string>();
  const label = (text: string): string => {
    let l = labels.get(text);
    if (l === undefined) labels.set(text, (l = normalizeLabel(text)));
    return l;
  };
  const relations = new Map<string, RelationSpec>();
  const domains = new Set<string>();
  const waves = new Set<string>();
  const unknown = new Set<string>();
  const stats: TieIngestStats = {
    rowsRead: 0,
    tiesKept: 0,
    duplicateRowsAggregated: 0,
    selfTiesDropped: 0,
    unknownPeopleRows: 0,
    skippedRows: [],
  };
  let header: ResolvedHeader<TieField> | null = null;
  let headerWidth = 0;
  let decimalComma = false;

  const summary = await readCsv({
    path,
    file,
    problems,
    signal: options.signal,
    onProgress: options.onProgress,
    onHeader(cells, format) {
      headerWidth = cells.length;
      decimalComma = format.delimiter === ';';
      header = resolveHeader(cells, TIE_ALIASES, file, problems);
      return requireTieColumns(header, file, problems) && header.ok;
    },
    onRow(cells, row) {
      const h = header!;
      stats.rowsRead++;
      const errorsBefore = problems.errors;
      if (cells.length > headerWidth && hasExtraValues(cells, headerWidth)) {
        problems.error(
          file,
          row,
          null,
          null,
          'TOO_MANY_FIELDS',
          `the row has ${cells.length} values but the header has ${headerWidth} columns (a delimiter inside an unquoted value?)`,
        );
      }
      const source = cell(cells, h.index.source);
      const target = cell(cells, h.index.target);
      if (source === '')
        problems.error(file, row, h.label.source!, '', 'MISSING_VALUE', 'is empty; expected the id of the person who names someone');
      if (target === '') problems.error(file, row, h.label.target!, '', 'MISSING_VALUE', 'is empty; expected the id of the person named');
      let weight = 1;
      if (h.index.weight !== undefined) {
        const text = cell(cells, h.index.weight);
        const w = text === '1' ? 1 : parsePositiveNumber(text, decimalComma);
        if (w === null) {
          problems.error(file, row, h.label.weight!, text, 'BAD_WEIGHT', badWeightMessage(text, decimalComma));
        } else weight = w;
      }
      let count = 1;
      if (h.index.count !== undefined) {
        const text = cell(cells, h.index.count);
        const c = text === '1' ? 1 : parsePositiveNumber(text, decimalComma);
        if (c === null || !Number.isInteger(c)) problems.error(file, row, h.label.count!, text, 'BAD_COUNT', BAD_COUNT_MESSAGE);
        else {
          count = c;
          if (h.index.weight === undefined) weight = c;
        }
      }
      let timestamp: string | null = null;
      const timeText = cell(cells, h.index.timestamp);
      if (timeText !== '') {
        const t = Date.parse(timeText);
        if (Number.isNaN(t))
          problems.error(
            file,
            row,
            h.label.timestamp!,
            timeText,
            'BAD_TIMESTAMP',
            'is not a date or time; expected e.g. 2025-03-14 or 2025-03-14T09:30:00Z',
          );
        else timestamp = new Date(t).toISOString();
      }
      const rosterIds = options.rosterIds;
      if (rosterIds && source !== '' && target !== '' && !(rosterIds.has(source) && rosterIds.has(target))) {
        stats.unknownPeopleRows++;
        for (const f of ['source', 'target'] as const) {
          const id = f === 'source' ? source : target;
          if (rosterIds.has(id)) continue;
          if (options.unknownPeople === 'add') {
            if (!unknown.has(id)) {
              unknown.add(id);
              problems.warning(file, row, h.label[f]!, id, 'UNKNOWN_PERSON_ADDED', 'is not on the roster; added as a non-roster person');
            }
          } else {
            problems.error(
              file,
              row,
              h.label[f]!,
              id,
              'UNKNOWN_PERSON',
              'is not on the roster; expected an id from the roster (or use --unknown-people add)',
            );
          }
        }
      }
      if (problems.errors > errorsBefore) {
        if (options.skipBadRows) stats.skippedRows.push(row);
        return;
      }
      if (problems.hasErrors && !options.skipBadRows) return; // the file will be refused: keep checking, stop storing
      if (source === target) {
        stats.selfTiesDropped++;
        return;
      }
      const relText = cell(cells, h.index.relation);
      const relation = relText === '' ? defaultRelation : label(relText);
      const domText = cell(cells, h.index.domain);
      const domain = domText === '' ? ANY_DOMAIN : label(domText);
      const wave = cell(cells, h.index.wave) || null;
      if (!relations.has(relation)) relations.set(relation, { name: relation, directed: !undirected.has(relation) });
      domains.add(domain);
      if (wave !== null) waves.add(wave);
      agg.add(source, target, relation, domain, wave, weight, count, timestamp);
      if (!relations.get(relation)!.directed) agg.add(target, source, relation, domain, wave, weight, count, timestamp);
    },
  });
  if (header !== null && summary.readable && stats.rowsRead === 0 && !problems.hasErrors) {
    problems.error(file, null, null, null, 'NO_ROWS', 'the file has a header but no ties; expected one row per tie (source, target, …)');
  }
  if (stats.selfTiesDropped > 0) {
    problems.warning(
      file,
      null,
      null,
      null,
      'SELF_TIES_DROPPED',
      `${stats.selfTiesDropped} row(s) name the same person as source and target; they were dropped`,
    );
  }
  if (stats.skippedRows.length > 0) {
    problems.warning(
      file,
      null,
      null,
      null,
      'ROWS_SKIPPED',
      `${stats.skippedRows.length} row(s) with errors were skipped (--skip-bad-rows): rows ${listRows(stats.skippedRows)}`,
    );
  }
  // A file that could not be read to its end is refused even with skipBadRows: the unread rows would be lost silently.
  if (!summary.readable || !summary.complete || stats.rowsRead === 0 || (problems.hasErrors && !options.skipBadRows)) {
    return { ok: false, problems: problems.list() };
  }
  const ties = agg.ties();
  stats.tiesKept = ties.length;
  stats.duplicateRowsAggregated = agg.duplicates;
  return {
    ok: true,
    value: {
      ties,
      relations: [...relations.values()],
      domains: [...domains].sort(),
      waves: [...waves],
      unknownIds: [...unknown],
      ids: [...agg.ids],
      stats,
    },
    problems: problems.list(),
  };
  function listRows(rows: number[]): string {
    return rows.length <= 50 ? rows.join(', ') : `${rows.slice(0, 50).join(', ')} … (${rows.length - 50} more)`;
  }
}

/** A trimmed cell, or '' when the column is absent or the row is short. */
function cell(cells: readonly string[], index: number | undefined): string {
  if (index === undefined) return '';
  const v = cells[index];
  return v === undefined ? '' : unguardCell(v.trim());
}
