import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetFile, describeWithDatasets, repoRoot } from '../helpers/datasets.js';
import { loadDataset } from '../../src/ingest/load-dataset.js';
import { analyzeLeadership } from '../../src/metrics/analytics.js';
import { analyzeLargeTiesFile } from '../../src/fastpath/analyze-large.js';
import { districtLevelUnits, schoolBreakdown } from '../../src/metrics/district/schools.js';
import { crossSchoolLeaders } from '../../src/metrics/district/cross-school-leaders.js';

const CASES = [
  ['lazega_lawfirm', 'advice'],
  ['lazega_lawfirm', 'friendship'],
  ['krackhardt_hightech', 'advice'],
  ['uk_faculty', 'friendship'],
] as const;

describeWithDatasets('the large-file path prints the analytics sections of the standard path', () => {
  for (const [name, relation] of CASES) {
    it(`${name} ${relation}: every section equal, from the typed arrays`, async () => {
      const files = { ties: datasetFile(name, 'ties.csv'), roster: datasetFile(name, 'roster.csv') };
      const loaded = await loadDataset(files);
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems.slice(0, 3)));
      const standard = analyzeLeadership(loaded.value, { relation });
      const large = await analyzeLargeTiesFile(files.ties, { roster: files.roster, relation, sections: true, threads: 1 });
      if (!large.ok) throw new Error(JSON.stringify(large.problems.slice(0, 3)));
      expect(large.leadership).not.toBeNull();
      expect(JSON.parse(JSON.stringify(large.leadership))).toEqual(JSON.parse(JSON.stringify(standard)));
    });
  }
});

describe('the large-file path with leadership domains and several schools', () => {
  it('a demo district (domains, schools): every section equal, per domain and pooled', async () => {
    const dir = join(repoRoot, 'fixtures', 'demo', 'pinewood', '2024-25');
    const files = { ties: join(dir, 'ties.csv'), roster: join(dir, 'roster.csv') };
    const loaded = await loadDataset(files);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems.slice(0, 3)));
    const standard = analyzeLeadership(loaded.value, { relation: 'advice', groupBy: 'school' });
    const large = await analyzeLargeTiesFile(files.ties, { roster: files.roster, relation: 'advice', sections: true, threads: 1 });
    if (!large.ok) throw new Error(JSON.stringify(large.problems.slice(0, 3)));
    expect(large.leadership!.selection.domains.length).toBeGreaterThan(2);
    expect(JSON.parse(JSON.stringify(large.leadership))).toEqual(JSON.parse(JSON.stringify(standard)));
    // the district's own sections: per school (each on its own people), cross-school leaders, the office
    expect(large.district).not.toBeNull();
    expect(large.district!.schools.length).toBeGreaterThan(1);
    expect(large.district!.crossSchoolLeaders.length).toBeGreaterThan(0);
    const plain = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;
    expect(plain(large.district!.schools)).toEqual(plain(schoolBreakdown(loaded.value, { relation: 'advice' })));
    expect(plain(large.district!.crossSchoolLeaders)).toEqual(plain(crossSchoolLeaders(loaded.value, 'advice')));
    expect(large.district!.districtLevel).toEqual(districtLevelUnits(loaded.value));
  });
});
