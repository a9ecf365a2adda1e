import { csvLine } from '../../ingest/csv-safe.js';
import type { PublicAnalysis } from '../../privacy/present.js';

const METRICS = [
  'inDegree',
  'outDegree',
  'inStrength',
  'outStrength',
  'pageRank',
  'betweenness',
  'closeness',
  'eigenvector',
  'hubs',
  'authorities',
] as const;

/** Per-person metrics as CSV (UTF-8 with BOM for spreadsheet programs; formula-safe cells). */
export function metricsCsv(a: PublicAnalysis): string {
  let out = '\uFEFF' + csvLine(['id', 'name', 'role', 'department', ...METRICS]);
  for (const p of a.people) out += csvLine([p.id, p.name, p.role, p.department, ...METRICS.map((m) => p[m])]);
  return out;
}

/** Department statistics, with suppressed cells left empty and flagged. */
export function departmentsCsv(a: PublicAnalysis): string {
  let out =
    '\uFEFF' + csvLine(['department', 'size', 'respondents', 'response_rate', 'internal_ties', 'external_ties', 'ei_index', 'suppressed']);
  for (const d of a.departments)
    out += csvLine([d.group, d.size, d.respondents, d.responseRate, d.internal, d.external, d.ei, d.suppressed]);
  return out;
}
