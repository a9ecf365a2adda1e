/** Views that read a wave beside earlier ones: the indicators with their change, the comparison with its trend, and the report. */
import { LeadmapError } from '../../model/errors.js';
import { ANY_DOMAIN } from '../../model/types.js';
import { privacyPolicy } from '../../privacy/policy.js';
import { presentChange, presentTrend } from '../../privacy/present-change.js';
import type { WaveChange } from '../../metrics/change/compare-waves.js';
import { changeTrend } from '../../metrics/change/trend.js';
import { ASSOCIATION_NOTE, outcomeChanges, type OutcomeChange } from '../../metrics/change/outcomes.js';
import { readOutcomes } from '../../ingest/outcomes.js';
import { changeView, trendView } from '../../report/present/change.js';
import { makeReport } from '../../report/index.js';
import { indicatorRows, type PreviousWave } from '../../report/present/indicators.js';
import { profiles } from '../../report/sections.js';
import { resolveSelection } from '../../metrics/wave-analysis.js';
import { encode, surveyPaths, waveInput, type WaveData } from './wave-data.js';
import type { OutcomeFileRefs, TaskOf, TaskProgress, ViewResult, WaveRef } from './task.js';

/** Key indicators as the report prints them, with the change since the previous wave. */
export async function indicatorsView(data: WaveData, task: TaskOf<'indicators'>, progress: TaskProgress): Promise<ViewResult> {
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

/** What changed between two waves, with intervals, outcomes and (three or more waves) the trend: the computation of `leadmap compare`. */
export async function compareView(data: WaveData, task: TaskOf<'compare'>, progress: TaskProgress): Promise<ViewResult> {
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

/** The school's annual report (PDF): the same cached comparisons as the compare view. */
export async function reportView(data: WaveData, task: TaskOf<'report'>, progress: TaskProgress): Promise<ViewResult> {
  const current = await waveInput(data, task.wave);
  const previous = task.previous ? await waveInput(data, task.previous) : null;
  // The change page and the trend read the same cached comparisons as GET /api/schools/:id/compare (one computation).
  const relation = resolveSelection(await data.meta(task.wave)).relation;
  const outcomes = task.previous ? await outcomeChangesOf(task.outcomes) : null;
  const comparison = task.previous ? withOutcomeNote(await data.change(task.previous, task.wave, relation), outcomes) : undefined;
  const trend = await trendOf(data, task.trend, relation, privacyPolicy(task.minGroupSize), progress);
  progress('rendering', 0, 1);
  const { pdf } = await makeReport(
    {
      school: task.school,
      partOf: task.partOf,
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
