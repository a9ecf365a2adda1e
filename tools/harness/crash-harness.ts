import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import Database from 'better-sqlite3';
import { integrityMessages } from '../../src/store/sqlite/open.js';
import { killHard, signInCookie, startChildServer, stopGracefully } from './child-server.js';
import { syntheticRoster, syntheticTies } from './synthetic.js';

/**
 * Kill -9 a server in the middle of ingests, over and over, and check after
 * each kill that the store is sound: integrity check passes, and every wave is
 * either untouched-empty or complete (row counts equal the wave's recorded
 * counts, its files exist). Used by test/server/crash.test.ts and
 * tools/bench/crash-stress.ts (which writes docs/reliability.md).
 */
export interface CrashOptions {
  runJs: string;
  dataDir: string;
  rounds: number;
  seed: number;
  people: number;
  tieRows: number;
  log?: (line: string) => void;
}
export interface CrashRound {
  round: number;
  mode: 'new wave' | 'replace';
  trigger: 'timer' | 'storing';
  killAfterMs: number;
  lastSeen: string;
  integrity: string[];
  partial: string[];
  wavesReady: number;
  wavesEmpty: number;
}
export interface CrashSummary {
  rounds: CrashRound[];
  calibrationMs: number;
  finalOrphans: number;
  finalUnreferenced: number;
  finalIntegrity: string[];
}

const PASSWORD = 'crash-test-admin-pw';

export async function runCrashRounds(o: CrashOptions): Promise<CrashSummary> {
  let seed = o.seed >>> 0;
  const rnd = (): number => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  const roster = syntheticRoster(o.people);
  const ties = syntheticTies(o.people, o.tieRows, o.seed);
  const rounds: CrashRound[] = [];

  // Calibration: one ingest that is allowed to finish.
  let srv = await startChildServer(o.runJs, o.dataDir);
  let cookie = await signInCookie(srv.url, 'admin', PASSWORD);
  const api = (path: string, init: RequestInit = {}) => fetch(srv.url + path, { ...init, headers: { ...(init.headers ?? {}), cookie } });
  const school = (await (
    await api('/api/schools', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ slug: 'crash', name: 'Crash' }),
    })
  ).json()) as { school: { id: string } };
  const schoolId = school.school.id;
  const base = await createWave(api, schoolId, 'base');
  const started = Date.now();
  const r0 = await api(`/api/waves/${base}/uploads?wait=1`, { method: 'POST', body: form(roster, ties) });
  if (r0.status !== 201) throw new Error(`calibration upload failed: ${r0.status}`);
  const calibrationMs = Date.now() - started;
  await stopGracefully(srv.child);

  for (let round = 1; round <= o.rounds; round++) {
    srv = await startChildServer(o.runJs, o.dataDir);
    cookie = await signInCookie(srv.url, 'admin', PASSWORD);
    const mode: CrashRound['mode'] = round % 2 === 0 ? 'replace' : 'new wave';
    const waveId = mode === 'replace' ? base : await createWave(api, schoolId, `round-${round}`);
    // Every third round waits for the storing transaction to be under way and kills inside it.
    const trigger: CrashRound['trigger'] = round % 3 === 0 ? 'storing' : 'timer';
    const killAfterMs = trigger === 'timer' ? Math.round(rnd() * calibrationMs * 1.1) : Math.round(calibrationMs * 2);
    let lastSeen = 'sending';
    let storingSeen: () => void = () => {};
    const storing = new Promise<void>((r) => {
      storingSeen = r;
    });
    const upload = api(`/api/waves/${waveId}/uploads`, { method: 'POST', body: form(roster, ties) })
      .then(async (res) => {
        if (res.status !== 202) {
          lastSeen = `http ${res.status}`;
          return;
        }
        const job = ((await res.json()) as { job: { id: string } }).job.id;
        lastSeen = 'accepted';
        for (;;) {
          const j = (
            (await (await api(`/api/jobs/${job}`)).json()) as { job: { status: string; progress: { phase: string; fraction: number } } }
          ).job;
          lastSeen = `${j.status}:${j.progress.phase}:${j.progress.fraction.toFixed(2)}`;
          if (j.progress.phase === 'storing') storingSeen();
          if (j.status === 'succeeded' || j.status === 'failed') return;
          await new Promise((r) => setTimeout(r, trigger === 'storing' ? 2 : 15));
        }
      })
      .catch(() => {
        /* the server died under us: expected */
      });
    const t0 = Date.now();
    await Promise.race([new Promise((r) => setTimeout(r, killAfterMs)), trigger === 'storing' ? storing : new Promise(() => {})]);
    await killHard(srv.child);
    const killedAt = Date.now() - t0;
    await upload;
    const check = verifyDataDir(o.dataDir);
    rounds.push({
      round,
      mode,
      trigger,
      killAfterMs: killedAt,
      lastSeen,
      integrity: check.integrity,
      partial: check.partial,
      wavesReady: check.ready,
      wavesEmpty: check.empty,
    });
    o.log?.(
      `round ${round}: ${mode}, ${trigger}, kill after ${killedAt} ms (${lastSeen}) → integrity ${check.integrity.length === 0 ? 'ok' : 'FAILED'}, partial waves ${check.partial.length}`,
    );
  }
  // Restart once: leftovers of interrupted uploads are swept; then a clean stop.
  srv = await startChildServer(o.runJs, o.dataDir);
  const finalOrphans = srv.orphansRemoved;
  await stopGracefully(srv.child);
  const final = verifyDataDir(o.dataDir);
  return { rounds, calibrationMs, finalOrphans, finalUnreferenced: final.unreferenced, finalIntegrity: final.integrity };
}

