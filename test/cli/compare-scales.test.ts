import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './run.js';

const root = join(import.meta.dirname, '..', '..');
const demo = (w: string, f: string) => join(root, 'fixtures', 'demo', 'lakeside', w, f);
const reference = readFileSync(join(root, 'test', 'reference', 'scales', 'people.csv'), 'utf8')
  .trim()
  .split('\n');

/** The reference people file with its ids replaced by the wave's roster ids (first 30), answers to the participation items raised by `lift`. */
function peopleFile(dir: string, wave: string, lift: number): string {
  const ids = readFileSync(demo(wave, 'roster.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(',')[0]!);
  const header = reference[0]!.split(',');
  const participation = new Set(
    header.map((h, i) => (/^(I have a voice|Teachers are asked|I can see how staff input)/.test(h) ? i : -1)).filter((i) => i >= 0),
  );
  const reversed = header.findIndex((h) => h.startsWith('Decisions at this school'));
  const words: Record<string, number> = {
    'Strongly disagree': 1,
    Disagree: 2,
    'Neither agree nor disagree': 3,
    Agree: 4,
    'Strongly agree': 5,
  };
  const rows = reference.slice(1).map((line, k) => {
    const cells = line.split(',');
    cells[0] = ids[k]!;
    for (const i of [...participation, reversed]) {
      const v = words[cells[i]!] ?? Number(cells[i]);
      if (cells[i] === '' || Number.isNaN(v)) continue;
      cells[i] = String(i === reversed ? Math.max(1, v - lift) : Math.min(5, v + lift));
    }
    return cells.join(',');
  });
  const path = join(dir, `people-${wave}.csv`);
  writeFileSync(path, [reference[0], ...rows].join('\n') + '\n');
  return path;
}

describe('leadmap compare --people: survey scales as leading indicators', () => {
  it('participation in decision-making reads "up" when answers rise, role clarity "no clear change"; without people files both are "not measured"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadmap-compare-scales-'));
    const base = [
      'compare',
      '--previous-roster',
      demo('2024-25', 'roster.csv'),
      '--previous-ties',
      demo('2024-25', 'ties.csv'),
      '--roster',
      demo('2025-26', 'roster.csv'),
      '--ties',
      demo('2025-26', 'ties.csv'),
      '--replicates',
      '300',
      '--json',
    ];
    const r = await run([...base, '--previous-people', peopleFile(dir, '2024-25', 0), '--people', peopleFile(dir, '2025-26', 2)]);
    expect(r.code, r.stderr).toBe(0);
    const rows = (
      JSON.parse(r.stdout) as {
        indicators: Array<{ key: string; population: string; domain: string; verdict: string; change: number | null }>;
      }
    ).indicators;
    const row = (key: string) => rows.find((i) => i.key === key && i.domain === 'all' && i.population === 'all')!;
    expect(row('participation').verdict).toBe('up');
    expect(row('participation').change).toBeGreaterThan(0.5);
    expect(row('roleClarity').verdict).toBe('no clear change');
    const without = await run(base);
    const rows0 = (
      JSON.parse(without.stdout) as { indicators: Array<{ key: string; population: string; domain: string; verdict: string }> }
    ).indicators;
    expect(rows0.find((i) => i.key === 'participation' && i.population === 'all')!.verdict).toMatch(/^not measured/);
  });
});
