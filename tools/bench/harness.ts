import { spawnSync } from 'node:child_process';

/** One run of one step: the step's own timing, the process wall time and its peak RSS. */
export interface RunResult {
  ok: boolean;
  /** Time of the measured work as reported by the step itself (ms). */
  ms: number;
  wallMs: number;
  /** Peak resident set size of the process (MB), from /usr/bin/time -v ("Maximum resident set size"). */
  rssMb: number;
  extra: Record<string, unknown>;
  error?: string;
}

export interface StepSummary {
  runs: RunResult[];
  /** Medians over successful runs; null when every run failed or timed out. */
  ms: number | null;
  wallMs: number | null;
  rssMb: number | null;
  error?: string;
}

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 === 1 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}

/**
 * Runs `argv` as a child process under /usr/bin/time -v, `reps` times, one after another (never in
 * parallel, so steps do not compete for the two cores), and summarises with medians.
 */
export function runStep(argv: string[], reps: number, timeoutMs: number, log: (s: string) => void): StepSummary {
  const runs: RunResult[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    const p = spawnSync('/usr/bin/time', ['-v', ...argv], {
      encoding: 'utf8',
      timeout: timeoutMs,
      maxBuffer: 64 << 20,
      env: { ...process.env, LEADMAP_BENCH: '1' },
    });
    const wallMs = performance.now() - t0;
    const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(p.stderr ?? '');
    const rssMb = rss ? Number(rss[1]) / 1024 : NaN;
    const line = (p.stdout ?? '').trim().split('\n').pop() ?? '';
    let extra: Record<string, unknown> = {};
    let ok = p.status === 0;
    let error: string | undefined;
    if (p.error || p.signal) {
      ok = false;
      error = p.signal === 'SIGTERM' ? `timeout after ${timeoutMs / 1000} s` : String(p.error ?? p.signal);
    }
    if (ok) {
      try {
        extra = JSON.parse(line) as Record<string, unknown>;
      } catch {
        ok = false;
        error = `no result line: ${line.slice(0, 200)}`;
      }
    } else if (!error) {
      error = (p.stderr ?? '')
        .split('\n')
        .filter((l) => l && !l.startsWith('\t'))
        .slice(-3)
        .join(' | ')
        .slice(0, 300);
    }
    const ms = typeof extra.ms === 'number' ? extra.ms : NaN;
    runs.push({ ok, ms, wallMs, rssMb, extra, error });
    log(`    ${ok ? `${(ms / 1000).toFixed(2)} s (wall ${(wallMs / 1000).toFixed(2)} s, ${rssMb.toFixed(0)} MB)` : `failed: ${error}`}`);
    if (!ok) break;
  }
  const good = runs.filter((r) => r.ok);
  return {
    runs,
    ms: median(good.map((r) => r.ms)),
    wallMs: median(good.map((r) => r.wallMs)),
    rssMb: median(good.map((r) => r.rssMb)),
    error: good.length === 0 ? runs[0]?.error : undefined,
  };
}
