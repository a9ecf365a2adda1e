import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './helpers.js';

/**
 * axe-core (Deque's accessibility engine) over a page of the app, for every browser test. The app's CSP forbids
 * injected scripts, and the tests' own browser context stays strict (a CSP violation there fails the test), so axe
 * runs in a second browser whose context bypasses CSP and shares the session cookies: the same page, as the same
 * user. A violation of impact "serious" or "critical" is returned as "rule (impact): selector, …".
 */
export class AxeChecker {
  private browser: Browser | null = null;
  private ctx: BrowserContext | null = null;

  /** Violations (serious or critical) on `url` once `ready` (a selector) is on the page, signed in as in `from`. */
  async check(from: BrowserContext, url: string, ready: string): Promise<string[]> {
    this.browser ??= await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    this.ctx ??= await this.browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    await this.ctx.clearCookies();
    await this.ctx.addCookies(await from.cookies());
    const page = await this.ctx.newPage();
    try {
      await page.goto(url);
      await page.waitForSelector(ready);
      await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: () => Promise<{ violations: AxeViolation[] }> } }).axe;
        return (await axe.run()).violations;
      });
      return violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    } finally {
      await page.close();
    }
  }

  async close(): Promise<void> {
    await this.browser?.close();
    this.browser = null;
    this.ctx = null;
  }
}

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: Array<{ target: string[] }>;
}
