/**
 * The survey side of one wave as every output shows it: scales (alpha, n, means, group means of at
 * least the minimum group size), survey meets network and perceived distribution beside measured
 * centralization (exploratory), the skills inventory as prompts, the decision map with its network
 * check, and the patterns of the activity log — read from the wave's people file, decision map and
 * activity log with the same code as leadmap analyze, then through src/privacy for the edition.
 */
import type { LeadershipAnalysis } from '../../metrics/analytics.js';
import type { Dataset } from '../../model/types.js';
import type { Disclosure } from '../../privacy/policy.js';
import type { PublicScale } from '../../privacy/present-scales.js';
import {
  presentDecisions,
  presentPatterns,
  presentSkills,
  type DecisionsView,
  type PatternsView,
  type SkillsView,
} from '../../privacy/present-survey.js';
import { decisionsSection } from './decisions.js';
import { patternsSection } from './patterns.js';
import { scalesSection, type SurveyNetwork } from './scales.js';
import { skillsSection } from './skills.js';

/** The wave's files the survey side reads (absolute paths), each optional. */
export interface SurveyFiles {
  people?: string;
  activities?: string;
  decisions?: string;
}

export interface SurveyView {
  disclosure: Disclosure;
  relation: string;
  minGroupSize: number;
  /** Which inputs the wave has. */
  inputs: { people: boolean; activities: boolean; decisions: boolean };
  /** Null when the wave has no people file or the file answers none of the scales. */
  scales: PublicScale[] | null;
  surveyNetwork: SurveyNetwork | null;
  skills: SkillsView | null;
  decisions: DecisionsView | null;
  patterns: PatternsView | null;
  /** Inputs that could not be read (file kind only: the readers' messages quote cells, which may name people). */
  unreadable: string[];
}

export interface SurveyViewInput {
  files: SurveyFiles;
  dataset: Dataset;
  relation: string;
  /** The raw leadership analytics of the relation (ids, before the privacy layer): the skills' and decisions' network check. */
  leadership: LeadershipAnalysis;
  disclosure: Disclosure;
  /** The name (named edition) or pseudonym of a person. */
  label: (id: string) => string;
  minGroupSize: number;
}

/** Reads and presents the survey side of a wave (see the file comment). */
export async function surveyView(input: SurveyViewInput): Promise<SurveyView> {
  const { files, dataset, relation, leadership, disclosure, label, minGroupSize } = input;
  const unreadable: string[] = [];
  const quiet = (kind: string) => () => unreadable.push(kind);
  const scales = files.people
    ? await scalesSection(files.people, undefined, 'department', quiet('people'), { dataset, relation }, minGroupSize)
    : undefined;
  const skills = files.people ? await skillsSection(files.people, { dataset, relation, leadership }, quiet('people'), label) : undefined;
  const decisions = files.decisions ? await decisionsSection(files.decisions, dataset.people, leadership, quiet('decisions'), label) : null;
  const patterns = files.activities ? await patternsSection(files.activities, dataset.people, quiet('activities')) : null;
  return {
    disclosure,
    relation,
    minGroupSize,
    inputs: { people: files.people !== undefined, activities: files.activities !== undefined, decisions: files.decisions !== undefined },
    scales: scales ? scales.scales : null,
    surveyNetwork: scales ? scales.surveyNetwork : null,
    skills: skills ? presentSkills(skills, label) : null,
    decisions: decisions ? presentDecisions(decisions, label, disclosure) : null,
    patterns: patterns ? presentPatterns(patterns, label, disclosure) : null,
    unreadable: [...new Set(unreadable)],
  };
}
