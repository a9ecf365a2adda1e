import { createHash } from 'node:crypto';
import { analyzeLeadership, type LeadershipAnalysis } from '../../metrics/analytics.js';
import type { Completeness } from '../../model/completeness.js';
import { LeadmapError } from '../../model/errors.js';
import { ANY_DOMAIN, type Dataset } from '../../model/types.js';
import { privacyPolicy, type Disclosure } from '../../privacy/policy.js';
import { presentAnalysis } from '../../privacy/present.js';
import { presentChange, presentTrend } from '../../privacy/present-change.js';
import { compareWaves, type WaveChange } from '../../metrics/change/compare-waves.js';
import { changeTrend } from '../../metrics/change/trend.js';
import { ASSOCIATION_NOTE, outcomeChanges, type OutcomeChange } from '../../metrics/change/outcomes.js';
import { readOutcomes } from '../../ingest/outcomes.js';
import { withScaleScores } from '../../report/survey/wave-scales.js';
import { changeView, trendView } from '../../report/present/change.js';
import { presentLeadership } from '../../privacy/present-leadership.js';
import { presentDistrict, type DistrictChangesInput } from '../../privacy/present-district.js';
import { schoolChanges, type SchoolChange } from '../../metrics/district/school-change.js';
import { isDistrict, isDistrictLevel, schoolDataset, unitSizes } from '../../metrics/district/schools.js';
import { districtTable } from '../../report/district/table.js';
import { buildDistrictReport } from '../../report/district/model.js';
import { districtPdf } from '../../report/district/document.js';
import { analyzeDistrict, type DistrictAnalysis } from '../../metrics/district/district.js';
import { Pseudonyms } from '../../privacy/pseudonym.js';
import { makeReport, type Edition, type WaveInput } from '../../report/index.js';
import { indicatorRows, type PreviousWave } from '../../report/present/indicators.js';
import { profiles } from '../../report/sections.js';
import type { Store } from '../../store/store.js';
import { analysisKey, ANALYSIS_VERSION, computeAnalysis, resolveSelection, type RawAnalysis } from '../../metrics/wave-analysis.js';
import { analysisViewBody, type AnalysisDoc } from './documents.js';
import { surveyView, type SurveyFiles } from '../../report/survey/view.js';
import { surveyCsv, type SurveyCsv } from '../export/survey-csv.js';

/** What a wave offers to select from; enough to resolve a selection's defaults without loading the data. */
export type WaveMeta = Pick<Dataset, 'relations' | 'domains'>;

export interface WaveRef {
  id: string;
  label: string;
  dataHash: string;
  /**
   * The wave's stored people file, when a comparison reads its survey scales (participation, role
   * clarity) as change indicators; its checksum is part of the comparison's cache key.
   */
  people?: FileRef | null;
  /**
   * One school of a district record (the roster's `school` column value): every view of this task is
   * computed on that school's own people, the ties among them and its respondents (schoolDataset), for
   * an account that sees only that school. `dataHash` is then the scoped hash (service.ts readyWave).
   */
  unit?: string;
}

