import express, { type Express } from 'express';
import helmet from 'helmet';
import { LeadmapError } from '../model/errors.js';
import { csrfGuard } from './auth/csrf.js';
import { LoginThrottle } from './auth/rate-limit.js';
import { sessionMiddleware } from './auth/sessions.js';
import { requireSignIn } from './access.js';
import type { AppDeps } from './context.js';
import { errorMiddleware } from './errors.js';
import { accountRoutes } from './routes/accounts.js';
import { analysisRoutes } from './routes/analyses.js';
import { districtRoutes } from './routes/district.js';
import { authRoutes } from './routes/auth.js';
import { schoolRoutes } from './routes/schools.js';
import { staticRoutes } from './routes/static.js';
import { uploadRoutes } from './routes/uploads.js';
import { waveRoutes } from './routes/waves.js';
import { transferRoutes } from './routes/transfer.js';
import { reportRoutes } from './routes/report.js';

/**
 * The HTTP application: helmet with a strict CSP, JSON API under /api (the
 * only door to the data), the static web app. Does not listen: main.ts does.
 */
export function createApp(deps: AppDeps, throttle = new LoginThrottle()): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.options.trustProxy);
  app.set('json spaces', 0);
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          fontSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          frameAncestors: ["'none'"],
          formAction: ["'self'"],
        },
      },
      crossOriginEmbedderPolicy: false,
      referrerPolicy: { policy: 'no-referrer' },
    }),
  );
  app.use('/api', (_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  app.use(csrfGuard());
  app.use('/api', express.json({ limit: '100kb', type: ['application/json'] }));
  app.use(sessionMiddleware(deps.store, { idleMs: deps.options.sessionIdleMs, absoluteMs: deps.options.sessionAbsoluteMs }));
  app.get('/api/health', (_req, res) => {
    res.json({ ok: true });
  });
  app.use(authRoutes(deps, throttle));
  app.use('/api', requireSignIn());
  app.use(accountRoutes(deps, throttle));
  app.use(schoolRoutes(deps));
  app.use(waveRoutes(deps));
  app.use(uploadRoutes(deps));
  app.use(analysisRoutes(deps));
  app.use(districtRoutes(deps));
  app.use(transferRoutes(deps));
  app.use(reportRoutes(deps));
  app.use('/api', (_req, _res, next) => next(new LeadmapError('NOT_FOUND', 'no such API route')));
  app.use(staticRoutes(deps));
  app.use((_req, _res, next) => next(new LeadmapError('NOT_FOUND', 'not found')));
  app.use(errorMiddleware(deps.log));
  return app;
}
