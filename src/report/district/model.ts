/**
 * The district report's model: the district view through the privacy layer (schools under the
 * minimum size suppressed with complementary suppression, cross-school leaders pseudonymised in the
 * anonymised edition under the k-anonymity rule of src/privacy/present-district.ts), the school
 * comparison table with district medians, and one single-school report model per school shown.
 */
import { randomBytes } from 'node:crypto';
import { analyzeDistrict } from '../../metrics/district/district.js';
import { isDistrict, schoolDataset, schoolsOf, unitSizes } from '../../metrics/district/schools.js';
import { schoolChanges } from '../../metrics/district/school-change.js';
import type { AnalyticsOptions } from '../../metrics/analytics.js';
import { holdsFormalRoleIn } from '../../model/formal-roles.js';
import type { Dataset, Person } from '../../model/types.js';
import { privacyPolicy } from '../../privacy/policy.js';
import { presentDistrict, type DistrictView } from '../../privacy/present-district.js';
import { Pseudonyms } from '../../privacy/pseudonym.js';
import { buildReportModel } from '../build-model.js';
import type { Edition, ReportModel } from '../types.js';
import { districtTable, type DistrictTable } from './table.js';

export interface DistrictReportInput {
  /** The district's name, as on the cover. */
  district: string;
  wave: string;
  dataset: Dataset;
  edition: Edition;
  minGroupSize?: number;
  relation?: string;
  analytics?: Partial<AnalyticsOptions>;
  /**
   * The previous wave of the district: each school's change with intervals (the comparison table) and,
   * for each school present in both, its section's change pages. Ignored when it is not a district.
   */
  previous?: { dataset: Dataset; wave: string } | null;
  /** The wave's pseudonym secret; a fresh random one per report otherwise (the same for every section). */
  secret?: Buffer;
  /** The previous wave's pseudonym secret (its sections' change pages); random otherwise. */
  previousSecret?: Buffer;
  date?: Date;
}

export interface DistrictReportModel {
  meta: { district: string; wave: string; edition: Edition; minGroupSize: number; people: number; relation: string; date: string };
  view: DistrictView;
  table: DistrictTable;
  /** One report per school shown, in the order of the comparison table. */
  sections: Array<{ school: string; model: ReportModel }>;
  /** Schools with no section: suppressed under the minimum group size (or to protect one that is). */
  leftOut: string[];
}

export function buildDistrictReport(input: DistrictReportInput): DistrictReportModel {
  const minGroupSize = input.minGroupSize ?? 5;
  const secret = input.secret ?? randomBytes(32);
  const { dataset } = input;
  const raw = analyzeDistrict(dataset, { ...input.analytics, relation: input.relation, minGroupSize });
  const prev = input.previous && isDistrict(input.previous.dataset) ? input.previous : null;
  const rules = input.analytics?.formalRoles;
  const view = presentDistrict(raw, dataset.people, dataset.domains, {
    disclosure: input.edition === 'named' ? 'named' : 'pseudonymised',
    policy: privacyPolicy(minGroupSize),
    pseudonyms: new Pseudonyms(
      secret,
      dataset.people.map((p) => p.id),
    ),
    formalIn: (p: Person, domain: string) => holdsFormalRoleIn(p, domain, rules),
    changes: prev
      ? {
          previous: prev.wave,
          schools: schoolChanges(prev.dataset, dataset, { relation: raw.relation }),
          unitSizesBefore: unitSizes(prev.dataset),
        }
      : null,
  });
  const earlier = new Set(prev ? schoolsOf(prev.dataset) : []);
  const date = input.date ?? new Date();
  const sections = view.schools
    .filter((s) => !s.suppressed)
    .map((s) => ({
      school: s.school,
      model: buildReportModel({
        school: s.school,
        edition: input.edition,
        minGroupSize,
        relation: raw.relation,
        analytics: input.analytics,
        date,
        current: { dataset: schoolDataset(dataset, s.school), wave: input.wave, secret },
        previous:
          prev && earlier.has(s.school)
            ? { dataset: schoolDataset(prev.dataset, s.school), wave: prev.wave, secret: input.previousSecret }
            : null,
      }),
    }));
  return {
    meta: {
      district: input.district,
      wave: input.wave,
      edition: input.edition,
      minGroupSize,
      people: dataset.people.length,
      relation: raw.relation,
      date: date.toISOString().slice(0, 10),
    },
    view,
    table: districtTable(view),
    sections,
    leftOut: view.schools.filter((s) => s.suppressed).map((s) => s.school),
  };
}
