import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

/** One run of one step: the step's own timing, the process wall time, its peak RSS and the machine's load. */
export interface RunResult {
  ok: boolean;
  /** Time of the measured work as reported by the step itself (ms). */
  ms: number;
  wallMs: number;
  /** Peak resident set size of the process (MB), from /usr/bin/time -v ("Maximum resident set size"). */
  rssMb: number;
  /** The machine's 1-minute load average when the run started. */
  load1: number;
  /**
   * CPU time used by every other process while this one ran, as cores on average ((busy time of all
   * CPUs in /proc/stat − the step's own user + system time) / wall time); NaN where /proc/stat is absent.
   */
  otherCores: number;
  /** The step's own CPU time (user + system, s, all its threads), from /usr/bin/time -v: steadier than wall time on a busy machine. */
  cpuS: number;
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

export function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 === 1 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}

/** Busy and total CPU time of the whole machine so far (s), from the first line of /proc/stat. */
function cpuTimes(): { busy: number; total: number } | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!;
    const f = line.trim().split(/\s+/).slice(1, 9).map(Number);
    const total = f.reduce((a, b) => a + b, 0);
    const idle = f[3]! + f[4]!;
    return { busy: (total - idle) / 100, total: total / 100 };
  } catch {
    return null;
  }
}

const seconds = (stderr: string, label: string): number => {
  const m = new RegExp(`${label} \\(seconds\\): ([\\d.]+)`).exec(stderr);
  return m ? Number(m[1]) : NaN;
};

/** Runs `argv` once under /usr/bin/time -v and reads its result line, peak RSS and the load beside it. */
function runOnce(argv: string[], timeoutMs: number): RunResult {
  const load1 = loadavg()[0]!;
  const cpu0 = cpuTimes();
  const t0 = performance.now();
  const p = spawnSync('/usr/bin/time', ['-v', ...argv], {
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 64 << 20,
    env: { ...process.env, LEADMAP_BENCH: '1' },
  });
  const wallMs = performance.now() - t0;
  const cpu1 = cpuTimes();
  const stderr = p.stderr ?? '';
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  const rssMb = rss ? Number(rss[1]) / 1024 : NaN;
  const own = seconds(stderr, 'User time') + seconds(stderr, 'System time');
  const otherCores = cpu0 && cpu1 ? Math.max(0, (cpu1.busy - cpu0.busy - own) / (wallMs / 1000)) : NaN;
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
    error = stderr
      .split('\n')
      .filter((l) => l && !l.startsWith('\t'))
      .slice(-3)
      .join(' | ')
      .slice(0, 300);
  }
  const ms = typeof extra.ms === 'number' ? extra.ms : NaN;
  return { ok, ms, wallMs, rssMb, load1, otherCores, cpuS: own, extra, error };
}

export function summarise(runs: RunResult[]): StepSummary {
  const good = runs.filter((r) => r.ok);
  return {
    runs,
    ms: median(good.map((r) => r.ms)),
    wallMs: median(good.map((r) => r.wallMs)),
    rssMb: median(good.map((r) => r.rssMb)),
    error: good.length === 0 ? runs[0]?.error : undefined,
  };
}

/** A step longer than this (first run) is repeated `longReps` times instead of `reps`. */
export const LONG_STEP_MS = 10_000;

export interface RepeatPlan {
  /** Repetitions of each side (rows whose first round is under LONG_STEP_MS). */
  reps: number;
  /** Repetitions when a side's first run took LONG_STEP_MS or more (at least 1). */
  longReps: number;
  timeoutMs: number;
}

/**
 * Runs the sides of one row interleaved — round r runs repetition r of every side, one after another
 * (never in parallel, so they do not compete for the two cores) — so a change of the machine's load
 * falls on all sides alike, and the ratio of repetition r compares runs made side by side. A side
 * that fails stops repeating; the others go on. Each run records the load beside it.
 */
export function runInterleaved(
  sides: Array<{ label: string; argv: string[] | null }>,
  plan: RepeatPlan,
  log: (s: string) => void,
): Array<StepSummary | null> {
  const runs: RunResult[][] = sides.map(() => []);
  const stopped = sides.map((s) => s.argv === null);
  let reps = plan.reps;
  for (let r = 0; r < reps; r++) {
    for (let i = 0; i < sides.length; i++) {
      if (stopped[i]) continue;
      const res = runOnce(sides[i]!.argv!, plan.timeoutMs);
      runs[i]!.push(res);
      log(
        `    ${sides[i]!.label} #${r + 1}: ` +
          (res.ok
            ? `${(res.ms / 1000).toFixed(3)} s (wall ${(res.wallMs / 1000).toFixed(2)} s, cpu ${res.cpuS.toFixed(2)} s, ${res.rssMb.toFixed(0)} MB, load ${res.load1.toFixed(1)}, others ${res.otherCores.toFixed(2)} cores)`
            : `failed: ${res.error}`),
      );
      if (!res.ok) stopped[i] = true;
    }
    if (r === 0 && runs.some((rs) => rs[0]?.ok && rs[0].wallMs >= LONG_STEP_MS)) reps = Math.max(1, Math.min(reps, plan.longReps));
  }
  return sides.map((s, i) => (s.argv === null ? null : summarise(runs[i]!)));
}

/** Runs one side alone `reps` times (same plan and records as runInterleaved). */
export function runStep(argv: string[], plan: RepeatPlan, log: (s: string) => void, label = 'run'): StepSummary {
  return runInterleaved([{ label, argv }], plan, log)[0]!;
}
