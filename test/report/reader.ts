import { holdsFormalRoleIn } from '../../src/model/formal-roles.js';
import { ANY_DOMAIN } from '../../src/model/types.js';
import { isNewStaff } from '../../src/metrics/leadership/periphery.js';
import type { Person } from '../../src/model/types.js';
import { SMALL_GROUP_LABEL } from '../../src/privacy/suppress.js';
import type { ReportModel } from '../../src/report/types.js';

/**
 * A reader who holds the roster (departments, roles, start years, release times, FTE, who answered)
 * and the anonymised edition, and tries to name the person behind each pseudonym. For every
 * pseudonym the reader gathers what the edition prints beside it anywhere — its department label, a
 * role, a formal-role flag, a start year, a release time, whether they answered, and what a list
 * implies (a nominal leader holds a formal role; a hidden leader does not; "new staff" started
 * recently) — and keeps the roster rows consistent with all of it. A pseudonym is exposed when fewer
 * than k rows remain. The reader never uses the report's own privacy code to decide labels: a
 * department label is a department when that name is printed, else the merged "(small group)" stands
 * for every department never printed.
 */
export interface Exposure {
  label: string;
  candidates: number;
  facts: string[];
  where: string[];
}

type Fact = { text: string; test: (p: Person) => boolean };

const PSEUDONYM = /\bP-[0-9A-F]{4,}\b/g;