/** One heavy view, computed off the event loop (src/server/views/worker.ts) or inline. Plain data: crosses threads. */
export type ViewTask =
  /** The values of a wave's `school` column with their staff (a district record's schools; [] for one school). */
  | { kind: 'units'; wave: WaveRef }
  | {
      kind: 'analysis';
      doc: AnalysisDoc;
      wave: WaveRef;
      relation?: string;
      domain?: string;
      disclosure: Disclosure;
      minGroupSize: number;
    }
  | { kind: 'leadership'; wave: WaveRef; relation?: string; disclosure: Disclosure; minGroupSize: number }
  | {
      kind: 'district';
      wave: WaveRef;
      /** The school record's ready wave before this one: each school's change since then, with intervals; or null. */
      previous: WaveRef | null;
      relation?: string;
      disclosure: Disclosure;
      minGroupSize: number;
    }
  | {
      kind: 'district-report';
      wave: WaveRef;
      /** The school record's ready wave before this one (each school's change, each section's change pages), or null. */
      previous: WaveRef | null;
      district: string;
      edition: Edition;
      minGroupSize: number;
    }
  | {
      kind: 'indicators';
      wave: WaveRef;
      /** The school's ready wave before this one (the change column), or null. */
      previous: WaveRef | null;
      relation?: string;
      domain?: string;
      disclosure: Disclosure;
      minGroupSize: number;
    }
  | {
      kind: 'compare';
      from: WaveRef;
      to: WaveRef;
      /** Every ready wave of the school in order when there are three or more (the trend), else empty. */
      trend: WaveRef[];
      relation?: string;
      disclosure: Disclosure;
      minGroupSize: number;
      /** The two waves' stored outcomes files (school figures; their checksums are part of the cache key). */
      outcomes: OutcomeFileRefs;
    }
  | {
      kind: 'survey';
      /** The JSON view, or one of its CSV files. */
      doc: 'survey' | SurveyCsv;
      wave: WaveRef;
      /** The wave's survey files: absolute path and checksum (part of the cache key: a new file is a new view). */
      files: SurveyFileRefs;
      relation?: string;
      disclosure: Disclosure;
      minGroupSize: number;
    }
  | {
      kind: 'report';
      wave: WaveRef;
      previous: WaveRef | null;
      /** The school's ready waves up to this one, in order, when there are three or more (the trend), else empty. */
      trend: WaveRef[];
      school: string;
      edition: Edition;
      minGroupSize: number;
      /** The wave's completeness as stored (part of the cache key: deciding an item changes the report's banner). */
      completeness: Completeness | null;
      /** The wave's survey files (the survey pages; their checksums are part of the cache key). */
      survey: SurveyFileRefs;
      /** This wave's and the previous wave's stored outcomes files. */
      outcomes: OutcomeFileRefs;
    };

/** A stored file as a view task names it: absolute path and checksum. */
export interface FileRef {
  path: string;
  sha256: string;
}

/** The outcomes files (outcomes.csv) of the earlier and the later wave of a comparison, when stored. */
export interface OutcomeFileRefs {
  before: FileRef | null;
  after: FileRef | null;
}

/** A wave's stored survey files, as a view task names them. */
export type SurveyFileRefs = Partial<Record<keyof SurveyFiles, { path: string; sha256: string }>>;

export interface ViewResult {
  /** The finished response body (JSON, CSV, XML or PDF bytes). */
  body: Uint8Array;
  /** The selection with defaults resolved (for file names and the audit log). */
  selection: { relation: string; domain: string };
  /** The wave's relations and domains, so later requests resolve defaults before hashing. */
  meta: WaveMeta;
}

export type TaskProgress = (phase: string, done: number, total: number) => void;

