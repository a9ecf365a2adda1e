import { join } from 'node:path';
import { LeadmapError } from '../../model/errors.js';
import type { Dataset, RelationSpec } from '../../model/types.js';
import { waveOf } from '../../report/index.js';
import { buildDistrictReport } from '../../report/district/model.js';
import { districtPdf } from '../../report/district/document.js';
import { analysisDocument, analyzeDataset } from '../analysis-document.js';
import { DISTRICT_OUTPUT } from './batch-folder.js';
import { loadWave, writeAtomically, type SchoolOutcome, type SchoolTask } from './school-task.js';

export type RollupResult = { written: true; json: string; pdf: string; schools: number } | { written: false; reason: string };

/**
 * The district roll-up of a batch: the schools that finished, as one district dataset (each person's
 * school is the school's cover name), written as `<out>/district.json` — the document `leadmap analyze
 * --json` prints for a roster naming several schools, with `schools` and `crossSchoolLeaders` — and
 * `<out>/district.pdf`, the report `leadmap report --district` writes. Left out, with the reason,
 * when fewer than two schools finished or when one person id appears in two schools (the district
 * network would join different people).
 */
export async function writeDistrictRollup(
  done: ReadonlyArray<{ task: SchoolTask; outcome: SchoolOutcome }>,
  o: { district: string; out: string; wave?: string },
): Promise<RollupResult> {
  if (done.length < 2) return { written: false, reason: 'fewer than two schools finished' };
  const owner = new Map<string, string>();
  const parts: Dataset[] = [];
  for (const { task, outcome } of done) {
    const d = await loadWave(task, task.dir, task.wave);
    for (const p of d.people) {
      const other = owner.get(p.id);
      if (other !== undefined && other !== task.school)
        return { written: false, reason: `person id "${p.id}" appears in ${other} and ${task.school}` };
      owner.set(p.id, task.school);
      if (p.school.trim() === '') p.school = outcome.name;
    }
    parts.push(d);
  }
  const dataset = mergeDatasets(parts);
  const first = done[0]!.task;
  const analysis = await analyzeDataset(dataset, { relation: first.relation });
  const json = join(o.out, `${DISTRICT_OUTPUT}.json`);
  await writeAtomically(json, JSON.stringify(analysisDocument(analysis)) + '\n');
  let wave: string;
  try {
    wave = waveOf(dataset, o.wave ?? done[0]!.outcome.wave).value;
  } catch (err) {
    if (err instanceof LeadmapError) return { written: false, reason: err.message };
    throw err;
  }
  const model = buildDistrictReport({
    district: o.district,
    wave,
    dataset,
    edition: first.edition,
    minGroupSize: first.minGroupSize,
    relation: first.relation,
  });
  const pdf = join(o.out, `${DISTRICT_OUTPUT}.pdf`);
  await writeAtomically(pdf, await districtPdf(model, first.paper));
  return { written: true, json, pdf, schools: done.length };
}

/** The datasets of several schools as one: people and ties side by side; respondents known only when known in every school. */
function mergeDatasets(parts: readonly Dataset[]): Dataset {
  const relations = new Map<string, RelationSpec>();
  for (const d of parts) for (const r of d.relations) if (!relations.has(r.name)) relations.set(r.name, r);
  return {
    people: parts.flatMap((d) => d.people),
    ties: parts.flatMap((d) => d.ties),
    relations: [...relations.values()],
    domains: [...new Set(parts.flatMap((d) => d.domains))].sort(),
    respondents: parts.every((d) => d.respondents !== null) ? parts.flatMap((d) => d.respondents!) : null,
    wave: parts[0]!.wave,
  };
}
