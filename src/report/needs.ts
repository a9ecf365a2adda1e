/**
 * The data a finding needs and whether a wave has it: a finding whose data is missing reads
 * "<topic>: not assessed — needs …" instead of a reassurance drawn from absent data.
 */
import type { LeadershipAnalysis } from '../metrics/analytics.js';
import { ANY_DOMAIN, type Dataset } from '../model/types.js';
import type { DataAvailable, DataNeed, Finding } from './types.js';

type A = LeadershipAnalysis;

/** What each kind of data is, as the "needs …" of a finding not assessed. */
export const NEED_WORDS: Record<DataNeed, string> = {
  domains: 'a domain column in the tie list (who is asked about what)',
  startYears: 'start years or years of experience on the roster',
  releaseTime: 'release times on the roster',
  respondents: 'the list of who answered the survey (--respondents)',
  previousWave: 'a previous wave of the same school',
};

/** Which kinds of data this wave has. */
export function dataAvailable(dataset: Dataset, a: A, previous: boolean): DataAvailable {
  const roster = dataset.people.filter((p) => p.onRoster);
  return {
    domains: a.selection.domains.some((d) => d !== ANY_DOMAIN),
    startYears: roster.some((p) => p.startYear !== null || p.yearsExperience !== null),
    releaseTime: roster.some((p) => p.releaseTime !== null),
    respondents: dataset.respondents !== null,
    previousWave: previous,
  };
}

/** A finding that holds only with `needs`; without them, "<topic>: not assessed — needs …". */
/** The finding `text()` when every need is met; otherwise what it needs. */
export function finding(key: string, topic: string, needs: DataNeed[], data: DataAvailable, text: () => string): Finding {
  const missing = needs.filter((n) => !data[n]);
  if (missing.length === 0) return { key, text: text(), needs, assessed: true };
  return { key, text: `${topic}: not assessed — needs ${missing.map((n) => NEED_WORDS[n]).join(' and ')}.`, needs, assessed: false };
}
