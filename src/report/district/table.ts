/**
 * The school comparison of a district as every place shows it (web app through the API, the
 * district report): one row per indicator, each school's value beside the district median and
 * range, in the words and rounding of the one rule per measure (src/report/present/measures.ts).
 */
import type { DistrictIndicator } from '../../metrics/district/district.js';
import type { DistrictView } from '../../privacy/present-district.js';
import { MEASURES, show, type MeasureKey } from '../present/measures.js';
import type { Shown } from '../types.js';
import { changeRow, type ChangeRowView } from '../present/change.js';

/** The measure that states each district indicator. */
const MEASURE_OF: Record<DistrictIndicator, MeasureKey> = {
  people: 'people',
  ties: 'ties',
  responseRate: 'responseRate',
  density: 'density',
  inDegreeCentralization: 'centralization',
  gini: 'gini',
  externalShare: 'externalShare',
  eiIndex: 'ei',
  leaders: 'leaders',
};

export interface DistrictTableRow {
  indicator: DistrictIndicator;
  label: string;
  definition: string;
  better: 'higher' | 'lower' | null;
  /** One value per school, in the order of `schools`; "—" (value null) when suppressed or unknown. */
  values: Shown[];
  median: Shown;
  min: Shown;
  max: Shown;
}

export interface DistrictTable {
  schools: Array<{ school: string; suppressed: boolean }>;
  rows: DistrictTableRow[];
  /** Each school's change since the previous wave, in the words of the change page (present/change.ts changeRow); null without one. */
  changes: { previous: string; rows: Array<{ school: string } & ChangeRowView> } | null;
}

/** The comparison table of a presented district view (suppressed schools keep their column, every value "—"). */
export function districtTable(view: DistrictView): DistrictTable {
  const schools = view.schools.map((s) => ({ school: s.school, suppressed: s.suppressed }));
  const rows = view.benchmarks.map((b): DistrictTableRow => {
    const key = MEASURE_OF[b.indicator];
    const m = MEASURES[key];
    return {
      indicator: b.indicator,
      label: m.label,
      definition:
        b.indicator === 'eiIndex'
          ? '(external − internal) ÷ all ties of the school: −1 = all advice stays inside the school, +1 = all crosses to other schools.'
          : m.definition,
      better: m.better,
      values: view.schools.map((s) => show(key, s[b.indicator])),
      median: show(key, b.median),
      min: show(key, b.min),
      max: show(key, b.max),
    };
  });
  const changes = view.changes
    ? {
        previous: view.changes.previous,
        rows: view.changes.schools.flatMap((c) => c.indicators.map((i) => ({ school: c.school, ...changeRow(i) }))),
      }
    : null;
  return { schools, rows, changes };
}
