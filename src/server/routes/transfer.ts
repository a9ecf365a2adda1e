import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Router } from 'express';
import { runIngestAll } from '../../jobs/import-school.js';
import type { ReceivedFile } from '../../jobs/ingest-task.js';
import { randomName } from '../../store/files.js';
import { exportSchoolZip, readSchoolZip } from '../../store/school-zip.js';
import { accountOf, requireRole, schoolFor } from '../access.js';
import type { AppDeps } from '../context.js';
import { receiveUpload } from '../upload/multipart.js';
import { publicJob } from './uploads.js';
import { LeadmapError } from '../../model/errors.js';

/** School export and import as a zip of CSVs (identifiable data: admins and analysts export, admins import). */
export function transferRoutes(deps: AppDeps): Router {
  const r = Router();
  const { store, audit } = deps;

  r.get('/api/schools/:schoolId/export.zip', requireRole('admin', 'analyst'), async (req, res) => {
    const school = await schoolFor(store, req, req.params.schoolId);
    const zip = await exportSchoolZip(store, school.id);
    const account = accountOf(req);
    audit.record({
      organisationId: account.organisationId,
      accountId: account.id,
      action: 'export',
      target: `school:${school.id}`,
      detail: 'school zip (named)',
    });
    res.type('application/zip').attachment(`${school.slug}.zip`).send(Buffer.from(zip));
  });

  r.post('/api/schools/import', requireRole('admin'), async (req, res) => {
    const account = accountOf(req);
    const upload = await receiveUpload(req, {
      tmpDir: deps.dir.tmpDir,
      maxBytes: deps.options.maxUploadBytes,
      maxFiles: 1,
      fileFields: ['zip'],
      textFields: ['slug', 'name'],
      binary: true,
    });
    const zipFile = upload.files[0]!;
    let parsed: ReturnType<typeof readSchoolZip>;
    try {
      parsed = readSchoolZip(await readFile(zipFile.tmpPath), { maxTotalBytes: deps.options.maxUploadBytes * 4, maxEntries: 4000 });
    } finally {
      await rm(zipFile.tmpPath, { force: true });
    }
    const slug = (upload.fields.slug ?? parsed.manifest.slug).toLowerCase();
    if (!/^[a-z0-9][a-z0-9-]{0,59}$/.test(slug))
      throw new LeadmapError('VALIDATION', 'the school short name may hold only lower-case letters, digits and "-"');
    const name = (upload.fields.name ?? parsed.manifest.name ?? slug).slice(0, 120);
    const school = await store.createSchool(account.organisationId, slug, name);
    const waves: Array<{ waveId: string; files: ReceivedFile[] }> = [];
    try {
      for (const w of parsed.manifest.waves) {
        const wave = await store.createWave(school.id, w.label.slice(0, 60), w.collectedOn);
        const files: ReceivedFile[] = [];
        for (const kind of ['roster', 'ties', 'respondents'] as const) {
          const bytes = parsed.files[`${w.folder}/${kind}.csv`];
          if (!bytes) continue;
          const tmpPath = join(deps.dir.tmpDir, randomName());
          await writeFile(tmpPath, bytes, { mode: 0o600 });
          files.push({ kind, tmpPath, originalName: `${kind}.csv`, bytes: bytes.length, sha256: '' });
        }
        waves.push({ waveId: wave.id, files });
      }
    } catch (err) {
      for (const w of waves) for (const f of w.files) await rm(f.tmpPath, { force: true });
      await store.deleteSchool(school.id);
      throw err;
    }
    const job = deps.jobs.start({
      kind: 'import',
      schoolId: school.id,
      waveId: null,
      ownerId: account.id,
      exclusiveKey: `school:${school.id}`,
      run: (report) => runIngestAll(deps, school.id, account.id, waves, report),
    });
    audit.record({
      organisationId: account.organisationId,
      accountId: account.id,
      action: 'import',
      target: `school:${school.id}`,
      detail: `${waves.length} waves`,
    });
    res.status(202).json({ school: { id: school.id, slug: school.slug, name: school.name }, job: publicJob(job) });
  });
  return r;
}
