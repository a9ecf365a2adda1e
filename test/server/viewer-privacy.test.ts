import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Pseudonyms } from '../../src/privacy/pseudonym.js';
import { SMALL_GROUP_LABEL } from '../../src/privacy/suppress.js';
import { highlandDir } from '../report/highland.js';
import { ADMIN_PASSWORD, Client, testServer, type TestServer } from './helpers/server.js';
import { madeUpSchool, SCHOOL_DEPTS } from './helpers/school.js';
import { determinedUnknowns, type Equation } from '../helpers/linear.js';

/**
 * What a viewer can learn from everything the server gives them: every viewer endpoint and every
 * export of a wave, for the default selection and every domain. Viewers must see no quasi-identifier
 * beside a pseudonym, no order that follows the roster, and no suppressed cell that a linear
 * combination of the published cells and totals recovers.
 */
const PW = 'a-long-enough-password';
let srv: TestServer;
let viewer: Client;
let schoolId: string;
const waves: Record<string, { id: string; rosterIds: string[]; names: string[]; label: Pseudonyms; domains: string[] }> = {};

beforeAll(async () => {
  srv = await testServer();
  const admin = new Client(srv.url);
  await admin.signIn('admin', ADMIN_PASSWORD);
  const school = (await admin.post('/api/schools', { slug: 'made-up', name: 'Made-up High' })).json.school.id;
  schoolId = school;
  const s = madeUpSchool();
  const hl = join(highlandDir, '2024-25');
  const inputs = {
    madeUp: { roster: s.roster, ties: s.ties, respondents: s.respondents },
    highland: {
      roster: readFileSync(join(hl, 'roster.csv'), 'utf8'),
      ties: readFileSync(join(hl, 'ties.csv'), 'utf8'),
      respondents: readFileSync(join(hl, 'respondents.csv'), 'utf8'),
    },
  };
  for (const [name, files] of Object.entries(inputs)) {
    const id = (await admin.post(`/api/schools/${school}/waves`, { label: name })).json.wave.id;
    const up = await admin.upload(id, files);
    expect(up.job.error ?? null).toBeNull();
    const rows = files.roster.trim().split('\n').slice(1);
    const rosterIds = rows.map((r) => r.split(',')[0]!);
    const names = rows.map((r) => r.split(',')[1]!);
    const domains = [
      ...new Set(
        files.ties
          .trim()
          .split('\n')
          .slice(1)
          .map((r) => r.split(',')[3]!),
      ),
    ].sort();
    waves[name] = { id, rosterIds, names, label: new Pseudonyms(await srv.store.waveSecret(id), rosterIds), domains };
  }
  expect((await admin.post('/api/accounts', { username: 'viewer1', role: 'viewer', schoolIds: [school], password: PW })).status).toBe(201);
  viewer = new Client(srv.url);
  await viewer.signIn('viewer1', PW);
}, 60_000);
afterAll(async () => {
  await srv.stop();
});

interface Outputs {
  json: Record<string, unknown>;
  text: Record<string, string>;
}

/** Every viewer endpoint and export of a wave, for the default selection and each domain. */
async function viewerOutputs(waveId: string, domains: string[]): Promise<Outputs> {
  const json: Record<string, unknown> = {};
  const text: Record<string, string> = {};
  for (const q of ['', ...domains.map((d) => `?domain=${d}`)]) {
    for (const ep of ['analysis', 'graph', 'leadership']) {
      const r = await viewer.get(`/api/waves/${waveId}/${ep}${q}`);
      expect(r.status, `${ep}${q}`).toBe(200);
      json[`${ep}${q}`] = r.json;
    }
    for (const f of ['metrics.csv', 'departments.csv', 'graph.graphml', 'graph.gexf']) {
      const r = await viewer.get(`/api/waves/${waveId}/export/${f}${q}`);
      expect(r.status, `${f}${q}`).toBe(200);
      text[`${f}${q}`] = r.text;
    }
  }
  // The school's comparison of its two waves (everyone left and joined: a named view would list every id).
  let c = await viewer.get(`/api/schools/${schoolId}/compare`);
  if (c.status === 202) {
    await viewer.waitJob(c.json.job.id);
    c = await viewer.get(`/api/schools/${schoolId}/compare`);
  }
  expect(c.status, 'compare').toBe(200);
  expect(c.json.basis.leaverCount + c.json.basis.joinerCount).toBeGreaterThan(0);
  json.compare = c.json;
  return { json, text };
}

const QUASI_IDENTIFIER_KEYS = [
  'formalLeader',
  'startYear',
  'yearsExperience',
  'responded',
  'capacity',
  'releaseTime',
  'fte',
  'email',
  'ratio',
];