async function createWave(api: (p: string, i?: RequestInit) => Promise<Response>, schoolId: string, label: string): Promise<string> {
  const r = await api(`/api/schools/${schoolId}/waves`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ label }),
  });
  return ((await r.json()) as { wave: { id: string } }).wave.id;
}

function form(roster: string, ties: string): FormData {
  const f = new FormData();
  f.append('roster', new Blob([roster]), 'roster.csv');
  f.append('ties', new Blob([ties]), 'ties.csv');
  return f;
}

export interface DataDirCheck {
  integrity: string[];
  partial: string[];
  ready: number;
  empty: number;
  unreferenced: number;
}

/** Opens the data directory's database as the next server start would, and checks every wave is whole. */
export function verifyDataDir(dataDir: string): DataDirCheck {
  const db = new Database(join(dataDir, 'leadmap.sqlite'));
  try {
    const integrity = integrityMessages(db);
    const partial: string[] = [];
    let ready = 0,
      empty = 0;
    const waves = db.prepare('SELECT id, status, people_count, tie_count FROM wave').all() as Array<{
      id: string;
      status: string;
      people_count: number;
      tie_count: number;
    }>;
    const count = (t: string, w: string): number =>
      (db.prepare(`SELECT count(*) AS n FROM ${t} WHERE wave_id = ?`).get(w) as { n: number }).n;
    for (const w of waves) {
      const people = count('person', w.id),
        ties = count('tie', w.id),
        files = db.prepare('SELECT stored_path, bytes FROM upload_file WHERE wave_id = ?').all(w.id) as Array<{
          stored_path: string;
          bytes: number;
        }>;
      if (w.status === 'empty') {
        empty++;
        if (people || ties || files.length) partial.push(`${w.id}: empty wave with ${people} people, ${ties} ties, ${files.length} files`);
      } else {
        ready++;
        if (people !== w.people_count || ties !== w.tie_count)
          partial.push(`${w.id}: ${people}/${w.people_count} people, ${ties}/${w.tie_count} ties`);
        for (const f of files) {
          const p = join(dataDir, f.stored_path);
          if (!existsSync(p) || statSync(p).size !== f.bytes) partial.push(`${w.id}: stored file missing or wrong size`);
        }
      }
    }
    const referenced = new Set(
      (db.prepare('SELECT stored_path FROM upload_file').all() as Array<{ stored_path: string }>).map((r) => r.stored_path),
    );
    let unreferenced = 0;
    const walk = (d: string): void => {
      if (!existsSync(d)) return;
      for (const n of readdirSync(d)) {
        const p = join(d, n);
        if (statSync(p).isDirectory()) walk(p);
        else if (!referenced.has(relative(dataDir, p).split(sep).join('/'))) unreferenced++;
      }
    };
    walk(join(dataDir, 'files'));
    walk(join(dataDir, 'tmp'));
    return { integrity, partial, ready, empty, unreferenced };
  } finally {
    db.close();
  }
}
