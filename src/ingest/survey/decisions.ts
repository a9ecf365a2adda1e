import YAML from 'yaml';
import type { QuestionMapping, SurveyMapping } from './mapping.js';

/** A decision a person made on one review item, as the web stores it (src/store ReviewItem). */
export interface Decision {
  kind: string;
  /** The mapping key: answer text (names), respondent text or "row N" (respondents), question header (columns). */
  key: string;
  resolution: string | QuestionMapping;
}

/**
 * The mapping file that the decisions make: column decisions → `questions`, names → `resolutions`,
 * respondents → `respondents`. Later decisions win over earlier ones for the same key.
 */
export function decisionsToMapping(decisions: readonly Decision[]): SurveyMapping {
  const m: SurveyMapping = { version: 1 };
  for (const d of decisions) {
    if (d.kind === 'column') {
      if (typeof d.resolution === 'object') (m.questions ??= {})[d.key] = d.resolution;
    } else if (typeof d.resolution === 'string') {
      if (d.kind === 'respondent') (m.respondents ??= {})[d.key] = d.resolution;
      else (m.resolutions ??= {})[d.key] = d.resolution;
    }
  }
  return m;
}

/** The later mapping wins key by key (questions, resolutions, respondents); the other settings are taken when set. */
export function mergeMappings(...mappings: ReadonlyArray<SurveyMapping | null | undefined>): SurveyMapping {
  const out: SurveyMapping = { version: 1 };
  for (const m of mappings) {
    if (!m) continue;
    for (const k of ['respondent', 'timestamp', 'dateOrder'] as const)
      if (m[k] !== undefined) (out as unknown as Record<string, unknown>)[k] = m[k];
    if (m.scales) out.scales = { ...out.scales, ...m.scales };
    if (m.questions) out.questions = { ...out.questions, ...m.questions };
    if (m.resolutions) out.resolutions = { ...out.resolutions, ...m.resolutions };
    if (m.respondents) out.respondents = { ...out.respondents, ...m.respondents };
  }
  return out;
}

/**
 * What a school's decisions carry to its next wave: everything except decisions about one row of one export
 * (`respondents: { "row 7": … }`), which mean nothing in another file.
 */
export function carriedDecisions(m: SurveyMapping): SurveyMapping {
  const respondents = Object.fromEntries(Object.entries(m.respondents ?? {}).filter(([k]) => !/^row \d+$/.test(k)));
  return { ...m, respondents };
}

/** The mapping file as YAML (what "Download decisions" gives and `leadmap import --mapping` reads). */
export function mappingYaml(m: SurveyMapping, comment: string): string {
  const doc = new YAML.Document(m);
  doc.commentBefore = comment
    .split('\n')
    .map((l) => ` ${l}`)
    .join('\n');
  return doc.toString({ lineWidth: 0 });
}
