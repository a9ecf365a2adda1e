import { readFileSync } from 'node:fs';
import { reportCommand } from '../../src/cli/commands/report.js';

/**
 * The annual report of a large wave as a user makes it: `leadmap report --roster … --ties … --out …
 * --school Big --wave 2026 --edition <edition>` run in this process (load, analysis, report model,
 * PDF), so the harness's wall time and peak RSS are the command's. Returns the time, the stages the
 * command reports on stderr and the size of the PDF written.
 */
export async function runReportBench(rosterPath: string, tiesPath: string, edition: string, out: string): Promise<Record<string, unknown>> {
  const t0 = performance.now();
  const said: string[] = [];
  const code = await reportCommand.run(
    ['--roster', rosterPath, '--ties', tiesPath, '--out', out, '--school', 'Big', '--wave', '2026', '--edition', edition],
    { stdout: (s) => said.push(s), stderr: (s) => said.push(s), cwd: process.cwd(), env: process.env },
  );
  const ms = performance.now() - t0;
  if (code !== 0) throw new Error(`leadmap report exited ${code}: ${said.join('').slice(0, 400)}`);
  return { ms, edition, pdfKiB: Math.round(readFileSync(out).length / 1024), heapMb: Math.round(process.memoryUsage().heapUsed / 2 ** 20) };
}
