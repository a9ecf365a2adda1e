/** Rosters: hiring people with stable ids and carrying a roster from one wave to the next. */
import { emailLocalPart, NamePool, type StaffName } from './names.js';
import type { Random } from './random.js';
import type { GenPerson } from './types.js';

export interface HireSpec {
  role: string;
  department: string;
  team: string;
  startYear: number;
  yearsExperience: number;
  fte?: number;
  releaseTime?: number;
  name?: StaffName;
  /** School column (districts); defaults to the organisation's name. */
  school?: string;
}

export class Staff {
  private seq = 0;
  readonly names: NamePool;
  constructor(
    private readonly school: string,
    private readonly idPrefix: string,
    private readonly emailDomain: string,
    rng: Random,
  ) {
    this.names = new NamePool(rng);
  }

  hire(spec: HireSpec): GenPerson {
    this.seq++;
    const name = spec.name ? this.names.take(spec.name) : this.names.next();
    return {
      id: `${this.idPrefix}${String(this.seq).padStart(3, '0')}`,
      name,
      role: spec.role,
      department: spec.department,
      team: spec.team,
      school: spec.school ?? this.school,
      startYear: spec.startYear,
      yearsExperience: spec.yearsExperience,
      fte: spec.fte ?? 1,
      releaseTime: spec.releaseTime ?? 0,
      email: `${emailLocalPart(name)}@${this.emailDomain}`,
    };
  }
}

/**
 * The next wave's roster: stayers a year more experienced (with any role changes applied), leavers
 * removed, new hires appended; sorted by id.
 */
export function nextRoster(
  prev: readonly GenPerson[],
  leavers: readonly string[],
  changes: ReadonlyMap<string, Partial<Pick<GenPerson, 'role' | 'department' | 'team' | 'releaseTime' | 'fte'>>>,
  hires: readonly GenPerson[],
): GenPerson[] {
  const gone = new Set(leavers);
  for (const id of [...gone, ...changes.keys()]) {
    if (!prev.some((p) => p.id === id)) throw new Error(`roster change for unknown id ${id}`);
  }
  const stay = prev.filter((p) => !gone.has(p.id)).map((p) => ({ ...p, yearsExperience: p.yearsExperience + 1, ...changes.get(p.id) }));
  return [...stay, ...hires].sort((a, b) => (a.id < b.id ? -1 : 1));
}
