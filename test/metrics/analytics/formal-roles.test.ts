import { describe, expect, test } from 'vitest';
import { analyzeLeadership } from '../../../src/metrics/analytics.js';
import { blankPerson } from '../../../src/model/blank-person.js';
import { domainMatches, formalDomainsOf, formalRolesFromSettings, holdsFormalRoleIn } from '../../../src/model/formal-roles.js';
import { ANY_DOMAIN, type Dataset, type Person, type Tie } from '../../../src/model/types.js';
import type { LeadershipAnalysis } from '../../../src/metrics/analytics.js';
import { run } from '../../cli/run.js';
import { tempDir, writeFile } from '../../ingest/tmp.js';

const tie = (source: string, target: string, domain: string): Tie => ({
  source,
  target,
  relation: 'advice',
  domain,
  weight: 1,
  count: 1,
  timestamp: null,
  wave: null,
});
const person = (id: string, role: string, attributes: Person['attributes'] = {}): Person => ({ ...blankPerson(id), role, attributes });

/**
 * Twenty staff: sixteen teachers, a counselor (c) ten colleagues ask about behaviour, a second counselor
 * (c2) one colleague asks about behaviour, a science teacher (x) ten colleagues ask about technology,
 * and a principal (p) nobody names. Every teacher also names a colleague about instruction.
 */
function school(overrides: Partial<Record<string, Person['attributes']>> = {}): Dataset {
  const teachers = Array.from({ length: 16 }, (_, i) => `t${String(i + 1).padStart(2, '0')}`);
  const people = [
    ...teachers.map((id) => person(id, 'teacher', overrides[id])),
    person('c', 'School Counselor', overrides.c),
    person('c2', 'counsellor', overrides.c2),
    person('x', 'science teacher', overrides.x),
    person('p', 'principal', overrides.p),
  ];
  const ties: Tie[] = [
    ...teachers.slice(0, 10).map((t) => tie(t, 'c', 'behaviour')),
    tie('t11', 'c2', 'behaviour'),
    ...teachers.slice(0, 10).map((t) => tie(t, 'x', 'technology')),
    ...teachers.map((t, i) => tie(t, teachers[(i + 1) % teachers.length]!, 'instruction')),
  ];
  return {
    people,
    ties,
    relations: [{ name: 'advice', directed: true }],
    domains: ['behaviour', 'instruction', 'technology'],
    respondents: null,
    wave: null,
  };
}

const hiddenIn = (a: LeadershipAnalysis, domain: string) =>
  a.formalInformal.byDomain.find((f) => f.domain === domain)!.hiddenLeaders.map((h) => h.id);
const nominalIn = (a: LeadershipAnalysis, domain: string) =>
  a.formalInformal.byDomain.find((f) => f.domain === domain)!.nominalLeaders.map((h) => h.id);

