import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, Client, browserReady, demoWave, signIn, startWeb, type WebHarness } from './helpers.js';
import { tempDir } from '../store/helpers.js';

/**
 * web/js/api.js followJob: when the job's events stream fails and polling the job fails too, the
 * waiting ends (the progress box goes away) and the person sees why, instead of a spinner forever.
 */
describe.skipIf(!browserReady)('following a background job in real Chromium', () => {
  let web: WebHarness;
  let api: Client;
  const files = tempDir('leadmap-web-follow-');
  beforeAll(async () => {
    web = await startWeb();
    api = new Client(web.srv.url);
    await api.signIn('admin', ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await web?.close();
    files.remove();
  });

  it('an upload whose job cannot be followed ends its progress and says why', async () => {
    const { schoolId } = await demoWave(api, 'highland', '2025-26');
    const created = await api.post(`/api/schools/${schoolId}/waves`, { label: 'follow-job check' });
    const waveId = (created.json as { wave: { id: string } }).wave.id;
    const roster = join(files.path, 'roster.csv');
    const ties = join(files.path, 'ties.csv');
    writeFileSync(
      roster,
      'id,name,role,department\nT1,Teacher A,principal,Maths\nT2,Teacher B,teacher,Maths\nT3,Teacher C,teacher,English\n',
    );
    writeFileSync(ties, 'source,target,relation,domain,weight\nT2,T1,advice,curriculum,2\nT3,T1,advice,curriculum,1\n');

    const page = await web.page();
    await signIn(page, web.srv.url, 'admin', ADMIN_PASSWORD);
    await page.waitForSelector('section.school h2');
    // The job's event stream breaks and every poll of the job answers 503.
    await page.route(/\/api\/jobs\/[^/]+\/events$/, (r) => r.abort('connectionreset'));
    await page.route(/\/api\/jobs\/[^/]+$/, (r) =>
      r.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'UNAVAILABLE', message: 'the server is restarting; try again in a minute' } }),
      }),
    );
    await page.goto(`${web.srv.url}/#/wave/${encodeURIComponent(waveId)}/data`);
    await page.getByRole('button', { name: /^Roster/ }).setInputFiles(roster);
    await page.getByRole('button', { name: /^Tie list/ }).setInputFiles(ties);
    await page.getByRole('button', { name: 'Upload and check' }).click();

    const alert = page.getByRole('alert').filter({ hasText: 'the server is restarting' });
    await alert.waitFor({ timeout: 10_000 });
    expect(await page.locator('#upload-progress').isHidden()).toBe(true);
    expect(await page.getByRole('button', { name: 'Upload and check' }).isEnabled()).toBe(true);
    await page.unrouteAll();
    expect(web.problems.filter((p) => !/503|ERR_CONNECTION_RESET|Failed to load resource/.test(p))).toEqual([]);
  });
});
