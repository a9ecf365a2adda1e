import { createHash } from 'node:crypto';
import { completenessBanner, tieListCompleteness, type Completeness } from '../../model/completeness.js';
import type { Request } from 'express';
import { LeadmapError } from '../../model/errors.js';
import type { Disclosure } from '../../privacy/policy.js';
import type { Store, WaveRecord } from '../../store/store.js';
import { accountOf, seesNames } from '../access.js';
import type { WaveRef } from '../views/task.js';

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

/** What this account may see: named for admins/analysts (unless they ask for anonymised), pseudonymised for viewers. */
export function disclosureFor(req: Request, wantAnonymised: boolean): Disclosure {
  return seesNames(accountOf(req)) && !wantAnonymised ? 'named' : 'pseudonymised';
}

export function wantsAnonymised(req: Request): boolean {
  const v = req.query.anonymised ?? req.query.anonymized;
  return v === '1' || v === 'true' || v === 'yes';
}

/**
 * A ready wave as a view task names it (its data hash keys every cache). With `unit` (one school of a
 * district record, for an account that sees only it: access.ts unitOf) the task computes on that
 * school's own data, and the hash is that of the wave and the unit, so no cache entry is shared with
 * views of the whole record.
 */
export function readyWave(wave: WaveRecord, unit: string | null): WaveRef {
  if (wave.status === 'empty' || !wave.dataHash) throw new LeadmapError('NOT_READY', 'this wave has no data yet; upload its files first');
  if (unit === null) return { id: wave.id, label: wave.label, dataHash: wave.dataHash };
  const dataHash = createHash('sha256').update(`${wave.dataHash}\u0000unit\u0000${unit}`).digest('hex');
  return { id: wave.id, label: wave.label, dataHash, unit };
}

/**
 * Every analysis response says how complete its data is: `completeness` {answersRead, answersUsed, setAside,
 * undecided, pending} and the banner text ("1 question (42 answers) and 2 names are not in these results yet —
 * decide them", or null). Kept out of the cached body: it changes when items are decided, the ties may not.
 */
export function completenessOfWave(
  wave: WaveRecord,
  unit: string | null = null,
): Completeness & { banner: string | null; recordWide?: true } {
  const c = wave.completeness ?? tieListCompleteness(wave.ties);
  // One school of a district record: the counts and open items are the whole record's (they are not kept per school); said so.
  return { ...c, banner: completenessBanner(c), ...(unit === null ? {} : { recordWide: true as const }) };
}

/** A cached JSON object body with `completeness` put first (`unit`: the one school of a district record the view is of, or null). */
export function withCompleteness(body: Buffer, wave: WaveRecord, unit: string | null): Buffer {
  const head = Buffer.from(`{"completeness":${JSON.stringify(completenessOfWave(wave, unit))}${body.length > 2 ? ',' : ''}`);
  return Buffer.concat([head, body.subarray(1)]);
}

/** The school's ready wave just before this one (wave labels in natural order), or null. The report and the indicators compare with it. */
/** The school's waves with data up to and including `wave`, in label order, when there are three or more (a trend); else empty. */
export async function trendWaves(store: Store, schoolId: string, wave: WaveRecord, unit: string | null): Promise<WaveRef[]> {
  const upTo = (await store.listWaves(schoolId))
    .filter((w) => w.status !== 'empty' && w.dataHash && w.label.localeCompare(wave.label, undefined, { numeric: true }) <= 0)
    .sort((a, b) => a.label.localeCompare(b.label, undefined, { numeric: true }));
  return upTo.length >= 3 ? upTo.map((w) => readyWave(w, unit)) : [];
}

export async function previousReadyWave(store: Store, schoolId: string, wave: WaveRecord): Promise<WaveRecord | null> {
  const earlier = (await store.listWaves(schoolId)).filter(
    (w) => w.id !== wave.id && w.status !== 'empty' && w.dataHash && w.label.localeCompare(wave.label, undefined, { numeric: true }) < 0,
  );
  return earlier.sort((a, b) => b.label.localeCompare(a.label, undefined, { numeric: true }))[0] ?? null;
}
