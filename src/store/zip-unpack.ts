import { closeSync, createReadStream, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Unzip, UnzipInflate } from 'fflate';
import { LeadmapError } from '../model/errors.js';
import { randomName } from './files.js';

/** Limits of one zip import: bytes actually written (not what the headers claim), entries seen, size of the manifest. */
export interface UnpackLimits {
  maxTotalBytes: number;
  maxEntries: number;
  maxManifestBytes: number;
}

export interface UnpackedZip {
  /** school.json as text (null when missing). */
  manifest: string | null;
  /** Kept entries (`wave-N/<kind>.csv`) → temp file path and size. Each entry is written once. */
  files: Record<string, { path: string; bytes: number }>;
}

const KEEP = /^wave-\d{1,4}\/(roster|ties|respondents|people|activities|decisions|outcomes)\.csv$/;

/**
 * Streams a school zip from disk and writes the entries leadmap reads into `outDir`, counting the
 * bytes really inflated: the import stops with PAYLOAD_TOO_LARGE as soon as they pass
 * `maxTotalBytes` (a zip bomb never gets further), and an entry name seen twice is refused. Reads
 * 16 KB at a time, so one push inflates at most ~16 MB. Runs in a worker thread (src/jobs/unpack-zip.ts).
 * On any failure every file written is removed.
 */
export async function unpackSchoolZip(zipPath: string, outDir: string, limits: UnpackLimits): Promise<UnpackedZip> {
  const out: UnpackedZip = { manifest: null, files: {} };
  const open: number[] = [];
  let total = 0;
  let entries = 0;
  const manifestParts: Uint8Array[] = [];
  const seen = new Set<string>();
  let failure: LeadmapError | null = null;
  const fail = (e: LeadmapError): LeadmapError => (failure ??= e);
  const tooLarge = (): LeadmapError =>
    fail(new LeadmapError('PAYLOAD_TOO_LARGE', 'the zip archive unpacks to more than the allowed size or number of files'));
  const unzip = new Unzip((file) => {
    if (++entries > limits.maxEntries) throw tooLarge();
    const isManifest = file.name === 'school.json';
    if (!isManifest && !KEEP.test(file.name)) return; // not read: never inflated
    if (seen.has(file.name)) throw fail(new LeadmapError('INVALID_UPLOAD', `the zip holds "${file.name}" twice`));
    seen.add(file.name);
    let fd: number | null = null;
    let bytes = 0;
    if (!isManifest) {
      const path = join(outDir, randomName());
      fd = openSync(path, 'wx', 0o600);
      open.push(fd);
      out.files[file.name] = { path, bytes: 0 };
    }
    file.ondata = (err, chunk, final) => {
      if (err) throw fail(new LeadmapError('INVALID_UPLOAD', 'the file is not a readable zip archive'));
      bytes += chunk.length;
      total += chunk.length;
      if (total > limits.maxTotalBytes) throw tooLarge();
      if (isManifest) {
        if (bytes > limits.maxManifestBytes) throw fail(new LeadmapError('INVALID_UPLOAD', 'school.json is too large'));
        manifestParts.push(chunk);
        if (final) out.manifest = Buffer.concat(manifestParts).toString('utf8');
      } else {
        writeSync(fd!, chunk);
        out.files[file.name]!.bytes = bytes;
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for await (const chunk of createReadStream(zipPath, { highWaterMark: 16 * 1024 })) unzip.push(chunk as Buffer);
    unzip.push(new Uint8Array(0), true);
  } catch (err) {
    for (const fd of open) closeSync(fd);
    for (const f of Object.values(out.files)) rmSync(f.path, { force: true });
    const first = failure as LeadmapError | null; // set inside fflate's callbacks
    if (first) throw first;
    if (err instanceof LeadmapError) throw err;
    throw new LeadmapError('INVALID_UPLOAD', 'the file is not a readable zip archive');
  }
  for (const fd of open) closeSync(fd);
  return out;
}
