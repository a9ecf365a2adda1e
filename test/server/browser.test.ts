import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { syntheticRoster, syntheticTies } from '../../tools/harness/synthetic.js';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, Client, testServer, type TestServer } from './helpers/server.js';
import { tempDir } from '../store/helpers.js';
import { CHROMIUM, hasChromium } from '../helpers/system-tools.js';

const DEMO = resolve(import.meta.dirname, '../../fixtures/demo');
/** Screenshots for a person to look at (not committed): $LEADMAP_SCREENSHOTS or <tmp>/leadmap-screenshots. */
const SHOTS = process.env.LEADMAP_SCREENSHOTS ?? join(tmpdir(), 'leadmap-screenshots');
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const ready = hasChromium;
let srv: TestServer;
let ctx: BrowserContext;
const profile = tempDir('leadmap-chromium-');

/** A small demo folder in the generator's layout, for when fixtures/demo is absent. */
function syntheticDemo(): string {
  const dir = tempDir('leadmap-demo-');
  const wave = join(dir.path, 'sample', '2025-26');
  mkdirSync(wave, { recursive: true });
  writeFileSync(join(wave, 'roster.csv'), syntheticRoster(40));
  writeFileSync(join(wave, 'ties.csv'), syntheticTies(40, 300));
  writeFileSync(join(wave, 'planted.json'), JSON.stringify({ school: 'Sample School' }));
  return dir.path;
}

describe.skipIf(!ready)('web app in real Chromium', () => {
  beforeAll(async () => {
    srv = await testServer({ demoDir: existsSync(DEMO) ? DEMO : syntheticDemo() });
    const admin = new Client(srv.url);
    await admin.signIn('admin', ADMIN_PASSWORD);
    const school = (await admin.get('/api/schools')).json.schools[0].id;
    await admin.post('/api/accounts', { username: 'viewer', role: 'viewer', schoolIds: [school], password: 'viewer-password-1' });
    ctx = await chromium.launchPersistentContext(profile.path, {
      executablePath: CHROMIUM,
      args: ARGS,
      viewport: { width: 1280, height: 900 },
    });
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await ctx?.close();
    await srv?.stop();
    profile.remove();
  });

  it("signs in as admin and sees the demo school's network", async () => {
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(srv.url);
    await page.fill('#username', 'admin');
    await page.fill('#password', ADMIN_PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('section.school h2');
    const admin = new Client(srv.url);
    await admin.signIn('admin', ADMIN_PASSWORD);
    const first = (await admin.get('/api/schools')).json.schools[0];
    expect(await page.textContent('section.school h2')).toBe(first.name);
    const waves = (await admin.get(`/api/schools/${first.id}/waves`)).json.waves;
    const last = waves[waves.length - 1];
    await page.screenshot({ path: join(SHOTS, 'schools.png') });
    await page.click('section.school tbody tr:last-child a');
    await page.waitForSelector('#network[data-ready]');
    expect(Number(await page.getAttribute('#network', 'data-nodes'))).toBe(last.people);
    expect(Number(await page.getAttribute('#network', 'data-links'))).toBeGreaterThan(10);
    expect(await page.textContent('h1')).toContain(last.label);
    expect(await page.locator('#who-leads .domain').count()).toBeGreaterThan(3);
    await page.screenshot({ path: join(SHOTS, 'wave-named.png'), fullPage: true });
    await page.selectOption('#domain', 'technology');
    await page.waitForFunction(
      () =>
        document.querySelector('#domain') &&
        (document.querySelector('#domain') as HTMLSelectElement).value === 'technology' &&
        document.querySelector('#network[data-ready]') !== null,
    );
    expect(errors).toEqual([]);
  });

  it('a viewer sees the same network pseudonymised, with no names on the page', async () => {
    const page = await ctx.newPage();
    await page.goto(srv.url);
    await page.click('#signout').catch(() => {});
    await page.waitForSelector('#username');
    await page.fill('#username', 'viewer');
    await page.fill('#password', 'viewer-password-1');
    await page.click('button[type=submit]');
    await page.waitForSelector('section.school a');
    await page.click('section.school tbody tr:last-child a');
    await page.waitForSelector('#network[data-ready]');
    const html = await page.content();
    expect(html).toContain('pseudonymised');
    const named = (await (async () => {
      const a = new Client(srv.url);
      await a.signIn('admin', ADMIN_PASSWORD);
      const s = (await a.get('/api/schools')).json.schools[0];
      const w = (await a.get(`/api/schools/${s.id}/waves`)).json.waves.at(-1);
      return (await a.get(`/api/waves/${w.id}/analysis`)).json.analysis.people.map((p: { name: string }) => p.name);
    })()) as string[];
    for (const name of named.slice(0, 20)) expect(html).not.toContain(`>${name}<`);
    expect(html).not.toMatch(/principal/);
    expect(await page.locator('#people tbody tr td:first-child').first().textContent()).toMatch(/^P-[0-9A-F]{4,}$/);
    await page.screenshot({ path: join(SHOTS, 'wave-viewer.png'), fullPage: true });
  });
});
