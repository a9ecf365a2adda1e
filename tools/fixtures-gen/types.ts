/** Shapes shared by the demo-school generator. */
import type { StaffName } from './names.js';

export const DOMAINS = [
  'curriculum',
  'instruction',
  'behaviour',
  'assessment',
  'data',
  'technology',
  'wellbeing',
  'professional learning',
] as const;
export type Domain = (typeof DOMAINS)[number];

/** One staff member in one wave (ids stable across waves). */
export interface GenPerson {
  id: string;
  name: StaffName;
  role: string;
  department: string;
  team: string;
  school: string;
  startYear: number;
  yearsExperience: number;
  fte: number;
  releaseTime: number;
  email: string;
}

export interface GenTie {
  source: string;
  target: string;
  relation: 'advice' | 'collaboration';
  domain: Domain;
  weight: number;
}

/** What a wave has planted, written to planted.json. Lists are sorted by id. */
export interface Planted {
  school: string;
  wave: string;
  story: string;
  /** Non-formal staff sought out far above the rest in a domain. */
  hiddenLeaders: Array<{ id: string; name: string; domains: Domain[]; why: string }>;
  /** Groups whose ties stay inside (E-I strongly negative); grouping is the roster column. */
  silos: Array<{ grouping: 'department' | 'team' | 'school'; group: string; why: string }>;
  /** People who are the only advice source of several colleagues in a domain. */
  keyPeople: Array<{ id: string; name: string; domain: Domain; dependents: string[]; why: string }>;
  /** Formal leaders sought out across many domains with little release time. */
  overloadedLeaders: Array<{ id: string; name: string; releaseTime: number; domains: Domain[]; why: string }>;
  /** New staff (start_year = wave year) nobody names; `namesNobody` when they did not answer either. */
  isolatedNewcomers: Array<{ id: string; name: string; namesNobody: boolean; why: string }>;
  /** Formal leaders rarely sought out. */
  nominalLeaders: Array<{ id: string; name: string; role: string; why: string }>;
  /** What the skills inventory of people.csv plants. */
  skills?: PlantedSkills;
  /** What activities.csv and decisions.csv plant. */
  practice?: PlantedPractice;
}

/** The skills findings a wave's people file plants (leadmap analyze --people: the skills section). Lists in domain order. */
export interface PlantedSkills {
  untappedStrengths: Array<{ domain: Domain; id: string; name: string; why: string }>;
  singleExpertDomains: Array<{ domain: Domain; expert: string; name: string; why: string }>;
  pairings: Array<{ domain: Domain; leader: string; successor: string; because: 'offers' | 'needs'; why: string }>;
  unmetNeeds: Array<{ domain: Domain; neededBy: string[]; why: string }>;
}

/** A wave's people file (people.csv, as leadmap import writes it): the shipped scales' items and one row per roster person. */
export interface GenPeopleFile {
  items: string[];
  rows: Array<{ id: string; name: string; department: string; responded: boolean; likert: number[]; offers: Domain[]; needs: Domain[] }>;
}

/** One entry of a wave's activities.csv (participants: roster ids). */
export interface GenActivity {
  date: string;
  activity: string;
  routine: string;
  goal: string;
  participants: string[];
  unit: string;
}

/** One row of a wave's decisions.csv (people as roster ids, or a role). */
export interface GenDecision {
  decision: string;
  domain: Domain;
  level: 'classroom' | 'team' | 'department' | 'school' | 'district';
  decides: string[];
  consulted: string[];
  informed: string[];
  frequency: string;
}

/** What a wave's activities.csv and decisions.csv plant (leadmap analyze --activities / --decisions). */
export interface PlantedPractice {
  /** Each entry of the activity log (row = CSV row, header is row 1) and its pattern. */
  activities: Array<{ row: number; activity: string; pattern: 'collaborated' | 'coordinated' | 'collective' | 'parallel' | 'individual' }>;
  /** Decisions that sit with one person while colleagues go to others in the domain. */
  concentratedDecisions: Array<{ row: number; decision: string; domain: Domain; decides: string; soughtOut: string[]; why: string }>;
}

/** One row of a wave's outcomes.csv (fictional school outcomes). */
export interface GenOutcome {
  indicator: string;
  value: number;
  unit: string;
  better: 'higher' | 'lower';
  source: string;
}

export interface WaveOutput {
  label: string;
  year: number;
  people: GenPerson[];
  respondents: string[];
  ties: GenTie[];
  planted: Planted;
  /** School outcomes of the wave (outcomes.csv); empty for a redrawn wave. */
  outcomes: GenOutcome[];
  /** The people file (people.csv): Likert answers and skills; absent before the survey answers are added. */
  peopleFile?: GenPeopleFile;
  /** The leadership activity log (activities.csv) and decision map (decisions.csv). */
  activities?: GenActivity[];
  decisions?: GenDecision[];
}

export interface SchoolOutput {
  slug: string;
  name: string;
  waves: WaveOutput[];
  /**
   * Planted noise: the latest wave's story run again with fresh random draws (same staff, same
   * structure, other answers), written to <latest wave>/redrawn/. Nothing changed, so a comparison
   * with the latest wave should find no clear change.
   */
  redrawn: WaveOutput;
}
