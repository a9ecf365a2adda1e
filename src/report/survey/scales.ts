import { fileURLToPath } from 'node:url';
import { readScaleAnswers, scalesAskedInFull } from '../../ingest/scale-answers.js';
import { readScalesFile } from '../../ingest/scales-file.js';
import { formatProblems } from '../../ingest/problems.js';
import { scaleResult, scaleScore, scored } from '../../metrics/survey/scales.js';
import { perceivedVsSought, type PerceivedVsSought } from '../../metrics/survey/perceived-vs-sought.js';
import { domainOfLabel } from '../../ingest/survey/infer.js';
import type { ScaleAnswerRow } from '../../ingest/scale-answers.js';
import type { ScaleDefinition } from '../../model/scales.js';
import type { Dataset } from '../../model/types.js';
import { buildGraph } from '../../graph/build-graph.js';
import { toCsr, toMap } from '../../graph/csr.js';
import { degreeArrays } from '../../metrics/node/degree.js';
import { inDegreeCentralizationOf } from '../../metrics/network/centralization.js';
import { presentScales, type PublicScale } from '../../privacy/present-scales.js';
import { DEFAULT_MIN_GROUP_SIZE } from '../../privacy/policy.js';

/** The scale definitions shipped with leadmap (scales/leadmap-scales.yaml), used when --scales is not given. */
export const SHIPPED_SCALES = fileURLToPath(new URL('../../../scales/leadmap-scales.yaml', import.meta.url));

/**
 * The `scales` section of leadmap analyze and of a wave's survey view: the definitions (--scales, or
 * the shipped ones) read against the people file's answers (--people), per scale its alpha, n, mean
 * and group means, small groups hidden. Problems go to stderr; null when a file is refused.
 * Without --scales, the shipped scales the people file asks in full are read and the others named
 * on stderr (SCALE_NOT_ASKED); undefined (no scales section) when it asks none in full: e.g. a
 * survey that asked only the skills inventory, read by the skills part alone.
 */
export async function scalesSection(
  peoplePath: string,
  scalesPath: string | undefined,
  groupBy: string,
  stderr: (s: string) => void,
  network: { dataset: Dataset; relation: string } | null = null,
  minGroupSize: number = DEFAULT_MIN_GROUP_SIZE,
): Promise<{ scales: PublicScale[]; surveyNetwork: SurveyNetwork | null } | null | undefined> {
  const used = await scalesToRead(peoplePath, scalesPath, 'leadmap analyze', stderr);
  if (used === null) return null;
  if (used.length === 0) return undefined;
  const answers = await readScaleAnswers(peoplePath, used, groupBy);
  if (!answers.ok) {
    stderr(`leadmap analyze: the people file was not read (nothing was analysed):\n${formatProblems(answers.problems)}\n`);
    return null;
  }
  const results = used.map((def, i) =>
    scaleResult(
      def,
      answers.value.rows.map((r) => ({ id: r.id, group: r.group, answers: r.answers[i]! })),
    ),
  );
  const scales = presentScales(results, minGroupSize);
  return {
    scales,
    surveyNetwork: network
      ? {
          ...surveyNetwork(used, answers.value.rows, network.dataset, network.relation, minGroupSize),
          distribution: perceivedDistribution(scales, network.dataset, network.relation),
        }
      : null,
  };
}

/**
 * The definitions to read a people file with: those of `scalesPath` (every item must then have a
 * column), or the shipped scales the file asks in full, the others named on stderr
 * (SCALE_NOT_ASKED); empty when it asks none in full. Null when the definitions cannot be read.
 */
export async function scalesToRead(
  peoplePath: string,
  scalesPath: string | undefined,
  command: string,
  stderr: (s: string) => void,
): Promise<ScaleDefinition[] | null> {
  const defs = await readScalesFile(scalesPath ?? SHIPPED_SCALES);
  if (!defs.ok) {
    stderr(`${command}: the scale definitions were not read (nothing was analysed):\n${formatProblems(defs.problems)}\n`);
    return null;
  }
  if (scalesPath !== undefined) return defs.value;
  const asked = await scalesAskedInFull(peoplePath, defs.value);
  const left = defs.value.filter((_d, i) => !asked[i]);
  if (left.length > 0 && left.length < defs.value.length)
    stderr(
      `${command}: scales not asked in full by the people file, left out: ${left.map((d) => `"${d.scale}"`).join(', ')} [SCALE_NOT_ASKED]\n`,
    );
  return defs.value.filter((_d, i) => asked[i]);
}

