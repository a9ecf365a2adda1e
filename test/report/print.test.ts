import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { networkSvg } from '../../src/report/charts/network-svg.js';
import { buildReportModel, reportDocument, reportPdf, type Paper } from '../../src/report/index.js';
import { arrow } from '../../src/report/pdf/blocks.js';
import { departmentColours } from '../../src/report/present/palette.js';
import type { ReportModel } from '../../src/report/types.js';
import { run } from '../cli/run.js';
import { highlandWave } from './highland.js';

const pdfinfo = (file: string) => execFileSync('pdfinfo', [file], { encoding: 'utf8' });
const pageCount = (file: string) => Number(/Pages:\s+(\d+)/.exec(pdfinfo(file))![1]);

/** How far down a page its content reaches (0–1, header and footer bands left out), from a greyscale render. */
function fill(file: string, page: number): number {
  const pgm = execFileSync('pdftoppm', ['-r', '20', '-gray', '-f', String(page), '-l', String(page), file]);
  const header = pgm.subarray(0, 20).toString('latin1').split('\n');
  const [w, h] = header[1]!.split(' ').map(Number) as [number, number];
  const data = pgm.subarray(pgm.length - w * h);
  let last = 0;
  for (let y = Math.floor(h * 0.06); y < Math.floor(h * 0.93); y++) {
    const row = data.subarray(y * w + Math.floor(w * 0.08), y * w + Math.floor(w * 0.92));
    if (Math.min(...row) < 200) last = y;
  }
  return last / h;
}

/** Every font size the document definition sets, with the style or node it belongs to. */
function fontSizes(doc: Record<string, unknown>): { where: string; size: number }[] {
  const out: { where: string; size: number }[] = [];
  const styles = doc.styles as Record<string, { fontSize?: number }>;
  for (const [name, st] of Object.entries(styles)) if (st.fontSize !== undefined) out.push({ where: `style ${name}`, size: st.fontSize });
  const walk = (n: unknown, path: string) => {
    if (Array.isArray(n)) n.forEach((x, k) => walk(x, `${path}[${k}]`));
    else if (n && typeof n === 'object') {
      const o = n as Record<string, unknown>;
      if (typeof o.fontSize === 'number') out.push({ where: `${path} ${JSON.stringify(o.text ?? '').slice(0, 40)}`, size: o.fontSize });
      for (const [k, v] of Object.entries(o)) if (k !== 'svg') walk(v, `${path}.${k}`);
    }
  };
  walk(doc.content, 'content');
  return out;
}

