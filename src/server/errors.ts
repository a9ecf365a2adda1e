import type { ErrorRequestHandler } from 'express';
import { LeadmapError } from '../model/errors.js';
import type { Logger } from './log.js';

const STATUS: Record<string, number> = {
  BAD_REQUEST: 400,
  BAD_JSON: 400,
  VALIDATION: 400,
  UNKNOWN_RELATION: 400,
  UNKNOWN_DOMAIN: 400,
  RELATION_REQUIRED: 400,
  UNAUTHENTICATED: 401,
  BAD_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CSRF: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  NOT_FOUND: 404,
  NOT_A_DISTRICT: 404,
  CONFLICT: 409,
  WAVE_BUSY: 409,
  SCHOOL_BUSY: 409,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_FILES: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INVALID_UPLOAD: 422,
  INGEST_FAILED: 422,
  TOO_FEW_STAFF: 422,
  NOT_READY: 409,
  RATE_LIMITED: 429,
  STORE_BUSY: 503,
  STORAGE_FULL: 507,
  NOT_AVAILABLE: 501,
};

/** A write that failed because the disk (or the user's quota) is full: ENOSPC, EDQUOT, SQLite's SQLITE_FULL. */
export function isDiskFull(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL';
}

/** HTTP status of an error code (400 for any other LeadmapError: it describes bad input). */
export function statusOf(code: string): number {
  return STATUS[code] ?? 400;
}

export const notFound = (what = 'resource'): LeadmapError => new LeadmapError('NOT_FOUND', `no such ${what}`);
export const badRequest = (message: string, details?: unknown): LeadmapError => new LeadmapError('BAD_REQUEST', message, details);

/**
 * The one error middleware: LeadmapError → its status and `{ error: { code, message, details } }`;
 * body-parser errors → 400/413; anything else is logged (name and code only) and
 * answered with a generic 500. No stack traces or file paths ever reach a response.
 */
export function errorMiddleware(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    void _next;
    if (res.headersSent) {
      res.end();
      return;
    }
    if (err instanceof LeadmapError) {
      const status = statusOf(err.code);
      if (err.code === 'RATE_LIMITED' && typeof err.details === 'object' && err.details && 'retryAfterSeconds' in err.details) {
        res.set('Retry-After', String((err.details as { retryAfterSeconds: number }).retryAfterSeconds));
      }
      res
        .status(status)
        .json({ error: { code: err.code, message: err.message, ...(err.details !== undefined ? { details: err.details } : {}) } });
      return;
    }
    const e = err as { type?: string; status?: number; name?: string; code?: string };
    if (isDiskFull(err)) {
      log.error('storage_full', {
        method: req.method,
        route: (req.route as { path?: string } | undefined)?.path ?? 'unmatched',
        code: e.code ?? null,
      });
      res.status(507).json({
        error: {
          code: 'STORAGE_FULL',
          message:
            "the server's disk is full, so nothing new can be saved; reading and signing in still work — ask the operator to free space",
        },
      });
      return;
    }
    if (e.type === 'entity.parse.failed') {
      res.status(400).json({ error: { code: 'BAD_JSON', message: 'the request body is not valid JSON' } });
      return;
    }
    if (e.type === 'entity.too.large') {
      res.status(413).json({ error: { code: 'PAYLOAD_TOO_LARGE', message: 'the request body is too large' } });
      return;
    }
    if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
      res.status(e.status).json({ error: { code: 'BAD_REQUEST', message: 'the request could not be read' } });
      return;
    }
    log.error('unhandled_error', {
      method: req.method,
      route: (req.route as { path?: string } | undefined)?.path ?? 'unmatched',
      name: e.name ?? 'Error',
      code: e.code ?? null,
    });
    // Stacks may quote data: only on the operator's explicit request, and only to stderr.
    if (process.env.LEADMAP_DEBUG === '1') process.stderr.write(`${(err as Error)?.stack ?? String(err)}\n`);
    res.status(500).json({ error: { code: 'INTERNAL', message: 'something went wrong on the server; the error was logged' } });
  };
}
