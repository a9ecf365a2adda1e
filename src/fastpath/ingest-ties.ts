import { basename } from 'node:path';
import { readableAsCsv } from '../ingest/csv-reader.js';
import { ANY_DOMAIN, type Problem } from '../model/types.js';
import { CsvByteScanner, fieldText, parseNumberBytes } from '../ingest/bytes/csv-bytes.js';
import { ByteInterner } from '../ingest/bytes/interner.js';
import type { Csr } from '../graph/csr.js';
import { buildCsr, EdgeBuffer } from '../graph/csr-builder.js';
import { ProblemCollector } from '../ingest/problems.js';
import { scanFile, type StreamOptions } from '../ingest/bytes/read-stream.js';
import { resolveHeader, describeAliases } from '../ingest/headers.js';
import { requireTieColumns, TIE_ALIASES } from '../ingest/ties.js';
import { ROSTER_ALIASES } from '../ingest/roster.js';
import { BAD_COUNT_MESSAGE, badWeightMessage, MAX_STRENGTH, normalizeLabel } from '../ingest/values.js';

export interface FastTiesOptions extends StreamOptions {
  /** Roster CSV (column `id`): every roster person becomes a node, isolates included. */
  roster?: string;
  /** Relation to keep; default: the only one, else "advice" (as buildGraph's resolveRelation). */
  relation?: string;
  /** Domain to keep; default ANY_DOMAIN pools every domain, summing weights. */
  domain?: string;
  /** Keep only rows of this wave (column "wave"); a file with several waves needs one. */
  wave?: string;
  /** People in ties but not on the roster: "error" (default with a roster) or "drop" (counted). */
  unknownPeople?: 'error' | 'drop';
  /**
   * Also build one graph per leadership domain of the kept relation (domainGraphs, sorted by domain; the
   * domain labels normalised as the tie reader does), from the same pass — what the analytics sections read.
   */
  byDomain?: boolean;
}

export interface FastTiesStats {
  rowsRead: number;
  rowsKept: number;
  tiesKept: number;
  duplicateRowsAggregated: number;
  selfTiesDropped: number;
  unknownPeopleRows: number;
  otherRelationRows: number;
  relation: string | null;
  /** The wave the rows belong to: the one asked for, or the only one in the file; else null. */
  wave: string | null;
}

export type FastTiesResult =
  | { ok: true; graph: Csr; domainGraphs: Array<{ domain: string; graph: Csr }>; stats: FastTiesStats; problems: Problem[] }
  | { ok: false; problems: Problem[] };

/**
 * Streams a comma-delimited tie list straight into a CSR graph: ids interned from bytes, no per-row
 * objects, no graphology graph. Memory grows with people and distinct pairs, not rows. The header is
 * read as readTies reads it (the same column names and aliases, TIE_ALIASES; the same MISSING_COLUMN
 * and duplicate-header problems), weights and counts are checked by the same rules (positive, at most
 * MAX_STRENGTH; a count column without a weight column is the weight), and the selection rules are
 * buildGraph's (relation, domain pooling, weights summed).
 */
