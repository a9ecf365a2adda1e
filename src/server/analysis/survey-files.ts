import { absolutePath, type DataDir } from '../../store/files.js';
import type { Store } from '../../store/store.js';
import type { SurveyFileRefs } from '../views/task.js';

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