export interface SurveyNetwork {
  exploratory: true;
  note: string;
  items: PerceivedVsSought[];
  /** Perceived distribution (scale means) beside the measured in-degree centralization of the relation, all domains pooled. */
  distribution: PerceivedDistribution;
}

/** The scales that read as how widely staff see leadership shared (docs/metrics.md, "Survey meets network"). */
export const PERCEIVED_DISTRIBUTION_SCALES = ['teacher influence over decisions', 'participation in decision-making'] as const;

export interface PerceivedDistribution {
  relation: string;
  /** Freeman in-degree centralization of the relation, all domains pooled (0: everyone named alike; 1: one person named by all). */
  inDegreeCentralization: number | null;
  /** Each perceived-distribution scale present: its mean (null when under the minimum group size) and people scored. */
  scales: Array<{ scale: string; mean: number | null; n: number }>;
}

/** Perceived distribution (the shipped scales that ask how widely decisions are shared) beside measured centralization. */
export function perceivedDistribution(scales: readonly PublicScale[], dataset: Dataset, relation: string): PerceivedDistribution {
  const c = toCsr(buildGraph(dataset, { relation }));
  return {
    relation,
    inDegreeCentralization: inDegreeCentralizationOf(degreeArrays(c).inDegree),
    scales: scales
      .filter((s) => (PERCEIVED_DISTRIBUTION_SCALES as readonly string[]).includes(s.scale))
      .map((s) => ({ scale: s.scale, mean: s.mean, n: s.n })),
  };
}

/** Per item about one domain: answers beside how often each person is sought out in that domain (src/metrics/survey/perceived-vs-sought.ts). */
function surveyNetwork(
  defs: readonly ScaleDefinition[],
  rows: readonly ScaleAnswerRow[],
  dataset: Dataset,
  relation: string,
  minGroupSize: number,
): Omit<SurveyNetwork, 'distribution'> {
  const items = defs.flatMap((def, si) =>
    def.items.flatMap((it, ii) => {
      const domain = domainOfLabel(it.item);
      if (domain === null) return [];
      const answers = new Map<string, number>();
      for (const r of rows) {
        const a = r.answers[si]![ii];
        if (a !== null && a !== undefined) answers.set(r.id, scored(def, ii, a));
      }
      return [{ scale: def.scale, item: it.item, domain, answers }];
    }),
  );
  const domains = new Set(dataset.ties.filter((t) => t.relation === relation).map((t) => t.domain));
  const inDegree = (domain: string) => {
    if (!domains.has(domain)) return null;
    const c = toCsr(buildGraph(dataset, { relation, domain }));
    return toMap(c, degreeArrays(c).inDegree);
  };
  return {
    exploratory: true,
    note: `Exploratory: Spearman correlation between each person's answer and how many colleagues name them in that domain (${relation}); few people and items, not a test.`,
    items: perceivedVsSought(items, inDegree, minGroupSize),
  };
}

/**
 * Every person's score on every scale (the people file's answers under the definitions), keyed by
 * person id then scale name; people who answered too few items have no entry for that scale. Null
 * when a file is refused (problems on stderr, prefixed with `command`).
 */
export async function scaleScoresOf(
  peoplePath: string,
  scalesPath: string | undefined,
  command: string,
  stderr: (s: string) => void,
): Promise<Map<string, Record<string, number>> | null> {
  const used = await scalesToRead(peoplePath, scalesPath, command, stderr);
  if (used === null) return null;
  if (used.length === 0) return new Map();
  const answers = await readScaleAnswers(peoplePath, used);
  if (!answers.ok) {
    stderr(`${command}: the people file ${peoplePath} was not read:\n${formatProblems(answers.problems)}\n`);
    return null;
  }
  const out = new Map<string, Record<string, number>>();
  for (const r of answers.value.rows) {
    const scores: Record<string, number> = {};
    used.forEach((def, i) => {
      const s = scaleScore(def, r.answers[i]!);
      if (s !== null) scores[def.scale] = s;
    });
    out.set(r.id, scores);
  }
  return out;
}
