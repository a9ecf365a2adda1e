import type { RequestHandler } from 'express';
import { LeadmapError } from '../../model/errors.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence on every write (POST, PUT, PATCH, DELETE): a browser request
 * must come from this origin. Browsers send `Sec-Fetch-Site` (must be
 * "same-origin") and/or `Origin` (must equal this server's origin) on writes;
 * a request carrying neither is not from a browser and has no ambient cookie
 * to abuse. SameSite=Lax session cookies are the second layer.
 */
export function csrfGuard(): RequestHandler {
  return (req, _res, next) => {
    if (SAFE.has(req.method)) {
      next();
      return;
    }
    const site = req.get('sec-fetch-site');
    if (site !== undefined && site !== 'same-origin') {
      next(new LeadmapError('CSRF', 'cross-site write refused: this request did not come from the leadmap web app'));
      return;
    }
    const origin = req.get('origin');
    if (origin !== undefined) {
      const expected = `${req.protocol}://${req.get('host')}`;
      if (origin !== expected) {
        next(new LeadmapError('CSRF', 'cross-origin write refused: the Origin header does not match this server'));
        return;
      }
    }
    next();
  };
}
