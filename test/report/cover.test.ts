import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, writeFile } from '../ingest/tmp.js';
import { run } from '../cli/run.js';

/** The cover page (page 1) and the running header of page 2, as pdftotext reads them. */
const page = (file: string, p: number) => execFileSync('pdftotext', ['-f', String(p), '-l', String(p), file, '-'], { encoding: 'utf8' });

const PEOPLE = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
function roster(schools: string[]): string {
  return (
    'id,name,role,department,school\n' +
    PEOPLE.map((id, k) => `${id},Person ${id.toUpperCase()},teacher,Dept ${k % 2},${schools[k % schools.length]}`).join('\n') +
    '\n'
  );
}
/** Everyone asks the next two colleagues; optional extra columns per row. */
function ties(extraHeader = '', extra: (k: number) => string = () => ''): string {
  const rows: string[] = [];
  PEOPLE.forEach((s, k) => {
    for (const d of [1, 2]) rows.push(`${s},${PEOPLE[(k + d) % PEOPLE.length]},advice,curriculum,1${extra(k)}`);
  });
  return `source,target,relation,domain,weight${extraHeader}\n${rows.join('\n')}\n`;
}

async function report(dir: string, args: string[]) {
  const out = join(dir, `r${Math.random().toString(36).slice(2)}.pdf`);
  const r = await run(['report', '--roster', 'roster.csv', '--ties', 'ties.csv', ...args, '--out', out], dir);
  return { ...r, out };
}

describe('report cover: the school and wave come from the options or the data, never a placeholder', () => {
  it('takes the roster’s single school and the tie list’s wave column', async () => {
    const dir = tempDir();
    // Some rows leave the school blank: the one school named is still the only one.
    writeFile(dir, 'roster.csv', roster(['Maple Ridge Middle', 'Maple Ridge Middle', ''])); // blank for c, f
    writeFile(
      dir,
      'ties.csv',
      ties(',wave', () => ',2025-26'),
    );
    const r = await report(dir, []);
    expect(r.code, r.stderr).toBe(0);
    const cover = page(r.out, 1);
    expect(cover).toContain('Maple Ridge Middle');
    expect(cover).toContain('Survey wave 2025-26');
    expect(page(r.out, 2)).toContain('Maple Ridge Middle · 2025-26');
    expect(cover).not.toContain('this wave');
  });

  it('takes the wave from the date the survey closed when the tie list has timestamps but no wave', async () => {
    const dir = tempDir();
    writeFile(dir, 'roster.csv', roster(['Maple Ridge Middle']));
    writeFile(
      dir,
      'ties.csv',
      ties(',timestamp', (k) => `,2025-10-${String(10 + k).padStart(2, '0')}T09:00:00Z`),
    );
    const r = await report(dir, []);
    expect(r.code, r.stderr).toBe(0);
    expect(page(r.out, 1)).toContain('Survey wave 2025-10-17');
  });

  it('prefers --school and --wave over the data', async () => {
    const dir = tempDir();
    writeFile(dir, 'roster.csv', roster(['Maple Ridge Middle']));
    writeFile(
      dir,
      'ties.csv',
      ties(',wave', () => ',2025-26'),
    );
    const r = await report(dir, ['--school', 'Maple Ridge', '--wave', '2025-26']);
    expect(r.code, r.stderr).toBe(0);
    const cover = page(r.out, 1);
    expect(cover).toContain('Maple Ridge\n');
    expect(cover).not.toContain('Maple Ridge Middle');
  });

  it('refuses a roster of several schools without --school instead of printing the first row’s', async () => {
    const dir = tempDir();
    writeFile(dir, 'roster.csv', roster(['Oak Elementary', 'Maple Ridge Middle']));
    writeFile(
      dir,
      'ties.csv',
      ties(',wave', () => ',2025-26'),
    );
    const r = await report(dir, []);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('SCHOOL_AMBIGUOUS');
    expect(r.stderr).toContain('--district <name>');
    expect(r.stderr).toContain('Maple Ridge Middle, Oak Elementary');
    const ok = await report(dir, ['--school', 'Maple Ridge Middle']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(page(ok.out, 1)).not.toContain('Oak Elementary');
  });

  it('refuses a roster with no school, and a tie list with neither wave nor timestamps, naming the option to use', async () => {
    const dir = tempDir();
    writeFile(dir, 'roster.csv', roster(['']));
    writeFile(dir, 'ties.csv', ties());
    const r = await report(dir, ['--wave', '2025-26']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('SCHOOL_UNKNOWN');
    expect(r.stderr).toContain('--school');
    const w = await report(dir, ['--school', 'Maple Ridge Middle']);
    expect(w.code).toBe(2);
    expect(w.stderr).toContain('WAVE_UNKNOWN');
    expect(w.stderr).toContain('--wave');
  });

  it('labels the previous wave from its own tie list and refuses when it cannot', async () => {
    const dir = tempDir();
    writeFile(dir, 'roster.csv', roster(['Maple Ridge Middle']));
    writeFile(
      dir,
      'ties.csv',
      ties(',wave', () => ',2025-26'),
    );
    writeFile(
      dir,
      'old-ties.csv',
      ties(',wave', () => ',2024-25'),
    );
    writeFile(dir, 'old-ties-nowave.csv', ties());
    const r = await report(dir, ['--previous-roster', 'roster.csv', '--previous-ties', 'old-ties.csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(page(r.out, 1)).toContain('Compared with 2024-25');
    const bad = await report(dir, ['--previous-roster', 'roster.csv', '--previous-ties', 'old-ties-nowave.csv']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--previous-wave');
  });
});
