import type { Dataset } from '../../model/types.js';
import { scaleScoresOf } from './scales.js';

/**
 * One wave with each person's survey scale scores (the people file read under the scale definitions:
 * `scalesPath`, or the shipped scales it asks in full) added as roster attributes named after their
 * scale, which the change measures read as indicators (src/metrics/change/wave-frame.ts, SCALE_COLUMNS).
 * A copy: `dataset` is not changed. Null when a file is refused (problems on stderr, prefixed with
 * `command`). `leadmap compare --people` and the server's comparison of two waves both read waves so.
 */
export async function withScaleScores(
  dataset: Dataset,
  peoplePath: string,
  scalesPath: string | undefined,
  command: string,
  stderr: (s: string) => void,
): Promise<Dataset | null> {
  const scores = await scaleScoresOf(peoplePath, scalesPath, command, stderr);
  if (!scores) return null;
  if (scores.size === 0) return dataset;
  return {
    ...dataset,
    people: dataset.people.map((p) => {
      const s = scores.get(p.id);
      return s ? { ...p, attributes: { ...p.attributes, ...s } } : p;
    }),
  };
}
