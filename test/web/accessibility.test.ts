import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AxeChecker } from './axe.js';
import { ADMIN_PASSWORD, Client, SHOTS, browserReady, demoWave, sidewaysOverflow, signIn, startWeb, type WebHarness } from './helpers.js';

const WIDTHS = [1366, 820, 390];

/**
 * Every page of the app, as an administrator and as a viewer: axe-core finds no serious or critical
 * violation, and the page does not scroll sideways at 1366, 820 or 390 px. A screenshot of each.
 */
describe.skipIf(!browserReady)('every page is accessible and fits the window', () => {
  let web: WebHarness;
  let page: Page;
  const axe = new AxeChecker();
  const pages: Array<{ name: string; hash: string; ready: string }> = [];

  beforeAll(async () => {
    web = await startWeb();
    page = await web.page();
    const api = new Client(web.srv.url);
    await api.signIn('admin', ADMIN_PASSWORD);
    const highland = await demoWave(api, 'highland', '2025-26');
    const pinewood = await demoWave(api, 'pinewood', '2025-26');
    await api.post('/api/accounts', { username: 'viewer', role: 'viewer', schoolIds: [highland.schoolId], password: 'viewer-password-1' });
    pages.push(
      { name: 'schools', hash: '#/schools', ready: 'section.school h2' },
      { name: 'school', hash: `#/school/${highland.schoolId}`, ready: '#change-result table' },
      { name: 'wave', hash: `#/wave/${highland.wave.id}/report`, ready: '#network[data-ready]' },
      { name: 'district-wave', hash: `#/wave/${pinewood.wave.id}/report`, ready: '#network[data-ready]' },
      { name: 'wave-data', hash: `#/wave/${highland.wave.id}/data`, ready: '#files' },
      { name: 'accounts', hash: '#/accounts', ready: 'main table' },
      { name: 'audit', hash: '#/audit', ready: 'main table' },
      { name: 'help-formats', hash: '#/docs/data-formats', ready: 'main h2' },
      { name: 'help-measures', hash: '#/docs/metrics', ready: 'main h2' },
    );
  }, 120_000);
  afterAll(async () => {
    await axe.close();
    await web?.close();
  });

  async function check(name: string, hash: string, ready: string): Promise<void> {
    await page.goto(`${web.srv.url}/${hash}`);
    await page.waitForSelector(ready, { timeout: 60_000 });
    expect(await axe.check(web.ctx, page.url(), ready), `axe on ${name}`).toEqual([]);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForTimeout(150);
      const { scroll, client, wide } = await sidewaysOverflow(page);
      expect(scroll, `${name} at ${width} px scrolls sideways: ${wide.join(', ')}`).toBeLessThanOrEqual(client);
      await page.screenshot({ path: join(SHOTS, `web-a11y-${name}-${width}.png`) });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  it('as an administrator', async () => {
    await signIn(page, web.srv.url, 'admin', ADMIN_PASSWORD);
    await page.waitForSelector('section.school h2');
    for (const p of pages) await check(p.name, p.hash, p.ready);
    expect(web.problems).toEqual([]);
  }, 600_000);

  it('as a viewer', async () => {
    await signIn(page, web.srv.url, 'viewer', 'viewer-password-1');
    await page.waitForSelector('section.school h2');
    for (const p of pages.filter((x) => ['schools', 'school', 'wave'].includes(x.name))) await check(`viewer-${p.name}`, p.hash, p.ready);
    expect(web.problems).toEqual([]);
  }, 600_000);
});
