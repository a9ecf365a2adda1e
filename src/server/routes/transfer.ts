import { rm } from 'node:fs/promises';
import { Router } from 'express';
import { runIngestAll } from '../../jobs/import-school.js';
import type { ReceivedFile } from '../../jobs/ingest-task.js';
import { exportSchoolZip, type SchoolManifest } from '../../jobs/school-zip.js';
import type { UnpackedZip } from '../../store/zip-unpack.js';
import { unpackInBackground } from '../../jobs/unpack-zip.js';
import { accountOf, requireRole, schoolFor } from '../access.js';
import type { AppDeps } from '../context.js';
import { receiveUpload } from '../upload/multipart.js';
import { publicJob } from './uploads.js';
import { LeadmapError } from '../../model/errors.js';
import { isoDate, slug as slugRule, text } from './validate.js';

const MAX_WAVES = 200;

/**
 * school.json checked like an API body: text without control characters or markup, the right
 * types (a wrong one is 400 VALIDATION, never 500), at most MAX_WAVES waves, each naming its own
 * folder `wave-N` — two waves may not share one (a small zip must not multiply into many copies) —
 * whose ties.csv is in the zip.
 */
export function checkManifest(raw: string | null, entries: ReadonlySet<string>): SchoolManifest {
  if (raw === null) throw new LeadmapError('INVALID_UPLOAD', 'the zip has no school.json; is it a leadmap school export?');
  let m: unknown;
  try {
    m = JSON.parse(raw);
  } catch {
    throw new LeadmapError('INVALID_UPLOAD', 'school.json is not valid JSON');
  }
  const o = m as Record<string, unknown> | null;
  if (typeof o !== 'object' || o === null || o.format !== 'leadmap-school' || o.version !== 1)
    throw new LeadmapError('INVALID_UPLOAD', 'school.json is not a leadmap school export (format/version)');
  if (!Array.isArray(o.waves) || o.waves.length > MAX_WAVES)
    throw new LeadmapError('VALIDATION', `school.json: "waves" must be a list of at most ${MAX_WAVES} waves`);
  const slug = slugRule(noMarkup(o, 'slug'));
  const name = text(noMarkup(o, 'name'), 'name', 120);
  const folders = new Set<string>();
  const waves = o.waves.map((w: unknown, i: number) => {
    const where = `school.json wave ${i + 1}`;
    if (typeof w !== 'object' || w === null) throw new LeadmapError('VALIDATION', `${where}: must be an object`);
    const label = text(noMarkup(w, 'label'), 'label', 60);
    const collectedOn = isoDate(w, 'collectedOn');
    const folder = (w as Record<string, unknown>).folder;
    if (typeof folder !== 'string' || !/^wave-\d{1,4}$/.test(folder))
      throw new LeadmapError('VALIDATION', `${where}: "folder" must be like wave-1`);
    if (folders.has(folder)) throw new LeadmapError('VALIDATION', `${where}: folder ${folder} is used by two waves`);
    folders.add(folder);
    if (!entries.has(`${folder}/ties.csv`))
      throw new LeadmapError('INVALID_UPLOAD', `${where}: ${folder}/ties.csv is missing from the zip`);
    const hasRespondents = (w as Record<string, unknown>).hasRespondents;
    if (hasRespondents !== undefined && typeof hasRespondents !== 'boolean')
      throw new LeadmapError('VALIDATION', `${where}: "hasRespondents" must be true or false`);
    return { label, collectedOn, folder, hasRespondents: hasRespondents === true };
  });
  return { format: 'leadmap-school', version: 1, slug, name, waves };
}

/** The object itself, after checking that its text field `key` holds no markup (< or >). */
function noMarkup(o: object, key: string): object {
  const v = (o as Record<string, unknown>)[key];
  if (typeof v === 'string' && /[<>]/.test(v)) throw new LeadmapError('VALIDATION', `"${key}" may not contain < or >`);
  return o;
}

/** School export and import as a zip of CSVs (identifiable data: admins and analysts export, admins import). */
export function transferRoutes(deps: AppDeps): Router {
  const r = Router();
  const { store, audit } = deps;

  r.get('/api/schools/:schoolId/export.zip', requireRole('admin', 'analyst'), async (req, res) => {
    const school = await schoolFor(store, req, req.params.schoolId);
    const zip = await exportSchoolZip(store, school.id, deps.dir);
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
    let unpacked: UnpackedZip;
    try {
      unpacked = await unpackInBackground(zipFile.tmpPath, deps.dir.tmpDir, {
        maxTotalBytes: deps.options.maxUploadBytes * 4,
        maxEntries: 4000,
        maxManifestBytes: 1024 * 1024,
      });
    } finally {
      await rm(zipFile.tmpPath, { force: true });
    }
    const discard = async (): Promise<void> => {
      for (const f of Object.values(unpacked.files)) await rm(f.path, { force: true });
    };
    let manifest: SchoolManifest;
    let slug: string;
    let name: string;
    try {
      manifest = checkManifest(unpacked.manifest, new Set(Object.keys(unpacked.files)));
      slug = slugRule({ slug: upload.fields.slug ?? manifest.slug });
      name = text({ name: upload.fields.name ?? manifest.name }, 'name', 120);
    } catch (err) {
      await discard();
      throw err;
    }
    let school: Awaited<ReturnType<typeof store.createSchool>>;
    const waves: Array<{ waveId: string; files: ReceivedFile[] }> = [];
    try {
      school = await store.createSchool(account.organisationId, slug, name);
    } catch (err) {
      await discard();
      throw err;
    }
    try {
      for (const w of manifest.waves) {
        const wave = await store.createWave(school.id, w.label, w.collectedOn);
        const files: ReceivedFile[] = [];
        for (const kind of ['roster', 'ties', 'respondents', 'people', 'activities', 'decisions', 'outcomes'] as const) {
          const entry = unpacked.files[`${w.folder}/${kind}.csv`];
          if (entry) files.push({ kind, tmpPath: entry.path, originalName: `${kind}.csv`, bytes: entry.bytes, sha256: '' });
        }
        waves.push({ waveId: wave.id, files });
      }
    } catch (err) {
      await discard();
      await store.deleteSchool(school.id);
      throw err;
    }
    // Entries no wave refers to are not kept.
    const used = new Set(waves.flatMap((w) => w.files.map((f) => f.tmpPath)));
    for (const f of Object.values(unpacked.files)) if (!used.has(f.path)) await rm(f.path, { force: true });
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