describe('formal roles per domain', () => {
  test('a counselor sought out for behaviour is not a hidden leader; a teacher sought out for technology is', () => {
    const a = analyzeLeadership(school(), { permutations: 0 });
    expect(a.leaders.byDomain.find((d) => d.domain === 'behaviour')!.leaders).toEqual(['c']);
    expect(hiddenIn(a, 'behaviour')).toEqual([]);
    expect(hiddenIn(a, 'technology')).toEqual(['x']);
  });

  test('a counselor rarely sought out about behaviour is a nominal leader in behaviour, not in technology', () => {
    const a = analyzeLeadership(school(), { permutations: 0 });
    expect(nominalIn(a, 'behaviour')).toContain('c2');
    expect(nominalIn(a, 'behaviour')).not.toContain('c');
    expect(nominalIn(a, 'technology')).not.toContain('c2');
    expect(nominalIn(a, 'technology')).not.toContain('c');
    // The principal is responsible for every domain and nobody names them.
    for (const d of ['behaviour', 'technology', 'instruction', ANY_DOMAIN]) expect(nominalIn(a, d)).toContain('p');
    // On all domains pooled only whole-school roles are judged nominal.
    expect(nominalIn(a, ANY_DOMAIN)).toEqual(['p']);
  });

  test('the roster column formal_domains overrides the table for one person', () => {
    const a = analyzeLeadership(school({ x: { formal_domains: 'technology; assessment' }, c: { formal_domains: 'none' } }), {
      permutations: 0,
    });
    expect(hiddenIn(a, 'technology')).toEqual([]);
    expect(hiddenIn(a, 'behaviour')).toEqual(['c']);
    const all = analyzeLeadership(school({ x: { formal_domains: 'all' } }), { permutations: 0 });
    expect(hiddenIn(all, 'technology')).toEqual([]);
    expect(nominalIn(all, 'instruction')).toContain('x');
  });

  test('a settings file replaces a role’s domains', () => {
    const res = formalRolesFromSettings({ 'school counselor': 'none', 'science teacher': ['technology'] });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const a = analyzeLeadership(school(), { permutations: 0, formalRoles: res.rules });
    expect(hiddenIn(a, 'behaviour')).toEqual(['c']);
    expect(hiddenIn(a, 'technology')).toEqual([]);
    expect(formalRolesFromSettings(['counselor'])).toMatchObject({ ok: false });
    expect(formalRolesFromSettings({ counselor: 3 })).toMatchObject({ ok: false, message: expect.stringContaining('counselor') });
  });

  test('role wording is matched loosely', () => {
    const domainsOf = (role: string) => formalDomainsOf({ role });
    expect(domainsOf('Asst. Principal')).toBe('all');
    expect(domainsOf('Tech Coordinator')).toEqual(['technology']);
    expect(domainsOf('Instructional Coach')).toEqual(['curriculum', 'instruction', 'professional learning']);
    expect(domainsOf('Data Coach')).toEqual(['assessment', 'data']);
    expect(domainsOf('School Counsellor')).toEqual(['behaviour', 'wellbeing']);
    expect(domainsOf('technology teacher')).toEqual([]);
    expect(domainsOf('teacher')).toEqual([]);
    expect(holdsFormalRoleIn({ role: 'counselor' }, 'Behavior')).toBe(true);
    expect(holdsFormalRoleIn({ role: 'counselor' }, 'technology')).toBe(false);
    expect(holdsFormalRoleIn({ role: 'counselor' }, ANY_DOMAIN)).toBe(true);
    expect(holdsFormalRoleIn({ role: 'teacher' }, ANY_DOMAIN)).toBe(false);
    expect(domainMatches('data', 'data use')).toBe(true);
    expect(domainMatches('data', 'metadata')).toBe(false);
  });

  test('leadmap analyze --formal-roles reads a YAML settings file; a bad one is refused with its name', async () => {
    const dir = tempDir();
    const roster = writeFile(dir, 'roster.csv', 'id,name,role\n1,Ann,counselor\n2,Ben,teacher\n3,Cy,teacher\n4,Di,teacher\n5,Ed,teacher\n');
    const ties = writeFile(
      dir,
      'ties.csv',
      'source,target,domain\n2,1,behaviour\n3,1,behaviour\n4,1,behaviour\n5,1,behaviour\n2,3,curriculum\n',
    );
    const hiddenBehaviour = (stdout: string): string[] =>
      (JSON.parse(stdout) as LeadershipAnalysis).formalInformal.byDomain
        .find((f) => f.domain === 'behaviour')!
        .hiddenLeaders.map((h) => h.id);
    const plain = await run(['analyze', ties, '--roster', roster, '--json']);
    expect(plain.code).toBe(0);
    expect(hiddenBehaviour(plain.stdout)).toEqual([]);
    const roles = writeFile(dir, 'roles.yaml', 'counselor: none\n');
    const over = await run(['analyze', ties, '--roster', roster, '--json', '--formal-roles', roles]);
    expect(over.code).toBe(0);
    expect(hiddenBehaviour(over.stdout)).toEqual(['1']);
    const bad = writeFile(dir, 'bad.yaml', '- counselor\n');
    const refused = await run(['analyze', ties, '--roster', roster, '--formal-roles', bad]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('bad.yaml');
  });
});
