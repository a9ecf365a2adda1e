import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/ingest/load-dataset.js';
import { buildGraph } from '../../src/graph/build-graph.js';
import { tempDir, writeFile } from './tmp.js';
import { datasetFile, describeWithDatasets } from '../helpers/datasets.js';

const dir = tempDir();

describe('loadDataset', () => {
  const roster = writeFile(dir, 'roster.csv', 'id,name,role\na,Ann,principal\nb,Ben,teacher\nc,Cy,teacher\nd,Di,teacher\n');

  it('keeps staff nobody named as isolates in the graph', async () => {
    const ties = writeFile(dir, 'ties.csv', 'source,target,domain,weight\nb,a,curriculum,2\nc,a,behaviour,1\nb,a,behaviour,1\n');
    const r = await loadDataset({ roster, ties });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const g = buildGraph(r.value);
    expect(g.order).toBe(4);
    expect(g.degree('d')).toBe(0);
    expect(g.getEdgeAttributes(g.edge('b', 'a')!)).toEqual({ weight: 3, count: 2 });
    const cur = buildGraph(r.value, { domain: 'curriculum' });
    expect(cur.size).toBe(1);
  });

  it('is all or nothing: an error in the tie list gives no dataset even though the roster was fine', async () => {
    const ties = writeFile(dir, 'bad.csv', 'source,target\nb,a\nb,zz\n');
    const r = await loadDataset({ roster, ties });
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.code)).toEqual(['UNKNOWN_PERSON']);
  });

  it('asks for a wave when the tie list holds several', async () => {
    const ties = writeFile(dir, 'waves.csv', 'source,target,wave\nb,a,2024\nc,a,2025\n');
    expect((await loadDataset({ roster, ties })).problems[0]!.code).toBe('WAVE_REQUIRED');
    const r = await loadDataset({ roster, ties, wave: '2025' });
    expect(r.ok && r.value.ties.map((t) => t.source)).toEqual(['c']);
  });

  it('reads respondents and refuses ids off the roster', async () => {
    const ties = writeFile(dir, 't2.csv', 'source,target\nb,a\n');
    const ok = await loadDataset({ roster, ties, respondents: writeFile(dir, 'resp.csv', 'id\nb\nc\n') });
    expect(ok.ok && ok.value.respondents).toEqual(['b', 'c']);
    const bad = await loadDataset({ roster, ties, respondents: writeFile(dir, 'resp2.csv', 'id\nq\n') });
    expect(bad.ok).toBe(false);
  });
});

describeWithDatasets('loadDataset on the shared real networks', () => {
  it('reads the Lazega law firm: 71 lawyers, 2,571 arcs in three relations', async () => {
    const r = await loadDataset({ roster: datasetFile('lazega_lawfirm', 'roster.csv'), ties: datasetFile('lazega_lawfirm', 'ties.csv') });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.people).toHaveLength(71);
    expect(r.value.ties).toHaveLength(2571);
    expect(r.value.relations.map((x) => x.name).sort()).toEqual(['advice', 'cowork', 'friendship']);
    expect(buildGraph(r.value, { relation: 'advice' }).size).toBe(892);
    expect(r.value.people[0]!.attributes).toMatchObject({ office: 'Boston', seniority_years: 31 });
  });

  it('reads the Krackhardt high-tech managers: advice 190, friendship 102, reports_to 20', async () => {
    const r = await loadDataset({
      roster: datasetFile('krackhardt_hightech', 'roster.csv'),
      ties: datasetFile('krackhardt_hightech', 'ties.csv'),
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    for (const [rel, n] of [
      ['advice', 190],
      ['friendship', 102],
      ['reports_to', 20],
    ] as const)
      expect(buildGraph(r.value, { relation: rel }).size).toBe(n);
  });
});
