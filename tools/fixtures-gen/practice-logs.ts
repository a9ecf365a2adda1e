/**
 * A demo wave's practice files, built from its roster and network (no tie or roster changes):
 * - activities.csv: one leadership activity log with entries of each pattern of distribution
 *   (collaborated, coordinated, collective, parallel, individual — docs/metrics.md, "Patterns of
 *   distribution"), planted row by row;
 * - decisions.csv: one decision per domain. The first domain with leaders (check.ts reading) for which
 *   a formal leader who is not one of them exists is decided by that formal leader alone, nobody
 *   consulted — the planted decision that sits with one person though colleagues go to others; every
 *   other domain's decision is taken by its own leaders together (or, without leaders, by the principal).
 */
import { isFormalLeaderRole } from '../../src/model/formal-roles.js';
import { readWave } from './check.js';
import { DOMAINS, type GenActivity, type GenDecision, type PlantedPractice, type WaveOutput } from './types.js';

const LEVELS = ['team', 'department', 'school'] as const;

export function withPracticeLogs(w: WaveOutput): WaveOutput {
  const people = [...w.people].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const p = people.map((x) => x.id);
  const y = w.year;
  const a = people[0]!;
  const b = people.find((x) => x.department !== a.department)!;
  const activities: GenActivity[] = [
    {
      date: `${y}-09-10`,
      activity: 'Co-planned the first unit of the year',
      routine: '',
      goal: '',
      participants: [p[0]!, p[1]!],
      unit: '',
    },
    {
      date: `${y}-10-06`,
      activity: 'Collected the autumn assessment results',
      routine: 'Autumn data review',
      goal: '',
      participants: [p[2]!],
      unit: '',
    },
    {
      date: `${y}-10-13`,
      activity: 'Led the data conversation with each team',
      routine: 'Autumn data review',
      goal: '',
      participants: [p[3]!],
      unit: '',
    },
    {
      date: `${y}-11-03`,
      activity: 'Ran a reading-strategies workshop',
      routine: '',
      goal: 'Stronger reading across subjects',
      participants: [p[4]!],
      unit: '',
    },
    {
      date: `${y}-11-17`,
      activity: 'Started a book club for reluctant readers',
      routine: '',
      goal: 'Stronger reading across subjects',
      participants: [p[5]!],
      unit: '',
    },
    { date: `${y}-12-01`, activity: 'Ran the moderation meeting', routine: '', goal: '', participants: [a.id], unit: a.department },
    { date: `${y}-12-02`, activity: 'Ran the moderation meeting', routine: '', goal: '', participants: [b.id], unit: b.department },
    { date: `${y + 1}-01-12`, activity: 'Updated the staff handbook', routine: '', goal: '', participants: [p[6]!], unit: '' },
  ];
  const patterns = [
    'collaborated',
    'coordinated',
    'coordinated',
    'collective',
    'collective',
    'parallel',
    'parallel',
    'individual',
  ] as const;

  const reading = readWave(w);
  const formal = people.filter((x) => isFormalLeaderRole(x.role)).map((x) => x.id);
  const principal = people.find((x) => x.role === 'principal')?.id ?? formal[0] ?? p[0]!;
  let concentrated: PlantedPractice['concentratedDecisions'][number] | null = null;
  const decisions: GenDecision[] = DOMAINS.map((d, i) => {
    const leaders = reading.leaders[d] ?? [];
    const decision = `How ${d} is planned for next year`;
    const level = LEVELS[i % LEVELS.length]!;
    if (!concentrated && leaders.length > 0) {
      const alone = formal.find((id) => !leaders.includes(id));
      if (alone) {
        concentrated = {
          row: i + 2,
          decision,
          domain: d,
          decides: alone,
          soughtOut: [...leaders].sort(),
          why: 'decided by one formal leader, while colleagues go to others in the domain, who are not consulted',
        };
        return { decision, domain: d, level: 'school', decides: [alone], consulted: [], informed: [], frequency: 'yearly' };
      }
    }
    return {
      decision,
      domain: d,
      level,
      decides: leaders.length > 0 ? [...leaders].sort() : [principal],
      consulted: [],
      informed: [],
      frequency: 'termly',
    };
  });
  const planted: PlantedPractice = {
    activities: activities.map((x, i) => ({ row: i + 2, activity: x.activity, pattern: patterns[i]! })),
    concentratedDecisions: concentrated ? [concentrated] : [],
  };
  return { ...w, activities, decisions, planted: { ...w.planted, practice: planted } };
}
