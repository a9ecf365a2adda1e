import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/ingest/load-dataset.js';
import type { Dataset } from '../../src/model/types.js';
import { schoolDataset } from '../../src/metrics/district/schools.js';
import { buildDistrictReport } from '../../src/report/district/model.js';
import { run } from '../cli/run.js';
import { tempDir } from '../ingest/tmp.js';
import { hasPoppler } from '../helpers/system-tools.js';
import { exposures } from './reader.js';

/** `leadmap report --district` on the Pinewood demo district (four schools and a five-person district office, not a school). */
const dir = join(import.meta.dirname, '../../fixtures/demo/pinewood/2025-26');
const files = { roster: join(dir, 'roster.csv'), ties: join(dir, 'ties.csv'), respondents: join(dir, 'respondents.csv') };
const K = 5;
let d: Dataset;
beforeAll(async () => {
  const r = await loadDataset(files);
  if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
  d = r.value;
});

describe('district report model', () => {
  it('compares the schools shown, names PW011 first, and gives a section to each school shown and to no suppressed one', () => {
    const m = buildDistrictReport({ district: 'Pinewood Rural District', wave: '2025-26', dataset: d, edition: 'named', minGroupSize: K });
    // The district office is not a school (no row, no section); with five staff it hides nothing.
    expect(m.leftOut).toEqual([]);
    expect(m.view.districtLevel).toEqual([{ unit: 'District Office', people: 5, suppressed: false }]);
    expect(m.sections.map((s) => s.school)).not.toContain('District Office');
    expect(m.sections.map((s) => s.school)).toEqual(m.view.schools.filter((s) => !s.suppressed).map((s) => s.school));
    for (const s of m.sections) expect(s.model.meta.people).toBe(d.people.filter((p) => p.school === s.school).length);
    expect(m.view.crossSchoolLeaders[0]).toMatchObject({ id: 'PW011', nominationsFromOtherSchools: 35 });
    const people = m.table.rows.find((r) => r.indicator === 'people')!;
    // Four schools of 14, 19, 29 and 33 staff: the median is the mean of the middle two.
    expect(people.median.text).toBe('24');
  });

  it('anonymised: no roster name in the model, and every school section leaves at least k candidates for each pseudonym', () => {
    const m = buildDistrictReport({
      district: 'Pinewood Rural District',
      wave: '2025-26',
      dataset: d,
      edition: 'anonymised',
      minGroupSize: K,
      secret: Buffer.alloc(32, 7),
    });
    const text = JSON.stringify(m);
    for (const p of d.people) expect(text).not.toContain(p.name);
    expect(m.view.crossSchoolLeaders[0]!.id).toMatch(/^P-[0-9A-F]+$/);
    for (const s of m.sections) expect(exposures(s.model, schoolDataset(d, s.school).people, K, 2025), s.school).toEqual([]);
  });
});

describe.runIf(hasPoppler)('leadmap report --district', () => {
  const out = tempDir('leadmap-district-');
  const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

  it('writes the named and anonymised district reports: cover, school comparison with medians, cross-school leaders, a section per school', async () => {
    const args = [
      'report',
      '--roster',
      files.roster,
      '--ties',
      files.ties,
      '--respondents',
      files.respondents,
      '--district',
      'Pinewood Rural District',
      '--wave',
      '2025-26',
    ];
    const named = await run([...args, '--out', join(out, 'named.pdf')]);
    expect(named.stderr).toContain('district report');
    expect(named.code).toBe(0);
    const t = pdfText(join(out, 'named.pdf'));
    expect(t).toContain('District Evaluation Report');
    expect(t).toContain('Pinewood Rural District');
    expect(t).toMatch(/Indicator\s+Cedar Ridge/);
    expect(t).toMatch(/district median \d+ %/);
    // The planted school silo: the school whose ties least often leave it.
    expect(t).toMatch(/advice least often leaves\s+Fox Hollow Elementary/);
    expect(t.replace(/\s+/g, ' ')).toContain('District Office (5 staff) is the district’s own staff, not a school');
    // The cross-school leaders' table: PW011 (35 colleagues) above the superintendent (11).
    const leaders = t.slice(t.indexOf('Colleagues whom staff of other schools seek out'));
    expect(leaders.indexOf('Gabriel Green')).toBeGreaterThan(0);
    expect(leaders.indexOf('Gabriel Green')).toBeLessThan(leaders.indexOf('Papadopoulos'));
    expect(leaders.split('\n').find((l) => l.includes('Gabriel Green'))).toMatch(/\b35\b/);
    // One school report per school shown, each with its own cover.
    expect(t.match(/Annual Evaluation Report/g)).toHaveLength(4);
    // The cross-school network figure: the schools shown with their staff, and no suppressed school on it.
    const figure = t.slice(t.indexOf('The cross-school network'), t.indexOf('Cross-school leaders'));
    expect(figure).not.toContain('not drawn');
    for (const s of ['Cedar Ridge K-8 (19)', 'Fox Hollow Elementary (14)', 'Pinewood Elementary (29)', 'Pinewood Junior/Senior High (33)'])
      expect(figure).toContain(s);
    expect(figure).not.toContain('District Office (');
    const anon = await run([...args, '--edition', 'anonymised', '--out', join(out, 'anon.pdf')]);
    expect(anon.code).toBe(0);
    const a = pdfText(join(out, 'anon.pdf'));
    for (const p of d.people) expect(a).not.toContain(p.name);
    expect(a).toMatch(/P-[0-9A-F]{6}/);
  }, 120_000);

  it('with the previous wave: each school’s change with intervals, and each school section’s own change pages', async () => {
    const prev = join(import.meta.dirname, '../../fixtures/demo/pinewood/2024-25');
    const r = await run([
      'report',
      '--roster',
      files.roster,
      '--ties',
      files.ties,
      '--respondents',
      files.respondents,
      '--previous-roster',
      join(prev, 'roster.csv'),
      '--previous-ties',
      join(prev, 'ties.csv'),
      '--previous-respondents',
      join(prev, 'respondents.csv'),
      '--previous-wave',
      '2024-25',
      '--district',
      'Pinewood Rural District',
      '--wave',
      '2025-26',
      '--out',
      join(out, 'changes.pdf'),
    ]);
    expect(r.code, r.stderr).toBe(0);
    const t = pdfText(join(out, 'changes.pdf'));
    const table = t.slice(t.indexOf('Change since 2024-25, per school'), t.indexOf('Ties between schools'));
    // Three rows per school (names may wrap in their column).
    for (const school of ['Cedar Ridge', 'Fox Hollow', 'Pinewood Elementary', 'Pinewood Junior'])
      expect(table.split(school).length - 1, school).toBe(3);
    expect(table).toMatch(/−?\d+ pts to [+−]?\d/);
    expect(t.match(/What changed from 2024-25 to 2025-26, and whether it is real/g)).toHaveLength(4);
  }, 180_000);

  it('refuses a one-school roster and --school beside --district', async () => {
    const highland = join(import.meta.dirname, '../../fixtures/demo/highland/2024-25');
    const one = await run([
      'report',
      '--roster',
      join(highland, 'roster.csv'),
      '--ties',
      join(highland, 'ties.csv'),
      '--district',
      'X',
      '--out',
      join(out, 'x.pdf'),
    ]);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('NOT_A_DISTRICT');
    const both = await run([
      'report',
      '--roster',
      files.roster,
      '--ties',
      files.ties,
      '--district',
      'X',
      '--school',
      'Y',
      '--out',
      join(out, 'y.pdf'),
    ]);
    expect(both.code).toBe(2);
  });
});
