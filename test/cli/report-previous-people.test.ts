import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './run.js';
import { tempDir } from '../ingest/tmp.js';
import { hasPoppler } from '../helpers/system-tools.js';

/** `leadmap report --people --previous-people`: the change page measures the survey scales as `leadmap compare` does. */
describe.runIf(hasPoppler)('leadmap report with both waves’ people files', () => {
  const out = tempDir('leadmap-report-people-');
  const h = (wave: string, f: string) => join(import.meta.dirname, '../../fixtures/demo/highland', wave, f);
  const pair = [
    '--previous-roster',
    h('2024-25', 'roster.csv'),
    '--previous-ties',
    h('2024-25', 'ties.csv'),
    '--previous-respondents',
    h('2024-25', 'respondents.csv'),
    '--roster',
    h('2025-26', 'roster.csv'),
    '--ties',
    h('2025-26', 'ties.csv'),
    '--respondents',
    h('2025-26', 'respondents.csv'),
    '--people',
    h('2025-26', 'people.csv'),
  ];

  it('prints participation and role clarity with the numbers of leadmap compare --people --previous-people', async () => {
    const r = await run([
      'report',
      ...pair,
      '--previous-people',
      h('2024-25', 'people.csv'),
      '--school',
      'Highland High',
      '--wave',
      '2025-26',
      '--previous-wave',
      '2024-25',
      '--out',
      join(out, 'r.pdf'),
    ]);
    expect(r.code, r.stderr).toBe(0);
    const c = await run(['compare', ...pair, '--previous-people', h('2024-25', 'people.csv'), '--json']);
    expect(c.code, c.stderr).toBe(0);
    const rows = (JSON.parse(c.stdout) as { indicators: Array<{ key: string; population: string; domain: string; before: number }> })
      .indicators;
    const participation = rows.find((i) => i.key === 'participation' && i.population === 'all' && i.domain === 'all')!;
    expect(participation.before).not.toBeNull();
    const text = execFileSync('pdftotext', ['-layout', join(out, 'r.pdf'), '-'], { encoding: 'utf8' });
    const line = text.split('\n').find((l) => l.trim().startsWith('Participation in decision-making'))!;
    expect(line).toContain(participation.before.toFixed(2));
    expect(line).not.toContain('not measured');
  }, 120_000);

  it('refuses --previous-people without the previous wave', async () => {
    const r = await run([
      'report',
      '--roster',
      h('2025-26', 'roster.csv'),
      '--ties',
      h('2025-26', 'ties.csv'),
      '--people',
      h('2025-26', 'people.csv'),
      '--previous-people',
      h('2024-25', 'people.csv'),
      '--school',
      'Highland High',
      '--wave',
      '2025-26',
      '--out',
      join(out, 'x.pdf'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--previous-people needs --people and the previous wave');
  });
});