describe('print: type sizes, paper, greyscale, arrows, no half-empty pages, the web’s colours', () => {
  let named: ReportModel, anonymised: ReportModel;
  const dir = mkdtempSync(join(tmpdir(), 'leadmap-print-'));
  beforeAll(async () => {
    const { dataset: current } = await highlandWave('2025-26');
    const { dataset: previous } = await highlandWave('2024-25');
    const input = {
      school: 'Highland High',
      current: { dataset: current, wave: '2025-26' },
      previous: { dataset: previous, wave: '2024-25' },
      date: new Date('2026-06-30T00:00:00Z'),
    };
    named = buildReportModel({ ...input, edition: 'named' });
    anonymised = buildReportModel({ ...input, edition: 'anonymised' });
  });

  it('sets body text at 9 pt or more and tables at 8 pt or more', () => {
    for (const m of [named, anonymised]) {
      const sizes = fontSizes(reportDocument(m) as Record<string, unknown>);
      expect(sizes.length).toBeGreaterThan(10);
      expect(sizes.filter((s) => s.size < 8)).toEqual([]);
      const body = sizes.filter((s) => /^style (body|summary|note|lead)$/.test(s.where));
      expect(body).toHaveLength(4);
      expect(body.filter((s) => s.size < 9)).toEqual([]);
    }
  });

  it.each([
    ['a4', '595.28 x 841.89 pts (A4)'],
    ['letter', '612 x 792 pts (letter)'],
  ] as const)(
    'prints on %s paper with no page left half empty',
    async (paper: Paper, size) => {
      for (const [name, m] of [
        ['named', named],
        ['anonymised', anonymised],
      ] as const) {
        const file = join(dir, `${name}-${paper}.pdf`);
        writeFileSync(file, await reportPdf(m, paper));
        expect(pdfinfo(file)).toMatch(new RegExp(`Page size:\\s+${size.replace(/[()]/g, '\\$&')}`));
        const n = pageCount(file);
        const actions = [...Array(n).keys()]
          .map((k) => k + 1)
          .find((p) =>
            execFileSync('pdftotext', ['-f', String(p), '-l', String(p), file, '-'], { encoding: 'utf8' }).includes(
              'Three things to act on',
            ),
          );
        // The cover, the one-page actions and the last page may end early; any other page is at least half full,
        // except one before the network figure, which needs most of a page.
        const short = [...Array(n).keys()]
          .map((k) => k + 1)
          .filter((p) => p !== 1 && p !== actions && p !== n)
          .map((p) => ({ p, fill: fill(file, p) }))
          .filter((x) => x.fill < 0.5);
        expect(short.length, `${name} ${paper}: ${JSON.stringify(short)}`).toBeLessThanOrEqual(1);
        expect(
          short.every((x) => x.fill > 0.3),
          `${name} ${paper}: ${JSON.stringify(short)}`,
        ).toBe(true);
      }
    },
    120_000,
  );

  it('leadmap report --paper letter writes letter pages; anything else is refused', async () => {
    const { files } = await highlandWave('2025-26');
    const base = ['report', '--roster', files.roster, '--ties', files.ties, '--school', 'Highland High', '--wave', '2025-26'];
    const ok = await run([...base, '--paper', 'letter', '--out', join(dir, 'cli.pdf')], dir);
    expect(ok.code, ok.stderr).toBe(0);
    expect(pdfinfo(join(dir, 'cli.pdf'))).toContain('612 x 792 pts (letter)');
    const bad = await run([...base, '--paper', 'a3', '--out', join(dir, 'bad.pdf')], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--paper must be "a4" or "letter"');
  }, 60_000);

  it('reads in greyscale: change triangles differ by fill, departments are named on the figure', () => {
    expect(arrow('up', 'higher')).toMatchObject({ svg: expect.not.stringContaining('fill="#ffffff"') });
    expect(arrow('down', 'higher')).toMatchObject({ svg: expect.stringContaining('fill="#ffffff"') });
    // No direction is drawn for a change whose interval includes no change.
    expect(arrow('no clear change', 'higher')).not.toHaveProperty('svg');
    expect(arrow('no interval', 'lower')).not.toHaveProperty('svg');
    const svg = networkSvg(named.network);
    const onFigure = [...svg.matchAll(/font-style="italic"[^>]*>([^<]+)</g)].map((x) => x[1]);
    const big = named.network.groups.filter((g) => g.size >= 8).map((g) => g.name);
    expect(onFigure.filter((g) => big.includes(g!)).length).toBeGreaterThanOrEqual(big.length - 2);
  });

  it('draws an arrowhead at the colleague named on every directed tie', () => {
    const svg = networkSvg(named.network);
    const heads = (svg.match(/<polygon /g) ?? []).length;
    expect(heads).toBeGreaterThan(named.network.edges.length * 0.95);
    expect(heads).toBeLessThanOrEqual(named.network.edges.length);
  });

  it('colours departments by the one rule the web app receives with the graph', () => {
    const rule = departmentColours(named.network.groups.map((g) => g.name));
    for (const g of named.network.groups) expect(g.color, g.name).toBe(rule[g.name]);
    // Alphabetical, so the order people or groups arrive in does not change a colour.
    expect(departmentColours(['Science', 'Arts', 'Mathematics'])).toEqual(departmentColours(['Arts', 'Mathematics', 'Science']));
    expect(new Set(Object.values(rule)).size).toBe(Object.keys(rule).length);
  });
});
