import express, { Router } from 'express';
import { existsSync } from 'node:fs';
import type { AppDeps } from '../context.js';

/** The web app (web/) and the local copy of D3 — no CDN. Only these two locations are served. */
export function staticRoutes(deps: AppDeps): Router {
  const r = Router();
  r.get('/vendor/d3.min.js', (_req, res) => {
    res.type('application/javascript').set('Cache-Control', 'public, max-age=86400').sendFile(deps.options.d3File);
  });
  if (existsSync(deps.options.webDir)) {
    r.use(express.static(deps.options.webDir, { index: 'index.html', dotfiles: 'ignore', fallthrough: true, maxAge: 0 }));
  }
  return r;
}
