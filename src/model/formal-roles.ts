import { ANY_DOMAIN } from './types.js';

/**
 * Which formal positions count as leadership roles. A person holds a formal
 * leadership role when their roster `role` matches one of these patterns
 * (case-insensitive, whole words). Teachers, counselors and support staff do
 * not; "teacher leader", "lead teacher", "content lead", "coach", "chair" do.
 * The list is exported so callers (and the mapping file) can replace it.
 */
export const DEFAULT_FORMAL_LEADER_PATTERNS: readonly RegExp[] = [
  /\bprincipal\b/i,
  /\bvice[- ]principal\b/i,
  /\bhead ?teacher\b/i,
  /\bheadmaster\b|\bheadmistress\b|\bhead of\b/i,
  /\bsuperintendent\b/i,
  /\bdirector\b/i,
  /\bdean\b/i,
  /\bchair(?:person)?\b/i,
  /\bcoach\b/i,
  /\bcoordinator\b/i,
  /\blead\b|\bleader\b/i,
  /\bceo\b|\bvice president\b|\bpresident\b|\bpartner\b|\bmanager\b/i,
  /\bilt\b|\bclt\b/i,
];

export function isFormalLeaderRole(role: string, patterns: readonly RegExp[] = DEFAULT_FORMAL_LEADER_PATTERNS): boolean {
  const r = role.trim();
  if (r === '' || /^unknown$/i.test(r)) return false;
  return patterns.some((p) => p.test(r));
}

/** The domains a role is formally responsible for: every domain, or a list of domain names (empty = none). */
export type FormalDomains = 'all' | readonly string[];

/** One row of the role → domains table: a role pattern (matched on the normalised role) and its domains. */
export interface FormalRoleRule {
  /** Matched against {@link normaliseRole}(role); the first matching row wins. */
  role: RegExp;
  domains: FormalDomains;
}

/**
 * Which domains each formal role is responsible for (docs/metrics.md, "Formal roles per domain").
 * Rows are tried in order, first match wins; roles matching no row hold no formal responsibility.
 * Domain names are matched loosely ({@link domainMatches}): "behaviour" also covers "behavior" and
 * "behaviour support". Replace the table with a settings file (`--formal-roles roles.yaml`) or set
 * one person's domains with the roster column `formal_domains`.
 */
export const DEFAULT_FORMAL_ROLE_DOMAINS: readonly FormalRoleRule[] = [
  { role: /\b(?:assistant |vice |deputy )?principal\b/, domains: 'all' },
  { role: /\bhead ?teacher\b|\bheadmaster\b|\bheadmistress\b|\bsuperintendent\b/, domains: 'all' },
  { role: /\bcounselor\b|\bdean\b|\bsocial worker\b|\bpsychologist\b/, domains: ['behaviour', 'wellbeing'] },
  {
    role: /\b(?:technology|it|edtech|digital learning) (?:coordinator|coach|integration|specialist|lead|leader|director|integrator)\b|\b(?:coordinator|director|head) of technology\b/,
    domains: ['technology'],
  },
  { role: /\b(?:data|assessment) (?:coach|coordinator|lead|leader|specialist)\b/, domains: ['assessment', 'data'] },
  {
    role: /\blead(?:er)?\b.*\b(?:student engagement|behaviou?r|climate|pbis|wellbeing|pastoral)\b|\b(?:student engagement|behaviou?r|climate|pbis|wellbeing|pastoral)\b.*\blead(?:er)?\b/,
    domains: ['behaviour', 'wellbeing'],
  },
  { role: /\bcoach\b/, domains: ['curriculum', 'instruction', 'professional learning'] },
  { role: /\bgrade\b.*\blead(?:er)?\b|\bacademy\b.*\blead(?:er)?\b|\bteam lead(?:er)?\b|\bhead of year\b/, domains: 'all' },
  {
    role: /\bchair(?:person)?\b|\bhead of\b|\blead\b|\bleader\b|\bilt\b|\bclt\b/,
    domains: ['curriculum', 'instruction', 'assessment', 'professional learning'],
  },
  {
    role: /\bdirector\b|\bcoordinator\b|\bceo\b|\bvice president\b|\bpresident\b|\bpartner\b|\bmanager\b/,
    domains: 'all',
  },
];

/**
 * A role as the table reads it: lower case, punctuation as spaces, common abbreviations spelled out
 * ("Asst. Principal" → "assistant principal", "Tech Coordinator" → "technology coordinator",
 * "School Counsellor" → "school counselor").
 */
