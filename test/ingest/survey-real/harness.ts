import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../src/cli/main.js';
import { repoRoot } from '../../helpers/datasets.js';

/** Hand-written exports in the shapes the survey tools produce: fixtures/surveys-real/<case>/. */
export const realDir = join(repoRoot, 'fixtures', 'surveys-real');
export const ROSTER = join(realDir, 'roster.csv');

export interface ExpectedReview {
  kind: string;
  status: string;
  text: string;
  intended?: string;
  candidates?: string[];
}

export async function cli(args: string[], cwd: string) {
  let stdout = '',
    stderr = '';
  const code = await runCli(['import', ...args], {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    cwd,
    env: {},
  });
  return { code, stdout, stderr };
}

export function surveyFile(caseDir: string): string {
  const f = readdirSync(caseDir).find((n) => n.startsWith('survey.'));
  if (!f) throw new Error(`no survey.* in ${caseDir}`);
  return join(caseDir, f);
}

/** "source,target,relation,domain,weight" lines of a ties CSV, sorted. */
export function tieLines(csv: string): string[] {
  const [head, ...rows] = csv.trim().split(/\r?\n/);
  const cols = head!.split(',');
  const at = ['source', 'target', 'relation', 'domain', 'weight'].map((c) => cols.indexOf(c));
  return rows
    .filter((r) => r !== '')
    .map((r) => {
      const c = r.split(',');
      return at.map((i) => c[i]).join(',');
    })
    .sort();
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  ties: string[];
  review: string;
  json: Record<string, unknown> | null;
}

/** Runs `leadmap import` on a survey file in a temp folder (the export copied there under its own name). */
export async function importFile(
  survey: string,
  opts: { mapping?: string; roster?: string; json?: boolean; extra?: string[] } = {},
): Promise<RunResult> {
  const dir = mkdtempSync(join(tmpdir(), 'leadmap-real-'));
  const name = survey.split('/').pop()!;
  copyFileSync(survey, join(dir, name));
  const args = [
    name,
    '--roster',
    opts.roster ?? ROSTER,
    '--out',
    'ties.csv',
    '--people-out',
    'people.csv',
    ...(opts.mapping ? ['--mapping', opts.mapping] : []),
    ...(opts.json ? ['--json'] : []),
    ...(opts.extra ?? []),
  ];
  const r = await cli(args, dir);
  const ties = existsSync(join(dir, 'ties.csv')) ? tieLines(readFileSync(join(dir, 'ties.csv'), 'utf8')) : [];
  const review = existsSync(join(dir, 'ties.review.csv')) ? readFileSync(join(dir, 'ties.review.csv'), 'utf8') : '';
  return { ...r, ties, review, json: opts.json && r.code !== 2 ? JSON.parse(r.stdout) : null };
}

export function expectedTies(caseDir: string): string[] {
  return tieLines(readFileSync(join(caseDir, 'expected-ties.csv'), 'utf8'));
}

export function expectedReview(caseDir: string): ExpectedReview[] {
  const p = join(caseDir, 'expected-review.json');
  return existsSync(p) ? JSON.parse(readFileSync(p, 'utf8')) : [];
}
