import express, { Router } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AppDeps } from '../context.js';

/** The user documentation the web app shows (Help): file name under docs/ → title. */
export const DOC_PAGES: Readonly<Record<string, string>> = {
  'data-formats': 'Data formats',
  surveys: 'Survey exports',
  metrics: 'Measures',
  report: 'The report',
};

/** The web app (web/), the local copy of D3 — no CDN — and the user documentation. Only these locations are served. */
export function staticRoutes(deps: AppDeps): Router {
  const r = Router();
  r.get('/vendor/d3.min.js', (_req, res) => {
    res.type('application/javascript').set('Cache-Control', 'public, max-age=86400').sendFile(deps.options.d3File);
  });
  r.get('/docs/:page.md', (req, res, next) => {
    const page = req.params.page;
    if (!Object.hasOwn(DOC_PAGES, page)) {
      next();
      return;
    }
    res
      .type('text/markdown; charset=utf-8')
      .set('Cache-Control', 'no-cache')
      .sendFile(join(deps.options.docsDir, `${page}.md`));
  });
  if (existsSync(deps.options.webDir)) {
    r.use(express.static(deps.options.webDir, { index: 'index.html', dotfiles: 'ignore', fallthrough: true, maxAge: 0 }));
  }
  return r;
}
