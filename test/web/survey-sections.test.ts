import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, Client, DEMO, SHOTS, browserReady, demoWave, signIn, startWeb, type WebHarness } from './helpers.js';
import { AxeChecker } from './axe.js';
import type { SurveyView } from '../../src/report/survey/view.js';

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const roster = readFileSync(join(DEMO, 'riverside/2025-26/roster.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split(','));

/**
 * The survey side of a wave's page (the Riverside demo's 2025-26 wave: people file, activity log,
 * decision map), in real Chromium, found by role and accessible name, as the API gives it; axe-core
 * passes; a viewer sees pseudonyms only.
 */
describe.skipIf(!browserReady)('wave page: survey scales, skills, decision map and patterns', () => {
  let web: WebHarness;
  let api: Client;
  let wave: { id: string };
  let schoolId: string;
  const axe = new AxeChecker();
  beforeAll(async () => {
    web = await startWeb();
    api = new Client(web.srv.url);
    await api.signIn('admin', ADMIN_PASSWORD);
    ({ wave, schoolId } = await demoWave(api, 'riverside', '2025-26'));
    await signIn(await web.page(), web.srv.url, 'admin', ADMIN_PASSWORD);
    await (await web.page()).waitForSelector('#signout');
  }, 120_000);
  afterAll(async () => {
    await axe.close();
    await web?.close();
  });

  it('shows each scale with its alpha and n, and the skills findings as prompts, as the API gives them', async () => {
    const page = await web.page();
    await page.goto(`${web.srv.url}/#/wave/${wave.id}/report`);
    const scales = page.getByRole('region', { name: 'Survey scales', exact: true });
    const table = scales.getByRole('table', { name: /Survey scales: internal consistency/ });
    await table.waitFor({ timeout: 60_000 });
    const s = (await api.get(`/api/waves/${wave.id}/survey`)).json.survey as SurveyView;
    expect((await table.getByRole('rowheader').allTextContents()).map(squash)).toEqual(s.scales!.map((x) => x.scale));
    const first = s.scales![0]!;
    const cells = (
      await table
        .getByRole('row', { name: new RegExp(`^${first.scale}`) })
        .getByRole('cell')
        .allTextContents()
    ).map(squash);
    expect(cells[1]).toContain(first.alpha!.toFixed(2));
    expect(cells[2]).toBe(String(first.alphaN));
    expect(cells[3]).toBe(String(first.n));
    // Every group mean on the page is of a group of at least the minimum size: "<group> <mean> (<n>)".
    const groups = (await table.locator('tbody td:last-child').allTextContents()).join(' ');
    const sizes = [...groups.matchAll(/\((\d+)\)/g)].map((m) => Number(m[1]));
    expect(sizes.length).toBeGreaterThan(0);
    for (const n of sizes) expect(n).toBeGreaterThanOrEqual(s.minGroupSize);
    await scales.getByRole('heading', { name: /Perceived distribution beside measured centralization/ }).waitFor();
    await page.getByRole('button', { name: 'Survey scales' }).click();
    const skills = page.getByRole('region', { name: 'Skills offered and needed', exact: true });
    const untapped = skills.getByRole('list', { name: 'Strengths colleagues may not know about' });
    expect((await untapped.getByRole('listitem').allTextContents()).map(squash)).toEqual(s.skills!.untappedStrengths.map((u) => u.prompt));
    expect(await untapped.textContent()).toContain('Tyrone Singh');
    expect(await skills.getByRole('link', { name: 'Skills (CSV)' }).getAttribute('href')).toBe(
      `/api/waves/${wave.id}/survey/skills.csv?relation=${s.relation}`,
    );
    await scales.screenshot({ path: join(SHOTS, 'web-survey-scales.png') });
    await skills.screenshot({ path: join(SHOTS, 'web-survey-skills.png') });
    expect(await axe.check(web.ctx, page.url(), '#scales-table')).toEqual([]);
  });

  it('gives the decision map by level and domain with its network check, and every activity with its pattern', async () => {
    const page = await web.page();
    const s = (await api.get(`/api/waves/${wave.id}/survey`)).json.survey as SurveyView;
    const section = page.getByRole('region', { name: 'Decision map', exact: true });
    const matrix = section.getByRole('table', { name: 'Decisions by level and domain' });
    await matrix.waitFor({ timeout: 60_000 });
    expect((await matrix.getByRole('rowheader').allTextContents()).map(squash)).toEqual([...s.decisions!.levels]);
    for (const c of s.decisions!.matrix) {
      const row = (
        await matrix
          .getByRole('row', { name: new RegExp(`^${c.level}`) })
          .getByRole('cell')
          .allTextContents()
      ).map(squash);
      expect(row[s.decisions!.domains.indexOf(c.domain)]).toBe(String(c.decisions));
    }
    const check = section.getByRole('table', { name: /Do the people who decide include those colleagues go to/ });
    expect((await check.getByRole('rowheader').allTextContents()).map(squash)).toEqual(s.decisions!.byDomain.map((d) => d.domain));
    expect(squash((await section.locator('#concentrated').textContent())!)).toContain('How curriculum is planned for next year');
    const patterns = page.getByRole('region', { name: 'Patterns of distribution', exact: true });
    const counts = patterns.getByRole('table', { name: /Leadership activities by pattern/ });
    for (const [k, n] of Object.entries(s.patterns!.counts))
      expect(
        (
          await counts
            .getByRole('row', { name: new RegExp(`^${k}`) })
            .getByRole('cell')
            .allTextContents()
        ).map(squash)[1],
      ).toBe(String(n));
    await section.screenshot({ path: join(SHOTS, 'web-survey-decisions.png') });
    await patterns.screenshot({ path: join(SHOTS, 'web-survey-patterns.png') });
    expect(await axe.check(web.ctx, page.url(), '#decision-matrix')).toEqual([]);
  });

  it('an analyst uploads a people file, an activity log and a decision map with the wave on its uploads page', async () => {
    const page = await web.page();
    const w = (await api.post(`/api/schools/${schoolId}/waves`, { label: '2026-27 upload' })).json.wave.id as string;
    await page.goto(`${web.srv.url}/#/wave/${encodeURIComponent(w)}/data`);
    const f = (n: string) => join(DEMO, 'riverside/2025-26', n);
    await page.getByRole('button', { name: /^Roster/ }).setInputFiles(f('roster.csv'));
    await page.getByRole('button', { name: 'Ties file' }).setInputFiles(f('ties.csv'));
    await page.getByRole('button', { name: 'People file' }).setInputFiles(f('people.csv'));
    await page.getByRole('button', { name: 'Activity log' }).setInputFiles(f('activities.csv'));
    await page.getByRole('button', { name: 'Decision map' }).setInputFiles(f('decisions.csv'));
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await page.waitForSelector('#upload-result .ok-box', { timeout: 60_000 });
    await page.waitForSelector('#files tbody tr');
    const kinds = (await page.locator('#files tbody tr td:nth-child(2)').allTextContents()).map(squash).sort();
    expect(kinds).toEqual(['activities', 'decisions', 'people', 'roster', 'ties']);
    expect(await axe.check(web.ctx, page.url(), '#files')).toEqual([]);
    await page.goto(`${web.srv.url}/#/wave/${encodeURIComponent(w)}/report`);
    await page
      .getByRole('region', { name: 'Decision map', exact: true })
      .getByRole('table', { name: 'Decisions by level and domain' })
      .waitFor({ timeout: 60_000 });
  });

  it('a viewer sees pseudonyms in the prompts, counts for decisions and activities, and no name anywhere in these sections', async () => {
    const pw = 'a-long-enough-password';
    expect(
      (await api.post('/api/accounts', { username: 'survey-viewer', role: 'viewer', schoolIds: [schoolId], password: pw })).status,
    ).toBe(201);
    const page = await web.page();
    await signIn(page, web.srv.url, 'survey-viewer', pw);
    await page.waitForSelector('#signout');
    await page.goto(`${web.srv.url}/#/wave/${wave.id}/report`);
    const skills = page.getByRole('region', { name: 'Skills offered and needed', exact: true });
    await skills.waitFor({ timeout: 60_000 });
    const prompts = (
      await skills.getByRole('list', { name: 'Strengths colleagues may not know about' }).getByRole('listitem').allTextContents()
    ).map(squash);
    expect(prompts.length).toBeGreaterThan(0);
    for (const p of prompts) expect(p).toMatch(/^P-[0-9A-F]+ could help colleagues/);
    const text = ['Survey scales', 'Skills offered and needed', 'Decision map', 'Patterns of distribution'];
    for (const name of text) {
      const t = (await page.getByRole('region', { name, exact: true }).textContent())!;
      for (const [id, person] of roster) {
        expect(t, name).not.toContain(person!);
        expect(t, name).not.toMatch(new RegExp(`\\b${id}\\b`));
      }
    }
    expect(
      await page
        .getByRole('region', { name: 'Patterns of distribution', exact: true })
        .getByRole('table', { name: /Each activity/ })
        .count(),
    ).toBe(0);
    expect(
      await page.getByRole('region', { name: 'Decision map', exact: true }).getByRole('columnheader', { name: 'People deciding' }).count(),
    ).toBe(1);
    await skills.screenshot({ path: join(SHOTS, 'web-survey-skills-viewer.png') });
    expect(await axe.check(web.ctx, page.url(), '#decision-matrix')).toEqual([]);
    expect(web.problems).toEqual([]);
  });
});
