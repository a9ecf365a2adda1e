/** The district view and the district report of a wave whose roster names several schools. */
import { LeadmapError } from '../../model/errors.js';
import { privacyPolicy } from '../../privacy/policy.js';
import { presentDistrict, type DistrictChangesInput } from '../../privacy/present-district.js';
import { schoolChanges, type SchoolChange } from '../../metrics/district/school-change.js';
import { isDistrict, unitSizes } from '../../metrics/district/schools.js';
import { districtTable } from '../../report/district/table.js';
import { buildDistrictReport } from '../../report/district/model.js';
import { districtPdf } from '../../report/district/document.js';
import { analyzeDistrict, type DistrictAnalysis } from '../../metrics/district/district.js';
import { resolveSelection } from '../../metrics/wave-analysis.js';
import { cacheKey, encode, pseudonymsFor, remember, type WaveData } from './wave-data.js';
import type { TaskOf, TaskProgress, ViewResult, WaveRef } from './task.js';

/** The district view: schools with small ones suppressed, the school-by-school matrix, cross-school leaders, each school's change. */
export async function districtView(data: WaveData, task: TaskOf<'district'>, progress: TaskProgress): Promise<ViewResult> {
  const { dataset, meta } = await data.dataset(task.wave);
  const relation = resolveSelection(meta, task.relation).relation;
  const key = cacheKey(['district', DISTRICT_VERSION, task.wave.dataHash, relation, task.minGroupSize]);
  let raw = (await data.store.getCachedAnalysis(key)) as DistrictAnalysis | null;
  if (!raw) {
    progress('computing', 0, 1);
    raw = analyzeDistrict(dataset, { relation, minGroupSize: task.minGroupSize });
    await remember(data.store, key, task.wave.id, raw);
  }
  const changes = task.previous ? await districtChanges(data, task.previous, task.wave, relation, progress) : null;
  progress('presenting', 0, 1);
  const pseudonyms = await pseudonymsFor(data.store, task.wave.id, task.disclosure, dataset.people);
  const district = presentDistrict(raw, dataset.people, dataset.domains, {
    disclosure: task.disclosure,
    policy: privacyPolicy(task.minGroupSize),
    pseudonyms,
    changes,
  });
  return { body: encode({ district: { ...district, table: districtTable(district) } }), selection: { relation, domain: 'any' }, meta };
}

/** The district report (PDF). */
export async function districtReportView(data: WaveData, task: TaskOf<'district-report'>, progress: TaskProgress): Promise<ViewResult> {
  const { dataset, meta } = await data.dataset(task.wave);
  progress('rendering', 0, 1);
  const model = buildDistrictReport({
    district: task.district,
    wave: task.wave.label,
    dataset,
    edition: task.edition,
    minGroupSize: task.minGroupSize,
    secret: await data.store.waveSecret(task.wave.id),
    previous: task.previous ? { dataset: (await data.dataset(task.previous)).dataset, wave: task.previous.label } : null,
    previousSecret: task.previous ? await data.store.waveSecret(task.previous.id) : undefined,
  });
  return { body: await districtPdf(model), selection: { relation: model.meta.relation, domain: '' }, meta };
}

/**
 * Each school's change between two district waves (schoolChanges, cached by both waves' data), with
 * the earlier wave's unit sizes for the privacy layer; null when the earlier wave is not a district or
 * lacks the relation.
 */
async function districtChanges(
  data: WaveData,
  previous: WaveRef,
  wave: WaveRef,
  relation: string,
  progress: TaskProgress,
): Promise<DistrictChangesInput | null> {
  const before = (await data.dataset(previous)).dataset;
  if (!isDistrict(before)) return null;
  const key = cacheKey(['district-change', DISTRICT_VERSION, previous.dataHash, wave.dataHash, relation]);
  let schools = (await data.store.getCachedAnalysis(key)) as SchoolChange[] | null;
  if (!schools) {
    progress('comparing', 0, 1);
    try {
      schools = schoolChanges(before, (await data.dataset(wave)).dataset, { relation });
    } catch (err) {
      // The earlier wave lacks the relation: no change is shown.
      if (err instanceof LeadmapError) return null;
      throw err;
    }
    await remember(data.store, key, wave.id, schools);
  }
  return { previous: previous.label, schools, unitSizesBefore: unitSizes(before) };
}

/** Version of the cached district views: bump when analyzeDistrict changes what it returns. */
const DISTRICT_VERSION = 2;