describe('viewers see no identifying field', () => {
  it.each(['madeUp', 'highland'])(
    '%s: no formal-role flag, release time, start year, experience, response status, role or name',
    async (w) => {
      const wave = waves[w]!;
      const out = await viewerOutputs(wave.id, wave.domains);
      const found: string[] = [];
      const walk = (v: unknown, path: string): void => {
        if (Array.isArray(v)) return v.forEach((x, i) => walk(x, `${path}[${i}]`));
        if (v === null || typeof v !== 'object') return;
        const o = v as Record<string, unknown>;
        const person = typeof o.id === 'string' && /^P-[0-9A-F]+$/.test(o.id);
        for (const [k, x] of Object.entries(o)) {
          if (person && QUASI_IDENTIFIER_KEYS.includes(k)) found.push(`${path}.${k}`);
          if (person && k === 'role' && x !== '') found.push(`${path}.role`);
          walk(x, `${path}.${k}`);
        }
      };
      for (const [k, v] of Object.entries(out.json)) walk(v, k);
      expect(found.slice(0, 10)).toEqual([]);
      const all = JSON.stringify(out.json) + Object.values(out.text).join('\n');
      for (const n of wave.names) expect(all).not.toContain(n);
      for (const id of wave.rosterIds) expect(all).not.toMatch(new RegExp(`\\b${id}\\b`));
    },
  );
});

/** Pearson correlation of position with roster index, scaled to a z-score by the number of distinct people. */
function positionZ(seq: number[]): number {
  const n = seq.length;
  const distinct = new Set(seq).size;
  if (distinct < 10) return 0;
  const mx = (n - 1) / 2;
  const my = seq.reduce((s, x) => s + x, 0) / n;
  let sxy = 0,
    sxx = 0,
    syy = 0;
  seq.forEach((y, x) => {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  });
  return syy === 0 ? 0 : (Math.abs(sxy) / Math.sqrt(sxx * syy)) * Math.sqrt(distinct - 1);
}

