import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, Client, SHOTS, browserReady, signIn, startWeb, type WebHarness } from './helpers.js';
import { AxeChecker } from './axe.js';

/** A hand-written Google Forms export: a two-domain question, an unknown name, a respondent not on the roster. */
const DIR = resolve(import.meta.dirname, '../../fixtures/surveys-review');
const QUESTION = 'Who helps you with technology and data?';

describe.skipIf(!browserReady)('survey review in real Chromium: every kind of item', () => {
  let web: WebHarness;
  let api: Client;
  const axe = new AxeChecker();
  beforeAll(async () => {
    web = await startWeb();
    api = new Client(web.srv.url);
    await api.signIn('admin', ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await axe.close();
    await web?.close();
  });

  it('decides a question, a name by type-ahead and a respondent; the wave goes needs review → ready', async () => {
    const school = (await api.post('/api/schools', { slug: 'north', name: 'North School' })).json.school.id as string;
    const wave = (await api.post(`/api/schools/${school}/waves`, { label: '2025' })).json.wave.id as string;
    const page = await web.page();
    await signIn(page, web.srv.url, 'admin', ADMIN_PASSWORD);
    await page.waitForSelector('section.school h2');
    await page.goto(`${web.srv.url}/#/wave/${wave}/data`);
    await page.getByRole('radio', { name: /A survey export/ }).check();
    await page.setInputFiles('#f-roster', join(DIR, 'roster.csv'));
    await page.setInputFiles('#f-survey', join(DIR, 'survey.csv'));
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await page.waitForSelector('#upload-result .warn-box');
    const result = await page.textContent('#upload-result');
    expect(result).toContain('Needs review:');
    expect(result).toContain('1 question (6 answers), 1 name and 1 respondent are not in these results yet');
    expect(result).not.toMatch(/Stored/);
    expect(await page.textContent('#wave-badge')).toMatch(/^needs review · 7 people, 5 ties$/);
    expect(await page.textContent('#review-open')).toBe('3');

    // the results so far carry the banner
    await page.goto(`${web.srv.url}/#/wave/${wave}`);
    await page.waitForSelector('#completeness-banner');
    expect(await page.textContent('#completeness-banner')).toContain(
      '1 question (6 answers), 1 name and 1 respondent are not in these results yet — decide them',
    );
    await page.waitForSelector('#network[data-ready]');
    expect(await axe.check(web.ctx, page.url(), '#network[data-ready]')).toEqual([]);
    await page.getByRole('link', { name: 'decide them' }).click();
    await page.waitForSelector('#review-table');
    expect(await axe.check(web.ctx, page.url(), '#review-table tr[data-kind=name]')).toEqual([]);

    // a column: exactly the domains the wording names, and "all domains"
    const domain = page.getByRole('combobox', { name: `Domain for ${QUESTION}` });
    expect(await domain.locator('option').allTextContents()).toEqual(['choose…', 'data', 'technology', 'all domains']);
    expect(await page.getByRole('combobox', { name: `Relation for ${QUESTION}` }).inputValue()).toBe('advice');
    await domain.selectOption('technology');
    await page.getByRole('button', { name: `Save decision for ${QUESTION}` }).click();
    await page.locator('tr[data-kind=column] .state:text-is("decided — apply to use")').waitFor();

    // a name, by type-ahead over the whole roster (not one of the matcher's candidates)
    const chloe = page.getByRole('combobox', { name: 'Who was meant by Chloe' });
    expect(await page.locator('#roster-options option').count()).toBe(7 + 2);
    await chloe.pressSequentially('Omar');
    await chloe.fill('Omar Haddad · T07');
    await chloe.dispatchEvent('change');
    await page.locator('tr[data-kind=name] .state:text-is("decided — apply to use")').waitFor();

    // a respondent not on the roster by e-mail
    const who = page.getByRole('combobox', { name: 'Who answered row 6 (sam.p.home@gmail.com)' });
    await who.fill('Samantha Park · T05');
    await who.dispatchEvent('change');
    await page.locator('tr[data-kind=respondent] .state:text-is("decided — apply to use")').waitFor();
    expect(await page.textContent('#review-open')).toBe('0');
    expect(await page.textContent('#review-waiting')).toBe('3');
    expect((await api.get(`/api/waves/${wave}`)).json.wave.status).toBe('needs review');
    await page.screenshot({ path: join(SHOTS, 'web-survey-review-decided.png'), fullPage: true });

    await page.getByRole('button', { name: 'Apply and re-read' }).click();
    await page.waitForSelector('#review .ok-box');
    expect(await page.textContent('#review .ok-box')).toMatch(/Ready: 7 people, 13 ties/);
    expect(await page.textContent('#wave-badge')).toBe('ready · 7 people, 13 ties');
    // decided rows stay decided, with their row and question; the counters agree
    expect(await page.locator('#review-table tbody tr').count()).toBe(3);
    expect(await page.textContent('#review-applied')).toBe('3');
    expect(await page.textContent('#review-open')).toBe('0');
    const name = page.locator('tr[data-kind=name]');
    expect(await name.locator('td').nth(1).textContent()).toBe('4');
    expect(await name.locator('td').nth(2).textContent()).toBe(QUESTION);
    expect(await page.getByRole('combobox', { name: 'Who was meant by Chloe' }).inputValue()).toBe('Omar Haddad · T07');
    expect((await api.get(`/api/waves/${wave}`)).json.wave).toMatchObject({ status: 'ready', ties: 13 });
    expect(await axe.check(web.ctx, page.url(), '#review-table tr[data-kind=name]')).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'web-survey-review-ready.png'), fullPage: true });

    // no banner once everything is decided
    await page.goto(`${web.srv.url}/#/wave/${wave}`);
    await page.waitForSelector('#network[data-ready]');
    expect(await page.locator('#completeness-banner').count()).toBe(0);
    // web words only: no command-line options in what the page says
    expect(await page.locator('main').innerText()).not.toMatch(/--roster|--mapping/);
    expect(web.problems).toEqual([]);
  });
});