export function exposures(model: ReportModel, people: readonly Person[], k: number, waveYear: number | null): Exposure[] {
  const printedDepts = new Set<string>();
  const deptOf = (p: Person) => p.department.trim() || '(none)';
  const allDepts = new Set(people.map(deptOf));
  for (const g of model.network.groups) if (allDepts.has(g.name)) printedDepts.add(g.name);
  for (const g of model.silos.groups) if (allDepts.has(g.group) && !g.suppressed) printedDepts.add(g.group);
  const facts = new Map<string, Fact[]>();
  const where = new Map<string, string[]>();
  const add = (label: string, f: Fact, at: string) => {
    facts.set(label, [...(facts.get(label) ?? []), f]);
    where.set(label, [...(where.get(label) ?? []), at]);
  };
  const deptFact = (d: string): Fact =>
    d === SMALL_GROUP_LABEL
      ? { text: `department not printed`, test: (p) => !printedDepts.has(deptOf(p)) }
      : { text: `department ${d}`, test: (p) => deptOf(p) === d };
  const formal = (yes: boolean, domain = ANY_DOMAIN): Fact => ({
    text: `${yes ? 'formal' : 'no formal'} responsibility in ${domain}`,
    test: (p) => holdsFormalRoleIn(p, domain) === yes,
  });
  const inDomain = (d: string) => (d === 'all domains' || d === 'all' ? ANY_DOMAIN : d);
  const roles = [...new Set(people.map((p) => p.role.trim()).filter((r) => r.length > 0))];

  // Structured rows: a label with the fields printed beside it.
  const rowFacts = (label: string, row: Record<string, unknown>, at: string, implied: Fact[] = []) => {
    if (typeof row.department === 'string') add(label, deptFact(row.department), at);
    if (typeof row.group === 'string' && allDepts.has(row.group) !== false) add(label, deptFact(row.group), at);
    if (typeof row.role === 'string' && row.role !== '') add(label, { text: `role ${row.role}`, test: (p) => p.role === row.role }, at);
    if (row.formal === true) add(label, formal(true), at);
    if (typeof row.startYear === 'number') add(label, { text: `start ${row.startYear}`, test: (p) => p.startYear === row.startYear }, at);
    if (typeof row.responded === 'boolean') add(label, { text: 'response status', test: () => true }, at); // never allowed: flagged below
    if (typeof row.capacity === 'number')
      add(
        label,
        {
          text: `release ${row.capacity}`,
          test: (p) => (p.releaseTime ?? 0) >= (row.capacity as number) - 1e-9 && (p.releaseTime ?? 0) <= (row.capacity as number) + 1e-9,
        },
        at,
      );
    for (const f of implied) add(label, f, at);
  };
  const isLabel = (s: unknown): s is string => typeof s === 'string' && /^P-[0-9A-F]{4,}$/.test(s);
  for (const r of model.whoLeads.rows) if (isLabel(r.label)) rowFacts(r.label, r as unknown as Record<string, unknown>, 'who leads');
  for (const r of model.formalInformal.hidden)
    if (isLabel(r.label))
      rowFacts(
        r.label,
        r as unknown as Record<string, unknown>,
        'hidden leaders',
        r.domains.map((d) => formal(false, inDomain(d))),
      );
  for (const r of model.formalInformal.leaderPlus)
    if (isLabel(r.label)) rowFacts(r.label, r as unknown as Record<string, unknown>, 'leader-plus', [formal(false)]);
  for (const r of model.formalInformal.nominal)
    if (isLabel(r.label)) rowFacts(r.label, r as unknown as Record<string, unknown>, 'nominal leaders', [formal(true)]);
  for (const r of model.brokers.rows) if (isLabel(r.label)) rowFacts(r.label, r as unknown as Record<string, unknown>, 'brokers');
  const newStaff: Fact = { text: 'new staff', test: (p) => isNewStaff(p, waveYear) };
  for (const r of model.periphery.newStaff)
    if (isLabel(r.label)) rowFacts(r.label, r as unknown as Record<string, unknown>, 'new staff', [newStaff]);
  for (const r of model.periphery.overload)
    if (isLabel(r.label)) rowFacts(r.label, r as unknown as Record<string, unknown>, 'overload', [formal(true)]);
  for (const n of model.network.nodes)
    if (isLabel(n.label) && model.network.labelled.includes(n.id)) add(n.label, deptFact(n.group), 'network figure');

  // Text lines (summary, notes, warnings): facts a sentence states beside a pseudonym.
  const lines: Array<[string, string]> = [
    ['headline', model.summary.headline],
    ...model.summary.sections.flatMap((s) => s.points.map((p) => [`summary: ${s.heading}`, p] as [string, string])),
    ...model.quality.warnings.map((w) => ['warnings', w] as [string, string]),
    ...model.quality.notes.map((w) => ['notes', w] as [string, string]),
  ];
  for (const [at, line] of lines) {
    const labels = [...new Set(line.match(PSEUDONYM) ?? [])];
    for (const label of labels) {
      add(label, { text: 'named in text', test: () => true }, at);
      if (/formal leaders? rarely|nominal/i.test(line)) add(label, formal(true), at);
      if (/new staff|started/i.test(line)) add(label, newStaff, at);
      if (/release/i.test(line)) add(label, { text: 'release time', test: () => false }, at);
      if (/did not answer|answered/i.test(line)) add(label, { text: 'response status', test: () => false }, at);
      const year = line.replace(PSEUDONYM, '').match(/\b(19|20)\d\d\b/);
      if (year) add(label, { text: `year ${year[0]}`, test: (p) => p.startYear === Number(year[0]) }, at);
      for (const d of allDepts) if (d !== '(none)' && line.includes(d)) add(label, deptFact(d), at);
      for (const r of roles)
        if (new RegExp(`\\b${r.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i').test(line) && !/^teacher$/i.test(r))
          add(label, { text: `role ${r}`, test: (p) => p.role === r }, at);
    }
  }

  const out: Exposure[] = [];
  for (const [label, fs] of facts) {
    const candidates = people.filter((p) => fs.every((f) => f.test(p))).length;
    const responded = fs.some((f) => f.text === 'response status');
    if (candidates < k || responded)
      out.push({ label, candidates, facts: [...new Set(fs.map((f) => f.text))], where: [...new Set(where.get(label))] });
  }
  return out;
}

/** Group sizes printed anywhere (legend, silo table): every one must be at least k. */
export function printedGroupSizes(model: ReportModel): Array<{ name: string; size: number }> {
  return [
    ...model.network.groups.map((g) => ({ name: g.name, size: g.size })),
    ...model.silos.groups.filter((g) => g.size !== null).map((g) => ({ name: g.group, size: g.size! })),
  ];
}
