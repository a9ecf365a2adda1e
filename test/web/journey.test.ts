import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../store/helpers.js';
import { AxeChecker } from './axe.js';
import { generatedSchool } from './generated-school.js';
import { ADMIN_PASSWORD, SHOTS, browserReady, sidewaysOverflow, startWeb, type WebHarness } from './helpers.js';

/**
 * A principal's first afternoon, by accessible names only: sign in, create a school and a wave, upload a
 * roster and tie list of a 2,000-person school, open the report, find a person by typing, download the
 * image, open Accounts, check the school page at 820 px — with no console error or CSP violation and
 * axe passing on every page visited.
 */
describe.skipIf(!browserReady)('a principal runs the web app alone', () => {
  let web: WebHarness;
  const axe = new AxeChecker();
  const files = tempDir('leadmap-web-journey-');

  beforeAll(async () => {
    web = await startWeb();
  });
  afterAll(async () => {
    await axe.close();
    await web?.close();
    files.remove();
  });

  it('from sign-in to the network of all 2,000 staff', async () => {
    const page = await web.page();
    const school = generatedSchool(2000, 24);
    const roster = join(files.path, 'staff.csv');
    const ties = join(files.path, 'advice.csv');
    writeFileSync(roster, school.roster);
    writeFileSync(ties, school.ties);
    const axeHere = async (ready: string) => expect(await axe.check(web.ctx, page.url(), ready), page.url()).toEqual([]);

    await page.goto(`${web.srv.url}/#/schools`);
    await page.getByRole('textbox', { name: 'User name' }).fill('admin');
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'New school' }).click();
    await page.getByRole('textbox', { name: 'School name' }).fill('Lakeview Secondary');
    await page.getByRole('button', { name: 'Create school' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lakeview Secondary' }).waitFor();
    await axeHere('h1');
    await page.getByRole('button', { name: 'New wave' }).click();
    await page.getByRole('textbox', { name: 'Wave label' }).fill('2026-27');
    await page.getByRole('button', { name: 'Create wave' }).click();
    await page.getByLabel('Roster file').setInputFiles(roster);
    await page.getByLabel('Ties file').setInputFiles(ties);
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    const report = page.getByRole('link', { name: 'View report' });
    await report.waitFor({ timeout: 180_000 });
    await axeHere('#files');
    await report.click();

    const figure = page.getByRole('img', { name: /^Network of advice ties: 2,000 people, [\d,]+ ties$/ });
    await figure.waitFor({ timeout: 240_000 });
    await page.waitForSelector('#network[data-ready]');
    await axeHere('#network[data-ready]');
    const find = page.getByRole('combobox', { name: 'Find a person' });
    await find.pressSequentially('Staff 123', { delay: 20 });
    await page.getByRole('option', { name: /^Staff 123\b/ }).click();
    expect(await page.getAttribute('#network', 'data-focus')).toBe('S123');
    const [image] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download image' }).click()]);
    expect(
      readFileSync(await image.path())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    await page.waitForTimeout(500); // the person is brought to the middle, then drawn in full
    await page.locator('#network-section').screenshot({ path: join(SHOTS, 'web-journey-network.png') });

    await page.getByRole('link', { name: 'Accounts' }).click();
    await page.getByRole('heading', { level: 1, name: 'Accounts' }).waitFor();
    await axeHere('main table');

    await page.getByRole('link', { name: 'Schools' }).click();
    await page.getByRole('link', { name: 'Lakeview Secondary' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lakeview Secondary' }).waitFor();
    await page.setViewportSize({ width: 820, height: 900 });
    const { scroll, client, wide } = await sidewaysOverflow(page);
    expect(scroll, `the school page at 820 px scrolls sideways: ${wide.join(', ')}`).toBeLessThanOrEqual(client);
    await axeHere('h1');
    await page.screenshot({ path: join(SHOTS, 'web-journey-school-820.png') });
    expect(web.problems).toEqual([]);
  }, 600_000);
});
