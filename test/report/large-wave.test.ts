import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/ingest/load-dataset.js';
import type { Dataset } from '../../src/model/types.js';
import { buildReportModel, reportDocument, type ReportModel } from '../../src/report/index.js';
import { PRINT_LIMITS, printedRows, printsLimited } from '../../src/report/print-limits.js';
import { syntheticRoster, syntheticTies } from '../../tools/harness/synthetic.js';

/** Every string of a pdfmake document, in order. */
function strings(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node);
  else if (Array.isArray(node)) for (const x of node) strings(x, out);
  else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) if (k !== 'svg') strings(v, out);
  return out;
}
/** Every table body of a pdfmake document. */
function tables(node: unknown, out: unknown[][][] = []): unknown[][][] {
  if (Array.isArray(node)) for (const x of node) tables(x, out);
  else if (node && typeof node === 'object') {
    const t = (node as { table?: { body?: unknown[][] } }).table;
    if (t?.body) out.push(t.body);
    for (const v of Object.values(node)) tables(v, out);
  }
  return out;
}
/** The text of a table cell (its `text`, nested or not). */
const cellText = (c: unknown): string =>
  typeof c === 'string'
    ? c
    : Array.isArray(c)
      ? c.map(cellText).join('')
      : c && typeof c === 'object'
        ? cellText((c as { text?: unknown }).text)
        : '';

describe('report of a 3,000-person wave (above the school size)', () => {
  let dir: string, dataset: Dataset;
  const models: Record<string, ReportModel> = {};
  const docs: Record<string, object> = {};
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'leadmap-large-report-'));
    writeFileSync(join(dir, 'roster.csv'), syntheticRoster(3000));
    writeFileSync(join(dir, 'ties.csv'), syntheticTies(3000, 30000));
    const loaded = await loadDataset({ roster: join(dir, 'roster.csv'), ties: join(dir, 'ties.csv') });
    if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('; '));
    dataset = loaded.value;
    for (const edition of ['named', 'anonymised'] as const) {
      models[edition] = buildReportModel({
        school: 'Big',
        edition,
        date: new Date('2026-06-30T12:00:00Z'),
        current: { dataset, wave: '2026', secret: Buffer.alloc(32, 3) },
      });
      docs[edition] = reportDocument(models[edition]);
    }
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('draws the 300 most sought-out people and everyone else as department circles, and says so', () => {
    // In-degree in the pooled network, counted here from the tie rows: distinct sources per target.
    const sources = new Map<string, Set<string>>();
    for (const t of dataset.ties)
      if (t.source !== t.target) (sources.get(t.target) ?? sources.set(t.target, new Set()).get(t.target)!).add(t.source);
    const inDegree = (id: string) => sources.get(id)?.size ?? 0;
    const cutoff = [...dataset.people.map((p) => inDegree(p.id))].sort((a, b) => b - a)[PRINT_LIMITS.figurePeople - 1]!;
    for (const edition of ['named', 'anonymised'] as const) {
      const f = models[edition]!.network;
      const people = f.nodes.filter((n) => n.members === undefined);
      const circles = f.nodes.filter((n) => n.members !== undefined);
      expect(people).toHaveLength(PRINT_LIMITS.figurePeople);
      expect(f.aggregate).toMatchObject({ people: 3000, drawn: 300, circles: circles.length });
      expect(circles.reduce((s, n) => s + n.members!, 0)).toBe(3000 - PRINT_LIMITS.figurePeople);
      for (const n of people) expect(n.inDegree).toBeGreaterThanOrEqual(cutoff);
      expect(circles.map((c) => c.label).sort()).toEqual(
        ['Art', 'English', 'History', 'Languages', 'Maths', 'Music', 'PE', 'Science']
          .map((d) => `${d} (${circles.find((c) => c.group === d)!.members})`)
          .sort(),
      );
      for (const e of f.edges) expect(e.weight).toBeGreaterThanOrEqual(1);
      const text = strings(docs[edition]).join('\n');
      expect(text).toContain('The 300 most sought-out of the 3,000 staff are drawn as dots');
      expect(text).toContain(`(${f.edges.length.toLocaleString('en-US')} lines)`);
      expect(text).not.toContain('Every dot is a staff member');
    }
    // The anonymised figure names no one.
    const names = new Set(dataset.people.map((p) => p.name));
    expect(models.anonymised!.network.nodes.filter((n) => names.has(n.label))).toEqual([]);
  });

  it('prints the first 40 rows of each long table with the count of the rest', () => {
    const m = models.named!;
    const body = tables(docs.named).find((b) => cellText(b[0]?.[1]) === 'Role, department' && b.length > 2)!;
    expect(m.whoLeads.rows.length).toBeGreaterThan(PRINT_LIMITS.rows);
    expect(body).toHaveLength(1 + PRINT_LIMITS.rows);
    expect(body.slice(1).map((r) => cellText(r[0]))).toEqual(m.whoLeads.rows.slice(0, PRINT_LIMITS.rows).map((r) => r.label));
    const text = strings(docs.named).join('\n');
    expect(text).toContain(`… and ${(m.whoLeads.rows.length - 40).toLocaleString('en-US')} more colleagues who lead a domain`);
    const hidden = tables(docs.named).find(
      (b) => cellText(b[0]?.[4]) === 'Domains' && cellText(b[1]?.[0]) === m.formalInformal.hidden[0]!.label,
    )!;
    expect(hidden).toHaveLength(1 + PRINT_LIMITS.rows);
    expect(text).toContain(`… and ${(m.formalInformal.hidden.length - 40).toLocaleString('en-US')} more colleagues (listed in full`);
    // Counts still cover everyone: the model keeps every row, the summary states the full number.
    expect(m.summary.headline).toContain(m.whoLeads.rows.length.toLocaleString('en-US'));
  });

  it('names at most 40 colleagues in any sentence of the summary and the actions', () => {
    for (const edition of ['named', 'anonymised'] as const) {
      const m = models[edition]!;
      const sentences = [
        ...m.summary.sections.flatMap((s) => s.findings.map((f) => f.text)),
        ...m.actions.map((a) => a.evidence),
        m.overlapReading ?? '',
      ];
      for (const s of sentences)
        expect((s.match(/Staff Member \d+|P-[A-Z0-9]+/g) ?? []).length, s.slice(0, 80)).toBeLessThanOrEqual(PRINT_LIMITS.rows);
      expect(sentences.some((s) => /… and [\d,]+ more/.test(s))).toBe(true);
    }
  });

  it('limits only above the school size', () => {
    expect(printsLimited(PRINT_LIMITS.fullUpTo)).toBe(false);
    expect(printsLimited(PRINT_LIMITS.fullUpTo + 1)).toBe(true);
    const rows = Array.from({ length: 500 }, (_, i) => i);
    expect(printedRows(rows, PRINT_LIMITS.fullUpTo)).toEqual({ rows, more: 0 });
    expect(printedRows(rows, PRINT_LIMITS.fullUpTo + 1)).toEqual({ rows: rows.slice(0, 40), more: 460 });
  });
});
