import { analyzeCommand } from '../../src/cli/commands/analyze.js';

/**
 * `leadmap analyze <ties> --roster <roster> --json [--exact]` as a user runs it (the CLI command itself, in this
 * process): load, core metrics, every analytics section and, for a roster naming several schools, the
 * district's; the JSON document is built and written (kept in memory). Returns the time and what the
 * document holds.
 */
export async function runAnalyzeBench(tiesPath: string, rosterPath: string, exact: boolean): Promise<Record<string, unknown>> {
  const out: string[] = [];
  const err: string[] = [];
  const t0 = performance.now();
  const code = await analyzeCommand.run([tiesPath, '--roster', rosterPath, '--json', ...(exact ? ['--exact'] : [])], {
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    cwd: process.cwd(),
    env: process.env,
  });
  const ms = performance.now() - t0;
  if (code !== 0) throw new Error(`leadmap analyze exited ${code}: ${err.join('').slice(0, 400)}`);
  const text = out.join('');
  const doc = JSON.parse(text) as Record<string, unknown> & { network?: { people?: number; ties?: number } };
  return {
    ms,
    people: doc.network?.people,
    ties: doc.network?.ties,
    sections: Object.keys(doc),
    jsonMiB: Math.round((text.length / 2 ** 20) * 10) / 10,
    betweennessMethod: doc.betweennessMethod ?? 'exact',
  };
}
