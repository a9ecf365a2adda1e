/**
 * How leadership work is distributed, read from an activity log: Spillane's patterns of distribution
 * (Spillane, Distributed Leadership, 2006, ch. 3; Gronn 2002 on co-performance), as operational
 * rules over the log's entries. Each entry gets one pattern, the first rule that holds:
 *
 * 1. collaborated — two or more people did it together (one entry, several participants);
 * 2. coordinated — it is one step of a routine whose steps, on at least two dates, are done by at
 *    least two different people: work handed on in sequence;
 * 3. collective — it shares its goal with at least one other entry (outside its routine), and the
 *    entries of that goal are done by at least two different people, separately;
 * 4. parallel — the same activity (same name, case and spacing ignored) is done in at least two
 *    different units (department, team or school) by at least two different people;
 * 5. individual — none of these: one person, on their own, with nothing linking it to others' work.
 *
 * The rules are leadmap's reading of the four patterns; docs/metrics.md states them and
 * test/metrics/practice holds a small hand-made case for each.
 */
import type { Activity } from '../../model/activities.js';

export type Pattern = 'collaborated' | 'coordinated' | 'collective' | 'parallel' | 'individual';
export const PATTERNS: readonly Pattern[] = ['collaborated', 'coordinated', 'collective', 'parallel', 'individual'];

export interface ClassifiedActivity extends Activity {
  /** The unit used for the parallel rule: the entry's own, else its first participant's department. */
  unitUsed: string | null;
  pattern: Pattern;
  /** Why, in plain words. */
  why: string;
}

export interface PatternsResult {
  activities: ClassifiedActivity[];
  counts: Record<Pattern, number>;
}

const key = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** Classifies every entry of an activity log (see the file comment). O(a · p) for a entries of p participants. */
export function distributionPatterns(log: readonly Activity[], departmentOf: (id: string) => string | null = () => null): PatternsResult {
  const unitOf = (a: Activity) => a.unit ?? departmentOf(a.participants[0]!) ?? null;
  const groupBy = (f: (a: Activity) => string | null) => {
    const m = new Map<string, Activity[]>();
    for (const a of log) {
      const k = f(a);
      if (k === null) continue;
      const list = m.get(k) ?? [];
      list.push(a);
      m.set(k, list);
    }
    return m;
  };
  const people = (list: readonly Activity[]) => new Set(list.flatMap((a) => a.participants));
  const routines = groupBy((a) => (a.routine ? key(a.routine) : null));
  const goals = groupBy((a) => (a.goal ? key(a.goal) : null));
  const names = groupBy((a) => key(a.activity));

  const activities = log.map((a): ClassifiedActivity => {
    const base = { ...a, unitUsed: unitOf(a) };
    if (a.participants.length >= 2) return { ...base, pattern: 'collaborated', why: `${a.participants.length} people did it together` };
    const routine = a.routine ? routines.get(key(a.routine))! : [];
    const dates = new Set(routine.map((r) => r.date));
    if (routine.length >= 2 && dates.size >= 2 && people(routine).size >= 2) {
      const steps = [...routine].sort((x, y) => x.date.localeCompare(y.date) || x.row - y.row);
      return {
        ...base,
        pattern: 'coordinated',
        why: `step ${steps.indexOf(a) + 1} of ${steps.length} of the routine "${a.routine}", whose steps ${people(routine).size} people do in turn`,
      };
    }
    const goal = a.goal ? goals.get(key(a.goal))!.filter((g) => !(a.routine && g.routine && key(g.routine) === key(a.routine))) : [];
    const withGoal = [a, ...goal.filter((g) => g !== a)];
    if (withGoal.length >= 2 && people(withGoal).size >= 2)
      return {
        ...base,
        pattern: 'collective',
        why: `one of ${withGoal.length} separate activities by ${people(withGoal).size} people toward "${a.goal}"`,
      };
    const same = names.get(key(a.activity))!;
    const units = new Set(same.map(unitOf).filter((u): u is string => u !== null));
    if (same.length >= 2 && units.size >= 2 && people(same).size >= 2)
      return { ...base, pattern: 'parallel', why: `the same activity is done in ${units.size} units (${[...units].sort().join(', ')})` };
    return {
      ...base,
      pattern: 'individual',
      why: 'one person, not linked to others\u2019 work by a routine, a goal or the same task elsewhere',
    };
  });
  const counts = Object.fromEntries(PATTERNS.map((p) => [p, activities.filter((a) => a.pattern === p).length])) as Record<Pattern, number>;
  return { activities, counts };
}
