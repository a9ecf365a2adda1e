/**
 * API load test: 50 concurrent readers (autocannon) on the analysis, graph and
 * school-list endpoints, first alone, then while a 20 MB tie list is being
 * ingested. Reports p50/p99 latency of both runs. The server runs as a child
 * process (dist/server/run.js) so the load generator does not share its event loop.
 * Called by `npm run bench` (tools/bench/main.ts picks the one exported function);
 * standalone: `node dist-tools/tools/bench/load-api.js [--quick]`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { signInCookie, startChildServer, stopGracefully } from '../harness/child-server.js';
import { syntheticRoster, syntheticTies } from '../harness/synthetic.js';
import { productRunJs } from '../repo-root.js';

interface Run {
  label: string;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  requests: number;
  non2xx: number;
  errors: number;
  seconds: number;
}

/** The parts of API answers this bench reads. */
interface ApiBody {
  school?: { id: string };
  wave?: { id: string };
  job?: { id: string; finishedAt: string | null; status: string };
}

export async function runApiLoadBench(opts: { quick?: boolean; dir?: string; connections?: number } = {}): Promise<string> {
  const connections = opts.connections ?? 50;
  const runJs = productRunJs();
  const dataDir = mkdtempSync(join(opts.dir ?? tmpdir(), 'leadmap-load-'));
  const srv = await startChildServer(runJs, dataDir, { LEADMAP_MAX_UPLOAD_BYTES: String(200 * 1024 * 1024) });
  try {
    const cookie = await signInCookie(srv.url, 'admin', 'crash-test-admin-pw');
    const call = async (method: string, path: string, body?: unknown): Promise<ApiBody> => {
      const init: RequestInit = { method, headers: { cookie } };
      if (body instanceof FormData) init.body = body;
      else if (body !== undefined) {
        init.body = JSON.stringify(body);
        (init.headers as Record<string, string>)['content-type'] = 'application/json';
      }
      return (await (await fetch(srv.url + path, init)).json()) as ApiBody;
    };
    const school = (await call('POST', '/api/schools', { slug: 'load', name: 'Load' })).school!.id;
    const readWave = (await call('POST', `/api/schools/${school}/waves`, { label: 'read' })).wave!.id;
    const ingestWave = (await call('POST', `/api/schools/${school}/waves`, { label: 'ingest' })).wave!.id;
    const small = new FormData();
    small.append('roster', new Blob([syntheticRoster(400)]), 'roster.csv');
    small.append('ties', new Blob([syntheticTies(400, 4000, 3)]), 'ties.csv');
    await call('POST', `/api/waves/${readWave}/uploads?wait=1`, small);
    const paths = [
      `/api/waves/${readWave}/analysis`,
      `/api/waves/${readWave}/graph`,
      '/api/schools',
      `/api/waves/${readWave}/analysis?domain=curriculum`,
    ];
    for (const p of paths) await call('GET', p); // warm the analysis cache

    const people = 20_000;
    const bigTies = syntheticTies(people, 640_000, 9); // ≈ 20 MB
    const megabytes = Buffer.byteLength(bigTies) / 1e6;
    const load = (label: string, seconds: number): Promise<Run> =>
      new Promise((resolve, reject) => {
        autocannon(
          {
            url: srv.url,
            connections,
            duration: seconds,
            headers: { cookie },
            requests: paths.map((path) => ({ method: 'GET' as const, path })),
          },
          (err, r) => {
            if (err) {
              reject(err);
              return;
            }
            resolve({
              label,
              p50: r.latency.p50,
              p90: r.latency.p90,
              p99: r.latency.p99,
              max: r.latency.max,
              requests: r.requests.total,
              non2xx: r.non2xx,
              errors: r.errors,
              seconds,
            });
          },
        );
      });

    await load('warm-up', 3);
    const baseline = await load('readers alone', opts.quick ? 5 : 10);
    const form = new FormData();
    form.append('roster', new Blob([syntheticRoster(people)]), 'roster.csv');
    form.append('ties', new Blob([bigTies]), 'ties.csv');
    const started = Date.now();
    let ingestMs: number | null = null;
    let ingestStatus = 'running';
    const ingest = (async () => {
      const accepted = await call('POST', `/api/waves/${ingestWave}/uploads`, form);
      for (;;) {
        const j = (await call('GET', `/api/jobs/${accepted.job!.id}`)).job!;
        if (j.finishedAt) {
          ingestMs = Date.now() - started;
          ingestStatus = j.status;
          return;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const during = await load(`readers during a ${megabytes.toFixed(0)} MB ingest`, opts.quick ? 15 : 25);
    await ingest;
    const rows = [baseline, during].map(
      (r) => `| ${r.label} | ${connections} | ${r.requests} | ${r.p50} | ${r.p90} | ${r.p99} | ${r.max} | ${r.non2xx + r.errors} |`,
    );
    return [
      `${connections} concurrent readers (autocannon) cycling over GET analysis, graph, school list and a domain analysis`,
      `of a 400-person wave; the server runs in its own process. The ingest uploads a ${megabytes.toFixed(1)} MB tie list`,
      `(${(640_000).toLocaleString('en')} rows, ${people.toLocaleString('en')} people) that is read and stored in a worker thread: ${ingestStatus} in ${ingestMs === null ? '?' : (ingestMs / 1000).toFixed(1)} s (upload included).`,
      '',
      '| run | connections | requests | p50 ms | p90 ms | p99 ms | max ms | errors |',
      '|---|---|---|---|---|---|---|---|',
      ...rows,
      '',
      `Target: p99 < 500 ms during the ingest — ${during.p99 < 500 ? 'met' : 'NOT met'}.`,
    ].join('\n');
  } finally {
    await stopGracefully(srv.child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runApiLoadBench({ quick: process.argv.includes('--quick') }).then(
    (md) => process.stdout.write(md + '\n'),
    (err) => {
      process.stderr.write(String((err as Error | undefined)?.stack ?? err) + '\n');
      process.exit(1);
    },
  );
}
