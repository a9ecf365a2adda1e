import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, Client, DEMO, SHOTS, browserReady, demoWave, signIn, startWeb, type WebHarness } from './helpers.js';

const SURVEY = resolve(import.meta.dirname, '../../fixtures/surveys/lakeside');

describe.skipIf(!browserReady)('web app accounts, privacy and survey review in real Chromium', () => {
  let web: WebHarness;
  let api: Client;
  let highland: string;
  let lakeside: string;
  beforeAll(async () => {
    web = await startWeb();
    api = new Client(web.srv.url);
    await api.signIn('admin', ADMIN_PASSWORD);
    highland = (await demoWave(api, 'highland', '2025-26')).schoolId;
    lakeside = (await demoWave(api, 'lakeside', '2025-26')).schoolId;
    await api.post('/api/accounts', { username: 'viewer', role: 'viewer', schoolIds: [highland], password: 'viewer-password-1' });
  });
  afterAll(async () => {
    await web?.close();
  });

  it('a wrong password gives a clear message', async () => {
    const page = await web.page();
    await signIn(page, web.srv.url, 'admin', 'not-the-password');
    await page.waitForFunction(() => document.querySelector('#signin-error')?.textContent);
    expect(await page.textContent('#signin-error')).toBe('That user name and password do not match. Check both and try again.');
    await page.screenshot({ path: join(SHOTS, 'web-signin-error.png') });
    // The browser logs the refused request itself; nothing else may appear.
    expect(web.problems.filter((p) => !/status of 401/.test(p))).toEqual([]);
    web.problems.length = 0;
  });

  it('a one-time password must be replaced at first sign-in', async () => {
    const created = await api.post('/api/accounts', { username: 'analyst', role: 'analyst', schoolIds: [lakeside] });
    const otp = created.json.oneTimePassword as string;
    const page = await web.page();
    await signIn(page, web.srv.url, 'analyst', otp);
    await page.waitForSelector('#password-form');
    await page.fill('#current', otp);
    await page.fill('#next', 'analyst-password-2026');
    await page.fill('#again', 'analyst-password-2062');
    await page.click('#password-form button[type=submit]');
    expect(await page.textContent('#password-error')).toBe('The two new passwords differ.');
    await page.screenshot({ path: join(SHOTS, 'web-password-change.png') });
    await page.fill('#again', 'analyst-password-2026');
    await page.click('#password-form button[type=submit]');
    await page.waitForSelector('section.school h2');
    expect(await page.locator('section.school h2').allTextContents()).toEqual(['Lakeside Elementary']);
    // Administration is not offered to an analyst.
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).toEqual(['Schools', 'Help']);
    expect(await page.getByRole('button', { name: 'New school' }).count()).toBe(0);
    expect(await page.getByText('Manage').count()).toBe(0);
    expect(web.problems).toEqual([]);
  });

  it('an analyst uploads a survey export and resolves its review list', async () => {
    const page = await web.page();
    await page.click('section.school h2 a');
    await page.getByRole('button', { name: 'New wave' }).click();
    await page.getByRole('textbox', { name: 'Wave label' }).fill('spring survey');
    await page.getByRole('button', { name: 'Create wave' }).click();
    await page.waitForSelector('#upload-form');
    await page.check('input[name=mode][value=survey]');
    await page.setInputFiles('#f-roster', join(SURVEY, 'roster.csv'));
    await page.setInputFiles('#f-survey', join(SURVEY, 'survey.csv'));
    await page.click('#upload-button');
    await page.waitForSelector('#upload-result .warn-box');
    expect(await page.textContent('#upload-result')).toMatch(/Needs review:.*not in these results yet/);
    await page.waitForSelector('#review-table');
    const raws = await page.locator('#review-table tbody code').allTextContents();
    expect([...new Set(raws)].sort()).toEqual(['Chloe', 'Jo from the district office']);
    await page.screenshot({ path: join(SHOTS, 'web-survey-review.png'), fullPage: true });
    const chloeName = readFileSync(join(SURVEY, 'roster.csv'), 'utf8')
      .split('\n')
      .find((l) => l.startsWith('LK014,'))!
      .split(',')[1]!;
    for (const row of await page.locator('#review-table tbody tr').all()) {
      const raw = await row.locator('code').textContent();
      const input = row.getByRole('combobox');
      await input.fill(raw === 'Chloe' ? `${chloeName} · LK014` : 'not on the roster');
      await input.dispatchEvent('change');
      await row.locator('.state:text-is("decided — apply to use")').waitFor();
    }
    expect(await page.textContent('#review-open')).toBe('0');
    await page.getByRole('button', { name: 'Apply and re-read' }).click();
    await page.waitForSelector('#review .ok-box');
    expect(await page.textContent('#review .ok-box')).toMatch(/Ready: \d+ people, \d+ ties/);
    expect(web.problems).toEqual([]);
  });

  it('a viewer sees only pseudonyms and suppressed small groups', async () => {
    const page = await web.page();
    await signIn(page, web.srv.url, 'viewer', 'viewer-password-1');
    await page.waitForSelector('section.school h2');
    await page.click('section[data-school=highland] a:text-is("2025-26")');
    await page.waitForSelector('#network[data-ready]');
    const text = await page.locator('main').innerText();
    expect(text).toContain('pseudonymised');
    const roster = readFileSync(join(DEMO, 'highland/2025-26/roster.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[1]!);
    for (const name of roster) expect(text).not.toContain(name);
    expect(text).not.toMatch(/principal|department chair/i);
    for (const label of await page.locator('#leads-matrix .pname').allTextContents()) expect(label).toMatch(/^P-[0-9A-F]{4,}$/);
    await page.getByRole('combobox', { name: 'Find a person' }).fill('P-');
    const found = await page.getByRole('listbox', { name: 'People of this wave' }).getByRole('option').allTextContents();
    expect(found.length).toBeGreaterThan(10);
    for (const label of found) expect(label).toMatch(/^P-[0-9A-F]{4,}\b/);
    expect(await page.locator('#leads-matrix .badge.hidden-leader').count()).toBeGreaterThan(0);
    expect(await page.locator('#departments td.suppressed span[aria-hidden=true]').first().textContent()).toBe('—');
    expect(await page.locator('#departments td.suppressed').first().getAttribute('title')).toBe('fewer than 5 people');
    expect(text).toContain('fewer than 5 people');
    expect(await page.locator('a:text("Uploads & review")').count()).toBe(0);
    // Downloads offered to a viewer are the anonymised ones only.
    const hrefs = await page.locator('#exports a[download]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(hrefs.some((h) => h.includes('report.pdf?edition=anonymised'))).toBe(true);
    expect(hrefs.some((h) => h.includes('edition=named'))).toBe(false);
    const pdf = await page.request.get(`${web.srv.url}${hrefs.find((h) => h.includes('report.pdf'))}`);
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await page.screenshot({ path: join(SHOTS, 'web-wave-viewer.png'), fullPage: true });
    expect(web.problems).toEqual([]);
  });
});
