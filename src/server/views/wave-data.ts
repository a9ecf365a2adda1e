/** What every view task shares: each wave loaded once per task (WaveData), the store's cache of results, pseudonyms. */
import { createHash } from 'node:crypto';
import { analyzeLeadership, type LeadershipAnalysis } from '../../metrics/analytics.js';
import { LeadmapError } from '../../model/errors.js';
import type { Dataset } from '../../model/types.js';
import { privacyPolicy, type Disclosure } from '../../privacy/policy.js';
import { compareWaves, type WaveChange } from '../../metrics/change/compare-waves.js';
import { withScaleScores } from '../../report/survey/wave-scales.js';
import { presentLeadership } from '../../privacy/present-leadership.js';
import { schoolDataset } from '../../metrics/district/schools.js';
import { Pseudonyms } from '../../privacy/pseudonym.js';
import type { WaveInput } from '../../report/index.js';
import type { Store } from '../../store/store.js';
import { analysisKey, ANALYSIS_VERSION, computeAnalysis, resolveSelection, type RawAnalysis } from '../../metrics/wave-analysis.js';
import type { SurveyFiles } from '../../report/survey/view.js';
import type { SurveyFileRefs, TaskProgress, WaveMeta, WaveRef } from './task.js';

/** Loads each wave's dataset once per task, and its selection metadata from the store's cache when it has it. */
export class WaveData {
  private readonly datasets = new Map<string, { dataset: Dataset; meta: WaveMeta }>();
  private readonly scaledDatasets = new Map<string, Dataset>();

  constructor(
    readonly store: Store,
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

/** A wave as the report reads it: its dataset, label and pseudonym secret. */
export async function waveInput(data: WaveData, wave: WaveRef): Promise<WaveInput> {
  return { dataset: (await data.dataset(wave)).dataset, wave: wave.label, secret: await data.store.waveSecret(wave.id) };
}

/** Bump when the shape or the numbers of the leadership analytics change: old cache entries are then ignored. */
const LEADERSHIP_VERSION = 5;

/** Named presentations never call label(); an empty table makes any slip throw instead of leaking. */
const NO_PSEUDONYMS = new Pseudonyms(Buffer.alloc(32), []);

export async function pseudonymsFor(
  store: Store,
  waveId: string,
  disclosure: Disclosure,
  people: Array<{ id: string }>,
): Promise<Pseudonyms> {
  if (disclosure === 'named') return NO_PSEUDONYMS;
  return new Pseudonyms(
    await store.waveSecret(waveId),
    people.map((p) => p.id),
  );
}

/** Names for the named edition, the wave's pseudonyms otherwise. */
export async function labelsFor(
  store: Store,
  waveId: string,
  disclosure: Disclosure,
  people: Dataset['people'],
): Promise<(id: string) => string> {
  if (disclosure === 'named') {
    const names = new Map(people.map((p) => [p.id, p.name || p.id]));
    return (id) => names.get(id) ?? id;
  }
  const pseudonyms = await pseudonymsFor(store, waveId, disclosure, people);
  return (id) => pseudonyms.label(id);
}

export function surveyPaths(refs: SurveyFileRefs): SurveyFiles {
  return Object.fromEntries(Object.entries(refs).map(([k, v]) => [k, v.path]));
}

/** Stores a result in the store's cache; best effort (a full disk or a busy writer only costs a recomputation later). */
export async function remember(store: Store, key: string, waveId: string, value: unknown): Promise<void> {
  await store.putCachedAnalysis(key, waveId, value).catch(() => {});
}

export function metaKey(dataHash: string): string {
  return cacheKey(['wave-meta', 1, dataHash]);
}

export function cacheKey(parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

export function encode(value: unknown): Uint8Array {
  return Buffer.from(JSON.stringify(value));
}