/** Runs a view task against a store (the worker's own connection, or the server's when inline). */
export async function runViewTask(store: Store, task: ViewTask, progress: TaskProgress): Promise<ViewResult> {
  const data = new WaveData(store, progress);
  switch (task.kind) {
    case 'units': {
      const { dataset, meta } = await data.dataset(task.wave);
      const units = unitSizes(dataset).map(([unit, people]) => ({ unit, people, districtLevel: isDistrictLevel(unit) }));
      return { body: encode({ units }), selection: { relation: '', domain: 'any' }, meta };
    }
    case 'analysis': {
      const { raw, meta } = await data.analysis(task.wave, task.relation, task.domain);
      progress('presenting', 0, 1);
      const pseudonyms = await pseudonymsFor(store, task.wave.id, task.disclosure, raw.people);
      const a = presentAnalysis(raw, { disclosure: task.disclosure, policy: privacyPolicy(task.minGroupSize), pseudonyms });
      return { body: analysisViewBody(task.doc, a), selection: { relation: raw.relation, domain: raw.domain }, meta };
    }
    case 'leadership': {
      const { shown, relation, meta } = await data.leadership(task.wave, task.relation, task.disclosure, task.minGroupSize);
      return { body: encode({ leadership: shown }), selection: { relation, domain: 'any' }, meta };
    }
    case 'district': {
      const { dataset, meta } = await data.dataset(task.wave);
      const relation = resolveSelection(meta, task.relation).relation;
      const key = cacheKey(['district', DISTRICT_VERSION, task.wave.dataHash, relation, task.minGroupSize]);
      let raw = (await store.getCachedAnalysis(key)) as DistrictAnalysis | null;
      if (!raw) {
        progress('computing', 0, 1);
        raw = analyzeDistrict(dataset, { relation, minGroupSize: task.minGroupSize });
        await remember(store, key, task.wave.id, raw);
      }
      const changes = task.previous ? await districtChanges(store, data, task.previous, task.wave, relation, progress) : null;
      progress('presenting', 0, 1);
      const pseudonyms = await pseudonymsFor(store, task.wave.id, task.disclosure, dataset.people);
      const district = presentDistrict(raw, dataset.people, dataset.domains, {
        disclosure: task.disclosure,
        policy: privacyPolicy(task.minGroupSize),
        pseudonyms,
        changes,
      });
      return { body: encode({ district: { ...district, table: districtTable(district) } }), selection: { relation, domain: 'any' }, meta };
    }
    case 'district-report': {
      const { dataset, meta } = await data.dataset(task.wave);
      progress('rendering', 0, 1);
      const model = buildDistrictReport({
        district: task.district,
        wave: task.wave.label,
        dataset,
        edition: task.edition,
        minGroupSize: task.minGroupSize,
        secret: await store.waveSecret(task.wave.id),
        previous: task.previous ? { dataset: (await data.dataset(task.previous)).dataset, wave: task.previous.label } : null,
        previousSecret: task.previous ? await store.waveSecret(task.previous.id) : undefined,
      });
      return { body: await districtPdf(model), selection: { relation: model.meta.relation, domain: '' }, meta };
    }
    case 'survey': {
      const { dataset, meta } = await data.dataset(task.wave);
      const relation = resolveSelection(meta, task.relation).relation;
      const leadership = await data.rawLeadership(task.wave, relation, task.minGroupSize);
      progress('reading the survey files', 0, 1);
      const view = await surveyView({
        files: surveyPaths(task.files),
        dataset,
        relation,
        leadership,
        disclosure: task.disclosure,
        label: await labelsFor(store, task.wave.id, task.disclosure, dataset.people),
        minGroupSize: task.minGroupSize,
      });
      const body = task.doc === 'survey' ? encode({ survey: view }) : Buffer.from(surveyCsv(task.doc, view));
      return { body, selection: { relation, domain: 'any' }, meta };
    }
    case 'indicators': {
      const now = await data.leadership(task.wave, task.relation, task.disclosure, task.minGroupSize);
      const domain = task.domain && now.shown.selection.domains.includes(task.domain) ? task.domain : ANY_DOMAIN;
      let prev: PreviousWave | null = null;
      if (task.previous) {
        try {
          const before = await data.leadership(task.previous, now.relation, task.disclosure, task.minGroupSize);
          const comparison = presentChange(await data.change(task.previous, task.wave, now.relation), {
            disclosure: task.disclosure,
            policy: privacyPolicy(task.minGroupSize),
          });
          prev = { label: task.previous.label, analysis: before.shown, comparison };
        } catch (err) {
          // The previous wave lacks this relation: no change is shown.
          if (!(err instanceof LeadmapError)) throw err;
        }
      }
      progress('presenting', 0, 1);
      const indicators = {
        relation: now.relation,
        domain,
        wave: task.wave.label,
        previousWave: prev?.label ?? null,
        rows: indicatorRows(now.shown, domain, prev),
        profiles: profiles(now.shown),
      };
      return { body: encode({ indicators }), selection: { relation: now.relation, domain }, meta: now.meta };
    }
    case 'compare': {
      const relation = resolveSelection(await data.meta(task.to), task.relation).relation;
      const outcomes = await outcomeChangesOf(task.outcomes);
      const change = withOutcomeNote(await data.change(task.from, task.to, relation), outcomes);
      const policy = privacyPolicy(task.minGroupSize);
      const shown = presentChange(change, { disclosure: task.disclosure, policy });
      const trend = await trendOf(data, task.trend, relation, policy, progress);
      const presented = {
        change: changeView(shown, { before: task.from.label, after: task.to.label }, outcomes),
        trend: trend
          ? trendView(
              trend.indicators,
              trend.waves.map((w) => w.label),
            )
          : null,
      };
      return {
        body: encode({ ...shown, outcomes, trend, presented }),
        selection: { relation, domain: 'any' },
        meta: await data.meta(task.to),
      };
    }
    case 'report': {
      const current = await waveInput(data, store, task.wave);
      const previous = task.previous ? await waveInput(data, store, task.previous) : null;
      // The change page and the trend read the same cached comparisons as GET /api/schools/:id/compare (one computation).
      const relation = resolveSelection(await data.meta(task.wave)).relation;
      const outcomes = task.previous ? await outcomeChangesOf(task.outcomes) : null;
      const comparison = task.previous ? withOutcomeNote(await data.change(task.previous, task.wave, relation), outcomes) : undefined;
      const trend = await trendOf(data, task.trend, relation, privacyPolicy(task.minGroupSize), progress);
      progress('rendering', 0, 1);
      const { pdf } = await makeReport(
        {
          school: task.school,
          edition: task.edition,
          minGroupSize: task.minGroupSize,
          current,
          previous,
          comparison,
          trend:
            trend && trend.indicators.length > 0
              ? trendView(
                  trend.indicators,
                  trend.waves.map((w) => w.label),
                )
              : null,
          completeness: task.completeness,
          outcomes,
        },
        'a4',
        surveyPaths(task.survey),
      );
      return { body: pdf, selection: { relation: '', domain: '' }, meta: (await data.dataset(task.wave)).meta };
    }
  }
}

