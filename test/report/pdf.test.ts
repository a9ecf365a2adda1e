import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeReport } from '../../src/report/index.js';
import { reportCommand } from '../../src/cli/commands/report.js';
import type { Dataset } from '../../src/model/types.js';
import { highlandWave, rosterNames } from './highland.js';
import { hasPoppler } from '../helpers/system-tools.js';

/** poppler-utils (pdftotext, pdftoppm): real PDF readers. .ci/run installs them; locally the suite skips without them. */

const pdftotext = (file: string, page?: number) =>
  execFileSync('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-layout', file, '-'], { encoding: 'utf8' });
const pageCount = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);

describe.skipIf(!hasPoppler)('report PDF of Highland High 2025-26 (pdftotext, pdftoppm)', () => {
  let dir: string, current: Dataset, previous: Dataset;
  let namedPdf: string, anonPdf: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'leadmap-report-'));
    ({ dataset: current } = await highlandWave('2025-26'));
    ({ dataset: previous } = await highlandWave('2024-25'));
    const input = {
      school: 'Highland High',
      current: { dataset: current, wave: '2025-26' },
      previous: { dataset: previous, wave: '2024-25' },
      date: new Date('2026-06-30T00:00:00Z'),
    };
    namedPdf = join(dir, 'named.pdf');
    anonPdf = join(dir, 'anonymised.pdf');
    writeFileSync(namedPdf, (await makeReport({ ...input, edition: 'named' })).pdf);
    writeFileSync(anonPdf, (await makeReport({ ...input, edition: 'anonymised' })).pdf);
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens in pdftotext with every section heading and the key numbers', () => {
    const text = pdftotext(namedPdf);
    for (const heading of [
      'Annual Evaluation Report',
      'Summary',
      'Indicators',
      'Who leads what',
      'How leadership is distributed',
      'Formal roles and informal leadership',
      'Silos: does advice cross departments?',
      'Brokers: who connects the school',
      'Key-person risk and bench depth',
      'New staff and workload',
      'What changed from 2024-25 to 2025-26, and whether it is real',
      'Leaders across all domains',
      'The advice network',
      'Data quality and warnings',
      'Appendix: definitions and sources',
    ]) {
      expect(text, heading).toContain(heading);
    }
    expect(text).toContain('Highland High');
    expect(text).toContain('NAMED EDITION');
    expect(text).toMatch(/Response rate\s+87 %\s+90 %/);
    expect(text).toMatch(/E-I index\s+\+0\.44\s+\+0\.\d\d\s+\+0\.37\s+\+0\.06/);
    expect(text).toContain('Bianca Edwards');
    expect(text).toContain('suppressed');
  });

  it('anonymised edition: no roster name in the PDF text, pseudonyms instead', () => {
    const text = pdftotext(anonPdf);
    const flat = text.replace(/\s+/g, ' ').toLowerCase();
    const found = [...rosterNames(current), ...rosterNames(previous)].filter((n) => flat.includes(n.toLowerCase()));
    expect(found).toEqual([]);
    expect(text).toContain('ANONYMISED EDITION');
    expect(text).toMatch(/P-[0-9A-F]{4}/);
  });

  it('renders the cover and the network page to PNG with pdftoppm', () => {
    const pages = pageCount(namedPdf);
    let networkPage = 0;
    for (let p = 1; p <= pages && !networkPage; p++) if (pdftotext(namedPdf, p).includes('The advice network')) networkPage = p;
    expect(networkPage).toBeGreaterThan(1);
    for (const p of [1, networkPage]) {
      execFileSync('pdftoppm', ['-r', '60', '-png', '-f', String(p), '-l', String(p), namedPdf, join(dir, `page${p}`)]);
    }
    const pngs = readdirSync(dir).filter((f) => f.endsWith('.png'));
    expect(pngs).toHaveLength(2);
    for (const f of pngs) expect(statSync(join(dir, f)).size).toBeGreaterThan(10_000);
  });

  it('leadmap report writes the PDF from CSV files and refuses a bad edition', async () => {
    const out: string[] = [];
    const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => out.push(t), cwd: dir, env: {} };
    const { files } = await highlandWave('2025-26');
    const pdf = join(dir, 'cli.pdf');
    const code = await reportCommand.run(
      [
        '--roster',
        files.roster,
        '--ties',
        files.ties,
        '--respondents',
        files.respondents,
        '--school',
        'Highland High',
        '--wave',
        '2025-26',
        '--edition',
        'anonymised',
        '--out',
        pdf,
      ],
      io,
    );
    expect(code).toBe(0);
    expect(pdftotext(pdf)).toContain('First wave: no comparison');
    expect(await reportCommand.run(['--roster', files.roster, '--ties', files.ties, '--edition', 'public', '--out', pdf], io)).toBe(2);
    expect(out.join('')).toMatch(/--edition must be "named" or "anonymised"/);
  });
});
