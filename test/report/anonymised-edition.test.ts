import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReportModel, reportPdf } from '../../src/report/index.js';
import type { ReportModel } from '../../src/report/types.js';
import type { Dataset } from '../../src/model/types.js';
import { exposures, printedGroupSizes } from './reader.js';
import { generatedSchool } from './school-gen.js';
import { hasPoppler } from '../helpers/system-tools.js';

const K = 5;
/** Generated schools: 100 by default (about 30 s idle, minutes on a loaded machine); LEADMAP_K_SCHOOLS=1000 for the full property run. */
const SCHOOLS = Number(process.env.LEADMAP_K_SCHOOLS ?? 100);
const DATE = new Date('2026-01-15T00:00:00Z');

function anonymised(d: Dataset, seed: number): ReportModel {
  return buildReportModel({
    school: 'Generated High',
    current: { dataset: d, wave: '2025-26', secret: Buffer.alloc(32, seed % 251) },
    edition: 'anonymised',
    date: DATE,
    minGroupSize: K,
    analytics: { permutations: 0 },
  });
}

describe('anonymised edition: k-anonymity against a reader who holds the roster', () => {
  it('over generated schools (1,000 with LEADMAP_K_SCHOOLS=1000), no printed line lets a reader narrow a pseudonym to fewer than k staff', () => {
    const failures: string[] = [];
    let pseudonymsChecked = 0;
    let tooSmall = 0;
    for (let seed = 1; seed <= SCHOOLS; seed++) {
      const d = generatedSchool(seed);
      if (d.people.length < K) {
        // No edition can be k-anonymous for a school smaller than k: it is refused (seeds 795 and 910 of the 1,000 are such schools).
        expect(() => anonymised(d, seed), `seed ${seed}`).toThrow(/needs at least 5 staff/);
        tooSmall++;
        continue;
      }
      const m = anonymised(d, seed);
      for (const e of exposures(m, d.people, K, 2025))
        failures.push(`seed ${seed}: ${e.label} → ${e.candidates} (${e.facts.join(', ')}; ${e.where.join(', ')})`);
      for (const g of printedGroupSizes(m)) if (g.size < K) failures.push(`seed ${seed}: group "${g.name}" printed with ${g.size} people`);
      pseudonymsChecked += new Set(JSON.stringify(m).match(/P-[0-9A-F]{4,}/g) ?? []).size;
    }
    expect(failures.slice(0, 5)).toEqual([]);
    expect(pseudonymsChecked).toBeGreaterThan((SCHOOLS - tooSmall) * 10);
  }, 600_000);
});

describe('a 30-person school: the anonymised edition and the roster name no one', () => {
  // Departments of 3, 4, 6, 7 and 10; unique roles, start years and release times on the roster.
  const d = generatedSchool(30, [3, 4, 6, 7, 10]);
  const m = anonymised(d, 30);

  it('refuses the anonymised edition of a school smaller than k, where no line about a person can be k-anonymous', () => {
    const d = generatedSchool(795);
    expect(d.people.length).toBeLessThan(K);
    expect(() => anonymised(d, 795)).toThrow(expect.objectContaining({ code: 'TOO_FEW_STAFF' }));
  });

  it('every pseudonym in the model leaves at least k candidates on the roster', () => {
    expect(d.people).toHaveLength(30);
    expect(d.people.every((p) => p.startYear !== null && p.releaseTime !== null)).toBe(true);
    expect(exposures(m, d.people, K, 2025)).toEqual([]);
    for (const g of printedGroupSizes(m)) expect(g.size, g.name).toBeGreaterThanOrEqual(K);
  });

  it.runIf(hasPoppler)(
    'every printed line of the PDF that carries a pseudonym leaves at least k candidates',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'leadmap-anon-'));
      try {
        const f = join(dir, 'report.pdf');
        writeFileSync(f, await reportPdf(m));
        const text = execFileSync('pdftotext', ['-layout', f, '-'], { encoding: 'utf8' });
        const lines = text.split('\n').filter((l) => /\bP-[0-9A-F]{4,}\b/.test(l));
        expect(lines.length).toBeGreaterThan(5);
        const depts = [...new Set(d.people.map((p) => p.department))];
        const roles = [...new Set(d.people.map((p) => p.role))].filter((r) => r !== 'teacher');
        const problems: string[] = [];
        for (const line of lines) {
          if (/\b(19|20)\d\d\b/.test(line.replace(/\bP-[0-9A-F]{4,}\b/g, ''))) problems.push(`year: ${line.trim()}`);
          for (const r of roles) if (line.toLowerCase().includes(r)) problems.push(`role ${r}: ${line.trim()}`);
          if (/release|answered|did not answer/i.test(line)) problems.push(`release/response: ${line.trim()}`);
          for (const dep of depts) {
            const n = d.people.filter((p) => p.department === dep).length;
            if (new RegExp(`\\b${dep}\\b`).test(line) && n < K) problems.push(`department ${dep} (${n}): ${line.trim()}`);
          }
        }
        const legend = [...text.matchAll(/\(small group\)\s*\((\d+)\)/g)].map((x) => Number(x[1]));
        for (const n of legend) if (n < K) problems.push(`(small group) (${n})`);
        expect(problems).toEqual([]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    60_000,
  );

  it('the named edition shows no one’s response status', () => {
    const named = buildReportModel({
      school: 'Generated High',
      current: { dataset: d, wave: '2025-26', secret: Buffer.alloc(32, 30) },
      edition: 'named',
      date: DATE,
      minGroupSize: K,
      analytics: { permutations: 0 },
    });
    const json = JSON.stringify(named);
    expect(json).not.toMatch(/"responded"|did not answer/);
  });
});
