import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AxeChecker } from './axe.js';
import { ADMIN_PASSWORD, Client, SHOTS, browserReady, demoWave, sidewaysOverflow, signIn, startWeb, type WebHarness } from './helpers.js';

const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * The network view of a wave, by the accessible names of its controls: find a person by typing (someone
 * hidden by the filters is brought in), the ego view, filters and legend that hide without moving anyone,
 * communities, the image download, the figure's name counting what is drawn, and no sideways scroll.
 */
describe.skipIf(!browserReady)('the network view in real Chromium', () => {
  let web: WebHarness;
  let page: Page;
  let api: Client;
  const axe = new AxeChecker();
  const figure = () => page.getByRole('img', { name: /^Network of advice ties/ });
  const name = async () => (await figure().getAttribute('aria-label')) ?? '';
  const drawn = async () => Number(await page.getAttribute('#network', 'data-nodes'));
  const layout = async () => page.getAttribute('#network', 'data-layout');

  beforeAll(async () => {
    web = await startWeb();
    page = await web.page();
    api = new Client(web.srv.url);
    await api.signIn('admin', ADMIN_PASSWORD);
    const { schoolId } = await demoWave(api, 'highland', '2025-26');
    await api.post('/api/accounts', { username: 'viewer', role: 'viewer', schoolIds: [schoolId], password: 'viewer-password-1' });
  });
  afterAll(async () => {
    await axe.close();
    await web?.close();
  });

  it('draws everyone of a demo wave and names the figure by what is drawn', async () => {
    const { wave } = await demoWave(api, 'highland', '2025-26');
    const graph = (await api.get(`/api/waves/${wave.id}/graph`)).json;
    await signIn(page, web.srv.url, 'admin', ADMIN_PASSWORD);
    await page.waitForSelector('section.school h2');
    await page.goto(`${web.srv.url}/#/wave/${wave.id}/report`);
    await page.waitForSelector('#network[data-ready]');
    expect(await name()).toBe(`Network of advice ties: ${wave.people} people, ${fmt(graph.edges.length)} ties`);
    expect(Number(await page.getAttribute('#network', 'data-labels'))).toBeGreaterThan(3);
    // The layout worker runs under the app's CSP (a module worker importing the local D3): a triangle laid out there.
    const xy = await page.evaluate(
      () =>
        new Promise<number[]>((resolve, reject) => {
          const w = new Worker('/js/net/layout-worker.js', { type: 'module' });
          w.onmessage = (ev) => {
            if (ev.data.xy) resolve([...(ev.data.xy as Float64Array)]);
          };
          w.onerror = () => reject(new Error('the layout worker failed'));
          w.postMessage({
            n: 3,
            links: [
              [0, 1],
              [1, 2],
              [2, 0],
            ],
          });
        }),
    );
    expect(xy).toHaveLength(6);
    expect(xy.every(Number.isFinite)).toBe(true);
    await page.locator('#network-section').screenshot({ path: join(SHOTS, 'web-network-whole.png') });
    expect(await axe.check(web.ctx, page.url(), '#network[data-ready]')).toEqual([]);
    // The accessible alternative to the drawing: everyone in the people table.
    await page.getByRole('button', { name: 'Everyone as a table' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'h-people');
    expect(web.problems).toEqual([]);
  });

  it('"Find a person" suggests as one types and highlights the chosen person\'s ties', async () => {
    const find = page.getByRole('combobox', { name: 'Find a person' });
    await find.fill('leah');
    await page.getByRole('listbox').waitFor();
    const option = page.getByRole('option', { name: /^Leah Walker/ });
    expect(await option.count()).toBe(1);
    await find.press('ArrowDown');
    await find.press('ArrowUp');
    await find.press('Enter');
    expect(await page.getAttribute('#network', 'data-focus')).toBe('HH001');
    expect(Number(await page.getAttribute('#network', 'data-focus-ties'))).toBeGreaterThan(10);
    expect(await find.inputValue()).toBe('Leah Walker');
    await page.locator('#network-section').screenshot({ path: join(SHOTS, 'web-network-find.png') });
    expect(web.problems).toEqual([]);
  });

  it('the ego view shows one person and their colleagues one or two steps away', async () => {
    const all = await drawn();
    const before = await layout();
    await page.getByRole('combobox', { name: 'View' }).selectOption({ label: 'one person and their ties' });
    const one = await drawn();
    expect(one).toBeGreaterThan(10);
    expect(one).toBeLessThan(all);
    expect(await name()).toMatch(new RegExp(`^Network of advice ties: ${one} people, \\d+ ties$`));
    await page.getByRole('combobox', { name: 'Steps' }).selectOption('2');
    expect(await drawn()).toBeGreaterThan(one);
    await page.locator('#network-section').screenshot({ path: join(SHOTS, 'web-network-ego.png') });
    await page.getByRole('combobox', { name: 'Steps' }).selectOption('1');
    await page.getByRole('combobox', { name: 'View' }).selectOption({ label: 'whole network' });
    expect(await drawn()).toBe(all);
    expect(await layout()).toBe(before);
    expect(web.problems).toEqual([]);
  });

  it('filters and the legend hide people without moving anyone; choosing a hidden person brings them in', async () => {
    const all = await drawn();
    const before = await layout();
    await page.getByRole('combobox', { name: 'Find a person' }).fill('');
    await page.getByRole('combobox', { name: 'Department' }).selectOption('Mathematics');
    const maths = await drawn();
    expect(maths).toBeGreaterThan(4);
    expect(maths).toBeLessThan(all);
    expect(await name()).toMatch(new RegExp(`^Network of advice ties: ${maths} people, \\d+ ties$`));
    expect(await layout()).toBe(before);
    // Leah Walker (the principal) is not in Mathematics: choosing her draws her too.
    const find = page.getByRole('combobox', { name: 'Find a person' });
    await find.fill('Leah W');
    expect(await page.getByRole('option', { name: /Leah Walker.*not drawn yet/ }).count()).toBe(1);
    await page.getByRole('option', { name: /^Leah Walker/ }).click();
    expect(await drawn()).toBe(maths + 1);
    expect(await page.getAttribute('#network', 'data-focus')).toBe('HH001');
    await find.fill('');
    await find.press('Escape');
    expect(await drawn()).toBe(maths);
    await page.getByRole('combobox', { name: 'Department' }).selectOption('');
    // Role and leader kind.
    await page.getByRole('combobox', { name: 'Role' }).selectOption('principal');
    expect(await drawn()).toBe(1);
    await page.getByRole('combobox', { name: 'Role' }).selectOption('');
    // Any roster column: here the start year (15 of Highland's staff started in 2020).
    await page.getByRole('combobox', { name: 'Roster attribute' }).selectOption({ label: 'start year: 2020' });
    expect(await drawn()).toBe(15);
    await page.getByRole('combobox', { name: 'Roster attribute' }).selectOption('');
    await page.getByRole('combobox', { name: 'Leader kind' }).selectOption('hidden');
    expect(await drawn()).toBeGreaterThan(0);
    await page.getByRole('combobox', { name: 'Leader kind' }).selectOption('');
    // The legend isolates the groups pressed.
    const science = page.getByRole('group', { name: /^Legend/ }).getByRole('button', { name: /^Science \(\d+\)$/ });
    const count = Number((await science.textContent())!.match(/\((\d+)\)/)![1]);
    await science.click();
    expect(await science.getAttribute('aria-pressed')).toBe('true');
    expect(await drawn()).toBe(count);
    await page.locator('#network-section').screenshot({ path: join(SHOTS, 'web-network-legend.png') });
    await page.getByRole('button', { name: 'Show all groups' }).click();
    expect(await drawn()).toBe(all);
    // Communities as a colouring; weaker ties hidden.
    await page.getByRole('combobox', { name: 'Colour by' }).selectOption('community');
    expect(
      await page
        .getByRole('group', { name: /^Legend/ })
        .getByRole('button', { name: /^community 1 / })
        .count(),
    ).toBe(1);
    const ties = Number(await page.getAttribute('#network', 'data-links'));
    await page.getByRole('combobox', { name: 'Ties' }).selectOption('3');
    const strong = Number(await page.getAttribute('#network', 'data-links'));
    expect(strong).toBeGreaterThan(0);
    expect(strong).toBeLessThan(ties);
    expect(await name()).toBe(`Network of advice ties: ${all} people, ${fmt(strong)} ties`);
    await page.getByRole('combobox', { name: 'Ties' }).selectOption('0');
    await page.locator('#network-section').screenshot({ path: join(SHOTS, 'web-network-communities.png') });
    expect(await layout()).toBe(before);
    expect(web.problems).toEqual([]);
  });

  it('downloads the image of what is shown, as PNG and as SVG, with its title', async () => {
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download image' }).click()]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    const bytes = readFileSync(await png.path());
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    await page.getByRole('combobox', { name: 'Image' }).selectOption('svg');
    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download image' }).click()]);
    const text = readFileSync(await svg.path(), 'utf8');
    expect(text).toContain(`<title>${await name()}</title>`);
    expect(text.match(/<circle /g)!.length).toBe(await drawn());
    expect(text).toContain('community 1');
    await page.getByRole('combobox', { name: 'Image' }).selectOption('png');
    expect(web.problems).toEqual([]);
  });

  it('keeps positions at 820 and 390 px, without sideways scrolling, and after a reload', async () => {
    const before = await layout();
    for (const width of [820, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForTimeout(100);
      const { scroll, client, wide } = await sidewaysOverflow(page);
      expect(scroll, `the wave page at ${width} px scrolls sideways: ${wide.join(', ')}`).toBeLessThanOrEqual(client);
      expect(await layout()).toBe(before);
      await page.locator('#network-section').screenshot({ path: join(SHOTS, `web-network-${width}.png`) });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.reload();
    await page.waitForSelector('#network[data-ready]');
    expect(await layout()).toBe(before);
    expect(web.problems).toEqual([]);
  });

  it('works by keyboard, and a person dragged to a new place stays there after a reload', async () => {
    const zoom = async () => Number(await page.getAttribute('#network', 'data-zoom'));
    const canvas = page.getByRole('img', { name: /^Network of advice ties/ });
    await canvas.focus();
    const before = await zoom();
    await page.keyboard.press('+');
    await page.waitForTimeout(300);
    expect(await zoom()).toBeGreaterThan(before);
    await page.keyboard.press('0');
    expect(await zoom()).toBeCloseTo(before, 2);
    // Drag: choose Leah Walker (brought to the middle), then move her.
    const find = page.getByRole('combobox', { name: 'Find a person' });
    await find.fill('Leah Walker');
    await find.press('Enter');
    await canvas.scrollIntoViewIfNeeded();
    await page.waitForTimeout(400);
    await canvas.focus();
    await page.keyboard.press('Escape');
    expect(await page.getAttribute('#network', 'data-focus')).toBe('');
    const layoutBefore = await layout();
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 80, box.y + box.height / 2 + 50, { steps: 5 });
    await page.mouse.up();
    const moved = await layout();
    expect(moved).not.toBe(layoutBefore);
    await page.reload();
    await page.waitForSelector('#network[data-ready]');
    expect(await layout()).toBe(moved);
    expect(web.problems).toEqual([]);
  });

  it('a viewer finds pseudonyms only', async () => {
    await signIn(page, web.srv.url, 'viewer', 'viewer-password-1');
    await page.waitForSelector('section.school h2');
    await page.click('section[data-school=highland] a:text-is("2025-26")');
    await page.waitForSelector('#network[data-ready]');
    const find = page.getByRole('combobox', { name: 'Find a person' });
    await find.fill('P-');
    const options = await page.getByRole('listbox', { name: 'People of this wave' }).getByRole('option').allTextContents();
    expect(options.length).toBeGreaterThan(10);
    for (const o of options) expect(o).toMatch(/^P-[0-9A-F]{4,}\b/);
    expect(await page.getByRole('combobox', { name: 'Role' }).count()).toBe(0);
    expect(await page.getByRole('combobox', { name: 'Roster attribute' }).count()).toBe(0);
    // The API gives viewers no roster facts (quasi-identifiers) and analysts all of them.
    const viewer = new Client(web.srv.url);
    await viewer.signIn('viewer', 'viewer-password-1');
    const { wave } = await demoWave(api, 'highland', '2025-26');
    const seen = (await viewer.get(`/api/waves/${wave.id}/analysis`)).json.analysis.people as Array<Record<string, unknown>>;
    expect(seen.some((p) => 'roster' in p)).toBe(false);
    expect(JSON.stringify(seen)).not.toMatch(/start year|Leadership|"team"/);
    const named = (await api.get(`/api/waves/${wave.id}/analysis`)).json.analysis.people as Array<{
      id: string;
      roster: Record<string, unknown>;
    }>;
    expect(named.find((p) => p.id === 'HH001')!.roster).toMatchObject({ team: 'Leadership', 'start year': 2007, 'release time': 1 });
    expect(JSON.stringify(named)).not.toContain('@highland.example.org');
    expect(web.problems).toEqual([]);
  });
});
