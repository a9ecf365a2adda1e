import { createHash } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Request } from 'express';
import busboy from 'busboy';
import { LeadmapError } from '../../model/errors.js';
import { randomName } from '../../store/files.js';
import { checkSniffed } from './sniff-upload.js';

export interface ReceivedUploadFile {
  field: string;
  tmpPath: string;
  originalName: string;
  bytes: number;
  sha256: string;
}
export interface ReceivedUpload {
  files: ReceivedUploadFile[];
  fields: Record<string, string>;
}
export interface MultipartLimits {
  tmpDir: string;
  maxBytes: number;
  maxFiles: number;
  fileFields: readonly string[];
  textFields: readonly string[];
  /** Skip the CSV sniff (zip archives). */
  binary?: boolean;
  /** File fields that may also be an Excel workbook (.xlsx). */
  spreadsheetFields?: readonly string[];
}

const SNIFF_BYTES = 64 * 1024;

/**
 * Receives a multipart/form-data upload: each file is streamed to a random
 * name in the data directory's tmp/ folder while its SHA-256 is computed and
 * its first bytes sniffed (text CSV only: binary, empty and spreadsheet files
 * are refused with a clear message). Size, file-count and field limits apply;
 * on any failure every temp file is removed before the error propagates.
 */
export function receiveUpload(req: Request, limits: MultipartLimits): Promise<ReceivedUpload> {
  const type = req.headers['content-type'] ?? '';
  if (!/^multipart\/form-data/i.test(type)) {
    return Promise.reject(
      new LeadmapError('UNSUPPORTED_MEDIA_TYPE', 'send the files as multipart/form-data (fields: ' + limits.fileFields.join(', ') + ')'),
    );
  }
  return new Promise((resolve, reject) => {
    const files: ReceivedUploadFile[] = [];
    const fields: Record<string, string> = {};
    const pending: Promise<void>[] = [];
    const temp: string[] = [];
    const outs: WriteStream[] = [];
    const seen = new Set<string>();
    let failed: LeadmapError | Error | null = null;
    let bb: busboy.Busboy;
    try {
      bb = busboy({
        headers: req.headers,
        limits: {
          fileSize: limits.maxBytes,
          files: limits.maxFiles,
          fields: 20,
          fieldSize: 4096,
          parts: limits.maxFiles + 20,
          headerPairs: 50,
        },
      });
    } catch {
      reject(new LeadmapError('INVALID_UPLOAD', 'the multipart request is malformed (missing boundary?)'));
      return;
    }
    const fail = (err: LeadmapError | Error): void => {
      if (failed) return;
      failed = err;
      req.unpipe(bb);
      req.resume();
      void (async () => {
        // Close every temp file before removing it, so no write can recreate it afterwards.
        await Promise.all(
          outs.map((o) =>
            o.closed
              ? Promise.resolve()
              : new Promise<void>((done) => {
                  o.once('close', () => done());
                  o.destroy();
                }),
          ),
        );
        for (const p of temp) await rm(p, { force: true });
        reject(err);
      })();
    };
    bb.on('file', (field, stream, info) => {
      if (failed) {
        stream.resume();
        return;
      }
      if (!limits.fileFields.includes(field)) {
        stream.resume();
        fail(
          new LeadmapError('INVALID_UPLOAD', `unexpected file field "${clip(field)}"; expected one of: ${limits.fileFields.join(', ')}`),
        );
        return;
      }
      if (seen.has(field)) {
        stream.resume();
        fail(new LeadmapError('INVALID_UPLOAD', `the field "${field}" was sent twice; send one file per field`));
        return;
      }
      seen.add(field);
      const originalName = cleanName(info.filename ?? `${field}.csv`);
      const tmpPath = join(limits.tmpDir, randomName());
      temp.push(tmpPath);
      const hash = createHash('sha256');
      const head: Buffer[] = [];
      let headBytes = 0;
      let bytes = 0;
      const out = createWriteStream(tmpPath, { mode: 0o600 });
      outs.push(out);
      pending.push(
        new Promise<void>((done) => {
          stream.on('data', (chunk: Buffer) => {
            bytes += chunk.length;
            hash.update(chunk);
            if (headBytes < SNIFF_BYTES) {
              head.push(chunk.subarray(0, SNIFF_BYTES - headBytes));
              headBytes += Math.min(chunk.length, SNIFF_BYTES - headBytes);
            }
          });
          stream.on('error', () => fail(new LeadmapError('INVALID_UPLOAD', 'the multipart body is malformed or was cut off')));
          stream.on('limit', () =>
            fail(new LeadmapError('PAYLOAD_TOO_LARGE', `${originalName} is larger than the ${Math.round(limits.maxBytes / 1e6)} MB limit`)),
          );
          stream.pipe(out);
          out.on('error', (e) => {
            fail(e);
            done();
          });
          out.on('close', () => done());
          out.on('finish', () => {
            if (!failed) {
              const problem = limits.binary
                ? bytes === 0
                  ? `${originalName} is empty`
                  : null
                : checkSniffed(Buffer.concat(head), bytes, originalName, limits.spreadsheetFields?.includes(field) ?? false);
              if (problem) fail(new LeadmapError('INVALID_UPLOAD', problem, { file: originalName, field }));
              else files.push({ field, tmpPath, originalName, bytes, sha256: hash.digest('hex') });
            }
            done();
          });
        }),
      );
    });
    bb.on('field', (name, value, info) => {
      if (!limits.textFields.includes(name)) {
        fail(new LeadmapError('INVALID_UPLOAD', `unexpected form field "${clip(name)}"`));
        return;
      }
      if (info.valueTruncated) {
        fail(new LeadmapError('INVALID_UPLOAD', `the form field "${name}" is too long`));
        return;
      }
      fields[name] = value;
    });
    bb.on('filesLimit', () => fail(new LeadmapError('TOO_MANY_FILES', `at most ${limits.maxFiles} files per upload`)));
    bb.on('partsLimit', () => fail(new LeadmapError('INVALID_UPLOAD', 'too many parts in the upload')));
    bb.on('fieldsLimit', () => fail(new LeadmapError('INVALID_UPLOAD', 'too many form fields in the upload')));
    bb.on('error', () => fail(new LeadmapError('INVALID_UPLOAD', 'the multipart body is malformed or was cut off')));
    bb.on('close', () => {
      void Promise.all(pending).then(() => {
        if (failed) return;
        if (files.length === 0) {
          fail(
            new LeadmapError(
              'INVALID_UPLOAD',
              `no file in the upload; send at least the ties file (fields: ${limits.fileFields.join(', ')})`,
            ),
          );
          return;
        }
        resolve({ files, fields });
      });
    });
    req.on('aborted', () => fail(new LeadmapError('INVALID_UPLOAD', 'the upload was interrupted')));
    req.pipe(bb);
  });
}

/** The user's file name, reduced to a base name of printable characters (it is only ever displayed). */
function cleanName(name: string): string {
  const b = basename(name.replace(/\\/g, '/'))
    // eslint-disable-next-line no-control-regex -- file names lose every control character, tabs and line breaks included
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .slice(0, 120);
  return b || 'upload.csv';
}

function clip(s: string): string {
  return s.replace(/[^\w .-]/g, '?').slice(0, 40);
}
