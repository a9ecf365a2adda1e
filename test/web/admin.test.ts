import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../store/helpers.js';
import { AxeChecker } from './axe.js';
import { ADMIN_PASSWORD, Client, SHOTS, browserReady, sidewaysOverflow, startWeb, type WebHarness } from './helpers.js';

const WIDTHS = [1366, 820, 390];

/**
 * Administration in the browser, by the accessible names other tools rely on: a school, a wave, an upload,
 * its report, accounts and the audit log — every page checked by axe and for sideways scrolling.
 */
describe.skipIf(!browserReady)('administration in real Chromium, by accessible names', () => {
  let web: WebHarness;
  let page: Page;
  const axe = new AxeChecker();
  const files = tempDir('leadmap-web-admin-');
  const roster = join(files.path, 'staff.csv');
  const ties = join(files.path, 'who-asks-whom.csv');
  writeFileSync(
    roster,
    'id,name,role,department\n' +
      Array.from(
        { length: 10 },
        (_, i) => `S${i + 1},Staff ${'ABCDEFGHIJ'[i]},${i ? 'teacher' : 'principal'},${i < 5 ? 'Maths' : 'Science'}\n`,
      ).join(''),
  );
  writeFileSync(
    ties,
    'source,target,relation,domain,weight\n' +
      Array.from({ length: 9 }, (_, i) => `S${i + 2},S1,advice,curriculum,2\nS${i + 2},S${i === 8 ? 2 : i + 3},advice,behaviour,1\n`).join(
        '',
      ),
  );

  /** axe (serious or critical: none) on the page as it is now, and no sideways scroll at three widths; a screenshot of each. */
  async function checkPage(name: string, ready: string): Promise<void> {
    expect(await axe.check(web.ctx, page.url(), ready), `axe on ${name}`).toEqual([]);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      const { scroll, client, wide } = await sidewaysOverflow(page);
      expect(scroll, `${name} at ${width} px scrolls sideways: ${wide.join(', ')}`).toBeLessThanOrEqual(client);
      await page.screenshot({ path: join(SHOTS, `web-admin-${name}-${width}.png`), fullPage: width === 1366 });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  beforeAll(async () => {
    web = await startWeb();
    page = await web.page();
  });
  afterAll(async () => {
    await axe.close();
    await web?.close();
    files.remove();
  });

  it('signs in, creates a school and a wave, uploads a roster and tie list, and follows "View report"', async () => {
    await page.goto(`${web.srv.url}/#/schools`);
    await page.getByRole('textbox', { name: 'User name' }).fill('admin');
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'New school' }).waitFor();
    await checkPage('schools', 'section.school');

    await page.getByRole('button', { name: 'New school' }).click();
    await page.getByRole('textbox', { name: 'School name' }).fill('Riverside Academy');
    await page.getByRole('button', { name: 'Create school' }).click();
    await page.getByRole('heading', { level: 1, name: 'Riverside Academy' }).waitFor();
    await page.getByRole('button', { name: 'New wave' }).click();
    await page.getByRole('textbox', { name: 'Wave label' }).fill('2026-27');
    await page.getByLabel('Collection date').fill('2026-10-15');
    await checkPage('school', '#new-wave-toggle');
    await page.getByRole('button', { name: 'Create wave' }).click();

    await page.getByLabel('Roster file').setInputFiles(roster);
    await page.getByLabel('Ties file').setInputFiles(ties);
    expect(await page.getByLabel('Respondents file', { exact: true }).count()).toBe(1);
    await page.getByRole('radio', { name: /survey export/i }).check();
    expect(await page.getByLabel('Survey export', { exact: true }).count()).toBe(1);
    await page.getByRole('radio', { name: /roster and a tie list/i }).check();
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    const report = page.getByRole('link', { name: 'View report' });
    await report.waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'Ready' }).textContent()).toMatch(/10 people, 18 ties/);
    // The stored originals come back as they were uploaded; the templates are there to start from.
    const original = page.getByRole('link', { name: 'who-asks-whom.csv' });
    const [download] = await Promise.all([page.waitForEvent('download'), original.click()]);
    expect(readFileSync(await download.path(), 'utf8')).toBe(readFileSync(ties, 'utf8'));
    // One download, one entry in the audit log.
    const api = new Client(web.srv.url);
    await api.signIn('admin', ADMIN_PASSWORD);
    const downloads = (await api.get('/api/audit?action=view')).json.entries.filter((e: { detail: string | null }) =>
      e.detail?.startsWith('download ties:'),
    );
    expect(downloads).toHaveLength(1);
    const template = await page.request.get(
      `${web.srv.url}${await page.getByRole('link', { name: 'Ties template (CSV)' }).getAttribute('href')}`,
    );
    expect(await template.text()).toMatch(/^source,target,relation,domain,weight\n/);
    await checkPage('uploads', '#files');

    await report.click();
    await page.waitForSelector('#network[data-ready]');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Riverside Academy · 2026-27');
    expect(await page.getByRole('img', { name: /^Network of advice ties: 10 people, \d+ ties$/ }).count()).toBe(1);
    await checkPage('report', '#network[data-ready]');
    expect(web.problems).toEqual([]);
  });

  it('opens Accounts, creates an account (one-time password shown once), changes it, resets and deletes it', async () => {
    await page.getByRole('link', { name: 'Accounts' }).click();
    await page.getByRole('table', { name: 'Accounts' }).waitFor();
    const headers = await page.getByRole('columnheader').allTextContents();
    expect(headers.slice(0, 3)).toEqual(['User name', 'Role', 'Schools']);
    await page.getByRole('button', { name: 'New account' }).click();
    await page.getByRole('textbox', { name: 'User name' }).fill('deputy');
    await page.getByRole('combobox', { name: 'Role' }).selectOption('analyst');
    await page.getByRole('group', { name: 'Schools' }).getByRole('checkbox', { name: 'Riverside Academy' }).check();
    await page.getByRole('button', { name: 'Create account' }).click();
    const otp = page.locator('#one-time-password code');
    await otp.waitFor();
    const password = (await otp.textContent())!;
    expect(password.length).toBeGreaterThanOrEqual(20);
    const row = page.getByRole('row', { name: /deputy/ });
    expect(await row.getByRole('cell').allTextContents()).toEqual(expect.arrayContaining(['analyst', 'Riverside Academy']));
    await checkPage('accounts', '#accounts');

    // The one-time password signs the new account in (and asks it for a new password); leaving the page, it is gone.
    const deputy = new Client(web.srv.url);
    await deputy.signIn('deputy', password);
    expect((await deputy.get('/api/schools')).json.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    await page.getByRole('link', { name: 'Schools' }).click();
    await page.getByRole('button', { name: 'New school' }).waitFor();
    await page.getByRole('link', { name: 'Accounts' }).click();
    await page.getByRole('table', { name: 'Accounts' }).waitFor();
    expect(await page.locator('#one-time-password').count()).toBe(0);

    await page.getByRole('button', { name: 'Change deputy' }).click();
    await page.getByRole('combobox', { name: 'Role of deputy' }).selectOption('viewer');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'deputy is now viewer' }).waitFor();
    await page.getByRole('button', { name: 'Reset password of deputy' }).click();
    const reset = (await page.locator('#one-time-password code').textContent())!;
    expect(reset).not.toBe(password);
    await page.getByRole('button', { name: 'Delete deputy' }).click();
    await page.getByRole('button', { name: 'Confirm: delete deputy' }).click();
    await page.getByRole('status').filter({ hasText: 'Deleted the account deputy' }).waitFor();
    expect(await page.getByRole('row', { name: /deputy/ }).count()).toBe(0);
    expect(web.problems).toEqual([]);
  });

  it('opens the Audit log and filters it by who, what and when', async () => {
    await page.getByRole('link', { name: 'Audit log' }).click();
    const table = page.getByRole('table', { name: 'Audit log entries' });
    await table.waitFor();
    const all = await table.getByRole('row').count();
    await page.getByRole('combobox', { name: 'Who' }).selectOption({ label: 'admin' });
    await page.getByRole('combobox', { name: 'What' }).selectOption('create');
    const today = new Date().toISOString().slice(0, 10);
    await page.getByLabel('From').fill(today);
    await page.getByLabel('To').fill(today);
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForFunction(() => location.hash.includes('action=create'));
    await page.getByRole('status').filter({ hasText: 'matching the filter' }).waitFor();
    const rows = table.getByRole('row');
    const cells = await rows.evaluateAll((trs) => trs.slice(1).map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    // Created today by admin: the school, the wave and the account.
    expect(cells.length).toBe(3);
    expect(cells.every((c) => c[1] === 'admin' && c[2] === 'create')).toBe(true);
    expect(cells.map((c) => c[3])).toEqual(expect.arrayContaining(['school Riverside Academy', 'wave Riverside Academy 2026-27']));
    expect(cells.length + 1).toBeLessThan(all);
    await checkPage('audit', '#audit');
    expect(web.problems).toEqual([]);
  });

  it('a demo school is labelled "demo"; a school is renamed and deleted with its name typed to confirm; the help pages open', async () => {
    await page.getByRole('link', { name: 'Schools' }).click();
    const highland = page.getByRole('region', { name: 'Highland High' });
    await highland.waitFor();
    expect(await highland.locator('.badge.demo').textContent()).toBe('demo');
    const riverside = page.getByRole('region', { name: 'Riverside Academy' });
    expect(await riverside.locator('.badge.demo').count()).toBe(0);
    await riverside.getByText('Manage').click();
    await riverside.getByRole('textbox', { name: 'New name' }).fill('Riverside College');
    await riverside.getByRole('button', { name: 'Rename school' }).click();
    const college = page.getByRole('region', { name: 'Riverside College' });
    await college.waitFor();
    // A wave is deleted from its uploads page, after a confirmation that names it.
    await college.getByRole('link', { name: 'Riverside College' }).click();
    await page.getByRole('link', { name: 'uploads & review' }).click();
    await page.getByRole('button', { name: 'Delete wave' }).click();
    await page.getByRole('button', { name: 'Yes, delete 2026-27' }).click();
    await page.getByRole('heading', { level: 1, name: 'Riverside College' }).waitFor();
    await page.getByText('No waves yet.').waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Schools' }).click();
    await highland.waitFor();
    await highland.getByText('Manage').click();
    await highland.getByRole('textbox', { name: 'Type Highland High to confirm' }).fill('Highland');
    await highland.getByRole('button', { name: 'Delete school' }).click();
    expect(await highland.getByRole('alert').filter({ hasText: 'exactly' }).count()).toBe(1);
    await highland.getByRole('textbox', { name: 'Type Highland High to confirm' }).fill('Highland High');
    await highland.getByRole('button', { name: 'Delete school' }).click();
    await page.getByRole('region', { name: 'Highland High' }).waitFor({ state: 'detached' });

    await page.getByRole('link', { name: 'Help' }).click();
    await page.getByRole('heading', { level: 1, name: 'Data formats' }).waitFor();
    await checkPage('help', 'article.doc table');
    await page.getByRole('link', { name: 'Measures' }).click();
    await page.getByRole('heading', { level: 1, name: 'Metrics' }).waitFor();
    expect(web.problems).toEqual([]);
  });
});