/**
 * The later wave's school outcomes beside the earlier wave's (outcomes.csv, read by the reader of
 * `leadmap compare --outcomes`; checked when uploaded), or null when the later wave has none.
 */
async function outcomeChangesOf(refs: OutcomeFileRefs): Promise<OutcomeChange[] | null> {
  if (!refs.after) return null;
  const after = await readOutcomes(refs.after.path);
  if (!after.ok) return null;
  const before = refs.before ? await readOutcomes(refs.before.path) : null;
  return outcomeChanges(after.value, before?.ok ? before.value : []);
}

/** With outcomes, the comparison carries the note that they are shown as association, never cause. */
function withOutcomeNote(change: WaveChange, outcomes: OutcomeChange[] | null): WaveChange {
  return outcomes ? { ...change, notes: [...change.notes, { code: 'ASSOCIATION_NOT_CAUSE', message: ASSOCIATION_NOTE }] } : change;
}

/**
 * The trend over three or more waves from the comparisons of consecutive waves (cached), through the
 * privacy gate; null with fewer waves, or when a wave lacks the relation (the pair is still compared).
 */
async function trendOf(
  data: WaveData,
  waves: readonly WaveRef[],
  relation: string,
  policy: ReturnType<typeof privacyPolicy>,
  progress: TaskProgress,
): Promise<{ waves: Array<{ id: string; label: string }>; indicators: ReturnType<typeof presentTrend> } | null> {
  if (waves.length < 3) return null;
  progress('trend', 0, waves.length - 1);
  const steps: WaveChange[] = [];
  try {
    for (let i = 0; i + 1 < waves.length; i++) {
      steps.push(await data.change(waves[i]!, waves[i + 1]!, relation));
      progress('trend', i + 1, waves.length - 1);
    }
  } catch (err) {
    if (!(err instanceof LeadmapError)) throw err;
    return null;
  }
  return { waves: waves.map((w) => ({ id: w.id, label: w.label })), indicators: presentTrend(changeTrend(steps), steps, policy) };
}

/** Loads each wave's dataset once per task, and its selection metadata from the store's cache when it has it. */
class WaveData {
  private readonly datasets = new Map<string, { dataset: Dataset; meta: WaveMeta }>();
  private readonly scaledDatasets = new Map<string, Dataset>();

  constructor(
    private readonly store: Store,
    private readonly progress: TaskProgress,
  ) {}

