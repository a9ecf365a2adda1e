import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './run.js';

const wave = join(process.cwd(), 'fixtures/demo/riverside/2025-26');
const f = (n: string) => join(wave, n);

/** The demo people file cut to the given columns (plain CSV: the demo file quotes no kept cell with a comma). */
function peopleWith(columns: string[]): string {
  const [head, ...rows] = readFileSync(f('people.csv'), 'utf8').trimEnd().split('\n');
  const parse = (line: string) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, ''));
  const h = parse(head!);
  const keep = columns.map((c) => h.indexOf(c));
  expect(keep.every((i) => i >= 0)).toBe(true);
  const dir = mkdtempSync(join(tmpdir(), 'leadmap-skills-only-'));
  const out = join(dir, 'people.csv');
  writeFileSync(out, [head!, ...rows].map((l) => keep.map((i) => parse(l)[i]).join(',')).join('\n') + '\n');
  return out;
}

describe('a people file with the skills inventory and no Likert items', () => {
  it('is read for the skills part, with no scales section and no error', async () => {
    const people = peopleWith(['id', 'name', 'department', 'responded', 'skill_domains', 'need_domains']);
    const r = await run(['analyze', f('ties.csv'), '--roster', f('roster.csv'), '--people', people, '--json']);
    expect(r.stderr).not.toMatch(/MISSING_ITEM/);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { scales?: unknown; skills: { untappedStrengths: unknown[]; domains: unknown[] } };
    expect(out.scales).toBeUndefined();
    expect(out.skills.domains.length).toBeGreaterThan(0);
    const full = JSON.parse(
      (await run(['analyze', f('ties.csv'), '--roster', f('roster.csv'), '--people', f('people.csv'), '--json'])).stdout,
    ) as { skills: unknown };
    expect(out.skills).toEqual(full.skills);
  });

  it('works without a tie list too', async () => {
    const people = peopleWith(['id', 'name', 'department', 'responded', 'skill_domains', 'need_domains']);
    const r = await run(['analyze', '--people', people, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveProperty('skills');
  });

  it('a people file with neither scale items nor skills columns is refused with a code', async () => {
    const people = peopleWith(['id', 'name', 'department', 'responded']);
    const r = await run(['analyze', '--people', people]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('NO_SURVEY_ANSWERS');
  });

  it('the full people file sets perceived distribution beside measured centralization, labelled exploratory', async () => {
    const r = await run(['analyze', f('ties.csv'), '--roster', f('roster.csv'), '--people', f('people.csv'), '--json']);
    const out = JSON.parse(r.stdout) as {
      surveyNetwork: {
        exploratory: boolean;
        distribution: { inDegreeCentralization: number; scales: Array<{ scale: string; mean: number }> };
      };
      network: { inDegreeCentralization: number };
    };
    expect(out.surveyNetwork.exploratory).toBe(true);
    expect(out.surveyNetwork.distribution.scales.map((s) => s.scale)).toEqual([
      'teacher influence over decisions',
      'participation in decision-making',
    ]);
    expect(out.surveyNetwork.distribution.inDegreeCentralization).toBeCloseTo(out.network.inDegreeCentralization, 10);
  });
});

describe('a people file that asks some of the shipped scales in full', () => {
  const participation = [
    'I have a voice in decisions about teaching and learning at this school.',
    'Teachers are asked for their views before decisions that affect their work are made.',
    'I can see how staff input shaped recent school decisions.',
    'Decisions at this school are made before staff are consulted.',
  ];
  it('reads those scales with the same numbers as the full file, and names the others as not asked', async () => {
    const people = peopleWith([
      'id',
      'name',
      'department',
      'responded',
      ...participation,
      'How much influence do teachers have over… [Curriculum]',
    ]);
    const r = await run(['analyze', f('ties.csv'), '--roster', f('roster.csv'), '--people', people, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('SCALE_NOT_ASKED');
    expect(r.stderr).toContain('"teacher influence over decisions"');
    const out = JSON.parse(r.stdout) as { scales: Array<{ scale: string; alpha: number }> };
    expect(out.scales.map((s) => s.scale)).toEqual(['participation in decision-making']);
    const full = JSON.parse(
      (await run(['analyze', f('ties.csv'), '--roster', f('roster.csv'), '--people', f('people.csv'), '--json'])).stdout,
    ) as {
      scales: Array<{ scale: string; alpha: number }>;
    };
    expect(out.scales[0]).toEqual(full.scales.find((s) => s.scale === 'participation in decision-making'));
  });
});
