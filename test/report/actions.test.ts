import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeReport } from '../../src/report/index.js';
import type { ReportModel } from '../../src/report/types.js';
import { highlandWave } from './highland.js';
import { compareWaves } from '../../src/metrics/change/compare-waves.js';

const pdftotext = (file: string, page: number) =>
  execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', file, '-'], { encoding: 'utf8' });
const pages = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);

describe('three things to act on, and the changes largest first (Highland High 2025-26)', () => {
  let m: ReportModel, pdf: string;
  beforeAll(async () => {
    const { dataset: current } = await highlandWave('2025-26');
    const { dataset: previous } = await highlandWave('2024-25');
    const r = await makeReport({
      school: 'Highland High',
      edition: 'named',
      current: { dataset: current, wave: '2025-26' },
      previous: { dataset: previous, wave: '2024-25' },
      date: new Date('2026-06-30T00:00:00Z'),
    });
    m = r.model;
    pdf = join(mkdtempSync(join(tmpdir(), 'leadmap-actions-')), 'r.pdf');
    writeFileSync(pdf, r.pdf);
  });

  it('takes three actions, most important and largest first, each resting on a summary finding with the same numbers', () => {
    expect(m.actions).toHaveLength(3);
    const score = m.actions.map((a) => a.importance * (0.25 + a.size));
    expect([...score].sort((x, y) => y - x)).toEqual(score);
    const headings = m.summary.sections.map((s) => s.heading);
    for (const a of m.actions) expect(headings).toContain(a.basis);
    // The planted sole source of the demo school: Maria Robinson, the only colleague four people ask about data.
    const sole = m.actions.find((a) => a.key === 'sole-source')!;
    expect(sole.evidence).toContain('4 colleagues go to no one but Maria Robinson about data');
    expect(m.risk.domains.find((d) => d.domain === 'data')!.soleSources).toContainEqual({ label: 'Maria Robinson', dependents: 4 });
    const newcomers = m.actions.find((a) => a.key === 'new-staff')!;
    for (const s of m.periphery.newStaff) expect(newcomers.evidence).toContain(s.label);
  });

  it('prints the actions on one page of their own, after the summary', () => {
    let at = 0;
    for (let p = 2; p <= pages(pdf) && !at; p++) if (pdftotext(pdf, p).includes('Three things to act on')) at = p;
    expect(at).toBeGreaterThan(1);
    const text = pdftotext(pdf, at).replace(/\s+/g, ' ');
    for (const a of m.actions) {
      expect(text).toContain(a.title);
      expect(text).toContain(a.step.replace(/\s+/g, ' ').slice(0, 40));
    }
    expect(pdftotext(pdf, at - 1)).toMatch(/Summary|How far the data can be trusted/);
    expect(pdftotext(pdf, at + 1)).toContain('Indicators');
  });

  it('calls nothing a change whose 95 % interval includes no change: Highland 2024-25 → 2025-26 has none', () => {
    const section = m.summary.sections.find((s) => s.heading === 'What changed since 2024-25?')!;
    const rows = m.comparison!.sections.find((s) => s.population === 'all')!.rows.filter((r) => r.domain === 'all');
    expect(rows.some((r) => r.verdict === 'up' || r.verdict === 'down')).toBe(false);
    expect(section.points).toEqual(['No indicator changed clearly since 2024-25: every 95 % interval includes no change.']);
  });
});

describe('the summary lists the clear changes largest first (Highland High 2022-23 → 2023-24, departments opening up)', () => {
  it('lists exactly the whole-staff changes whose interval excludes no change, at most four, largest first, each with its interval', async () => {
    const { dataset: current } = await highlandWave('2023-24');
    const { dataset: previous } = await highlandWave('2022-23');
    const change = compareWaves(previous, current, {});
    const r = await makeReport({
      school: 'Highland High',
      edition: 'named',
      current: { dataset: current, wave: '2023-24' },
      previous: { dataset: previous, wave: '2022-23' },
      comparison: change,
      date: new Date('2026-06-30T00:00:00Z'),
    });
    const section = r.model.summary.sections.find((s) => s.heading === 'What changed since 2022-23?')!;
    const clear = change.indicators.filter(
      (i) => i.population === 'all' && i.domain === 'all' && (i.verdict === 'up' || i.verdict === 'down'),
    );
    expect(clear.map((i) => i.key)).toContain('eiIndex');
    // Size on the summary's common scale: 0.05 of an index or 5 points = 1; a count by a fifth of its earlier value = 1.
    const counts = new Set(['leaders', 'hiddenLeaders', 'isolates', 'leaderDepartments', 'leaderExperienceBands']);
    const size = (i: (typeof clear)[number]) =>
      counts.has(i.key) ? Math.abs(i.change!) / Math.max(1, 0.2 * Math.abs(i.before ?? 0)) : Math.abs(i.change!) / 0.05;
    const expected = [...clear].sort((x, y) => size(y) - size(x)).slice(0, 4);
    const rows = r.model.comparison!.sections.find((s) => s.population === 'all')!.rows;
    expect(section.points).toHaveLength(expected.length);
    expected.forEach((i, k) => {
      const row = rows.find((x) => x.key === i.key && x.domain === 'all')!;
      expect(section.points[k]).toContain(
        `${row.label}: ${row.verdict}, from ${row.before} to ${row.after} (95 % interval ${row.interval}`,
      );
    });
  });
});
