import type { Request } from 'express';
import { LeadmapError } from '../../model/errors.js';
import { indicatorRows, type PreviousWave } from '../../report/present/indicators.js';
import { profiles } from '../../report/sections.js';
import type { DomainProfileRow, IndicatorRow } from '../../report/types.js';
import type { Store, WaveRecord } from '../../store/store.js';
import type { AppDeps } from '../context.js';
import { leadershipFor } from './leadership.js';
import type { Selection } from './service.js';

/** The school's ready wave just before this one (wave labels in natural order), or null. The report compares with the same wave. */
export async function previousReadyWave(store: Store, schoolId: string, wave: WaveRecord): Promise<WaveRecord | null> {
  const earlier = (await store.listWaves(schoolId)).filter(
    (w) => w.id !== wave.id && w.status !== 'empty' && w.dataHash && w.label.localeCompare(wave.label, undefined, { numeric: true }) < 0,
  );
  return earlier.sort((a, b) => b.label.localeCompare(a.label, undefined, { numeric: true }))[0] ?? null;
}

export interface IndicatorsResponse {
  relation: string;
  domain: string;
  wave: string;
  previousWave: string | null;
  rows: IndicatorRow[];
  /** Distribution per domain, as the report's table prints it. */
  profiles: DomainProfileRow[];
}

/**
 * The key indicators of a wave as the report prints them (src/report/present): same values, same
 * text, same chance comparison, the change since the previous ready wave. Through the privacy layer.
 */
export async function indicatorsFor(
  deps: AppDeps,
  req: Request,
  wave: WaveRecord,
  sel: Selection,
  wantAnonymised: boolean,
): Promise<IndicatorsResponse> {
  const l = await leadershipFor(deps, req, wave, sel.relation, wantAnonymised);
  const domain = sel.domain && l.selection.domains.includes(sel.domain) ? sel.domain : 'any';
  const before = await previousReadyWave(deps.store, wave.schoolId, wave);
  let prev: PreviousWave | null = null;
  if (before) {
    try {
      prev = { label: before.label, analysis: await leadershipFor(deps, req, before, l.selection.relation, wantAnonymised) };
    } catch (err) {
      // The previous wave lacks this relation: no change is shown.
      if (!(err instanceof LeadmapError)) throw err;
    }
  }
  return {
    relation: l.selection.relation,
    domain,
    wave: wave.label,
    previousWave: prev?.label ?? null,
    rows: indicatorRows(l, domain, prev),
    profiles: profiles(l),
  };
}
