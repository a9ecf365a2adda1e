/**
 * The report model: everything the annual distributed-leadership evaluation report prints, as plain
 * data, already through the privacy layer (src/privacy). Person labels are names in the named edition
 * and wave pseudonyms ("P-3F2A") in the anonymised edition; group statistics under the minimum group
 * size are null with `suppressed: true` in both. The PDF (src/report/pdf) only lays this out.
 */
import type { ChangeView, TrendView } from './present/change.js';
import type { SurveyView } from './survey/view.js';

export type Edition = 'named' | 'anonymised';

/** A number shown in the report with its formatted text ("0.44", "87 %", "—" when unknown). */
export interface Shown {
  value: number | null;
  text: string;
}

export interface ReportMeta {
  school: string;
  /** The district record the school is one of, when the report covers that school alone (ReportInput.partOf), else null. */
  partOf: string | null;
  wave: string;
  previousWave: string | null;
  /** ISO date the report was generated (yyyy-mm-dd). */
  date: string;
  edition: Edition;
  relation: string;
  people: number;
  domains: string[];
  minGroupSize: number;
  groupBy: string;
  /** Which kinds of data this wave has: findings that need a missing one read "not assessed — needs …". */
  data: DataAvailable;
}

/** Data a finding may need: a domain column, start years (or experience), release times, the respondents list, a previous wave. */
export type DataNeed = 'domains' | 'startYears' | 'releaseTime' | 'respondents' | 'previousWave';
export type DataAvailable = Record<DataNeed, boolean>;

/** One plain-language finding; `assessed: false` when data it needs is missing (then `text` says what it needs). */
export interface Finding {
  key: string;
  text: string;
  needs: DataNeed[];
  assessed: boolean;
}

export interface SummarySection {
  heading: string;
  /** The findings' texts, in order. */
  points: string[];
  findings: Finding[];
}
export interface ReportSummary {
  /** One sentence: the overall picture. */
  headline: string;
  /** Three to four key figures for the summary page. */
  figures: { label: string; value: string; note: string }[];
  sections: SummarySection[];
}

/** One of the "three things to act on": what the report shows and a first step, in plain language. */
export interface Action {
  key: string;
  title: string;
  /** What the report shows (the numbers and people of the finding it rests on). */
  evidence: string;
  /** A first step. */
  step: string;
  /** The summary section whose finding it rests on. */
  basis: string;
  /** 3 = can break the advice network or the picture itself, 2 = how leadership is spread, 1 = recognition and remits. */
  importance: number;
  /** How far the finding is from "nothing to do", 0–1. */
  size: number;
}

export type Better = 'higher' | 'lower' | null;

export interface IndicatorRow {
  key: string;
  label: string;
  value: Shown;
  /** What chance would give for this index (same people, ties and groups), null where chance has no meaning. */
  chance: Shown | null;
  /** The index read against chance, in plain words; null when there is nothing to compare. */
  reading: string | null;
  /** What this wave's number counts, in words. */
  counted: string;
  previous: Shown | null;
  /** to − from, null when either is unknown or there is no previous wave. */
  delta: Shown | null;
  /**
   * Whether the change is real, from the comparison of the two waves (compareWaves, all staff; the same
   * row as the change page): "up" or "down" only when its 95 % interval excludes zero, else "no clear
   * change"; "not measured — needs …" when an input is missing; "no interval" where the measure has no
   * resampled interval (roster counts, response rate, or a count defined differently on the change page).
   * Null without a previous wave. Only "up" and "down" are ever drawn as a direction.
   */
  verdict: string | null;
  /** Why "no clear change" although the interval may exclude zero, in a few words (shortReason); else null. */
  verdictReason: string | null;
  /** The change's 95 % interval as shown ("−0.04 to +0.02"), null without one. */
  interval: string | null;
  /** Which direction counts as more distributed leadership (null = neither). */
  better: Better;
  definition: string;
  /** The leading indicator of the domain reading this number speaks to, if any. */
  leadingIndicator: string | null;
}

export interface MatrixRow {
  label: string;
  role: string;
  department: string;
  formal: boolean;
  /** In-degree per domain (null when not among the listed people of that domain). */
  inDegree: (number | null)[];
  leads: boolean[];
}

export interface WhoLeadsMatrix {
  domains: string[];
  thresholds: number[];
  rows: MatrixRow[];
}

export interface DomainProfileRow {
  /** Display name ("all domains" for the pooled row). */
  domain: string;
  /** The analysis key ("any" for the pooled row). */
  key: string;
  label: string;
  ties: Shown;
  density: Shown;
  reciprocity: Shown;
  centralization: Shown;
  gini: Shown;
  leaders: Shown;
  leaderPlus: Shown;
  hidden: Shown;
  level: string;
  reading: string;
}

export interface FlaggedRow {
  label: string;
  role: string;
  department: string;
  inDegree: number;
  domains: string[];
}

