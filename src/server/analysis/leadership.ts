import { createHash } from 'node:crypto';
import type { Request } from 'express';
import { analyzeLeadership, type LeadershipAnalysis } from '../../metrics/analytics.js';
import { LeadmapError } from '../../model/errors.js';
import { presentLeadership } from '../../privacy/present-leadership.js';
import { Pseudonyms } from '../../privacy/pseudonym.js';
import type { WaveRecord } from '../../store/store.js';
import type { AppDeps } from '../context.js';
import { disclosureFor } from './service.js';

const VERSION = 3;

/**
 * The leadership analytics of a wave (leaders per domain, distribution,
 * formal vs informal, groups, brokerage, key-person risk, periphery, data
 * quality), cached in the store by data hash, served through the privacy layer.
 */
export async function leadershipFor(
  deps: AppDeps,
  req: Request,
  wave: WaveRecord,
  relation: string | undefined,
  wantAnonymised: boolean,
): Promise<LeadershipAnalysis> {
  if (wave.status === 'empty' || !wave.dataHash) throw new LeadmapError('NOT_READY', 'this wave has no data yet; upload its files first');
  const dataset = await deps.store.loadWaveDataset(wave.id);
  if (!dataset) throw new LeadmapError('NOT_READY', 'this wave has no data yet');
  const key = createHash('sha256')
    .update(JSON.stringify(['leadership', VERSION, wave.dataHash, relation ?? '', deps.privacy.minGroupSize]))
    .digest('hex');
  let raw = (await deps.store.getCachedAnalysis(key)) as LeadershipAnalysis | null;
  if (!raw) {
    raw = analyzeLeadership(dataset, { relation, minGroupSize: deps.privacy.minGroupSize });
    await deps.store.putCachedAnalysis(key, wave.id, raw);
  }
  const disclosure = disclosureFor(req, wantAnonymised);
  const pseudonyms = new Pseudonyms(
    await deps.store.waveSecret(wave.id),
    dataset.people.map((p) => p.id),
  );
  return presentLeadership(raw, dataset.people, { disclosure, policy: deps.privacy, pseudonyms });
}