export function normaliseRole(role: string): string {
  return ` ${role.toLowerCase().replace(/[^a-z0-9]+/g, ' ')} `
    .replace(/ (?:asst|ass t|assist) /g, ' assistant ')
    .replace(/ tech /g, ' technology ')
    .replace(/ coord /g, ' coordinator ')
    .replace(/ counsell?or /g, ' counselor ')
    .replace(/ vp /g, ' vice principal ')
    .replace(/ ap /g, ' assistant principal ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A domain name as compared: lower case, "behavior" → "behaviour", "well-being" → "wellbeing". */
export function normaliseDomain(domain: string): string {
  return domain
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\bbehavior/g, 'behaviour')
    .replace(/\bwell being\b/g, 'wellbeing')
    .trim();
}

/** Whether a responsibility for `responsible` covers the tie domain `domain`: equal, or a whole word of it. */
export function domainMatches(responsible: string, domain: string): boolean {
  const r = normaliseDomain(responsible);
  const d = normaliseDomain(domain);
  return r !== '' && (d === r || ` ${d} `.includes(` ${r} `));
}

/** The roster column that sets one person's formal domains ("all", "none", or a list split on ; or ,). */
export const FORMAL_DOMAINS_COLUMN = 'formal_domains';

/** Parses a `formal_domains` cell or a settings-file value: "all", "none"/"", or "technology; assessment". */
export function parseFormalDomains(value: string | readonly string[]): FormalDomains {
  const items = (typeof value === 'string' ? value.split(/[;,|]/) : value).map((s) => s.trim()).filter((s) => s !== '');
  if (items.some((s) => /^all$/i.test(s))) return 'all';
  return items.filter((s) => !/^none$/i.test(s)).map(normaliseDomain);
}

/** The person's `formal_domains` cell (header matched case-insensitively), or undefined when absent or blank. */
function overrideOf(attributes: Readonly<Record<string, unknown>> | undefined): FormalDomains | undefined {
  if (!attributes) return undefined;
  for (const [k, v] of Object.entries(attributes)) {
    if (
      k
        .trim()
        .toLowerCase()
        .replace(/[\s-]+/g, '_') !== FORMAL_DOMAINS_COLUMN
    )
      continue;
    if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) return undefined;
    if (typeof v === 'boolean') return v ? 'all' : [];
    return typeof v === 'string' || typeof v === 'number' ? parseFormalDomains(String(v)) : undefined;
  }
  return undefined;
}

/**
 * The domains a person is formally responsible for: their roster `formal_domains` cell when filled,
 * else the first row of `rules` matching their role, else none.
 */
export function formalDomainsOf(
  person: { role: string; attributes?: Readonly<Record<string, unknown>> } | undefined,
  rules: readonly FormalRoleRule[] = DEFAULT_FORMAL_ROLE_DOMAINS,
): FormalDomains {
  if (!person) return [];
  const own = overrideOf(person.attributes);
  if (own !== undefined) return own;
  const r = normaliseRole(person.role);
  if (r === '' || r === 'unknown') return [];
  return rules.find((rule) => rule.role.test(r))?.domains ?? [];
}

/**
 * Whether the person holds formal responsibility in `domain`. For all domains pooled (ANY_DOMAIN,
 * also a tie list without a domain column) it is whether they hold any formal responsibility.
 */
export function holdsFormalRoleIn(
  person: { role: string; attributes?: Readonly<Record<string, unknown>> } | undefined,
  domain: string,
  rules: readonly FormalRoleRule[] = DEFAULT_FORMAL_ROLE_DOMAINS,
): boolean {
  const ds = formalDomainsOf(person, rules);
  if (ds === 'all') return true;
  if (domain === ANY_DOMAIN) return ds.length > 0;
  return ds.some((d) => domainMatches(d, domain));
}

/**
 * A role → domains settings file (YAML or JSON object): `counselor: [behaviour, wellbeing]`,
 * `"tech coordinator": technology`, `principal: all`, `"teacher leader": none`. Each key matches a
 * role loosely (normalised, whole words); its rows come before the defaults, so they override them.
 * Returns the rules or a message naming the offending key.
 */
export function formalRolesFromSettings(
  settings: unknown,
  defaults: readonly FormalRoleRule[] = DEFAULT_FORMAL_ROLE_DOMAINS,
): { ok: true; rules: FormalRoleRule[] } | { ok: false; message: string } {
  if (settings === null || typeof settings !== 'object' || Array.isArray(settings))
    return { ok: false, message: 'expected a mapping of role → domains, e.g. "counselor: [behaviour, wellbeing]"' };
  const rows: FormalRoleRule[] = [];
  for (const [key, value] of Object.entries(settings as Record<string, unknown>)) {
    const role = normaliseRole(key);
    const list = typeof value === 'string' ? value : Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : null;
    if (role === '' || list === null) return { ok: false, message: `role "${key}": expected "all", "none", a domain or a list of domains` };
    const escaped = role.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    rows.push({ role: new RegExp(`\\b${escaped}\\b`), domains: parseFormalDomains(list) });
  }
  return { ok: true, rules: [...rows, ...defaults] };
}