export interface FormalInformal {
  formalShare: Shown;
  formalLeaders: number;
  hidden: FlaggedRow[];
  nominal: FlaggedRow[];
  leaderPlus: FlaggedRow[];
  /** People left out of each list in the anonymised edition because listing them would identify them (counted instead). */
  withheld: { hidden: number; nominal: number; leaderPlus: number };
}

export interface SiloRow {
  group: string;
  size: number | null;
  ei: number | null;
  internal: number | null;
  external: number | null;
  suppressed: boolean;
}
export interface Silos {
  groupBy: string;
  overall: Shown;
  withinShare: Shown;
  test: string | null;
  groups: SiloRow[];
  suppressedNote: string | null;
  communities: string | null;
}

export interface BrokerRow {
  label: string;
  department: string;
  total: number;
  coordinator: number;
  itinerant: number;
  gatekeeper: number;
  representative: number;
  liaison: number;
  constraint: Shown;
}
export interface Brokers {
  rows: BrokerRow[];
  cutPoints: string[];
}

export interface RiskDomainRow {
  domain: string;
  benchDepth: number;
  soleSources: { label: string; dependents: number }[];
}
export interface KeyPersonRow {
  label: string;
  domain: string;
  leftWithoutSource: number;
  reachabilityDrop: Shown;
}
export interface Risk {
  domains: RiskDomainRow[];
  keyPeople: KeyPersonRow[];
  note: string | null;
}

export interface NewStaffRow {
  label: string;
  department: string;
  startYear: number | null;
  namesOthers: number;
}
export interface OverloadRow {
  label: string;
  role: string;
  load: number;
  domainsLed: number;
  capacity: number;
  ratio: Shown;
  overloaded: boolean;
}
export interface Periphery {
  /** Named edition only; the anonymised edition gives `newStaffCount` (start years would identify them). */
  newStaff: NewStaffRow[];
  /** Named edition only; the anonymised edition gives the counts below (release times would identify them). */
  overload: OverloadRow[];
  /** Anonymised edition: how many new staff nobody names, and how many leaders were compared / flagged. */
  newStaffCount: number | null;
  overloadCompared: number | null;
  overloadedCount: number | null;
  overloadReason: string | null;
  medianRatio: Shown;
}

export interface Change {
  previousWave: string;
  rows: IndicatorRow[];
  /** Leaders (pooled) this wave who did not lead last wave, and the reverse; labels or only counts (anonymised). */
  newLeaders: string[];
  newLeaderCount: number;
  formerLeaderCount: number;
  formerLeaders: string[];
}

export interface NetworkNode {
  id: string;
  label: string;
  group: string;
  inDegree: number;
  x: number;
  y: number;
  leader: boolean;
  /** Radius in points when not nodeRadius(inDegree) (the aggregated figure of a large wave). */
  r?: number;
  /** An aggregated circle: how many people it stands for (the department's people not drawn). */
  members?: number;
}
export interface NetworkFigure {
  width: number;
  height: number;
  nodes: NetworkNode[];
  edges: { source: string; target: string; weight: number }[];
  groups: { name: string; color: string; size: number }[];
  /** Nodes labelled on the figure (the most sought-out). */
  labelled: string[];
  /** People with no tie at all, drawn in a row along the bottom. */
  isolates: number;
  /** A large wave's figure (src/report/network-figure-large.ts): who is drawn and what is aggregated; absent when everyone is drawn. */
  aggregate?: NetworkAggregate;
}
export interface NetworkAggregate {
  people: number;
  /** People drawn as their own dot (the most sought-out). */
  drawn: number;
  /** Department circles (the smallest departments share one "other departments" circle). */
  circles: number;
  /** Ties of the pooled network, and the lines that stand for them. */
  ties: number;
  /** Departments left out of the legend. */
  moreGroups: number;
}

export interface Quality {
  responseRate: Shown;
  respondents: number | null;
  rosterSize: number;
  ties: number;
  confirmed: number;
  unconfirmed: number;
  toNonRespondents: number;
  warnings: string[];
  notes: string[];
}

export interface Definition {
  term: string;
  definition: string;
  source: string;
}

export interface ReportModel {
  meta: ReportMeta;
  summary: ReportSummary;
  /** At most three, most important and largest first. */
  actions: Action[];
  indicators: IndicatorRow[];
  whoLeads: WhoLeadsMatrix;
  profiles: DomainProfileRow[];
  overlapReading: string | null;
  formalInformal: FormalInformal;
  silos: Silos;
  brokers: Brokers;
  risk: Risk;
  periphery: Periphery;
  change: Change | null;
  /** What changed since the previous wave and whether it is real (compareWaves, in the words of present/change.ts). */
  comparison: ChangeView | null;
  /** Three or more waves: each indicator per wave and each step's change, interval and verdict (the web school page's trend). */
  trend: TrendView | null;
  network: NetworkFigure;
  quality: Quality;
  definitions: Definition[];
  /** The web page's banner when answers of this wave still wait for a decision (model/completeness.ts), else null. */
  completeness: string | null;
  /** The survey side (scales, skills, decision map, patterns) for the edition, or null when the wave has none of its files. */
  survey: SurveyView | null;
}
