import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../cli/run.js';
import { hasPoppler } from '../helpers/system-tools.js';
import { SHOTS } from '../web/helpers.js';
import type { Planted } from '../../tools/fixtures-gen/types.js';

const D = join(process.cwd(), 'fixtures/demo/riverside/2025-26');
const planted = JSON.parse(readFileSync(join(D, 'planted.json'), 'utf8')) as Planted;
const roster = readFileSync(join(D, 'roster.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split(','));
const squash = (s: string) => s.replace(/\s+/g, ' ');

async function report(edition: 'named' | 'anonymised'): Promise<string> {
  mkdirSync(SHOTS, { recursive: true });
  const out = join(SHOTS, `report-survey-${edition}.pdf`);
  const f = (n: string) => join(D, n);
  const r = await run([
    'report',
    '--roster',
    f('roster.csv'),
    '--ties',
    f('ties.csv'),
    '--respondents',
    f('respondents.csv'),
    '--people',
    f('people.csv'),
    '--activities',
    f('activities.csv'),
    '--decisions',
    f('decisions.csv'),
    '--wave',
    '2025-26',
    '--edition',
    edition,
    '--out',
    out,
  ]);
  expect(r.code, r.stderr).toBe(0);
  return out;
}

/** The survey side of the report, read back with pdftotext (and rendered with pdftoppm for a person to look at). */
describe.skipIf(!hasPoppler)('report PDF: survey scales, skills, decision map and patterns (Riverside 2025-26)', () => {
  it('the named edition prints each scale with alpha and n, the planted prompt, the decision matrix and check, and every activity', async () => {
    const pdf = await report('named');
    const text = squash(execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }));
    expect(text).toContain('What staff report: survey scales');
    for (const s of [
      'teacher influence over decisions',
      'participation in decision-making',
      'role clarity',
      'collaboration climate',
      'trust in colleagues',
    ])
      expect(text).toContain(s);
    expect(text).toMatch(/Alpha \(n\)/);
    expect(text).toContain('Perceived distribution beside measured centralization (exploratory)');
    expect(text).toContain(planted.skills!.untappedStrengths[0]!.name);
    expect(text).toContain('Decision map');
    expect(text).toContain('Checked against the network');
    expect(text).toContain('How curriculum is planned for next year');
    expect(text).toContain('Patterns of distribution');
    for (const a of planted.practice!.activities) expect(text).toContain(a.activity.split(' ').slice(0, 3).join(' '));
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(SHOTS, 'report-survey-named')]);
  }, 120_000);

  it('the anonymised edition names no one: pseudonyms in prompts only, no decision or activity rows, group means only for groups of at least 5', async () => {
    const pdf = await report('anonymised');
    const text = squash(execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }));
    for (const [id, name] of roster) {
      expect(text).not.toContain(name!);
      expect(text).not.toMatch(new RegExp(`\\b${id}\\b`));
    }
    const start = text.indexOf('What staff report: survey scales');
    expect(start).toBeGreaterThan(0);
    const survey = text.slice(
      start,
      text.indexOf('Data quality and warnings', start) > 0 ? text.indexOf('Data quality and warnings', start) : undefined,
    );
    expect(survey).toMatch(/P-[0-9A-F]{4,} could help colleagues with curriculum/);
    expect(survey).not.toContain('Each activity');
    expect(survey).toContain('printed in the named edition only');
    expect(survey).toContain('decided by one person alone');
    // Every group mean printed names a group of at least 5 people: "<group> <mean> (<n>)".
    for (const m of survey.matchAll(/ \d\.\d\d \((\d+)\)/g)) expect(Number(m[1])).toBeGreaterThanOrEqual(5);
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(SHOTS, 'report-survey-anonymised')]);
  }, 120_000);
});
