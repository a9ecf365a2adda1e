import { csvLine } from '../../ingest/csv-safe.js';
import type { SurveyView } from '../../report/survey/view.js';

/** CSV files of a wave's survey side (UTF-8 with BOM, formula-safe cells), as the survey view shows them for the edition. */
export const SURVEY_CSVS = ['scales.csv', 'skills.csv', 'decisions.csv', 'patterns.csv'] as const;
export type SurveyCsv = (typeof SURVEY_CSVS)[number];

const BOM = '\uFEFF';

/** One row per scale (alpha and its n, people scored, mean, sd), then one per group shown (groups under the minimum are never written). */
export function scalesCsv(v: SurveyView): string {
  let out = BOM + csvLine(['scale', 'group', 'items', 'min_items', 'alpha', 'alpha_n', 'n', 'mean', 'sd', 'groups_hidden']);
  for (const s of v.scales ?? []) {
    out += csvLine([s.scale, '(all)', s.items, s.minItems, s.alpha, s.alphaN, s.n, s.mean, s.sd, s.groupsHidden]);
    for (const g of s.groups) out += csvLine([s.scale, g.group, s.items, s.minItems, null, null, g.n, g.mean, null, null]);
  }
  return out;
}

/** Per domain the counts, then each prompt with its kind: prompts for a conversation, never a ranking. */
export function skillsCsv(v: SurveyView): string {
  let out = BOM + csvLine(['kind', 'domain', 'offered_by', 'needed_by', 'sought_out', 'people', 'prompt']);
  const k = v.skills;
  if (!k) return out;
  for (const d of k.domains) out += csvLine(['domain', d.domain, d.offeredBy, d.neededBy, d.soughtOut, null, null]);
  for (const u of k.untappedStrengths) out += csvLine(['untapped strength', u.domain, null, null, u.namedBy, u.person, u.prompt]);
  for (const u of k.singleExpertDomains) out += csvLine(['single expert', u.domain, null, null, u.namedBy, u.person, u.prompt]);
  for (const u of k.unmetNeeds) out += csvLine(['unmet need', u.domain, null, u.people, null, null, u.prompt]);
  for (const p of k.pairings) out += csvLine(['pairing', p.domain, null, null, null, `${p.leader}; ${p.colleague}`, p.prompt]);
  return out;
}

/** The level × domain matrix, the network check per domain, the concentrated decisions, and (named edition) every decision with its people. */
export function decisionsCsv(v: SurveyView): string {
  let out =
    BOM + csvLine(['kind', 'level', 'domain', 'decisions', 'decision', 'check', 'why', 'decides', 'consulted', 'informed', 'frequency']);
  const m = v.decisions;
  if (!m) return out;
  for (const c of m.matrix) out += csvLine(['matrix', c.level, c.domain, c.decisions, null, null, null, null, null, null, null]);
  for (const d of m.byDomain)
    out += csvLine(['check', null, d.domain, d.decisions, null, d.check, d.why, d.people?.deciders.join('; ') ?? null, null, null, null]);
  for (const d of m.concentrated) out += csvLine(['concentrated', d.level, d.domain, 1, d.decision, null, d.why, null, null, null, null]);
  for (const d of m.decisions)
    out += csvLine([
      'decision',
      d.level,
      d.domain,
      1,
      d.decision,
      null,
      null,
      d.decides.join('; '),
      d.consulted.join('; '),
      d.informed.join('; '),
      d.frequency,
    ]);
  return out;
}

/** Counts per pattern, then (named edition) every activity with its pattern and why. */
export function patternsCsv(v: SurveyView): string {
  let out = BOM + csvLine(['kind', 'pattern', 'activities', 'row', 'date', 'activity', 'participants', 'unit', 'why']);
  const p = v.patterns;
  if (!p) return out;
  for (const [pattern, n] of Object.entries(p.counts)) out += csvLine(['count', pattern, n, null, null, null, null, null, null]);
  for (const a of p.activities)
    out += csvLine(['activity', a.pattern, 1, a.row, a.date, a.activity, a.participants.join('; '), a.unit, a.why]);
  return out;
}

export function surveyCsv(name: SurveyCsv, v: SurveyView): string {
  switch (name) {
    case 'scales.csv':
      return scalesCsv(v);
    case 'skills.csv':
      return skillsCsv(v);
    case 'decisions.csv':
      return decisionsCsv(v);
    case 'patterns.csv':
      return patternsCsv(v);
  }
}
