import { copyFile, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { runIngest } from '../jobs/ingest-task.js';
import type { ReceivedFile } from '../jobs/ingest-task.js';
import { randomName, sha256File, type DataDir } from '../store/files.js';
import type { Organisation, Store } from '../store/store.js';
import { checkPasswordRules, generatePassword, hashPassword } from './auth/passwords.js';
import { LeadmapError } from '../model/errors.js';

export interface FirstRunReport {
  adminCreated: boolean;
  adminUsername: string;
  oneTimePassword: string | null;
  demoSchools: string[];
  demoMissing: boolean;
}

/**
 * On the very first start (no account yet): creates the admin account —
 * password from LEADMAP_ADMIN_PASSWORD, else a one-time password that must be
 * changed at first sign-in; a given password must pass the same rules as any
 * other (checkPasswordRules), else BAD_ARGUMENT — and loads the demo schools found under
 * fixtures/demo/<slug>/<wave>/{roster,ties,respondents,people,activities,decisions,outcomes}.csv.
 */
export async function firstRun(
  store: Store,
  dir: DataDir,
  org: Organisation,
  opts: { adminPassword?: string; demoDir: string | null; adminUsername?: string },
): Promise<FirstRunReport> {
  const report: FirstRunReport = {
    adminCreated: false,
    adminUsername: opts.adminUsername ?? 'admin',
    oneTimePassword: null,
    demoSchools: [],
    demoMissing: false,
  };
  if ((await store.countAccounts()) > 0) return report;
  const given = opts.adminPassword && opts.adminPassword.length > 0 ? opts.adminPassword : null;
  const rule = given === null ? null : checkPasswordRules(given);
  if (rule) throw new LeadmapError('BAD_ARGUMENT', `LEADMAP_ADMIN_PASSWORD is not accepted: ${rule}`);
  const password = given ?? generatePassword();
  await store.createAccount(org.id, report.adminUsername, 'admin', await hashPassword(password), [], given === null);
  report.adminCreated = true;
  report.oneTimePassword = given === null ? password : null;
  if (opts.demoDir === null) return report;
  const schools = await listDirs(opts.demoDir);
  if (schools === null) {
    report.demoMissing = true;
    return report;
  }
  for (const slug of schools.filter((s) => /^[a-z0-9][a-z0-9-]*$/.test(s))) {
    const loaded = await loadDemoSchool(store, dir, org, join(opts.demoDir, slug), slug);
    if (loaded) report.demoSchools.push(loaded);
  }
  return report;
}

async function loadDemoSchool(store: Store, dir: DataDir, org: Organisation, folder: string, slug: string): Promise<string | null> {
  const waves = (await listDirs(folder)) ?? [];
  const usable = [];
  for (const w of waves.sort()) if (await exists(join(folder, w, 'ties.csv'))) usable.push(w);
  if (usable.length === 0) return null;
  const name = (await schoolName(join(folder, usable[usable.length - 1]!, 'planted.json'))) ?? slug;
  const school = await store.createSchool(org.id, slug, name, { demo: true });
  for (const label of usable) {
    const wave = await store.createWave(school.id, label, null);
    const files: ReceivedFile[] = [];
    for (const kind of ['roster', 'ties', 'respondents', 'people', 'activities', 'decisions', 'outcomes'] as const) {
      const src = join(folder, label, `${kind}.csv`);
      if (!(await exists(src))) continue;
      const tmpPath = join(dir.tmpDir, randomName());
      await copyFile(src, tmpPath);
      files.push({ kind, tmpPath, originalName: `${kind}.csv`, bytes: (await stat(src)).size, sha256: await sha256File(src) });
    }
    try {
      // Before the server listens: inline is quicker than starting a worker per small demo wave.
      await runIngest({ dataDir: dir.root, schoolId: school.id, waveId: wave.id, files, uploadedBy: null }, () => {});
    } catch {
      await store.deleteWave(wave.id);
    }
  }
  return name;
}

async function schoolName(plantedJson: string): Promise<string | null> {
  try {
    const v = JSON.parse(await readFile(plantedJson, 'utf8')) as { school?: unknown };
    return typeof v.school === 'string' && v.school.length <= 120 ? v.school : null;
  } catch {
    return null;
  }
}

async function listDirs(folder: string): Promise<string[] | null> {
  try {
    return (await readdir(folder, { withFileTypes: true }))
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
  } catch {
    return null;
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}
