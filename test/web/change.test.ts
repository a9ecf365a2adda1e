import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, Client, SHOTS, browserReady, signIn, startWeb, type WebHarness } from './helpers.js';
import { tempDir } from '../store/helpers.js';
import { AxeChecker } from './axe.js';
import { hasPoppler } from '../helpers/system-tools.js';

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The school page's comparison of two waves (real Chromium, controls by role and name): the table of
 * indicators with before, after, change, 95 % interval and verdict, the notes as banners, the wave
 * picker and the trend — in the words the PDF report's change page prints.
 */
describe.skipIf(!browserReady || !hasPoppler)('school page: what changed, and whether it is real', () => {
  let web: WebHarness;
  let api: Client;
  let school: { id: string; slug: string };
  let waves: Array<{ id: string; label: string }>;
  const files = tempDir('leadmap-web-change-');
  const axe = new AxeChecker();
  beforeAll(async () => {
    web = await startWeb();
    api = new Client(web.srv.url);
    await api.signIn('admin', ADMIN_PASSWORD);
    school = (await api.get('/api/schools')).json.schools.find((s: { slug: string }) => s.slug === 'lakeside');
    waves = ((await api.get(`/api/schools/${school.id}/waves`)).json.waves as Array<{ id: string; label: string }>).sort((a, b) =>
      a.label.localeCompare(b.label, undefined, { numeric: true }),
    );
    await signIn(await web.page(), web.srv.url, 'admin', ADMIN_PASSWORD);
    await (await web.page()).waitForSelector('section.school h2');
  }, 120_000);
  afterAll(async () => {
    await axe.close();
    await web?.close();
    files.remove();
  });

  it('shows the last two waves compared, each row as the PDF change page prints it, with banners and the trend', async () => {
    const page = await web.page();
    await page.goto(`${web.srv.url}/#/school/${school.id}`);
    const section = page.getByRole('region', { name: 'What changed, and whether it is real' });
    const allStaff = section.getByRole('table', { name: 'All staff', exact: true });
    await allStaff.waitFor({ timeout: 60_000 });
    const [before, after] = waves.slice(-2).map((w) => w.label);
    expect(await allStaff.getByRole('columnheader').allTextContents()).toEqual([
      'Indicator',
      before,
      after,
      'Change',
      '95 % interval',
      'Verdict',
    ]);
    const rows = await allStaff
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim())),
      );
    expect(rows.length).toBeGreaterThan(10);
    const verdicts = rows.map((r) => r[5]!);
    for (const v of verdicts) expect(v).toMatch(/^(up|down|no clear change|not measured — needs .+)( \(.+\))?$/);
    expect(rows.find((r) => r[0] === 'Teacher-initiated improvement')![5]).toMatch(/^not measured — needs /);
    const banners = await section.getByRole('note').allTextContents();

    const res = await fetch(`${web.srv.url}/api/waves/${waves.at(-1)!.id}/report.pdf?edition=named`, { headers: { cookie: api.cookie } });
    expect(res.status).toBe(200);
    const pdf = join(files.path, 'lakeside.pdf');
    writeFileSync(pdf, Buffer.from(await res.arrayBuffer()));
    const layout = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    const flat = squash(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }));
    expect(flat).toContain(`What changed from ${before} to ${after}, and whether it is real`);
    for (const b of banners) expect(flat).toContain(squash(b));
    const basis = squash(
      (await section
        .locator('p')
        .filter({ hasText: /^Staff: / })
        .textContent()) ?? '',
    );
    expect(flat).toContain(basis);
    let checked = 0;
    for (const r of rows) {
      if (!/^(up|down|no clear change)$/.test(r[5]!) || r[0]!.length > 40) continue; // long labels and reasons wrap in the PDF
      const line = new RegExp(`^\\s*${r.map(escape).join('\\s+')}\\s*$`, 'm');
      expect(layout, `PDF row for ${r.join(' | ')}`).toMatch(line);
      checked++;
    }
    expect(checked).toBeGreaterThan(5);

    const trend = section.getByRole('table', { name: `Trend over ${waves.length} waves (all staff)` });
    await trend.waitFor();
    const headers = await trend.getByRole('columnheader').allTextContents();
    expect(headers.slice(1, 1 + waves.length)).toEqual(waves.map((w) => w.label));
    const density = await trend
      .getByRole('row', { name: /^Density/ })
      .getByRole('cell')
      .allTextContents();
    // values per wave, the sparkline, then one step per pair of waves: change (interval) verdict.
    expect(density).toHaveLength(waves.length + 1 + waves.length - 1);
    for (const step of density.slice(waves.length + 1))
      expect(squash(step)).toMatch(/^[+−±]\S+ pts \(.+ to .+\) (up|down|no clear change)$/);
    await section.screenshot({ path: join(SHOTS, 'web-school-change.png') });
    expect(await axe.check(web.ctx, page.url(), 'table[aria-labelledby=change-trend]')).toEqual([]);
    expect(web.problems).toEqual([]);
  });

  it('shows the notes as banners, worded as in the PDF: response rates that differ by more than 10 points', async () => {
    // Highland's last two waves, the later one answered by the first 70 % of its respondents only.
    const dir = join(import.meta.dirname, '../../fixtures/demo/highland');
    const gapSchool = (await api.post('/api/schools', { slug: 'response-gap', name: 'Response Gap High' })).json.school;
    for (const label of ['2024-25', '2025-26']) {
      const id = (await api.post(`/api/schools/${gapSchool.id}/waves`, { label })).json.wave.id;
      const read = (f: string) => readFileSync(join(dir, label, f), 'utf8');
      const [head, ...ids] = read('respondents.csv').trim().split('\n');
      const respondents =
        label === '2025-26' ? [head, ...ids.slice(0, Math.round(ids.length * 0.7))].join('\n') + '\n' : read('respondents.csv');
      const kept = new Set(respondents.trim().split('\n').slice(1));
      // Non-respondents send no ties.
      const [th, ...ties] = read('ties.csv').trim().split('\n');
      const up = await api.upload(id, {
        roster: read('roster.csv'),
        ties: [th, ...ties.filter((t) => kept.has(t.split(',')[0]!))].join('\n') + '\n',
        respondents,
      });
      expect(up.job.error ?? null).toBeNull();
    }
    const pw = ((await api.get(`/api/schools/${gapSchool.id}/waves`)).json.waves as Array<{ id: string; label: string }>).sort((a, b) =>
      a.label.localeCompare(b.label, undefined, { numeric: true }),
    );
    const page = await web.page();
    await page.goto(`${web.srv.url}/#/school/${gapSchool.id}`);
    const section = page.getByRole('region', { name: 'What changed, and whether it is real' });
    await section.getByRole('table', { name: 'All staff', exact: true }).waitFor({ timeout: 60_000 });
    await section.getByRole('combobox', { name: 'Earlier wave' }).selectOption({ label: pw[0]!.label });
    await section.getByRole('combobox', { name: 'Later wave' }).selectOption({ label: pw[1]!.label });
    await section.getByRole('button', { name: 'Compare waves' }).click();
    const banner = section.getByRole('note').filter({ hasText: /^Response rates differ by \d+ points/ });
    await banner.waitFor({ timeout: 60_000 });
    const text = squash((await banner.textContent()) ?? '');
    // Response-sensitive all-staff rows say why they get no verdict.
    const gini = await section
      .getByRole('table', { name: 'All staff', exact: true })
      .getByRole('row', { name: /^Gini of nominations/ })
      .getByRole('cell')
      .last()
      .textContent();
    expect(squash(gini ?? '')).toMatch(/^no clear change( \(response rates differ by \d+ points: .+\))?$/);
    const res = await fetch(`${web.srv.url}/api/waves/${pw[1]!.id}/report.pdf?edition=anonymised`, { headers: { cookie: api.cookie } });
    const pdf = join(files.path, 'response-gap.pdf');
    writeFileSync(pdf, Buffer.from(await res.arrayBuffer()));
    expect(squash(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }))).toContain(text);
    expect(web.problems).toEqual([]);
  });

  it('shows the school outcomes beside the change, worded as the API presents them', async () => {
    const page = await web.page();
    await page.goto(`${web.srv.url}/#/school/${school.id}`);
    const section = page.getByRole('region', { name: 'What changed, and whether it is real' });
    const table = section.getByRole('table', { name: 'School outcomes (association, not cause)' });
    await table.waitFor({ timeout: 60_000 });
    const api1 = (await api.get(`/api/schools/${school.id}/compare`)).json;
    const rows: string[][] = await table
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())));
    expect(rows).toEqual(
      api1.presented.change.outcomes.map((o: Record<string, string>) => [o.indicator, o.before, o.after, o.change, o.direction, o.source]),
    );
    await section
      .getByRole('note')
      .filter({ hasText: /nothing here shows that one causes the other/ })
      .waitFor();
    expect(await axe.check(web.ctx, page.url(), '#change-outcomes + div')).toEqual([]);
  });

  it('compares two waves chosen in the picker', async () => {
    const page = await web.page();
    await page.goto(`${web.srv.url}/#/school/${school.id}`);
    const section = page.getByRole('region', { name: 'What changed, and whether it is real' });
    await section.getByRole('combobox', { name: 'Earlier wave' }).selectOption({ label: waves[0]!.label });
    await section.getByRole('combobox', { name: 'Later wave' }).selectOption({ label: waves[1]!.label });
    await section.getByRole('button', { name: 'Compare waves' }).click();
    const allStaff = section.getByRole('table', { name: 'All staff', exact: true });
    await expect
      .poll(async () => (await allStaff.getByRole('columnheader').allTextContents()).slice(1, 3), { timeout: 60_000 })
      .toEqual([waves[0]!.label, waves[1]!.label]);
    const api1 = (await api.get(`/api/schools/${school.id}/compare?from=${waves[0]!.id}&to=${waves[1]!.id}`)).json;
    const density = api1.presented.change.sections[0].rows.find(
      (r: { key: string; domain: string }) => r.key === 'density' && r.domain === 'all',
    );
    const cells = await allStaff
      .getByRole('row', { name: /^Density/ })
      .first()
      .getByRole('cell')
      .allTextContents();
    expect(cells.map(squash)).toEqual([density.before, density.after, density.change, density.interval, density.verdict]);
    // The same wave twice is refused in the form.
    await section.getByRole('combobox', { name: 'Later wave' }).selectOption({ label: waves[0]!.label });
    await section.getByRole('button', { name: 'Compare waves' }).click();
    await expect.poll(() => section.getByRole('alert').textContent()).toBe('Choose two different waves.');
    expect(web.problems).toEqual([]);
  });
});
