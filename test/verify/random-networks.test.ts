/**
 * Independent verification of `leadmap analyze --json` against networkx 3.6 on networks the metrics were
 * never developed on: seeded random graphs of many shapes, tricky small inputs and networkx's built-in
 * real networks. Cases and expected values: test/verify/make_cases.py (committed in test/verify/cases/,
 * so this suite needs no Python). LEADMAP_VERIFY_CASES points the suite at another folder of cases.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../cli/run.js';
import { graphFrom } from '../../src/graph/build-graph.js';
import { coreMetrics } from '../../src/metrics/core.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const CASES = process.env.LEADMAP_VERIFY_CASES ?? join(HERE, 'cases');

type Num = number | null;
interface Run {
  args: string[];
  order: string[];
  network: Record<string, Num | string[]>;
  people: Record<string, Record<string, Num>>;
  eigenvectorExact: Record<string, number> | null;
  hitsComparable: boolean;
  constraint: Record<string, Num>;
  cutPoints: string[];
  gini: Num;
  topShare: Num;
  byDomain: Record<string, DomainWant>;
  ei: {
    internal: number;
    external: number;
    ei: Num;
    groups: Record<string, { size: number; internal: number; external: number; ei: Num }>;
  };
}

interface DomainWant {
  people: number;
  ties: number;
  density: Num;
  reciprocity: Num;
  centralization: Num;
  gini: Num;
  topShare: Num;
  leaders: string[];
  ei: { internal: number; external: number; ei: number } | null;
  removalCurve: Array<{ id: string | null; reachability: Num; fragmentation: Num }>;
}

/** Absolute tolerance per field (docs/metrics.md): PageRank 1e-8, everything else 1e-9. */
const TOL: Record<string, number> = { pageRank: 1e-8 };
const tolOf = (field: string) => TOL[field] ?? 1e-9;
/** Distance of the default-tolerance eigenvector (networkx's stop rule: L1 step < n·1e-6) from the exact one;
 *  up to 4.6e-5 per person on these cases (components of close leading eigenvalue, n = 66). */
const EIGEN_EXACT_TOL = 1e-4;

const maxDiff = new Map<string, number>();
let compared = 0;
function record(field: string, d: number) {
  compared++;
  maxDiff.set(field, Math.max(maxDiff.get(field) ?? 0, d));
}

/** Compare a number or null; returns a message or null when equal within tolerance. */
function checkField(field: string, got: unknown, want: Num, tol = tolOf(field)): string | null {
  if (want === null) return got === null ? (record(field, 0), null) : `${field}: expected null, got ${JSON.stringify(got)}`;
  if (typeof got !== 'number') return `${field}: expected ${want}, got ${JSON.stringify(got)}`;
  const d = Math.abs(got - want);
  record(field, d);
  return d <= tol ? null : `${field}: expected ${want}, got ${got} (|diff| ${d.toExponential(2)} > ${tol})`;
}

/** Network and per-person fields of one run: every field, against networkx, at the tolerances above. */
function compareCore(
  doc: { network: Record<string, unknown>; people: Array<Record<string, unknown> & { id: string }> },
  want: Run,
  errors: string[],
  label = '',
): void {
  const push = (e: string | null, where = '') => {
    if (e) errors.push(where + e);
  };
  const check = (field: string, got: unknown, v: Num, tol?: number) => checkField(label + field, got, v, tol ?? tolOf(field));
  // network fields
  for (const [k, v] of Object.entries(want.network)) {
    if (Array.isArray(v)) {
      if (JSON.stringify(doc.network[k]) !== JSON.stringify(v))
        errors.push(`network.${k}: expected ${JSON.stringify(v)}, got ${JSON.stringify(doc.network[k])}`);
      record(label + k, 0);
    } else push(check(k, doc.network[k], v), 'network.');
  }

  // per person: same people, same order as the roster
  expect(doc.people.map((p) => p.id)).toEqual(want.order);
  for (const p of doc.people) {
    const w = want.people[p.id]!;
    for (const [k, v] of Object.entries(w)) {
      if ((k === 'hubs' || k === 'authorities') && v !== null && !want.hitsComparable) {
        // repeated leading singular value: the HITS vector is not unique (docs/metrics.md)
        if (typeof p[k] !== 'number' && p[k] !== null) errors.push(`${p.id}.${k}: not a number`);
        continue;
      }
      push(check(k, p[k], v), `${p.id}.`);
    }
    if (want.eigenvectorExact) push(check('eigenvector~exact', p.eigenvector, want.eigenvectorExact[p.id]!, EIGEN_EXACT_TOL), `${p.id}.`);
  }
}

