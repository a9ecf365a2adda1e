import { rm } from 'node:fs/promises';
import { sha256File, type DataDir } from '../store/files.js';
import type { Store } from '../store/store.js';
import { ingestInBackground } from './ingest-job.js';
import type { IngestOutcome, ReceivedFile } from './ingest-task.js';
import type { ReportProgress } from './jobs.js';

/**
 * Ingests every wave of an imported school, one after another. All or
 * nothing: if any wave fails, the new school is deleted with whatever was
 * stored, and the error propagates to the job.
 */
export async function runIngestAll(
  deps: { store: Pick<Store, 'deleteSchool'>; dir: Pick<DataDir, 'root'> },
  schoolId: string,
  accountId: string,
  waves: Array<{ waveId: string; files: ReceivedFile[] }>,
  report: ReportProgress,
): Promise<{ schoolId: string; waves: IngestOutcome[] }> {
  const outcomes: IngestOutcome[] = [];
  try {
    for (const [i, w] of waves.entries()) {
      for (const f of w.files) if (!f.sha256) f.sha256 = await sha256File(f.tmpPath);
      outcomes.push(
        await ingestInBackground(
          { dataDir: deps.dir.root, schoolId, waveId: w.waveId, files: w.files, uploadedBy: accountId, unknownPeople: 'add' },
          (phase, done, total) => report(`wave ${i + 1}/${waves.length}: ${phase}`, done, total),
        ),
      );
    }
  } catch (err) {
    for (const w of waves) for (const f of w.files) await rm(f.tmpPath, { force: true });
    await deps.store.deleteSchool(schoolId);
    throw err;
  }
  return { schoolId, waves: outcomes };
}
