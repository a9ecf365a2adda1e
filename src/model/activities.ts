/** One entry of a leadership activity log (activities.csv; docs/surveys.md, "Activity log"). */
export interface Activity {
  /** Row in the file (header = 1), so every statement can point back at it. */
  row: number;
  date: string;
  activity: string;
  /** The routine the activity is a step of (e.g. "data cycle"), or null. */
  routine: string | null;
  goal: string | null;
  /** Roster ids of the people who did it. */
  participants: string[];
  /** Where it took place (department, team or school), or null to take the participants' department. */
  unit: string | null;
}
