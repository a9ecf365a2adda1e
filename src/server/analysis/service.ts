import { completenessBanner, tieListCompleteness, type Completeness } from '../../model/completeness.js';
import type { Request } from 'express';
import { LeadmapError } from '../../model/errors.js';
import { presentAnalysis, type PublicAnalysis } from '../../privacy/present.js';
import { Pseudonyms } from '../../privacy/pseudonym.js';
import type { Disclosure } from '../../privacy/policy.js';
import type { WaveRecord } from '../../store/store.js';
import { accountOf, seesNames } from '../access.js';
import type { AppDeps } from '../context.js';
import { analysisKey, ANALYSIS_VERSION, computeAnalysis, resolveSelection, type RawAnalysis } from '../../metrics/wave-analysis.js';

const MEMO_SIZE = 16;
/** Named presentations never call label(); an empty table makes any slip throw instead of leaking. */
const NO_PSEUDONYMS = new Pseudonyms(Buffer.alloc(32), []);
const memo = new WeakMap<AppDeps, Map<string, RawAnalysis>>();

export interface Selection {
  relation?: string;
  domain?: string;
}

/** Reads ?relation=&domain= (strings only, bounded). */
export function selectionOf(req: Request): Selection {
  const pick = (k: string): string | undefined => {
    const v = req.query[k];
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || v.length === 0 || v.length > 80)
      throw new LeadmapError('BAD_REQUEST', `query parameter "${k}" must be one short text value`);
    return v.toLowerCase();
  };
  return { relation: pick('relation'), domain: pick('domain') };
}

/**
 * The raw (identifiable) analysis of a wave, from the in-memory memo, the
 * store's cache (keyed by the wave's data hash and the selection), or computed.
 */
export async function rawAnalysis(deps: AppDeps, wave: WaveRecord, sel: Selection): Promise<RawAnalysis> {
  if (wave.status === 'empty' || !wave.dataHash) throw new LeadmapError('NOT_READY', 'this wave has no data yet; upload its files first');
  const requestedKey = analysisKey(wave.dataHash, sel.relation ?? '', sel.domain ?? '');
  const m = memo.get(deps) ?? new Map<string, RawAnalysis>();
  memo.set(deps, m);
  const hit = m.get(requestedKey);
  if (hit) return hit;
  let raw = (await deps.store.getCachedAnalysis(requestedKey)) as RawAnalysis | null;
  if (!raw || raw.version !== ANALYSIS_VERSION) {
    const dataset = await deps.store.loadWaveDataset(wave.id);
    if (!dataset) throw new LeadmapError('NOT_READY', 'this wave has no data yet; upload its files first');
    const { relation, domain } = resolveSelection(dataset, sel.relation, sel.domain);
    raw = computeAnalysis(dataset, wave.id, relation, domain);
    await deps.store.putCachedAnalysis(requestedKey, wave.id, raw);
  }
  m.set(requestedKey, raw);
  if (m.size > MEMO_SIZE) m.delete(m.keys().next().value!);
  return raw;
}

/** What this account may see: named for admins/analysts (unless they ask for anonymised), pseudonymised for viewers. */
export function disclosureFor(req: Request, wantAnonymised: boolean): Disclosure {
  return seesNames(accountOf(req)) && !wantAnonymised ? 'named' : 'pseudonymised';
}

export async function publicAnalysis(
  deps: AppDeps,
  req: Request,
  wave: WaveRecord,
  sel: Selection,
  wantAnonymised = false,
): Promise<PublicAnalysis> {
  const raw = await rawAnalysis(deps, wave, sel);
  const disclosure = disclosureFor(req, wantAnonymised);
  const pseudonyms =
    disclosure === 'named'
      ? NO_PSEUDONYMS
      : new Pseudonyms(
          await deps.store.waveSecret(wave.id),
          raw.people.map((p) => p.id),
        );
  return presentAnalysis(raw, { disclosure, policy: deps.privacy, pseudonyms });
}

export function wantsAnonymised(req: Request): boolean {
  const v = req.query.anonymised ?? req.query.anonymized;
  return v === '1' || v === 'true' || v === 'yes';
}

const RESPONSE_CACHE_SIZE = 64;
const responses = new WeakMap<AppDeps, Map<string, Buffer>>();

/**
 * Serves a JSON document built from an analysis, serialised once per
 * (endpoint, wave data, selection, disclosure) and reused: every account with
 * the same disclosure sees the same bytes, so readers under load cost a
 * lookup, not a re-serialisation. Keyed by the data hash, so a new upload
 * never serves stale bytes.
 */
export async function cachedAnalysisJson(
  deps: AppDeps,
  req: Request,
  wave: WaveRecord,
  endpoint: string,
  sel: Selection,
  wantAnonymised: boolean,
  build: (a: PublicAnalysis) => unknown,
): Promise<{ body: Buffer; analysis: { relation: string; domain: string; disclosure: Disclosure } }> {
  const disclosure = disclosureFor(req, wantAnonymised);
  const key = JSON.stringify([
    endpoint,
    wave.id,
    wave.dataHash,
    sel.relation ?? '',
    sel.domain ?? '',
    disclosure,
    deps.privacy.minGroupSize,
  ]);
  const m = responses.get(deps) ?? new Map<string, Buffer>();
  responses.set(deps, m);
  const raw = await rawAnalysis(deps, wave, sel);
  let body = m.get(key);
  if (!body) {
    body = Buffer.from(JSON.stringify(build(await publicAnalysis(deps, req, wave, sel, wantAnonymised))));
    m.set(key, body);
    if (m.size > RESPONSE_CACHE_SIZE) m.delete(m.keys().next().value!);
  }
  return { body: withCompleteness(body, wave), analysis: { relation: raw.relation, domain: raw.domain, disclosure } };
}

/**
 * Every analysis response says how complete its data is: `completeness` {answersRead, answersUsed, setAside,
 * undecided, pending} and the banner text ("1 question (42 answers) and 2 names are not in these results yet —
 * decide them", or null). Kept out of the cached body: it changes when items are decided, the ties may not.
 */
export function completenessOfWave(wave: WaveRecord): Completeness & { banner: string | null } {
  const c = wave.completeness ?? tieListCompleteness(wave.ties);
  return { ...c, banner: completenessBanner(c) };
}
function withCompleteness(body: Buffer, wave: WaveRecord): Buffer {
  const head = Buffer.from(`{"completeness":${JSON.stringify(completenessOfWave(wave))}${body.length > 2 ? ',' : ''}`);
  return Buffer.concat([head, body.subarray(1)]);
}
