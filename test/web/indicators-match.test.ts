import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, Client, browserReady, signIn, startWeb, type WebHarness } from './helpers.js';
import { tempDir } from '../store/helpers.js';
import { hasPoppler } from '../helpers/system-tools.js';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Card {
  key: string;
  label: string;
  value: string;
  explain: string;
  change: string | null;
}

/**
 * One results model: every indicator the web page shows (real Chromium, DOM text) reads the same in
 * the PDF report of the same wave (pdftotext) — value, chance, previous wave and change — for every
 * wave of every demo school.
 */
describe.skipIf(!browserReady || !hasPoppler)('indicators: web page and PDF report say the same', () => {
  let web: WebHarness;
  let api: Client;
  const files = tempDir('leadmap-web-pdf-');
  beforeAll(async () => {
    web = await startWeb();
    api = new Client(web.srv.url);
    await api.signIn('admin', ADMIN_PASSWORD);
    await signIn(await web.page(), web.srv.url, 'admin', ADMIN_PASSWORD);
    await (await web.page()).waitForSelector('section.school h2');
  });
  afterAll(async () => {
    await web?.close();
    files.remove();
  });

  it('every demo wave: each card’s text is the PDF indicators row', async () => {
    const schools = (await api.get('/api/schools')).json.schools as Array<{ id: string; slug: string }>;
    let checked = 0;
    for (const school of schools) {
      const waves = (await api.get(`/api/schools/${school.id}/waves`)).json.waves as Array<{ id: string; label: string; status: string }>;
      for (const wave of waves.filter((w) => w.status === 'ready')) {
        const page = await web.page();
        // A fresh load: a hash change on the same page would leave the previous wave's cards in place while the next one computes.
        await page.goto('about:blank');
        await page.goto(`${web.srv.url}/#/wave/${wave.id}`);
        await page.waitForSelector('#indicators [data-kpi]');
        const cards: Card[] = await page.$$eval('#indicators [data-kpi]', (els) =>
          els.map((e) => ({
            key: e.getAttribute('data-kpi') ?? '',
            label: e.querySelector('.k')?.textContent?.trim() ?? '',
            value: e.querySelector('.v')?.textContent?.trim() ?? '',
            explain: e.querySelector('.x')?.textContent?.trim() ?? '',
            change: e.querySelector('.change')?.textContent?.trim() ?? null,
          })),
        );
        expect(cards.length, `${school.slug} ${wave.label}`).toBe(12);
        const res = await fetch(`${web.srv.url}/api/waves/${wave.id}/report.pdf?edition=named`, { headers: { cookie: api.cookie } });
        expect(res.status).toBe(200);
        const pdf = join(files.path, `${school.slug}-${wave.label}.pdf`);
        writeFileSync(pdf, Buffer.from(await res.arrayBuffer()));
        const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
        const lines = text.split('\n');
        for (const c of cards) {
          const where = `${school.slug} ${wave.label} ${c.key}`;
          const row = lines.find((l) => new RegExp(`^\\s*${escape(c.label)}\\s{2,}${escape(c.value)}(\\s|$)`).test(l));
          expect(row, `${where}: "${c.label}  ${c.value}" in the PDF`).toBeDefined();
          const chance = /^Chance: (\S+(?: %)?)\./.exec(c.explain)?.[1] ?? null;
          if (chance) expect(row, `${where} chance`).toMatch(new RegExp(`${escape(c.value)}\\s+${escape(chance)}(\\s|$)`));
          if (c.change) {
            // Web: "+0.06 since 2024-25 (+0.37): no clear change, 95 % interval −0.02 to +0.14", a ▲ or ▼ only
            // before "up" or "down"; PDF row: … previous, change (its verdict on the line below).
            const m =
              /^([▲▼]?)\s*([+−±]\S+(?: pts)?) since (\S+) \(([^)]+)\): (up|down|no clear change(?: \((?:response rates differ|interval cannot tell)\))?|no interval|not measured — .+?)(?:, 95 % interval (.+))?$/.exec(
                c.change,
              );
            expect(m, `${where} change text "${c.change}"`).not.toBeNull();
            expect(row, where).toContain(m![4]!);
            expect(row, where).toContain(m![2]!);
            const clear = m![5] === 'up' || m![5] === 'down';
            expect(m![1] !== '', `${where}: a direction drawn only for a clear change`).toBe(clear);
            if (m![5] !== 'no interval' && !m![5]!.startsWith('not measured')) expect(m![6], `${where} interval`).toBeDefined();
            // A withheld verdict says why, in the same words on the card and in the PDF's table.
            const why = /\((response rates differ|interval cannot tell)\)/.exec(m![5]!)?.[1];
            if (why) expect(text.replace(/\s+/g, ' '), `${where} reason in the PDF`).toContain(`no clear change (${why})`);
          }
        }
        checked++;
      }
    }
    expect(checked).toBe(14);
    expect(web.problems).toEqual([]);
  }, 600_000);
});
