/**
 * The indicators of change: what each one measures, whether it is a network measure, a leading
 * indicator (an early sign, Measuring the Impact of Distributed Leadership) or a lagging one, which
 * direction means leadership is more widely distributed, and what data it needs when it cannot be
 * measured. Operational definitions: docs/metrics.md, "Change between waves".
 */
export type IndicatorKind = 'network' | 'leading' | 'lagging';

export interface IndicatorSpec {
  label: string;
  kind: IndicatorKind;
  /** Which direction reads as more distributed leadership; null when neither does. */
  better: 'higher' | 'lower' | null;
  /** Said when the indicator cannot be measured: "not measured — needs …". */
  needs: string;
}

export const INDICATORS: Record<string, IndicatorSpec> = {
  density: { label: 'Density', kind: 'network', better: 'higher', needs: 'at least two people' },
  reciprocity: { label: 'Reciprocity', kind: 'network', better: 'higher', needs: 'ties to people who answered, in both waves' },
  inDegreeCentralization: { label: 'In-degree centralization', kind: 'network', better: 'lower', needs: 'at least two people' },
  gini: { label: 'Gini of nominations', kind: 'network', better: 'lower', needs: 'nominations in both waves' },
  topShare: { label: 'Share of nominations to the top 10 %', kind: 'network', better: 'lower', needs: 'nominations in both waves' },
  leaders: { label: 'Leaders', kind: 'network', better: 'higher', needs: 'the domain asked about in both waves' },
  hiddenLeaders: { label: 'Hidden leaders', kind: 'network', better: null, needs: 'the domain asked about in both waves' },
  eiIndex: { label: 'E-I index (departments)', kind: 'network', better: 'higher', needs: 'ties in both waves' },
  isolates: { label: 'Isolates', kind: 'network', better: 'lower', needs: 'a roster in both waves' },
  diverseVoices: {
    label: 'Diversity of voices: share of staff leading a domain',
    kind: 'leading',
    better: 'higher',
    needs: 'a roster and nominations in both waves',
  },
  leaderDepartments: { label: 'Departments with a leader', kind: 'leading', better: 'higher', needs: 'departments on both rosters' },
  leaderExperienceBands: {
    label: 'Experience bands with a leader',
    kind: 'leading',
    better: 'higher',
    needs: 'years of experience on both rosters',
  },
  adminFacultyCommunication: {
    label: 'Communication between administration and faculty',
    kind: 'leading',
    better: 'higher',
    needs: 'administrators (principal, dean, director, …) and other staff on both rosters',
  },
  collaborationFrequency: {
    label: 'Collaboration frequency',
    kind: 'leading',
    better: 'higher',
    needs: 'collaboration ties with a frequency weight (relation "collaboration") in both waves',
  },
  participation: {
    label: 'Participation in decision-making',
    kind: 'leading',
    better: 'higher',
    needs:
      'a survey scale on participation in decisions or teacher influence in both waves (a people file with each wave: leadmap compare --people and --previous-people, or uploaded; or a roster column "participation")',
  },
  roleClarity: {
    label: 'Role clarity',
    kind: 'leading',
    better: 'higher',
    needs:
      'a role-clarity survey scale in both waves (a people file with each wave: leadmap compare --people and --previous-people, or uploaded; or a roster column "role_clarity")',
  },
  teacherInitiatedImprovement: {
    label: 'Teacher-initiated improvement',
    kind: 'leading',
    better: 'higher',
    needs: 'a decision map or an activity log of improvement efforts and who started them',
  },
  retention: {
    label: 'Retention (stayers ÷ staff of the earlier wave)',
    kind: 'lagging',
    better: 'higher',
    needs: 'a third wave (a change in retention compares two periods)',
  },
};

export function indicatorSpec(key: string): IndicatorSpec {
  const s = INDICATORS[key];
  if (!s) throw new Error(`no indicator "${key}"`);
  return s;
}
