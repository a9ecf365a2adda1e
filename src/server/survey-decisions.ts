import { carriedDecisions, decisionsToMapping, mergeMappings, type Decision } from '../ingest/survey/decisions.js';
import { validateMapping, type QuestionMapping, type SurveyMapping } from '../ingest/survey/mapping.js';
import type { SurveyDecisions } from '../jobs/survey-dataset.js';
import type { StoredReviewItem, Store, WaveRecord } from '../store/store.js';

const byLabel = (a: WaveRecord, b: WaveRecord) => a.label.localeCompare(b.label, undefined, { numeric: true });

/** A wave's own decisions: the mapping file uploaded for it, then every decided review item (later wins). */
export async function ownDecisions(store: Store, waveId: string): Promise<SurveyMapping> {
  const uploaded = await store.getWaveMapping(waveId);
  const parsed = uploaded
    ? validateMapping(uploaded, () => ({
        code: 'BAD_MAPPING',
        severity: 'error',
        file: '',
        row: null,
        column: null,
        value: null,
        message: '',
      }))
    : null;
  return mergeMappings(parsed?.ok ? parsed.mapping : null, decisionsToMapping((await store.listReviewItems(waveId)).flatMap(decisionOf)));
}

function decisionOf(i: StoredReviewItem): Decision[] {
  if (i.resolution === null) return [];
  const key = i.key ?? (i.kind === 'column' ? (i.column ?? i.raw) : i.raw);
  return [
    { kind: i.kind, key, resolution: typeof i.resolution === 'string' ? i.resolution : (i.resolution as unknown as QuestionMapping) },
  ];
}

/**
 * What a survey of this wave is read with: its own decisions, and those of the school's latest earlier wave that
 * has any (carried to the next wave, shown as "decided last year"; decisions about one row are not carried).
 * A fresh upload keeps only the wave's decisions that do not name a row of the replaced file.
 */
export async function surveyDecisions(store: Store, wave: WaveRecord, fresh: boolean): Promise<SurveyDecisions> {
  const own = await ownDecisions(store, wave.id);
  const earlier = (await store.listWaves(wave.schoolId))
    .filter((w) => w.id !== wave.id && byLabel(w, wave) < 0)
    .sort((a, b) => byLabel(b, a));
  let carried: SurveyDecisions['carried'] = null;
  for (const w of earlier) {
    const m = carriedDecisions(await ownDecisions(store, w.id));
    if (Object.keys(m.questions ?? {}).length + Object.keys(m.resolutions ?? {}).length + Object.keys(m.respondents ?? {}).length > 0) {
      carried = { label: w.label, mapping: m };
      break;
    }
  }
  return { mapping: fresh ? carriedDecisions(own) : own, carried };
}
