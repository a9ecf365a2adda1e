import { beforeAll, describe, expect, it } from 'vitest';
import { buildReportModel } from '../../src/report/index.js';
import type { ReportModel } from '../../src/report/index.js';
import type { Dataset } from '../../src/model/types.js';
import { highlandWave, rosterNames, type Planted } from './highland.js';

const SECRET = Buffer.alloc(32, 7);
const DATE = new Date('2026-06-30T12:00:00Z');

describe('report model of Highland High 2025-26', () => {
  let current: Dataset, previous: Dataset, planted: Planted;
  let named: ReportModel, anon: ReportModel;
  beforeAll(async () => {
    ({ dataset: current, planted } = await highlandWave('2025-26'));
    ({ dataset: previous } = await highlandWave('2024-25'));
    const input = {
      school: 'Highland High',
      current: { dataset: current, wave: '2025-26', secret: SECRET },
      previous: { dataset: previous, wave: '2024-25', secret: Buffer.alloc(32, 9) },
      date: DATE,
    };
    named = buildReportModel({ ...input, edition: 'named' });
    anon = buildReportModel({ ...input, edition: 'anonymised' });
  });

  it('names the planted hidden leaders in their domains', () => {
    for (const h of planted.hiddenLeaders) {
      const row = named.formalInformal.hidden.find((r) => r.label === h.name);
      expect(row, h.name).toBeDefined();
      for (const d of h.domains) expect(row!.domains).toContain(d);
    }
  });

  it('names the planted nominal leader, key person, overloaded leader and isolated new staff', () => {
    for (const n of planted.nominalLeaders) expect(named.formalInformal.nominal.map((r) => r.label)).toContain(n.name);
    for (const k of planted.keyPeople) {
      const dom = named.risk.domains.find((d) => d.domain === k.domain)!;
      expect(dom.soleSources).toContainEqual({ label: k.name, dependents: k.dependents.length });
    }
    for (const o of planted.overloadedLeaders) expect(named.periphery.overload.find((r) => r.label === o.name)?.overloaded).toBe(true);
    expect(named.periphery.newStaff.map((s) => s.label).sort()).toEqual(planted.isolatedNewcomers.map((s) => s.name).sort());
  });

  it('shows the planted silo and suppresses departments under five people', () => {
    for (const s of planted.silos) expect(named.silos.groups.find((g) => g.group === s.group)!.ei!).toBeLessThanOrEqual(-0.5);
    for (const small of ['Administration', 'Student Services']) {
      expect(named.silos.groups.find((g) => g.group === small)).toMatchObject({ suppressed: true, ei: null, size: null });
      expect(anon.silos.groups.find((g) => g.group === small)).toMatchObject({ suppressed: true, ei: null });
    }
    expect(named.silos.suppressedNote).toMatch(/fewer than 5 people/);
  });

  it('lists every indicator with its value, the previous wave and the change', () => {
    expect(named.indicators.map((r) => r.key)).toEqual([
      'people',
      'ties',
      'responseRate',
      'density',
      'reciprocity',
      'centralization',
      'gini',
      'topShare',
      'leaders',
      'leaderPlus',
      'hidden',
      'ei',
    ]);
    const get = (k: string) => named.indicators.find((r) => r.key === k)!;
    expect(get('people').value.text).toBe('120');
    expect(get('responseRate').value.text).toBe('87 %');
    expect(get('ei').value.text).toBe('+0.44');
    expect(get('ei').previous!.text).toBe('+0.37');
    // Read against chance: advice stays inside departments more than random mixing would give.
    expect(get('ei').chance!.value!).toBeGreaterThan(0.7);
    expect(get('ei').reading).toMatch(/stays inside departments more than chance/);
    expect(get('ei').delta!.text).toBe('+0.06');
    expect(named.change?.previousWave).toBe('2024-25');
  });

  it('calls a change "up" or "down" only as the change page does: the same values, the same interval, the same verdict', () => {
    const page = named.comparison!.sections.find((s) => s.population === 'all')!.rows;
    const same: Record<string, string> = {
      density: 'density',
      reciprocity: 'reciprocity',
      centralization: 'inDegreeCentralization',
      gini: 'gini',
      topShare: 'topShare',
      ei: 'eiIndex',
    };
    for (const [key, changeKey] of Object.entries(same)) {
      const r = named.indicators.find((x) => x.key === key)!;
      const c = page.find((x) => x.key === changeKey && x.domain === 'all')!;
      expect([r.previous!.text, r.value.text, r.delta!.text, r.interval, r.verdict], key).toEqual([
        c.before,
        c.after,
        c.change,
        c.interval,
        c.verdict,
      ]);
    }
    // Counts without a resampled interval carry no direction; neither does a difference whose interval includes zero.
    for (const key of ['people', 'ties', 'responseRate', 'leaderPlus', 'leaders', 'hidden'])
      expect(named.indicators.find((x) => x.key === key)!.verdict, key).toBe('no interval');
    for (const r of named.indicators)
      if (r.verdict === 'up' || r.verdict === 'down') expect(r.interval).not.toMatch(/^−.* to \+|^\+?0(\.0+)? to|to 0(\.0+)?$/);
    expect(anon.indicators.map((r) => r.verdict)).toEqual(named.indicators.map((r) => r.verdict));
    expect(named.meta).toMatchObject({
      school: 'Highland High',
      wave: '2025-26',
      previousWave: '2024-25',
      date: '2026-06-30',
      edition: 'named',
    });
  });

  it('builds a who-leads matrix with one column per domain', () => {
    expect(named.whoLeads.domains).toEqual([
      'assessment',
      'behaviour',
      'curriculum',
      'data',
      'instruction',
      'professional learning',
      'technology',
      'wellbeing',
    ]);
    const bianca = named.whoLeads.rows.find((r) => r.label === 'Bianca Edwards')!;
    expect(bianca.leads[named.whoLeads.domains.indexOf('assessment')]).toBe(true);
  });

  it('lays out the network deterministically, everyone inside the frame', () => {
    const again = buildReportModel({
      school: 'Highland High',
      current: { dataset: current, wave: '2025-26', secret: SECRET },
      edition: 'named',
      date: DATE,
    });
    expect(again.network.nodes).toEqual(named.network.nodes);
    expect(named.network.nodes).toHaveLength(120);
    for (const n of named.network.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(0);
      expect(n.x).toBeLessThanOrEqual(named.network.width);
      expect(n.y).toBeGreaterThanOrEqual(0);
      expect(n.y).toBeLessThanOrEqual(named.network.height);
    }
  });

  it('anonymised edition: no roster name anywhere in the model, stable pseudonyms within the wave', () => {
    const text = JSON.stringify(anon);
    for (const name of rosterNames(current)) expect(text.includes(name), name).toBe(false);
    for (const name of rosterNames(previous)) expect(text.includes(name), name).toBe(false);
    const labels = anon.formalInformal.hidden.map((h) => h.label);
    expect(labels).toHaveLength(planted.hiddenLeaders.length);
    for (const l of labels) {
      expect(l).toMatch(/^P-[0-9A-F]{4,}$/);
      expect(anon.network.nodes.some((n) => n.label === l)).toBe(true);
      expect(anon.whoLeads.rows.some((r) => r.label === l)).toBe(true);
    }
    expect(anon.change?.newLeaders).toEqual([]);
    expect(anon.whoLeads.rows.every((r) => r.role === '')).toBe(true);
  });
});
