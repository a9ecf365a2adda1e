import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AxeChecker } from './axe.js';
import { generatedSchool } from './generated-school.js';
import { ADMIN_PASSWORD, Client, SHOTS, browserReady, signIn, startWeb, type WebHarness } from './helpers.js';

const PEOPLE = 5200;
const DEPARTMENTS = 30;
const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * Above 5,000 people the network view opens on departments as nodes (the whole network is not offered),
 * and "Find a person" opens that person's ties, laid out on their own, with the figure naming what is drawn.
 */
describe.skipIf(!browserReady)('the network view above 5,000 people', () => {
  let web: WebHarness;
  let page: Page;
  let waveId = '';
  let ties = 0;
  const axe = new AxeChecker();

  beforeAll(async () => {
    web = await startWeb();
    page = await web.page();
    const api = new Client(web.srv.url);
    await api.signIn('admin', ADMIN_PASSWORD);
    const s = (await api.post('/api/schools', { name: 'Generated Trust', slug: 'generated-trust' })).json.school;
    waveId = (await api.post(`/api/schools/${s.id}/waves`, { label: '2026-27' })).json.wave.id;
    expect((await api.upload(waveId, generatedSchool(PEOPLE, DEPARTMENTS))).job.status).toBe('succeeded');
    for (;;) {
      const g = await api.get(`/api/waves/${waveId}/graph`);
      if (g.status === 200) {
        ties = g.json.edges.length;
        break;
      }
      await api.waitJob(g.json.job.id);
    }
  }, 600_000);
  afterAll(async () => {
    await axe.close();
    await web?.close();
  });

  it('opens on the departments, and finds one person whose ties are then drawn', async () => {
    await signIn(page, web.srv.url, 'admin', ADMIN_PASSWORD);
    await page.waitForSelector('section.school h2');
    await page.goto(`${web.srv.url}/#/wave/${waveId}/report`);
    await page.waitForSelector('#network[data-ready]', { timeout: 300_000 });
    const figure = page.locator('#network');
    expect(await figure.getAttribute('aria-label')).toBe(
      `Network of advice ties between departments: ${DEPARTMENTS} departments of ${fmt(PEOPLE)} people, ${fmt(ties)} ties`,
    );
    const view = page.getByRole('combobox', { name: 'View' });
    expect(await view.inputValue()).toBe('departments');
    expect(await view.locator('option[value=whole]').isDisabled()).toBe(true);
    expect(await page.getByRole('status').filter({ hasText: 'Laying out' }).isVisible()).toBe(false);
    await page.locator('#network-section').screenshot({ path: join(SHOTS, 'web-network-5200-departments.png') });

    const find = page.getByRole('combobox', { name: 'Find a person' });
    await find.fill('Staff 4711');
    await page.getByRole('option', { name: /^Staff 4711/ }).click();
    await page.waitForFunction(() => document.querySelector('#network')?.getAttribute('data-mode') === 'ego');
    expect(await view.inputValue()).toBe('ego');
    await page.waitForFunction(() =>
      /^Network of advice ties: \d+ people, \d+ ties$/.test(document.querySelector('#network')?.getAttribute('aria-label') ?? ''),
    );
    const drawn = Number(await figure.getAttribute('data-nodes'));
    expect(drawn).toBeGreaterThan(5);
    expect(drawn).toBeLessThan(100);
    expect(await figure.getAttribute('data-focus')).toBe('S4711');
    await page.locator('#network-section').screenshot({ path: join(SHOTS, 'web-network-5200-ego.png') });
    expect(await axe.check(web.ctx, page.url(), '#network[data-ready]')).toEqual([]);
    expect(web.problems).toEqual([]);
  }, 600_000);
});
