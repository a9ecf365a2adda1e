import { absolutePath, type DataDir } from '../../store/files.js';
import type { Store } from '../../store/store.js';
import type { FileRef, OutcomeFileRefs, SurveyFileRefs, WaveRef } from '../views/task.js';

const SURVEY_KINDS = ['people', 'activities', 'decisions'] as const;

/** The wave's stored survey files (people, activities, decisions), as a view task names them. */
export async function surveyFileRefs(store: Store, dir: DataDir, waveId: string): Promise<SurveyFileRefs> {
  const refs: SurveyFileRefs = {};
  for (const f of await store.listUploadFiles(waveId)) {
    const kind = SURVEY_KINDS.find((k) => k === f.kind);
    if (kind) refs[kind] = { path: absolutePath(dir, f.storedPath), sha256: f.sha256 };
  }
  return refs;
}

/** A wave's stored outcomes file (outcomes.csv), or null. */
async function outcomesRef(store: Store, dir: DataDir, waveId: string): Promise<FileRef | null> {
  const f = (await store.listUploadFiles(waveId)).find((x) => x.kind === 'outcomes');
  return f ? { path: absolutePath(dir, f.storedPath), sha256: f.sha256 } : null;
}

/** The outcomes files of the earlier (may be absent) and the later wave of a comparison. */
export async function outcomeFileRefs(store: Store, dir: DataDir, before: string | null, after: string): Promise<OutcomeFileRefs> {
  return { before: before ? await outcomesRef(store, dir, before) : null, after: await outcomesRef(store, dir, after) };
}

/** A wave as a comparison names it: with its stored people file (survey scales as change indicators), when it has one. */
export async function withPeopleFile(store: Store, dir: DataDir, wave: WaveRef): Promise<WaveRef> {
  return { ...wave, people: (await surveyFileRefs(store, dir, wave.id)).people ?? null };
}
