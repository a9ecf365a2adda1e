import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ADMIN_PASSWORD, Client, SHOTS, browserReady, demoWave, signIn, startWeb, type WebHarness } from './helpers.js';
import { AxeChecker } from './axe.js';

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The district section of a district wave's page (the Pinewood demo: four schools and a five-person
 * district office, which is not a school), in real Chromium, found by role and accessible name; axe-core passes.
 */
describe.skipIf(!browserReady)('wave page: a district compares its schools', () => {
  let web: WebHarness;
  let api: Client;
  let district: { id: string };
  let single: { id: string };
  const axe = new AxeChecker();
  beforeAll(async () => {
    web = await startWeb();
    api = new Client(web.srv.url);
    await api.signIn('admin', ADMIN_PASSWORD);
    district = (await demoWave(api, 'pinewood', '2025-26')).wave;
    const schools = (await api.get('/api/schools')).json.schools as Array<{ id: string; slug: string }>;
    const other = schools.find((s) => s.slug !== 'pinewood')!;
    single = ((await api.get(`/api/schools/${other.id}/waves`)).json.waves as Array<{ id: string; status: string }>).find(
      (w) => w.status !== 'empty',
    )!;
    await signIn(await web.page(), web.srv.url, 'admin', ADMIN_PASSWORD);
    await (await web.page()).waitForSelector('section.school h2, h1');
  }, 120_000);
  afterAll(async () => {
    await axe.close();
    await web?.close();
  });

  it('shows each indicator per school beside the district median, suppressed schools as dashes, as the API gives them', async () => {
    const page = await web.page();
    await page.goto(`${web.srv.url}/#/wave/${district.id}/report`);
    const section = page.getByRole('region', { name: 'District: schools compared' });
    const table = section.getByRole('table', { name: 'Indicators per school' });
    await table.waitFor({ timeout: 60_000 });
    const d = (await api.get(`/api/waves/${district.id}/district`)).json.district;
    const heads = (await table.getByRole('columnheader').allTextContents()).map(squash);
    expect(heads).toEqual([
      'Indicator',
      ...d.table.schools.map((s: { school: string; suppressed: boolean }) => `${s.school}${s.suppressed ? ' (suppressed)' : ''}`),
      'District median',
      'Range',
    ]);
    const density = d.table.rows.find((r: { indicator: string }) => r.indicator === 'density');
    const row = table.getByRole('row', { name: new RegExp(`^${density.label}`) });
    const cells = (await row.getByRole('cell').allTextContents()).map(squash);
    const expected = density.values.map((v: { text: string }, i: number) =>
      d.table.schools[i].suppressed ? `—fewer than ${d.minGroupSize} people` : v.text,
    );
    expect(cells).toEqual([...expected, density.median.text, `${density.min.text} – ${density.max.text}`]);
    // The district office is the district's own staff, not a school: no column, a note instead.
    expect(d.table.schools.map((s: { school: string }) => s.school)).not.toContain('District Office');
    await section.getByText(/District-level staff, not a school: District Office \(5 staff\)/).waitFor();
    await section.getByText(/Among the schools shown, advice least often leaves/).waitFor();
    // Each school's change since the previous wave, as the API words it.
    const changes = section.getByRole('table', { name: `Change since ${d.table.changes.previous}, per school` });
    const changeRows: string[][] = await changes
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())));
    expect(changeRows).toEqual(
      d.table.changes.rows.map((r: Record<string, string>) => [
        r.school,
        r.label,
        r.before,
        r.after,
        r.change,
        r.interval,
        r.reason ? `${r.verdict} (${r.reason})` : r.verdict,
      ]),
    );
    expect(await axe.check(web.ctx, page.url(), '#district-changes')).toEqual([]);
    await section.screenshot({ path: join(SHOTS, 'web-district.png') });
    const named = section.getByRole('link', { name: 'District report, named (PDF)' });
    expect(await named.getAttribute('href')).toBe(`/api/waves/${district.id}/district-report.pdf?edition=named`);
    const pdf = await api.get((await named.getAttribute('href'))!);
    expect(pdf.status).toBe(200);
    expect(pdf.text.startsWith('%PDF')).toBe(true);
  });

  it('gives the school-by-school matrix with row and column headers, and the cross-school leaders with PW011 first', async () => {
    const page = await web.page();
    const section = page.getByRole('region', { name: 'District: schools compared' });
    const matrix = section.getByRole('table', { name: 'Ties between schools' });
    await matrix.waitFor({ timeout: 60_000 });
    const d = (await api.get(`/api/waves/${district.id}/district`)).json.district;
    const shown = d.schools.find((s: { suppressed: boolean }) => !s.suppressed);
    const rowHeads = (await matrix.getByRole('rowheader').allTextContents()).map(squash);
    expect(rowHeads).toEqual(d.schools.map((s: { school: string }) => s.school));
    const own = d.matrix.find((b: { from: string; to: string }) => b.from === shown.school && b.to === shown.school);
    const cells = (
      await matrix
        .getByRole('row', { name: new RegExp(`^${shown.school.replace(/[/]/g, '\\/')}`) })
        .getByRole('cell')
        .allTextContents()
    ).map(squash);
    expect(cells[d.schools.indexOf(shown)]).toBe(String(own.ties));
    const leaders = section.getByRole('table', { name: 'Cross-school leaders' });
    const first = (await leaders.getByRole('row').nth(1).allTextContents()).map(squash)[0]!;
    expect(first).toContain('Gabriel Green');
    expect(first).toContain('35');
    expect(await axe.check(web.ctx, page.url(), '#district-matrix')).toEqual([]);
  });

  it('a viewer sees pseudonyms among the cross-school leaders; a one-school wave has no district section', async () => {
    const pw = 'a-long-enough-password';
    const school = (await api.get('/api/schools')).json.schools.find((s: { slug: string }) => s.slug === 'pinewood');
    expect(
      (await api.post('/api/accounts', { username: 'district-viewer', role: 'viewer', schoolIds: [school.id], password: pw })).status,
    ).toBe(201);
    const page = await web.page();
    await signIn(page, web.srv.url, 'district-viewer', pw);
    await page.waitForSelector('#signout');
    await page.goto(`${web.srv.url}/#/wave/${district.id}/report`);
    const leaders = page.getByRole('region', { name: 'District: schools compared' }).getByRole('table', { name: 'Cross-school leaders' });
    await leaders.waitFor({ timeout: 60_000 });
    const names = (await leaders.getByRole('rowheader').allTextContents()).map(squash);
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(n).toMatch(/^P-[0-9A-F]+$/);
    expect(await leaders.textContent()).not.toContain('Gabriel Green');
    const region = page.getByRole('region', { name: 'District: schools compared' });
    expect(await region.getByRole('link', { name: 'District report, named (PDF)' }).count()).toBe(0);
    expect(await region.getByRole('link', { name: 'District report (PDF)' }).getAttribute('href')).toBe(
      `/api/waves/${district.id}/district-report.pdf?edition=anonymised`,
    );
    expect(await axe.check(web.ctx, page.url(), '#cross-school-leaders')).toEqual([]);
    await signIn(page, web.srv.url, 'admin', ADMIN_PASSWORD);
    await page.waitForSelector('#signout');
    await page.goto(`${web.srv.url}/#/wave/${single.id}/report`);
    await page.getByRole('region', { name: 'Who leads what' }).waitFor({ timeout: 60_000 });
    expect(await page.getByRole('region', { name: 'District: schools compared' }).count()).toBe(0);
    expect(web.problems).toEqual([]);
  });
  it('an account given one school of the district sees that school alone: its own page, no district, uploads or survey files', async () => {
    const pw = 'a-long-enough-password';
    const record = (await api.get('/api/schools')).json.schools.find((s: { slug: string }) => s.slug === 'pinewood');
    expect(
      (await api.post('/api/accounts', { username: 'cedar-analyst', role: 'analyst', schoolIds: [record.id], password: pw })).status,
    ).toBe(201);
    // The administrator narrows it to one school on the Accounts page.
    const page = await web.page();
    await signIn(page, web.srv.url, 'admin', ADMIN_PASSWORD);
    await page.waitForSelector('#signout');
    await page.goto(`${web.srv.url}/#/accounts`);
    await page.getByRole('button', { name: 'Change cedar-analyst' }).click();
    const schools = page.getByRole('group', { name: 'Schools of cedar-analyst' });
    await schools.getByRole('combobox', { name: `Sees of ${record.name}` }).selectOption({ label: 'only Cedar Ridge K-8 (19 staff)' });
    await page.locator('form', { has: schools }).getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Saved: cedar-analyst is now analyst').waitFor();
    await page.getByRole('cell', { name: `Cedar Ridge K-8 (${record.name})` }).waitFor();
    expect(await axe.check(web.ctx, page.url(), '#accounts')).toEqual([]);

    await signIn(page, web.srv.url, 'cedar-analyst', pw);
    await page.waitForSelector('#signout');
    const title = `Cedar Ridge K-8 (${record.name})`;
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(await page.getByRole('link', { name: /upload/ }).count()).toBe(0);
    await page.goto(`${web.srv.url}/#/wave/${district.id}/report`);
    await page.getByRole('region', { name: 'Who leads what' }).waitFor({ timeout: 60_000 });
    await page.getByText(/You see Cedar Ridge K-8 of the district record/).waitFor();
    expect(await page.getByRole('region', { name: 'District: schools compared' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Uploads & review' }).count()).toBe(0);
    const people = (await api.get(`/api/waves/${district.id}/analysis`)).json.analysis.people as Array<{ name: string; school: string }>;
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).not.toContain('Gabriel Green'); // PW011, the district's cross-school leader, teaches elsewhere
    expect(people.length).toBe(100);
    await page.screenshot({ path: join(SHOTS, 'web-one-school-of-district.png'), fullPage: false });
    expect(await axe.check(web.ctx, page.url(), '#scope-note')).toEqual([]);
    expect(web.problems).toEqual([]);
    await signIn(page, web.srv.url, 'admin', ADMIN_PASSWORD);
    await page.waitForSelector('#signout');
  }, 180_000);
});