export async function readTiesCsr(path: string, opts: FastTiesOptions = {}): Promise<FastTiesResult> {
  const file = basename(path);
  const problems = new ProblemCollector();
  if (!(await readableAsCsv(path, file, problems))) return { ok: false, problems: problems.list() };
  const ids = new ByteInterner();
  let closed = false;
  if (opts.roster !== undefined) {
    const r = await readRosterIds(opts.roster, ids, opts);
    if (!r.ok) return { ok: false, problems: r.problems };
    closed = true;
  }
  const edges = new EdgeBuffer();
  const relations = new ByteInterner(true);
  let rel = new Uint16Array(1 << 16);
  // Per row kept: its domain's number + 1 in `domains` (0: no domain), when byDomain.
  let dom = new Int32Array(opts.byDomain ? 1 << 16 : 0);
  const wantDomain = opts.domain === undefined || opts.domain.toLowerCase() === ANY_DOMAIN ? null : Buffer.from(opts.domain.toLowerCase());
  const domains = new ByteInterner(true);
  let wantDomainId = -2;
  let col = { source: -1, target: -1, weight: -1, count: -1, relation: -1, domain: -1, wave: -1 };
  const waves = new ByteInterner();
  const wantWave = opts.wave === undefined ? null : Buffer.from(opts.wave);
  let wantWaveId = -2;
  let header: string[] = [];
  let headerOk = true;
  let rowsRead = 0,
    unknownRows = 0;
  const scanner = new CsvByteScanner((buf, st, en, nf) => {
    if (header.length === 0) {
      header = Array.from({ length: nf }, (_, i) => fieldText(buf, st[i]!, en[i]!).trim());
      const h = resolveHeader(header, TIE_ALIASES, file, problems);
      const at = (f: keyof typeof TIE_ALIASES) => h.index[f] ?? -1;
      col = {
        source: at('source'),
        target: at('target'),
        weight: at('weight'),
        count: at('count'),
        relation: at('relation'),
        domain: at('domain'),
        wave: at('wave'),
      };
      if (wantWave !== null) wantWaveId = waves.intern(wantWave, 0, wantWave.length);
      headerOk = requireTieColumns(h, file, problems) && h.ok;
      if (wantDomain !== null) wantDomainId = domains.intern(wantDomain, 0, wantDomain.length);
      return;
    }
    if (!headerOk) return;
    const row = scanner.rows;
    rowsRead++;
    if (nf <= Math.max(col.source, col.target)) {
      problems.error(file, row, header[col.target] ?? 'target', null, 'MISSING_VALUE', 'the row has fewer fields than the header');
      return;
    }
    if (col.wave >= 0 && col.wave < nf) {
      const w = waves.intern(buf, st[col.wave]!, en[col.wave]!);
      if (wantWave !== null && w !== wantWaveId) return;
    }
    if (wantDomain !== null && col.domain >= 0 && domains.find(buf, st[col.domain]!, en[col.domain]!) !== wantDomainId) return;
    let weight = 1;
    if (col.weight >= 0) {
      weight = col.weight < nf ? parseNumberBytes(buf, st[col.weight]!, en[col.weight]!) : NaN;
      if (!(weight > 0 && weight <= MAX_STRENGTH)) {
        const text = col.weight < nf ? fieldText(buf, st[col.weight]!, en[col.weight]!) : '';
        problems.error(file, row, header[col.weight]!, text, 'BAD_WEIGHT', badWeightMessage(text, false));
        return;
      }
    } else if (col.count >= 0) {
      weight = col.count < nf ? parseNumberBytes(buf, st[col.count]!, en[col.count]!) : NaN;
      if (!(weight > 0 && weight <= MAX_STRENGTH && Number.isInteger(weight))) {
        const text = col.count < nf ? fieldText(buf, st[col.count]!, en[col.count]!) : '';
        problems.error(file, row, header[col.count]!, text, 'BAD_COUNT', BAD_COUNT_MESSAGE);
        return;
      }
    }
    const s = closed ? ids.find(buf, st[col.source]!, en[col.source]!) : ids.intern(buf, st[col.source]!, en[col.source]!);
    const t = closed ? ids.find(buf, st[col.target]!, en[col.target]!) : ids.intern(buf, st[col.target]!, en[col.target]!);
    if (s < 0 || t < 0) {
      const which = s < 0 ? col.source : col.target;
      const text = fieldText(buf, st[which]!, en[which]!);
      if (text === '') problems.error(file, row, header[which]!, null, 'MISSING_VALUE', 'a person id was expected');
      else if (opts.unknownPeople === 'drop') unknownRows++;
      else problems.error(file, row, header[which]!, text, 'UNKNOWN_PERSON', 'an id listed in the roster was expected');
      return;
    }
    if (edges.length === rel.length) {
      const r2 = new Uint16Array(rel.length * 2);
      r2.set(rel);
      rel = r2;
    }
    if (opts.byDomain) {
      if (edges.length === dom.length) {
        const d2 = new Int32Array(Math.max(1, dom.length * 2));
        d2.set(dom);
        dom = d2;
      }
      dom[edges.length] = col.domain >= 0 && col.domain < nf ? domains.intern(buf, st[col.domain]!, en[col.domain]!) + 1 : 0;
    }
    rel[edges.length] =
      col.relation >= 0 && col.relation < nf ? Math.max(0, relations.intern(buf, st[col.relation]!, en[col.relation]!)) : 0;
    edges.add(s, t, weight);
  });
  await scanFile(path, scanner, opts);
  if (header.length === 0) problems.error(file, null, null, null, 'EMPTY_FILE', 'a header row and at least one tie were expected');
  if (wantWave === null && waves.size > 1) {
    problems.error(
      file,
      null,
      'wave',
      null,
      'WAVE_REQUIRED',
      `the file holds several waves (${waves.allNames().slice(0, 5).join(', ')}${waves.size > 5 ? ', …' : ''}); choose one`,
    );
  }
  if (unknownRows > 0)
    problems.warning(file, null, null, null, 'UNKNOWN_PERSON', `${unknownRows} rows name people not on the roster and were left out`);
  // Relation selection, as resolveRelation does for a dataset.
  const names = relations.allNames();
  let relation: string | null = names.length === 0 ? null : names[0]!;
  let relId = -1;
  if (opts.relation !== undefined) {
    relId = relations.findString(opts.relation.toLowerCase());
    relation = opts.relation.toLowerCase();
    if (relId < 0 && names.length > 0)
      problems.error(
        file,
        null,
        'relation',
        opts.relation,
        'UNKNOWN_RELATION',
        `a relation present in the file was expected (${names.join(', ')})`,
      );
  } else if (names.length > 1) {
    relId = names.indexOf('advice');
    relation = 'advice';
    if (relId < 0)
      problems.error(file, null, 'relation', null, 'RELATION_REQUIRED', `the file has several relations (${names.join(', ')}); choose one`);
  }
  const all = problems.list();
  if (problems.hasErrors) return { ok: false, problems: all };
  let otherRelationRows = 0;
  if (relId >= 0 && names.length > 1) {
    let w = 0;
    for (let k = 0; k < edges.length; k++) {
      if (rel[k] !== relId) {
        otherRelationRows++;
        continue;
      }
      edges.src[w] = edges.src[k]!;
      edges.dst[w] = edges.dst[k]!;
      edges.w[w] = edges.w[k]!;
      if (opts.byDomain) dom[w] = dom[k]!;
      w++;
    }
    edges.length = w;
  }
  const names2 = ids.allNames();
  const built = buildCsr(names2, edges);
  return {
    ok: true,
    graph: built.graph,
    domainGraphs: opts.byDomain ? domainGraphs(names2, edges, dom, domains) : [],
    problems: all,
    stats: {
      rowsRead,
      rowsKept: edges.length,
      tiesKept: built.graph.m,
      duplicateRowsAggregated: built.duplicates,
      selfTiesDropped: built.selfLoops,
      unknownPeopleRows: unknownRows,
      otherRelationRows,
      relation,
      wave: opts.wave ?? (waves.size === 1 ? waves.name(0) : null),
    },
  };
}

