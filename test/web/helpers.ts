import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ADMIN_PASSWORD, Client, testServer, type TestServer } from '../server/helpers/server.js';
import { tempDir } from '../store/helpers.js';
import { CHROMIUM, hasChromium } from '../helpers/system-tools.js';

export { ADMIN_PASSWORD, Client };
export { CHROMIUM };
export const DEMO = resolve(import.meta.dirname, '../../fixtures/demo');
/**
 * Browser tests run where Chromium is (skipped with a message elsewhere, failing in CI, which installs
 * it). The demo schools are committed fixtures: without them the tests fail, they are not skipped.
 */
export const browserReady = hasChromium;
/** Screenshots for a person to look at (not committed): $LEADMAP_SCREENSHOTS or <tmp>/leadmap-screenshots. */
export const SHOTS = process.env.LEADMAP_SCREENSHOTS ?? join(tmpdir(), 'leadmap-screenshots');
/** Chromium's flags for every browser test. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface WebHarness {
  srv: TestServer;
  ctx: BrowserContext;
  /** Console errors, page errors and CSP violations seen so far (every page of the context). */
  problems: string[];
  page(): Promise<Page>;
  close(): Promise<void>;
}

/** One real server (demo schools, temp data dir, ephemeral port) and one Chromium for a test file. */
export async function startWeb(): Promise<WebHarness> {
  const srv = await testServer({ demoDir: DEMO });
  const profile = tempDir('leadmap-chromium-');
  const ctx = await chromium.launchPersistentContext(profile.path, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
  });
  mkdirSync(SHOTS, { recursive: true });
  const problems: string[] = [];
  // CSP violations are reported to the console too; the listener makes them impossible to miss.
  await ctx.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  const watch = (page: Page) => {
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(`console: ${m.text()}`);
    });
  };
  for (const p of ctx.pages()) watch(p);
  ctx.on('page', watch);
  return {
    srv,
    ctx,
    problems,
    async page() {
      const p = ctx.pages()[0] ?? (await ctx.newPage());
      return p;
    },
    async close() {
      await ctx.close();
      await srv.stop();
      profile.remove();
    },
  };
}

export async function signIn(page: Page, url: string, username: string, password: string): Promise<void> {
  await page.goto(`${url}/#/schools`);
  const out = page.locator('#signout');
  if (await out.count()) {
    await out.click();
  }
  await page.waitForSelector('#username');
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('button[type=submit]');
}

/** Ids of the demo school and wave, through the API. */
export async function demoWave(
  client: Client,
  slug: string,
  label: string,
): Promise<{ schoolId: string; wave: { id: string; people: number; label: string } }> {
  const school = (await client.get('/api/schools')).json.schools.find((s: { slug: string }) => s.slug === slug);
  const waves = (await client.get(`/api/schools/${school.id}/waves`)).json.waves;
  return { schoolId: school.id, wave: waves.find((w: { label: string }) => w.label === label) };
}

/**
 * Whether the page scrolls sideways at its current width: the document's scroll width against the window's,
 * and (for the failure message) the innermost elements whose right edge passes the window's.
 */
export async function sidewaysOverflow(page: Page): Promise<{ scroll: number; client: number; wide: string[] }> {
  return page.evaluate(() => {
    const client = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')]
      .filter(
        (e) => e.getBoundingClientRect().right > client + 1 && ![...e.children].some((c) => c.getBoundingClientRect().right > client + 1),
      )
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}.${[...e.classList].join('.')}`);
    // Text wider than its own box (a long word) widens the page without widening any element.
    if (!wide.length)
      for (const e of document.querySelectorAll('body *'))
        if (e.getBoundingClientRect().left + e.scrollWidth > client + 1 && getComputedStyle(e).overflowX === 'visible' && wide.length < 5)
          wide.push(`text in ${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}: ${(e.textContent ?? '').slice(0, 40)}`);
    return { scroll: document.documentElement.scrollWidth, client, wide };
  });
}