  async dataset(wave: WaveRef): Promise<{ dataset: Dataset; meta: WaveMeta }> {
    const hit = this.datasets.get(wave.dataHash);
    if (hit) return hit;
    this.progress('loading', 0, 1);
    const whole = await this.store.loadWaveDataset(wave.id);
    if (!whole) throw new LeadmapError('NOT_READY', 'this wave has no data yet; upload its files first');
    const dataset = wave.unit === undefined ? whole : schoolDataset(whole, wave.unit);
    if (dataset.people.length === 0) throw new LeadmapError('NOT_FOUND', 'this wave has no staff of the school this account sees');
    const meta: WaveMeta = { relations: dataset.relations, domains: dataset.domains };
    await remember(this.store, metaKey(wave.dataHash), wave.id, meta);
    const out = { dataset, meta };
    this.datasets.set(wave.dataHash, out);
    return out;
  }

  async meta(wave: WaveRef): Promise<WaveMeta> {
    const cached = (await this.store.getCachedAnalysis(metaKey(wave.dataHash))) as WaveMeta | null;
    return cached ?? (await this.dataset(wave)).meta;
  }

  /**
   * The leadership analytics of a wave for a relation (defaults resolved), from the store's cache or
   * computed and cached, then through the privacy layer for this disclosure.
   */
  async leadership(
    wave: WaveRef,
    relation: string | undefined,
    disclosure: Disclosure,
    minGroupSize: number,
  ): Promise<{ shown: LeadershipAnalysis; relation: string; meta: WaveMeta }> {
    const { dataset, meta } = await this.dataset(wave);
    const resolved = resolveSelection(meta, relation).relation;
    const raw = await this.rawLeadership(wave, resolved, minGroupSize);
    this.progress('presenting', 0, 1);
    const pseudonyms = await pseudonymsFor(this.store, wave.id, disclosure, dataset.people);
    const shown = presentLeadership(raw, dataset.people, { disclosure, policy: privacyPolicy(minGroupSize), pseudonyms });
    return { shown, relation: resolved, meta };
  }

  /** The leadership analytics of a resolved relation before the privacy layer (ids), from the store's cache or computed and cached. */
  async rawLeadership(wave: WaveRef, relation: string, minGroupSize: number): Promise<LeadershipAnalysis> {
    const key = cacheKey(['leadership', LEADERSHIP_VERSION, wave.dataHash, relation, minGroupSize]);
    let raw = (await this.store.getCachedAnalysis(key)) as LeadershipAnalysis | null;
    if (!raw) {
      const { dataset } = await this.dataset(wave);
      this.progress('computing', 0, 1);
      raw = analyzeLeadership(dataset, { relation, minGroupSize });
      await remember(this.store, key, wave.id, raw);
    }
    return raw;
  }

  /** The raw analysis of a selection (defaults resolved first), from the store's cache or computed and cached. */
  async analysis(wave: WaveRef, relation?: string, domain?: string): Promise<{ raw: RawAnalysis; meta: WaveMeta }> {
    const meta = await this.meta(wave);
    const sel = resolveSelection(meta, relation, domain);
    const key = analysisKey(wave.dataHash, sel.relation, sel.domain);
    const cached = (await this.store.getCachedAnalysis(key)) as RawAnalysis | null;
    if (cached && cached.version === ANALYSIS_VERSION) return { raw: cached, meta };
    const { dataset } = await this.dataset(wave);
    this.progress('computing', 0, 1);
    const raw = computeAnalysis(dataset, wave.id, sel.relation, sel.domain);
    await remember(this.store, key, wave.id, raw);
    return { raw, meta };
  }

  /**
   * compareWaves of two waves (the same computation as `leadmap compare`), from the store's cache or
   * computed and cached. A wave with a stored people file is read with its scale scores, as
   * `leadmap compare --people` reads it; the files' checksums are part of the key.
   */
  async change(from: WaveRef, to: WaveRef, relation: string): Promise<WaveChange> {
    const key = cacheKey([
      'change',
      CHANGE_VERSION,
      from.dataHash,
      to.dataHash,
      relation,
      from.people?.sha256 ?? null,
      to.people?.sha256 ?? null,
    ]);
    const cached = (await this.store.getCachedAnalysis(key)) as WaveChange | null;
    if (cached) return cached;
    const before = await this.scaled(from);
    const after = await this.scaled(to);
    this.progress('comparing', 0, 1);
    const change = compareWaves(before, after, { relation });
    await remember(this.store, key, to.id, change);
    return change;
  }

