import type { LeadershipAnalysis } from '../metrics/analytics.js';
import type { Person } from '../model/types.js';
import type { Disclosure, PrivacyPolicy } from './policy.js';
import type { Pseudonyms } from './pseudonym.js';
import { suppressGroups, SMALL_GROUP_LABEL } from './suppress.js';

/**
 * Passes the leadership analytics (src/metrics/analytics.ts) through the
 * privacy rules. For every disclosure: per-group E-I rows and mixing-matrix
 * groups under the minimum size are suppressed, with secondary suppression so
 * totals cannot reveal them. Pseudonymised: every person id (as an `id` field
 * or any string value) becomes the wave's label, `name` fields next to an id
 * and any full name inside a text become the label, object keys that are
 * person ids are relabelled, roles and e-mail addresses are dropped, a
 * person's department/group is merged into "(small group)" when small, and
 * small-group warnings lose their group name and size.
 */
export function presentLeadership(
  a: LeadershipAnalysis,
  people: readonly Person[],
  ctx: { disclosure: Disclosure; policy: PrivacyPolicy; pseudonyms: Pseudonyms },
): LeadershipAnalysis {
  const min = ctx.policy.minGroupSize;
  const out = structuredClone(a);
  out.groups.ei = out.groups.ei.map((e) => ({ ...e, groups: suppressGroups(e.groups, min) as unknown as typeof e.groups }));
  suppressMixing(out.groups.mixing, min);
  if (ctx.disclosure === 'named') return out;

  const ids = new Set(people.map((p) => p.id));
  const deptSize = new Map<string, number>();
  for (const p of people) deptSize.set(p.department, (deptSize.get(p.department) ?? 0) + 1);
  const names = people
    .map((p) => [p.name, p.id] as const)
    .filter(([n]) => n.trim().length >= 3)
    .sort((x, y) => y[0].length - x[0].length);
  const nameRe = names.length ? new RegExp(names.map(([n]) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g') : null;
  const idOfName = new Map(names);
  const label = (id: string): string => ctx.pseudonyms.label(id);
  const text = (s: string): string => {
    if (ids.has(s)) return label(s);
    return nameRe ? s.replace(nameRe, (m) => label(idOfName.get(m)!)) : s;
  };
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return text(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v === null || typeof v !== 'object') return v;
    const o = v as Record<string, unknown>;
    const personId = typeof o.id === 'string' && ids.has(o.id) ? o.id : null;
    const r: Record<string, unknown> = {};
    if (o.code === 'SMALL_GROUP' && typeof o.message === 'string') {
      return { ...o, message: `A group has fewer than ${min} people: its group results are suppressed.`, subject: null };
    }
    for (const [k, x] of Object.entries(o)) {
      if (k === 'email') continue;
      const key = ids.has(k) ? label(k) : k; // maps keyed by person id (e.g. communityOf)
      if (personId && k === 'name') r[key] = label(personId);
      else if (personId && k === 'role') r[key] = '';
      else if (personId && (k === 'department' || k === 'group') && typeof x === 'string')
        r[key] = (deptSize.get(x) ?? 0) >= min ? x : SMALL_GROUP_LABEL;
      else r[key] = walk(x);
    }
    return r;
  };
  return walk(out) as LeadershipAnalysis;
}

/** Mixing matrix: with exactly one small group hidden, hide the next smallest too (the totals would reveal it). */
function suppressMixing(m: LeadershipAnalysis['groups']['mixing'], min: number): void {
  const hidden = new Set(m.groups.filter((g) => g.size < min || g.suppressed).map((g) => g.name));
  if (hidden.size === 1 && m.groups.length > 2) {
    const next = m.groups.filter((g) => !hidden.has(g.name)).sort((x, y) => x.size - y.size || x.name.localeCompare(y.name))[0];
    if (next) hidden.add(next.name);
  }
  for (const g of m.groups)
    if (hidden.has(g.name)) {
      g.suppressed = true;
      (g as { size: number | null }).size = null;
    }
  for (const b of m.blocks)
    if (hidden.has(b.from) || hidden.has(b.to)) {
      b.ties = null;
      b.density = null;
    }
}
