import { fileURLToPath } from 'node:url';
import { readScaleAnswers } from '../ingest/scale-answers.js';
import { readScalesFile } from '../ingest/scales-file.js';
import { formatProblems } from '../ingest/problems.js';
import { scaleResult } from '../metrics/survey/scales.js';
import { presentScales, type PublicScale } from '../privacy/present-scales.js';
import { DEFAULT_MIN_GROUP_SIZE } from '../privacy/policy.js';

/** The scale definitions shipped with leadmap (scales/leadmap-scales.yaml), used when --scales is not given. */
export const SHIPPED_SCALES = fileURLToPath(new URL('../../scales/leadmap-scales.yaml', import.meta.url));

/**
 * The `scales` section of leadmap analyze: the definitions (--scales, or the shipped ones) read
 * against the people file's answers (--people), per scale its alpha, n, mean and group means, small
 * groups hidden. Problems go to stderr; null when a file is refused.
 */
export async function scalesSection(
  peoplePath: string,
  scalesPath: string | undefined,
  groupBy: string,
  stderr: (s: string) => void,
): Promise<PublicScale[] | null> {
  const defs = await readScalesFile(scalesPath ?? SHIPPED_SCALES);
  if (!defs.ok) {
    stderr(`leadmap analyze: the scale definitions were not read (nothing was analysed):\n${formatProblems(defs.problems)}\n`);
    return null;
  }
  const answers = await readScaleAnswers(peoplePath, defs.value, groupBy);
  if (!answers.ok) {
    stderr(`leadmap analyze: the people file was not read (nothing was analysed):\n${formatProblems(answers.problems)}\n`);
    return null;
  }
  const results = defs.value.map((def, i) =>
    scaleResult(
      def,
      answers.value.rows.map((r) => ({ id: r.id, group: r.group, answers: r.answers[i]! })),
    ),
  );
  return presentScales(results, DEFAULT_MIN_GROUP_SIZE);
}
