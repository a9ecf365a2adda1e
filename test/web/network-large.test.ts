import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AxeChecker } from './axe.js';
import { generatedSchool } from './generated-school.js';
import { ADMIN_PASSWORD, Client, SHOTS, browserReady, sidewaysOverflow, signIn, startWeb, type WebHarness } from './helpers.js';

const PEOPLE = 2000;
const DEPARTMENTS = 24;
const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * The network view of a 2,000-person school: everyone drawn on the canvas, the figure's name counting
 * them, pan and zoom measured in frames per second (docs/performance.md), the departments view, and
 * more than 20 departments coloured as 20 plus "other".
 */
describe.skipIf(!browserReady)('the network view of a 2,000-person school', () => {
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
    const s = (await api.post('/api/schools', { name: 'Generated Comprehensive', slug: 'generated' })).json.school;
    waveId = (await api.post(`/api/schools/${s.id}/waves`, { label: '2026-27' })).json.wave.id;
    const up = await api.upload(waveId, generatedSchool(PEOPLE, DEPARTMENTS));
    expect(up.job.status).toBe('succeeded');
    for (;;) {
      const g = await api.get(`/api/waves/${waveId}/graph`);
      if (g.status === 200) {
        ties = g.json.edges.length;
        break;
      }
      await api.waitJob(g.json.job.id);
    }
  }, 300_000);
  afterAll(async () => {
    await axe.close();
    await web?.close();
  });

  it('draws all 2,000 people and names the figure by what is drawn', async () => {
    await signIn(page, web.srv.url, 'admin', ADMIN_PASSWORD);
    await page.waitForSelector('section.school h2');
    const started = Date.now();
    await page.goto(`${web.srv.url}/#/wave/${waveId}/report`);
    await page.waitForSelector('#network[data-ready]', { timeout: 240_000 });
    const shown = Date.now() - started;
    expect(await page.getByRole('img', { name: `Network of advice ties: ${fmt(PEOPLE)} people, ${fmt(ties)} ties` }).count()).toBe(1);
    expect(ties).toBeGreaterThan(15_000);
    // 24 departments: 20 colours, then one "other" entry for the last 4.
    const legend = page.getByRole('group', { name: /^Legend/ }).getByRole('button');
    expect(await legend.count()).toBe(21);
    expect(await legend.last().textContent()).toMatch(/^other \(4 more groups\) \(\d+\)$/);
    await page.locator('#network-section').screenshot({ path: join(SHOTS, 'web-network-2000.png') });
    writeFileSync(join(SHOTS, 'network-2000-open.json'), JSON.stringify({ shownMs: shown }));
    expect(web.problems).toEqual([]);
  }, 300_000);

  it('pans and zooms 2,000 people and their ties fluidly (frames per second measured)', async () => {
    await page.locator('#network').scrollIntoViewIfNeeded();
    const result = await page.evaluate(async () => {
      const c = document.querySelector('#network') as HTMLCanvasElement;
      const b = c.getBoundingClientRect();
      const draws: number[] = [];
      let frames = 0;
      const t0 = performance.now();
      await new Promise<void>((done) => {
        const tick = () => {
          frames++;
          draws.push(Number(c.dataset.drawMs));
          const t = performance.now() - t0;
          // One wheel step per frame, zooming in then out around a moving point: pan and zoom together.
          c.dispatchEvent(
            new WheelEvent('wheel', {
              deltaY: Math.sin(t / 400) * 30,
              clientX: b.left + b.width * (0.3 + 0.4 * Math.sin(t / 700) ** 2),
              clientY: b.top + b.height / 2,
              bubbles: true,
              cancelable: true,
            }),
          );
          if (t < 4000) requestAnimationFrame(tick);
          else done();
        };
        requestAnimationFrame(tick);
      });
      const seconds = (performance.now() - t0) / 1000;
      const sorted = draws.slice(5).sort((x, y) => x - y);
      return {
        fps: frames / seconds,
        frames,
        medianDrawMs: sorted[Math.floor(sorted.length / 2)],
        p95DrawMs: sorted[Math.floor(sorted.length * 0.95)],
      };
    });
    // A full drawing (after a pause, or a change of filter): the time until the browser has painted it.
    const full = await page.evaluate(async () => {
      const weight = document.querySelector('#min-weight') as HTMLSelectElement;
      const paintedFrames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const times: number[] = [];
      for (let i = 0; i < 6; i++) {
        const t0 = performance.now();
        weight.value = i % 2 ? '0' : '2';
        weight.dispatchEvent(new Event('change'));
        await paintedFrames();
        times.push(performance.now() - t0);
      }
      weight.value = '0';
      weight.dispatchEvent(new Event('change'));
      return times.sort((x, y) => x - y)[3];
    });
    Object.assign(result, { fullDrawPaintedMs: full });
    writeFileSync(join(SHOTS, 'network-2000-fps.json'), JSON.stringify(result));
    console.log(`network view, ${PEOPLE} people / ${ties} ties: ${JSON.stringify(result)}`);
    expect(result.fps).toBeGreaterThan(10);
    expect(result.medianDrawMs).toBeLessThan(100);
    await page.locator('#network-section').screenshot({ path: join(SHOTS, 'web-network-2000-zoomed.png') });
    expect(web.problems).toEqual([]);
  }, 120_000);

  it('shows the departments as nodes, and the page passes axe without scrolling sideways', async () => {
    await page.getByRole('combobox', { name: 'View' }).selectOption('departments');
    expect(
      await page
        .getByRole('img', {
          name: `Network of advice ties between departments: ${DEPARTMENTS} departments of ${fmt(PEOPLE)} people, ${fmt(ties)} ties`,
        })
        .count(),
    ).toBe(1);
    await page.locator('#network-section').screenshot({ path: join(SHOTS, 'web-network-2000-departments.png') });
    for (const width of [820, 390]) {
      await page.setViewportSize({ width, height: 900 });
      const { scroll, client, wide } = await sidewaysOverflow(page);
      expect(scroll, `at ${width} px: ${wide.join(', ')}`).toBeLessThanOrEqual(client);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await axe.check(web.ctx, page.url(), '#network[data-ready]')).toEqual([]);
    expect(web.problems).toEqual([]);
  }, 120_000);
});
