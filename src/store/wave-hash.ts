import { createHash, type Hash } from 'node:crypto';
import type { Dataset, Tie } from '../model/types.js';

/**
 * The hash of a stored wave dataset (WaveRecord.dataHash, the key of cached analyses), the same for
 * every back end: fed in storing order — people (their JSON), ties, sorted respondents, the
 * relations/domains/respondents-known triple, then survey answers.
 */
export class WaveHasher {
  private readonly hash: Hash = createHash('sha256');

  person(json: string): void {
    this.hash.update('P').update(json);
  }
  tie(t: Tie): void {
    this.hash
      .update('T')
      .update(
        `${t.source}\u0000${t.target}\u0000${t.relation}\u0000${t.domain}\u0000${t.weight}\u0000${t.count}\u0000${t.timestamp ?? ''}\u0000${t.wave ?? ''}`,
      );
  }
  respondent(id: string): void {
    this.hash.update('R').update(id);
  }
  meta(dataset: Dataset, respondentsKnown: boolean): void {
    this.hash.update('M').update(JSON.stringify([dataset.relations, dataset.domains, respondentsKnown]));
  }
  response(personId: string, json: string): void {
    this.hash.update('A').update(personId).update(json);
  }
  digest(): string {
    return this.hash.digest('hex');
  }
}

/** Tables holding a wave's dataset rows: an upload empties them all before storing the new dataset. */
export const WAVE_DATA_TABLES = ['person', 'tie', 'respondent', 'response', 'upload_file', 'review_item', 'analysis_cache'] as const;

/** Respondent ids as stored: distinct and sorted, or null when the upload does not say who answered. */
export function storedRespondents(dataset: Dataset): string[] | null {
  return dataset.respondents === null ? null : [...new Set(dataset.respondents)].sort();
}