  /**
   * A wave's dataset with its people file's scale scores as attributes (withScaleScores, the shipped
   * scales the file asks in full), for the comparisons only; the dataset itself when it has no people
   * file or the file cannot be read (checked when uploaded), so the scale indicators read "not measured".
   */
  private async scaled(wave: WaveRef): Promise<Dataset> {
    const { dataset } = await this.dataset(wave);
    if (!wave.people) return dataset;
    const key = `${wave.dataHash}:${wave.people.sha256}`;
    const hit = this.scaledDatasets.get(key);
    if (hit) return hit;
    const scaled = (await withScaleScores(dataset, wave.people.path, undefined, 'leadmap', () => {})) ?? dataset;
    this.scaledDatasets.set(key, scaled);
    return scaled;
  }
}

/** Version of the cached comparisons: bump when compareWaves changes what it returns. */
const CHANGE_VERSION = 3;

async function waveInput(data: WaveData, store: Store, wave: WaveRef): Promise<WaveInput> {
  return { dataset: (await data.dataset(wave)).dataset, wave: wave.label, secret: await store.waveSecret(wave.id) };
}

/**
 * Each school's change between two district waves (schoolChanges, cached by both waves' data), with
 * the earlier wave's unit sizes for the privacy layer; null when the earlier wave is not a district or
 * lacks the relation.
 */
async function districtChanges(
  store: Store,
  data: WaveData,
  previous: WaveRef,
  wave: WaveRef,
  relation: string,
  progress: TaskProgress,
): Promise<DistrictChangesInput | null> {
  const before = (await data.dataset(previous)).dataset;
  if (!isDistrict(before)) return null;
  const key = cacheKey(['district-change', DISTRICT_VERSION, previous.dataHash, wave.dataHash, relation]);
  let schools = (await store.getCachedAnalysis(key)) as SchoolChange[] | null;
  if (!schools) {
    progress('comparing', 0, 1);
    try {
      schools = schoolChanges(before, (await data.dataset(wave)).dataset, { relation });
    } catch (err) {
      // The earlier wave lacks the relation: no change is shown.
      if (err instanceof LeadmapError) return null;
      throw err;
    }
    await remember(store, key, wave.id, schools);
  }
  return { previous: previous.label, schools, unitSizesBefore: unitSizes(before) };
}

/** Version of the cached district views: bump when analyzeDistrict changes what it returns. */
const DISTRICT_VERSION = 2;

/** Bump when the shape or the numbers of the leadership analytics change: old cache entries are then ignored. */
const LEADERSHIP_VERSION = 5;

/** Named presentations never call label(); an empty table makes any slip throw instead of leaking. */
const NO_PSEUDONYMS = new Pseudonyms(Buffer.alloc(32), []);

async function pseudonymsFor(store: Store, waveId: string, disclosure: Disclosure, people: Array<{ id: string }>): Promise<Pseudonyms> {
  if (disclosure === 'named') return NO_PSEUDONYMS;
  return new Pseudonyms(
    await store.waveSecret(waveId),
    people.map((p) => p.id),
  );
}

/** Names for the named edition, the wave's pseudonyms otherwise. */
async function labelsFor(store: Store, waveId: string, disclosure: Disclosure, people: Dataset['people']): Promise<(id: string) => string> {
  if (disclosure === 'named') {
    const names = new Map(people.map((p) => [p.id, p.name || p.id]));
    return (id) => names.get(id) ?? id;
  }
  const pseudonyms = await pseudonymsFor(store, waveId, disclosure, people);
  return (id) => pseudonyms.label(id);
}

function surveyPaths(refs: SurveyFileRefs): SurveyFiles {
  return Object.fromEntries(Object.entries(refs).map(([k, v]) => [k, v.path]));
}

/** Stores a result in the store's cache; best effort (a full disk or a busy writer only costs a recomputation later). */
async function remember(store: Store, key: string, waveId: string, value: unknown): Promise<void> {
  await store.putCachedAnalysis(key, waveId, value).catch(() => {});
}

function metaKey(dataHash: string): string {
  return cacheKey(['wave-meta', 1, dataHash]);
}

function cacheKey(parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

function encode(value: unknown): Uint8Array {
  return Buffer.from(JSON.stringify(value));
}