const caseNames = existsSync(CASES)
  ? readdirSync(CASES)
      .filter((n) => existsSync(join(CASES, n, 'expected.json')))
      .sort()
  : [];

describe('leadmap analyze --json agrees with networkx on unseen networks', () => {
  it('has cases', () => expect(caseNames.length).toBeGreaterThan(20));

  for (const name of caseNames) {
    const dir = join(CASES, name);
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { runs: Run[]; refused?: string };
    if (expected.refused) {
      const want = expected.runs[0]!;
      if (expected.refused === 'NO_ROWS') {
        it(`${name}: a header-only tie list is refused (exit 2, nothing on stdout)`, async () => {
          const r = await run(['analyze', join(dir, 'ties.csv'), '--roster', join(dir, 'roster.csv'), '--json']);
          expect(r.code).toBe(2);
          expect(r.stdout).toBe('');
          expect(r.stderr).toContain('[NO_ROWS]');
        });
      } else {
        it(`${name}: rows that are all self-ties leave everyone an isolate, with the drop reported`, async () => {
          const r = await run(['analyze', join(dir, 'ties.csv'), '--roster', join(dir, 'roster.csv'), '--json']);
          expect(r.code).toBe(0);
          expect(r.stderr).toContain('[SELF_TIES_DROPPED]');
          const doc = JSON.parse(r.stdout);
          expect(doc.network.ties).toBe(0);
          expect(doc.network.isolates).toBe(doc.network.people);
        });
      }
      it(`${name}: coreMetrics of the tieless graph agrees with networkx`, () => {
        const core = coreMetrics(graphFrom(want.order, []));
        const errors: string[] = [];
        compareCore(core as never, want, errors);
        expect(errors, `${errors.length} discrepancies`).toEqual([]);
      });
      continue;
    }
    for (const want of expected.runs) {
      it(`${name} ${want.args.join(' ') || '(pooled)'} --fast (large-file path forced)`, async () => {
        const r = await run(['analyze', join(dir, 'ties.csv'), '--roster', join(dir, 'roster.csv'), ...want.args, '--fast', '--json']);
        expect(r.code, r.stderr).toBe(0);
        const errors: string[] = [];
        compareCore(JSON.parse(r.stdout), want, errors, 'fast:');
        expect(errors.slice(0, 30), `${errors.length} discrepancies`).toEqual([]);
      });
      it(`${name} ${want.args.join(' ') || '(pooled)'}`, async () => {
        const r = await run(['analyze', join(dir, 'ties.csv'), '--roster', join(dir, 'roster.csv'), ...want.args, '--json']);
        expect(r.code, r.stderr).toBe(0);
        const doc = JSON.parse(r.stdout);
        const errors: string[] = [];
        const push = (e: string | null, where = '') => {
          if (e) errors.push(where + e);
        };
        const check = checkField;

        compareCore(doc, want, errors);

        // brokerage: constraint and cut-points (all domains pooled)
        const brokers = new Map<string, { constraint: Num }>(
          (doc.brokerage.people as Array<{ id: string; constraint: Num }>).map((b) => [b.id, b]),
        );
        for (const [id, c] of Object.entries(want.constraint)) push(check('constraint', brokers.get(id)?.constraint ?? null, c), `${id}.`);
        record('cutPoints', 0);
        const cut = [...(doc.brokerage.cutPoints as Array<string | { id: string }>)].map((c) => (typeof c === 'string' ? c : c.id)).sort();
        if (JSON.stringify(cut) !== JSON.stringify([...want.cutPoints].sort()))
          errors.push(`cutPoints: expected ${JSON.stringify(want.cutPoints)}, got ${JSON.stringify(cut)}`);

        // distribution (pooled): Gini and top-10 % share of in-degree
        const any = (doc.distribution.byDomain as Array<{ domain: string; gini: { value: Num }; topShare: { value: Num } }>).find(
          (d) => d.domain === 'any',
        );
        push(check('gini', any?.gini.value ?? null, want.gini));
        push(check('topShare', any?.topShare.value ?? null, want.topShare));

        // E-I index over arcs, department groups (pooled)
        const ei = (
          doc.groups.ei as Array<{
            domain: string;
            internal: number;
            external: number;
            ei: Num;
            groups: Array<{ group: string; size: number; internal: Num; external: Num; ei: Num }>;
          }>
        ).find((d) => d.domain === 'any');
        if (want.network.ties === 0) {
          push(check('ei', ei?.ei ?? null, null));
        } else {
          expect(ei, 'groups.ei has an "any" entry').toBeDefined();
          push(check('ei.internal', ei!.internal, want.ei.internal, 0));
          push(check('ei.external', ei!.external, want.ei.external, 0));
          push(check('ei', ei!.ei, want.ei.ei));
          for (const g of ei!.groups) {
            const wg = want.ei.groups[g.group];
            if (!wg) {
              errors.push(`ei group ${g.group} not expected`);
              continue;
            }
            if (g.size !== wg.size) errors.push(`ei group ${g.group}: size ${g.size}, expected ${wg.size}`);
            if (wg.size < 5) {
              push(check('ei.group', g.ei, null), `${g.group}.`);
              continue;
            }
            push(check('ei.group', g.ei, wg.ei), `${g.group}.`);
          }
        }

        // per domain and pooled: distribution, leaders, E-I, removal curve (reachability, fragmentation)
        const find = <T extends { domain: string }>(list: T[], d: string) => list.find((x) => x.domain === d);
        for (const [d, w] of Object.entries(want.byDomain)) {
          const at = `[${d}] `;
          const dist = find(doc.distribution.byDomain, d) as
            (Record<string, unknown> & { centralization: { value: Num }; gini: { value: Num }; topShare: { value: Num } }) | undefined;
          if (!dist) {
            errors.push(`${at}no distribution entry`);
            continue;
          }
          for (const k of ['people', 'ties', 'density', 'reciprocity'] as const) push(check(`domain.${k}`, dist[k], w[k]), at);
          push(check('domain.centralization', dist.centralization.value, w.centralization), at);
          push(check('domain.gini', dist.gini.value, w.gini), at);
          push(check('domain.topShare', dist.topShare.value, w.topShare), at);
          const lead = find(doc.leaders.byDomain as Array<{ domain: string; leaders: string[] }>, d);
          record('domain.leaders', 0);
          if (JSON.stringify([...(lead?.leaders ?? [])].sort()) !== JSON.stringify(w.leaders))
            errors.push(`${at}leaders: expected ${JSON.stringify(w.leaders)}, got ${JSON.stringify(lead?.leaders)}`);
          const ei = find(doc.groups.ei as Array<{ domain: string; internal: number; external: number; ei: Num }>, d);
          if (w.ei) {
            push(check('domain.ei', ei?.ei ?? null, w.ei.ei), at);
            push(check('ei.internal', ei?.internal ?? null, w.ei.internal, 0), at);
          } else push(check('domain.ei', ei?.ei ?? null, null), at);
          const risk = find(
            doc.risk.byDomain as Array<{
              domain: string;
              removalCurve: Array<{ id: string | null; reachability: Num; fragmentation: Num }>;
            }>,
            d,
          );
          const curve = risk?.removalCurve ?? [];
          record('removalCurve.ids', 0);
          if (JSON.stringify(curve.map((c) => c.id)) !== JSON.stringify(w.removalCurve.map((c) => c.id))) {
            errors.push(
              `${at}removal order: expected ${JSON.stringify(w.removalCurve.map((c) => c.id))}, got ${JSON.stringify(curve.map((c) => c.id))}`,
            );
          } else {
            w.removalCurve.forEach((c, i) => {
              push(check('reachability', curve[i]!.reachability, c.reachability), `${at}step ${i} `);
              push(check('fragmentation', curve[i]!.fragmentation, c.fragmentation), `${at}step ${i} `);
            });
          }
        }
        expect(errors.slice(0, 30), `${errors.length} discrepancies`).toEqual([]);
      });
    }
  }

  afterAll(() => {
    const rows = [...maxDiff.entries()].map(([k, v]) => `${k.padEnd(24)} ${v.toExponential(2)}`);
    if (process.env.LEADMAP_VERIFY_REPORT)
      console.log(`values compared: ${compared}\nmax |leadmap − networkx| per field:\n${rows.join('\n')}`);
  });
});
