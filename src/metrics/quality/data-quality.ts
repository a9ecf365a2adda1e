import type { Dataset } from '../../model/types.js';
import type { Csr } from '../../graph/csr.js';
import { hasArc } from '../../graph/undirected.js';

export const QUALITY_DEFAULTS = {
  /** Warn below this response rate. */
  minResponseRate: 0.7,
  /** Warn about (and suppress) groups smaller than this. */
  minGroupSize: 5,
};
export type QualityOptions = typeof QUALITY_DEFAULTS;

/** A data-quality warning attached to an analysis. `code` is machine-readable; tests assert it. */
export interface AnalysisWarning {
  code: 'LOW_RESPONSE_RATE' | 'RESPONSE_UNKNOWN' | 'SMALL_GROUP' | 'NO_TIES' | 'TIES_FROM_NON_RESPONDENTS' | 'FEW_PEOPLE';
  message: string;
  /** What the warning is about: a group name, a domain, or null for the whole analysis. */
  subject: string | null;
}

export interface TieConfirmation {
  ties: number;
  /** Arcs i→j with j→i also present (both people confirm the relationship). */
  confirmed: number;
  /** Arcs between two respondents that the target did not return. */
  unconfirmed: number;
  /** Arcs to people who did not answer (cannot be confirmed). */
  toNonRespondents: number;
  /** Arcs sent by people not on the respondent list (e.g. from logs); 0 for surveys. */
  fromNonRespondents: number;
}

export interface DataQuality {
  rosterSize: number;
  respondents: number | null;
  /** respondents on the roster / people on the roster; null when unknown (every person treated as a respondent). */
  responseRate: number | null;
  responseRateReason: string | null;
  ties: TieConfirmation;
  warnings: AnalysisWarning[];
}

/** Respondent set of a dataset, or null when unknown. */
export function respondentSet(dataset: Pick<Dataset, 'respondents'>): ReadonlySet<string> | null {
  return dataset.respondents === null ? null : new Set(dataset.respondents);
}

/**
 * Data quality of one wave: response rate, confirmed (reciprocated) vs unconfirmed ties, and warnings
 * (response rate below minResponseRate, unknown response, groups smaller than minGroupSize).
 *   responseRate = |respondents ∩ roster| / |roster|   (people with onRoster = true)
 * When respondents are unknown every person counts as a respondent, so "unconfirmed" covers all
 * unreturned arcs. O(m · d).
 * Whole-network measures are sensitive to missing respondents (Kossinets 2006, Social Networks 28(3),
 * 247–268); 70 % is leadmap's default warning line, configurable.
 */
export function dataQuality(
  dataset: Pick<Dataset, 'people' | 'respondents'>,
  pooled: Csr,
  groups: ReadonlyArray<{ name: string; size: number }>,
  groupBy: string,
  options: Partial<QualityOptions> = {},
): DataQuality {
  const o = { ...QUALITY_DEFAULTS, ...options };
  const roster = dataset.people.filter((p) => p.onRoster);
  const resp = respondentSet(dataset);
  const warnings: AnalysisWarning[] = [];
  let responseRate: number | null = null;
  let responseRateReason: string | null = null;
  let respondents: number | null = null;
  if (resp === null) {
    responseRateReason = 'respondents not given';
    warnings.push({
      code: 'RESPONSE_UNKNOWN',
      message:
        'Who answered the survey is not known: every person is treated as a respondent, so people who did not answer look like people who seek no advice.',
      subject: null,
    });
  } else if (roster.length === 0) {
    responseRateReason = 'empty roster';
  } else {
    respondents = roster.filter((p) => resp.has(p.id)).length;
    responseRate = respondents / roster.length;
    if (responseRate < o.minResponseRate) {
      warnings.push({
        code: 'LOW_RESPONSE_RATE',
        message: `Only ${Math.round(responseRate * 100)} % of staff answered (below ${Math.round(o.minResponseRate * 100)} %): people who did not answer can still be named, but the advice they seek is missing, so read every measure with care.`,
        subject: null,
      });
    }
  }
  const isResp = (i: number): boolean => resp === null || resp.has(pooled.ids[i]!);
  const ties: TieConfirmation = { ties: pooled.m, confirmed: 0, unconfirmed: 0, toNonRespondents: 0, fromNonRespondents: 0 };
  for (let i = 0; i < pooled.n; i++) {
    for (let k = pooled.outOffsets[i]!; k < pooled.outOffsets[i + 1]!; k++) {
      const j = pooled.outTargets[k]!;
      if (!isResp(i)) ties.fromNonRespondents++;
      if (hasArc(pooled, j, i)) ties.confirmed++;
      else if (isResp(j)) ties.unconfirmed++;
      else ties.toNonRespondents++;
    }
  }
  if (ties.fromNonRespondents > 0) {
    warnings.push({
      code: 'TIES_FROM_NON_RESPONDENTS',
      message: `${ties.fromNonRespondents} ties come from people not on the respondent list.`,
      subject: null,
    });
  }
  if (pooled.m === 0) warnings.push({ code: 'NO_TIES', message: 'The data hold no ties for this relation.', subject: null });
  if (roster.length < o.minGroupSize)
    warnings.push({ code: 'FEW_PEOPLE', message: `Only ${roster.length} people: results would identify individuals.`, subject: null });
  for (const g of groups) {
    if (g.size < o.minGroupSize) {
      warnings.push({
        code: 'SMALL_GROUP',
        message: `The ${groupBy} "${g.name}" has ${g.size} ${g.size === 1 ? 'person' : 'people'} (fewer than ${o.minGroupSize}): its group results are suppressed.`,
        subject: g.name,
      });
    }
  }
  return { rosterSize: roster.length, respondents, responseRate, responseRateReason, ties, warnings };
}
