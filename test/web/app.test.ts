import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, Client, DEMO, SHOTS, browserReady, demoWave, signIn, startWeb, type WebHarness } from './helpers.js';
import { tempDir } from '../store/helpers.js';

interface Planted {
  hiddenLeaders: Array<{ id: string; name: string; domains: string[] }>;
}

describe.skipIf(!browserReady)('web app (admin) in real Chromium', () => {
  let web: WebHarness;
  let api: Client;
  const files = tempDir('leadmap-web-files-');
  beforeAll(async () => {
    web = await startWeb();
    api = new Client(web.srv.url);
    await api.signIn('admin', ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await web?.close();
    files.remove();
  });

  it("signs in and lists the organisation's schools and waves", async () => {
    const page = await web.page();
    await signIn(page, web.srv.url, 'admin', ADMIN_PASSWORD);
    await page.waitForSelector('section.school h2');
    const names = await page.locator('section.school h2').allTextContents();
    expect(names).toEqual(expect.arrayContaining(['Highland High', 'Lakeside Elementary']));
    expect(await page.locator('section[data-school=highland] tbody tr').count()).toBe(4);
    await page.screenshot({ path: join(SHOTS, 'web-schools.png'), fullPage: true });
    expect(web.problems).toEqual([]);
  });

  it('opens a demo wave: indicators explained, network with every person drawn, tooltip and highlight', async () => {
    const page = await web.page();
    const { wave } = await demoWave(api, 'highland', '2025-26');
    await page.click('section[data-school=highland] a:text-is("2025-26")');
    await page.waitForSelector('#network[data-ready]');
    expect(await page.textContent('h1')).toContain('Highland High · 2025-26');
    for (const k of ['people', 'ties', 'density', 'reciprocity', 'centralization', 'responseRate', 'gini', 'leaders', 'hidden']) {
      const card = page.locator(`[data-kpi=${k}]`);
      expect((await card.locator('.v').textContent())?.trim()).not.toBe('');
      expect((await card.locator('.x').textContent())!.length).toBeGreaterThan(20);
    }
    expect(await page.locator('[data-kpi=people] .v').textContent()).toBe(String(wave.people));
    // Everyone is drawn; the figure's name counts the people and ties drawn.
    const graph = (await api.get(`/api/waves/${wave.id}/graph`)).json;
    expect(await page.getAttribute('#network', 'aria-label')).toBe(
      `Network of advice ties: ${wave.people} people, ${graph.edges.length.toLocaleString('en-US')} ties`,
    );
    // "Find a person": that person's ties highlighted, the person brought to the middle; hover: name and in-degree.
    await page.getByRole('combobox', { name: 'Find a person' }).fill('Leah Walker');
    await page.getByRole('option', { name: /^Leah Walker/ }).click();
    expect(await page.getAttribute('#network', 'data-focus')).toBe('HH001');
    expect(Number(await page.getAttribute('#network', 'data-focus-ties'))).toBeGreaterThan(10);
    await page.locator('#network').scrollIntoViewIfNeeded();
    await page.waitForTimeout(400);
    const box = (await page.locator('#network').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForSelector('#tooltip:not([hidden])');
    expect(await page.textContent('#tooltip')).toMatch(/Leah Walker.*named by \d+ colleague/);
    await page.locator('#network-section').screenshot({ path: join(SHOTS, 'web-network-focus.png') });
    await page.selectOption('#colour-by', 'leader');
    expect(await page.textContent('#legend')).toContain('informal leader');
    await page.getByRole('combobox', { name: 'Find a person' }).fill('');
    await page.locator('#network-section').screenshot({ path: join(SHOTS, 'web-network-leaders.png') });
    await page.screenshot({ path: join(SHOTS, 'web-wave-named.png'), fullPage: true });
    expect(web.problems).toEqual([]);
  });

  it('the who-leads-what matrix shows the planted hidden leader of Highland 2025-26', async () => {
    const page = await web.page();
    const planted = JSON.parse(readFileSync(join(DEMO, 'highland/2025-26/planted.json'), 'utf8')) as Planted;
    for (const h of planted.hiddenLeaders) {
      const row = page.locator(`#leads-matrix tr[data-person="${h.id}"]`);
      expect(await row.locator('.pname').textContent()).toBe(h.name);
      expect(await row.locator('.badge.hidden-leader').count()).toBe(1);
      for (const d of h.domains) expect(await row.locator(`td.cell.lead[data-domain="${d}"]`).count()).toBe(1);
    }
    expect(await page.locator('#who-leads th.domain').count()).toBeGreaterThan(3);
    await page.locator('#who-leads').screenshot({ path: join(SHOTS, 'web-matrix.png') });
    // A name in the matrix opens that person's ties in the network.
    const first = planted.hiddenLeaders[0]!;
    await page.click(`#leads-matrix tr[data-person="${first.id}"] button.pname`);
    expect(await page.getAttribute('#network', 'data-focus')).toBe(first.id);
    // Hiding weaker ties leaves fewer visible.
    const all = Number(await page.getAttribute('#network', 'data-links'));
    await page.selectOption('#min-weight', '3');
    const strong = Number(await page.getAttribute('#network', 'data-links'));
    expect(strong).toBeGreaterThan(0);
    expect(strong).toBeLessThan(all);
    await page.locator('#network-section').screenshot({ path: join(SHOTS, 'web-network-hidden-leader.png') });
    await page.selectOption('#min-weight', '0');
    // Silos: suppressed departments show a dash and the reason.
    expect(await page.locator('#departments td.suppressed').count()).toBeGreaterThan(0);
    expect(await page.textContent('#silos')).toContain('fewer than 5 people');
    expect(web.problems).toEqual([]);
  });

  it("the domain filter changes the network's ties, and nobody moves", async () => {
    const page = await web.page();
    const before = Number(await page.getAttribute('#network', 'data-links'));
    const positions = await page.getAttribute('#network', 'data-layout');
    await page.selectOption('#domain', 'technology');
    await page.waitForFunction(() => location.hash.includes('domain=technology') && document.querySelector('#network[data-ready]'));
    const after = Number(await page.getAttribute('#network', 'data-links'));
    expect(after).toBeGreaterThan(0);
    expect(after).toBeLessThan(before);
    // One layout per wave and relation: the technology ties are drawn between the same places.
    expect(await page.getAttribute('#network', 'data-layout')).toBe(positions);
    expect(await page.textContent('#indicators h2')).toContain('technology');
    expect(web.problems).toEqual([]);
  });

  it('the school page shows what changed with intervals, and no colour-coded change without one', async () => {
    const page = await web.page();
    await page.click('nav.crumbs a:text-is("Highland High")');
    await page.getByRole('heading', { name: 'What changed, and whether it is real' }).waitFor();
    await page.locator('#change-result table').first().waitFor();
    expect(await page.locator('#compare-table').count()).toBe(0);
    expect(await page.locator('#change-result').textContent()).toMatch(/no clear change|up|down/);
    await page.screenshot({ path: join(SHOTS, 'web-compare-highland.png'), fullPage: true });
    expect(web.problems).toEqual([]);
  });

  it('creates a wave, lists every problem of a bad upload, then stores a good one', async () => {
    const page = await web.page();
    await page.getByRole('button', { name: 'New wave' }).click();
    await page.getByRole('textbox', { name: 'Wave label' }).fill('2026-27 pilot');
    await page.getByRole('button', { name: 'Create wave' }).click();
    await page.waitForSelector('#upload-form');
    const roster = join(files.path, 'roster.csv');
    const badTies = join(files.path, 'ties-bad.csv');
    const ties = join(files.path, 'ties.csv');
    writeFileSync(
      roster,
      'id,name,role,department\n' +
        Array.from(
          { length: 8 },
          (_, i) => `T${i + 1},Teacher ${'ABCDEFGH'[i]},${i ? 'teacher' : 'principal'},${i < 4 ? 'Maths' : 'English'}\n`,
        ).join(''),
    );
    writeFileSync(
      badTies,
      'source,target,relation,domain,weight\nT2,T1,advice,curriculum,2\nT3,T1,advice,curriculum,lots\nT4,T99,advice,curriculum,1\n',
    );
    writeFileSync(
      ties,
      'source,target,relation,domain,weight\n' +
        Array.from(
          { length: 7 },
          (_, i) => `T${i + 2},T1,advice,curriculum,${1 + (i % 3)}\nT${i + 2},T${i === 6 ? 2 : i + 3},advice,behaviour,1\n`,
        ).join(''),
    );
    await page.setInputFiles('#f-roster', roster);
    await page.setInputFiles('#f-ties', badTies);
    await page.click('#upload-button');
    await page.waitForSelector('#upload-result .error-box');
    const rows = page.locator('#problems tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(2);
    const text = await page.textContent('#problems');
    expect(text).toContain('ties-bad.csv');
    expect(text).toContain('weight');
    expect(text).toContain('lots');
    await page.screenshot({ path: join(SHOTS, 'web-upload-problems.png'), fullPage: true });
    await page.setInputFiles('#f-ties', ties);
    await page.click('#upload-button');
    await page.waitForSelector('#upload-result .ok-box');
    expect(await page.textContent('#upload-result')).toMatch(/8 people, 14 ties/);
    await page.waitForSelector('#files tbody tr');
    expect(await page.locator('#files tbody tr').count()).toBeGreaterThanOrEqual(2);
    await page.click('#upload-result a');
    await page.waitForSelector('#network[data-ready]');
    expect(await page.getAttribute('#network', 'aria-label')).toMatch(/^Network of advice ties: 8 people, \d+ ties$/);
    expect(web.problems).toEqual([]);
  });

  // web/js/api.js followJob: when the job's events stream fails and polling the job fails too, the
  // waiting ends and the person sees why, instead of a progress bar forever. Last: it routes requests.
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
    await page.getByRole('button', { name: 'Ties file' }).setInputFiles(ties);
    await page.getByRole('button', { name: 'Upload', exact: true }).click();

    const alert = page.getByRole('alert').filter({ hasText: 'the server is restarting' });
    await alert.waitFor({ timeout: 10_000 });
    expect(await page.getByRole('progressbar').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Upload', exact: true }).isEnabled()).toBe(true);
    await page.unrouteAll();
    // The refused requests are logged by the browser; nothing else may be.
    expect(web.problems.filter((p) => !/503|ERR_CONNECTION_RESET|Failed to load resource/.test(p))).toEqual([]);
  });
});
