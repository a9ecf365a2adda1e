import type { SkillsMap } from '../metrics/survey/skills-map.js';
import type { AlignmentCheck, DecisionMap } from '../metrics/practice/decision-map.js';
import type { Pattern, PatternsResult } from '../metrics/practice/patterns.js';
import { PATTERNS } from '../metrics/practice/patterns.js';
import { DECISION_LEVELS, type DecisionLevel } from '../model/decisions.js';
import type { Disclosure } from './policy.js';

/**
 * The skills, decision-map and activity-log sections as every output shows them (the wave's survey
 * view in the API and the web app, the report's pages, the CSV exports). People appear only as
 * `label(id)` — their name in the named edition, their pseudonym in the pseudonymised one — and,
 * pseudonymised, nothing that would point at a person beside a pseudonym:
 * - skills: counts per domain, prompts naming pseudonyms (self-reported offers and needs and
 *   nominations are no roster facts);
 * - decision map: the level × domain matrix and the check per domain as counts only, no row
 *   naming who decides (who decides at which level reads as a role);
 * - activity log: counts per pattern only (participants and units together would point at people).
 * Group statistics (scales) pass through src/privacy/present-scales.ts.
 */

export interface SkillsView {
  note: string;
  domains: Array<{ domain: string; offeredBy: number; neededBy: number; soughtOut: number | null }>;
  untappedStrengths: Array<{ domain: string; person: string; namedBy: number; prompt: string }>;
  singleExpertDomains: Array<{ domain: string; person: string; namedBy: number; prompt: string }>;
  unmetNeeds: Array<{ domain: string; people: number; prompt: string }>;
  pairings: Array<{ domain: string; leader: string; colleague: string; because: 'offers' | 'needs'; prompt: string }>;
}

/** The skills map with ids as labels and lists of people as counts. `map` must be built with the same `label` as its nameOf. */
export function presentSkills(map: SkillsMap, label: (id: string) => string): SkillsView {
  return {
    note: map.note,
    domains: map.domains.map((d) => ({
      domain: d.domain,
      offeredBy: d.offeredBy.length,
      neededBy: d.neededBy.length,
      soughtOut: d.soughtOut === null ? null : d.soughtOut.length,
    })),
    untappedStrengths: map.untappedStrengths.map((u) => ({ domain: u.domain, person: label(u.id), namedBy: u.namedBy, prompt: u.prompt })),
    singleExpertDomains: map.singleExpertDomains.map((u) => ({
      domain: u.domain,
      person: label(u.expert),
      namedBy: u.namedBy,
      prompt: u.prompt,
    })),
    unmetNeeds: map.unmetNeeds.map((u) => ({ domain: u.domain, people: u.neededBy.length, prompt: u.prompt })),
    pairings: map.pairings.map((p) => ({
      domain: p.domain,
      leader: label(p.leader),
      colleague: label(p.successor),
      because: p.because,
      prompt: p.prompt,
    })),
  };
}

export interface DecisionsView {
  levels: readonly DecisionLevel[];
  /** Domains with decisions, in order. */
  domains: string[];
  matrix: Array<{ level: DecisionLevel; domain: string; decisions: number }>;
  byDomain: Array<{
    domain: string;
    decisions: number;
    deciders: number;
    soughtOut: number | null;
    check: AlignmentCheck;
    why: string;
    /** Named edition only: who decides, who colleagues go to, and who of them is left out. */
    people?: { deciders: string[]; soughtOut: string[] | null; soughtOutLeftOut: string[] | null };
  }>;
  /** Decisions that sit with one person while colleagues go to others in their domain (pseudonymised: without the person). */
  concentrated: Array<{ row: number; decision: string; domain: string; level: DecisionLevel; why: string }>;
  /** Every decision with its people: named edition only (empty when pseudonymised). */
  decisions: Array<{
    row: number;
    decision: string;
    domain: string;
    level: DecisionLevel;
    frequency: string | null;
    decides: string[];
    consulted: string[];
    informed: string[];
  }>;
}

const CONCENTRATED_ANONYMOUS = 'decided by one person alone, while the colleagues others go to about it are not consulted';

/** The decision map for an edition (see the file comment). `map` must be built with the same `label` as its nameOf. */
export function presentDecisions(map: DecisionMap, label: (id: string) => string, disclosure: Disclosure): DecisionsView {
  const named = disclosure === 'named';
  const labels = (ids: readonly string[]) => ids.map(label);
  return {
    levels: DECISION_LEVELS,
    domains: [...new Set(map.matrix.map((c) => c.domain))].sort(),
    matrix: map.matrix.map((c) => ({ ...c })),
    byDomain: map.byDomain.map((d) => ({
      domain: d.domain,
      decisions: d.decisions,
      deciders: d.deciders.length,
      soughtOut: d.soughtOut === null ? null : d.soughtOut.length,
      check: d.check,
      why: d.why,
      ...(named
        ? {
            people: {
              deciders: labels(d.deciders),
              soughtOut: d.soughtOut && labels(d.soughtOut),
              soughtOutLeftOut: d.soughtOutLeftOut && labels(d.soughtOutLeftOut),
            },
          }
        : {}),
    })),
    concentrated: map.decisions
      .filter((d) => d.concentrated)
      .map((d) => ({
        row: d.row,
        decision: d.decision,
        domain: d.domain,
        level: d.level,
        why: named ? (d.why ?? '') : CONCENTRATED_ANONYMOUS,
      })),
    decisions: named
      ? map.decisions.map((d) => ({
          row: d.row,
          decision: d.decision,
          domain: d.domain,
          level: d.level,
          frequency: d.frequency,
          decides: labels(d.decides),
          consulted: labels(d.consulted),
          informed: labels(d.informed),
        }))
      : [],
  };
}

export interface PatternsView {
  total: number;
  counts: Record<Pattern, number>;
  /** Every entry with its pattern and why: named edition only (empty when pseudonymised). */
  activities: Array<{
    row: number;
    date: string;
    activity: string;
    pattern: Pattern;
    why: string;
    participants: string[];
    unit: string | null;
  }>;
}

/** The activity log's patterns for an edition (see the file comment). */
export function presentPatterns(p: PatternsResult, label: (id: string) => string, disclosure: Disclosure): PatternsView {
  return {
    total: p.activities.length,
    counts: Object.fromEntries(PATTERNS.map((k) => [k, p.counts[k]])) as Record<Pattern, number>,
    activities:
      disclosure === 'named'
        ? p.activities.map((a) => ({
            row: a.row,
            date: a.date,
            activity: a.activity,
            pattern: a.pattern,
            why: a.why,
            participants: a.participants.map(label),
            unit: a.unitUsed,
          }))
        : [],
  };
}