/** One graph per domain label (normalizeLabel of the spellings seen; blank and "any" only pool), sorted by label. */
function domainGraphs(names: string[], edges: EdgeBuffer, dom: Int32Array, domains: ByteInterner): Array<{ domain: string; graph: Csr }> {
  const labelOf = [ANY_DOMAIN, ...domains.allNames().map((d) => normalizeLabel(d) || ANY_DOMAIN)];
  const labels = [...new Set(labelOf)].filter((l) => l !== ANY_DOMAIN).sort();
  return labels.map((domain) => {
    const part = new EdgeBuffer();
    for (let k = 0; k < edges.length; k++) if (labelOf[dom[k]!] === domain) part.add(edges.src[k]!, edges.dst[k]!, edges.w[k]!);
    return { domain, graph: buildCsr(names, part).graph };
  });
}

/** Reads the `id` column of a roster into the interner (roster order = node order). */
async function readRosterIds(path: string, ids: ByteInterner, opts: StreamOptions): Promise<{ ok: boolean; problems: Problem[] }> {
  const file = basename(path);
  const problems = new ProblemCollector();
  if (!(await readableAsCsv(path, file, problems))) return { ok: false, problems: problems.list() };
  let idCol = -2;
  const scanner = new CsvByteScanner((buf, st, en, nf) => {
    if (idCol === -2) {
      const cells = Array.from({ length: nf }, (_, i) => fieldText(buf, st[i]!, en[i]!).trim());
      idCol = resolveHeader(cells, ROSTER_ALIASES, file, problems).index.id ?? -1;
      if (idCol < 0)
        problems.error(
          file,
          1,
          null,
          null,
          'MISSING_COLUMN',
          `no id column; a roster needs one column named one of ${describeAliases(ROSTER_ALIASES.id)}`,
        );
      return;
    }
    if (idCol < 0) return;
    const before = ids.size;
    const i = idCol < nf ? ids.intern(buf, st[idCol]!, en[idCol]!) : -1;
    if (i < 0) problems.error(file, scanner.rows, 'id', null, 'MISSING_VALUE', 'a person id was expected');
    else if (ids.size === before)
      problems.error(file, scanner.rows, 'id', ids.name(i), 'DUPLICATE_ID', 'each id must appear once in the roster');
  });
  await scanFile(path, scanner, { signal: opts.signal });
  return { ok: !problems.hasErrors, problems: problems.list() };
}
