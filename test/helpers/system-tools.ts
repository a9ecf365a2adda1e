import { existsSync } from 'node:fs';

/**
 * Programs some suites drive (Chromium for the browser tests, poppler's pdftotext and pdftoppm for the
 * PDF tests). On a developer machine without one, those suites are skipped with a message; in CI
 * (CI=true; .ci/run installs both) a missing one fails the suite instead of hiding it.
 */
function installed(paths: readonly string[], pkg: string): boolean {
  const ok = paths.every((p) => existsSync(p));
  if (!ok && process.env.CI === 'true') throw new Error(`${paths.join(', ')} missing: install ${pkg} (.ci/run does)`);
  if (!ok) console.warn(`skipped: needs ${paths.join(', ')} (apt-get install ${pkg})`);
  return ok;
}

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = installed([CHROMIUM], 'chromium');
export const hasPoppler = installed(['/usr/bin/pdftotext', '/usr/bin/pdftoppm'], 'poppler-utils');