/** Every sequence of pseudonyms in an output, in document order: arrays, map keys, XML elements, CSV rows. */
function sequences(out: Outputs): Array<{ where: string; labels: string[] }> {
  const res: Array<{ where: string; labels: string[] }> = [];
  const isLabel = (x: unknown): x is string => typeof x === 'string' && /^P-[0-9A-F]+$/.test(x);
  const walk = (v: unknown, path: string): void => {
    if (Array.isArray(v)) {
      const labels = v
        .map((x) =>
          isLabel(x)
            ? x
            : x && typeof x === 'object'
              ? ((x as { id?: unknown; source?: unknown }).id ?? (x as { source?: unknown }).source)
              : null,
        )
        .filter(isLabel);
      if (labels.length > 0) res.push({ where: path, labels });
      v.forEach((x, i) => walk(x, `${path}[${i}]`));
      return;
    }
    if (v === null || typeof v !== 'object') return;
    const keys = Object.keys(v).filter(isLabel);
    if (keys.length > 0) res.push({ where: `${path}{keys}`, labels: keys });
    for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
  };
  for (const [k, v] of Object.entries(out.json)) walk(v, k);
  for (const [k, t] of Object.entries(out.text)) {
    if (k.startsWith('metrics.csv'))
      res.push({
        where: `${k} rows`,
        labels: t
          .split('\r\n')
          .slice(1)
          .map((l) => l.split(',')[0]!)
          .filter(isLabel),
      });
    if (k.startsWith('graph.')) {
      res.push({ where: `${k} nodes`, labels: [...t.matchAll(/<node id="([^"]+)"/g)].map((m) => m[1]!) });
      res.push({ where: `${k} edges`, labels: [...t.matchAll(/<edge [^>]*source="([^"]+)"/g)].map((m) => m[1]!) });
    }
  }
  return res;
}

describe('pseudonyms cannot be mapped back by position', () => {
  it.each(['madeUp', 'highland'])('%s: no list, map or export orders pseudonyms like the roster or the tie file', async (w) => {
    const wave = waves[w]!;
    const index = new Map(wave.rosterIds.map((id, i) => [wave.label.label(id), i]));
    const out = await viewerOutputs(wave.id, wave.domains);
    const seqs = sequences(out);
    expect(seqs.length).toBeGreaterThan(20);
    const worst = seqs
      .map((s) => ({ where: s.where, n: s.labels.length, z: positionZ(s.labels.map((l) => index.get(l)!)) }))
      .sort((a, b) => b.z - a.z);
    // |r|·√(n−1) ≥ 4.5 has probability below 1e-5 for a random order.
    expect(worst.filter((s) => s.z >= 4.5)).toEqual([]);
    // The attack that mapped 34 of 34: pair the i-th node with the i-th roster row.
    const nodes = (out.json.graph as { nodes: Array<{ id: string }> }).nodes.map((n) => n.id);
    const hits = nodes.filter((l, i) => index.get(l) === i).length;
    expect(hits).toBeLessThanOrEqual(7); // a random order matches 1 on average; P(≥ 8) < 1e-5
  });
});

describe('suppressed cells cannot be recovered from what a viewer sees', () => {
  it('the solver finds a cell recovered by subtraction, and none where only a sum is known', () => {
    const eqs: Equation[] = [{ terms: { a: 1, b: 1, c: 1 } }, { terms: { b: 1, c: 1 } }, { terms: { d: 1, e: 1 } }];
    expect(determinedUnknowns(eqs, ['a', 'b', 'c', 'd', 'e'])).toEqual(['a']);
    expect(determinedUnknowns([{ terms: { d: 1, e: 1 } }, { terms: { d: 1, e: -1 } }], ['d', 'e'])).toEqual(['d', 'e']);
  });
  it.each(['madeUp', 'highland'])(
    '%s: no suppressed department cell or mixing block is determined by the published cells and totals',
    async (w) => {
      const wave = waves[w]!;
      const out = await viewerOutputs(wave.id, wave.domains);
      const a = (out.json.analysis as { analysis: ViewerAnalysis }).analysis;
      const l = (out.json.leadership as { leadership: ViewerLeadership }).leadership;
      const hiddenRows = a.departments.filter((d) => d.suppressed).map((d) => d.group);
      if (w === 'madeUp') expect(hiddenRows.sort()).toEqual(['Arts', 'Business']);
      const { equations, unknowns } = viewerEquations(a, l, out, wave.domains);
      expect(unknowns.length).toBeGreaterThan(0);
      expect(determinedUnknowns(equations, unknowns)).toEqual([]);
    },
  );
  it('the merged "(small group)" label covers at least k people and no legend or table prints a smaller group', async () => {
    const wave = waves.madeUp!;
    const out = await viewerOutputs(wave.id, wave.domains);
    const a = (out.json.analysis as { analysis: ViewerAnalysis }).analysis;
    const merged = a.people.filter((p) => p.department === SMALL_GROUP_LABEL).length;
    expect(merged).toBeGreaterThanOrEqual(a.minGroupSize);
    const counts = new Map<string, number>();
    for (const p of a.people) counts.set(p.department, (counts.get(p.department) ?? 0) + 1);
    for (const [, n] of counts) expect(n).toBeGreaterThanOrEqual(a.minGroupSize);
    expect(SCHOOL_DEPTS.find(([d]) => d === 'Arts')![1]).toBeLessThan(a.minGroupSize);
  });
});

interface ViewerAnalysis {
  minGroupSize: number;
  network: { people: number; ties: number };
  people: Array<{ id: string; department: string }>;
  departments: Array<{
    group: string;
    size: number | null;
    respondents: number | null;
    internal: number | null;
    external: number | null;
    suppressed: boolean;
  }>;
  mixing: Array<{ from: string; to: string; ties: number | null; suppressed: boolean }>;
  ei: { internal: number | null; external: number | null };
}
interface ViewerLeadership {
  quality: { respondents: number | null };
  groups: {
    mixing: {
      groups: Array<{ name: string; size: number | null }>;
      blocks: Array<{ from: string; to: string; ties: number | null }>;
      within: number;
      between: number;
    };
    ei: Array<{
      domain: string;
      internal: number;
      external: number;
      groups: Array<{ group: string; internal: number | null; external: number | null; size: number | null }>;
    }>;
  };
}

/**
 * The viewer's knowledge as linear equations over the suppressed cells. Unknowns: size, respondents,
 * internal and external ties of each suppressed department; every suppressed mixing block; per
 * domain, every block touching a suppressed department and its E-I internal/external counts.
 * Equations: every total the viewer is shown (people, ties, respondents, E-I internal/external,
 * within/between) equals the sum of its cells; each department's internal = its diagonal block and
 * external = its row of blocks (E-I counts arcs sent, src/metrics/group/ei-index.ts); and, from the
 * viewer's own people list and edge lists (pooled and per domain), the count of people per printed
 * department label and of ties between every pair of printed labels. The viewer is granted which
 * departments a merged label covers.
 */
function viewerEquations(
  a: ViewerAnalysis,
  l: ViewerLeadership,
  out: Outputs,
  domains: string[],
): { equations: Equation[]; unknowns: string[] } {
  const depts = a.departments.map((d) => d.group);
  const printed = new Set(a.people.map((p) => p.department));
  const labelOf = (d: string) => (printed.has(d) ? d : SMALL_GROUP_LABEL);
  const labelOfPerson = new Map(a.people.map((p) => [p.id, p.department]));
  const equations: Equation[] = [];
  const unknowns = new Set<string>();
  const term = (name: string, known: number | null | undefined): Equation['terms'] => {
    if (known !== null && known !== undefined) return {};
    unknowns.add(name);
    return { [name]: 1 };
  };
  const sum = (...ts: Array<Equation['terms']>): Equation['terms'] => {
    const r: Equation['terms'] = {};
    for (const t of ts) for (const [k, c] of Object.entries(t)) r[k] = (r[k] ?? 0) + c;
    return r;
  };
  const row = new Map(a.departments.map((d) => [d.group, d]));
  const block = new Map(a.mixing.map((b) => [`${b.from}→${b.to}`, b.ties]));
  // Totals over departments.
  equations.push({ terms: sum(...depts.map((d) => term(`size:${d}`, row.get(d)!.size))) });
  if (l.quality.respondents !== null) equations.push({ terms: sum(...depts.map((d) => term(`resp:${d}`, row.get(d)!.respondents))) });
  if (a.ei.internal !== null) equations.push({ terms: sum(...depts.map((d) => term(`int:${d}`, row.get(d)!.internal))) });
  if (a.ei.external !== null) equations.push({ terms: sum(...depts.map((d) => term(`ext:${d}`, row.get(d)!.external))) });
  // Mixing: all blocks sum to the ties; the diagonal to `within`; internal/external from blocks.
  const blk = (f: string, t: string) => term(`tie:${f}→${t}`, block.get(`${f}→${t}`));
  equations.push({ terms: sum(...depts.flatMap((f) => depts.map((t) => blk(f, t)))) });
  equations.push({ terms: sum(...depts.map((d) => blk(d, d))) });
  for (const d of depts) {
    equations.push({ terms: sum(term(`int:${d}`, row.get(d)!.internal), neg(blk(d, d))) });
    equations.push({ terms: sum(term(`ext:${d}`, row.get(d)!.external), neg(sum(...depts.filter((t) => t !== d).map((t) => blk(d, t))))) });
  }
  // Leadership's mixing groups (sizes) and blocks are the same cells: a value shown there is known.
  for (const g of l.groups.mixing.groups) if (g.size !== null) equations.push({ terms: term(`size:${g.name}`, row.get(g.name)?.size) });
  for (const b of l.groups.mixing.blocks) if (b.ties !== null) equations.push({ terms: blk(b.from, b.to) });
  // The viewer's own counts: people per printed label, pooled ties between printed labels.
  const labels = [...new Set(depts.map(labelOf))];
  for (const L of labels)
    equations.push({ terms: sum(...depts.filter((d) => labelOf(d) === L).map((d) => term(`size:${d}`, row.get(d)!.size))) });
  for (const F of labels)
    for (const T of labels)
      equations.push({
        terms: sum(...depts.filter((d) => labelOf(d) === F).flatMap((f) => depts.filter((d) => labelOf(d) === T).map((t) => blk(f, t)))),
      });
  // Per domain: E-I rows and totals, and the viewer's label-level tie counts from that domain's edges.
  for (const dom of domains) {
    const ei = (out.json[`leadership?domain=${dom}`] as { leadership: ViewerLeadership }).leadership.groups.ei.find(
      (e) => e.domain === dom,
    );
    const edges = (out.json[`graph?domain=${dom}`] as { edges: Array<{ source: string; target: string }> }).edges;
    if (!ei) continue;
    const g = new Map(ei.groups.map((x) => [x.group, x]));
    const dblk = (f: string, t: string) => (labelOf(f) === f && labelOf(t) === t ? {} : term(`${dom}:tie:${f}→${t}`, null));
    const int = (d: string) => term(`${dom}:int:${d}`, g.get(d)?.internal);
    const ext = (d: string) => term(`${dom}:ext:${d}`, g.get(d)?.external);
    equations.push({ terms: sum(...depts.map(int)) });
    equations.push({ terms: sum(...depts.map(ext)) });
    for (const d of depts) {
      equations.push({ terms: sum(int(d), neg(dblk(d, d))) });
      equations.push({ terms: sum(ext(d), neg(sum(...depts.filter((t) => t !== d).map((t) => dblk(d, t))))) });
    }
    for (const F of labels)
      for (const T of labels)
        equations.push({
          terms: sum(...depts.filter((d) => labelOf(d) === F).flatMap((f) => depts.filter((d) => labelOf(d) === T).map((t) => dblk(f, t)))),
        });
    expect(edges.every((e) => labelOfPerson.has(e.source) && labelOfPerson.has(e.target))).toBe(true);
  }
  return { equations, unknowns: [...unknowns] };
}

function neg(t: Equation['terms']): Equation['terms'] {
  return Object.fromEntries(Object.entries(t).map(([k, c]) => [k, -c]));
}
