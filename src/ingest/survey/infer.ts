/**
 * Reads the leadership domain and the relation from a question's wording. Only an unambiguous
 * reading is accepted: exactly one domain (or none → ANY_DOMAIN) and exactly one relation; anything
 * else must be given in the mapping file. Keyword lists are in docs/surveys.md.
 */
import { ANY_DOMAIN } from '../../model/types.js';

/** The leadership domains, in report order (lower-case, as they appear in ties.csv). */
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

const DOMAIN_CUES: Record<Domain, RegExp> = {
  curriculum: /\bcurricul/,
  instruction: /\binstruction|\bteaching (practice|strateg|method)|\bpedagog|\bclassroom practice/,
  behaviour: /\bbehaviou?r|\bdisciplin|\bclassroom management/,
  assessment: /\bassess|\bgrading\b|\bmarking\b|\bexams?\b/,
  data: /\bdata\b/,
  technology: /\btechnolog|\bed-?tech\b|\bdigital\b|\bict\b|\bcomputers?\b|\btech\b/,
  wellbeing: /\bwell-?being|\bsel\b|\bsocial[- ](and )?emotional|\bpastoral|\bmental health|\bwellness/,
  'professional learning': /\bprofessional (learning|development|growth)|\bpd\b|\bcoaching\b|\bmentor/,
};

export const RELATIONS = ['advice', 'collaboration', 'information', 'influence', 'friendship'] as const;

/** Strong cues name the relation; weak cues count only when no strong cue is present. */
const RELATION_CUES: Record<(typeof RELATIONS)[number], { strong: RegExp; weak: RegExp | null }> = {
  advice: { strong: /\badvi[cs]e/, weak: /\bgo to\b|\bturn to\b|\bask (for )?help\b|\bhelp (you )?with\b|\bconsult/ },
  collaboration: {
    strong: /\bcollaborat|\bco-?teach|\bco-?plan/,
    weak: /\bwork (closely )?with\b|\bplan (lessons |units )?with\b|\bwork together\b/,
  },
  information: {
    strong: /\binformation\b|\binformed\b/,
    weak: /\btalk (to|with)\b|\bdiscuss|\bshare (ideas|news|updates)|\bcommunicate with\b/,
  },
  influence: { strong: /\binfluen/, weak: /\blook to\b|\bshapes? (your|how you)/ },
  friendship: { strong: /\bfriends?\b|\bfriendship/, weak: /\bsociali[sz]e|\bconfide in\b/ },
};

export type Inference<T> = { value: T } | { value: null; reason: string };

/** The single domain the text names; ANY_DOMAIN when it names none; null (with reason) when several. */
export function inferDomain(text: string): Inference<string> {
  const t = text.toLowerCase();
  const hits = DOMAINS.filter((d) => DOMAIN_CUES[d].test(t));
  if (hits.length === 0) return { value: ANY_DOMAIN };
  if (hits.length === 1) return { value: hits[0]! };
  return { value: null, reason: `the wording names several domains (${hits.join(', ')})` };
}

/** The single domain a short label names (a grid row "Curriculum", a skill "Data analysis"), or null. */
export function domainOfLabel(label: string): string | null {
  const d = inferDomain(label);
  return d.value !== null && d.value !== ANY_DOMAIN ? d.value : null;
}

/** The relation the question asks about, or null (with reason) when none or several are named. */
export function inferRelation(text: string): Inference<string> {
  const t = text.toLowerCase();
  const strong = RELATIONS.filter((r) => RELATION_CUES[r].strong.test(t));
  if (strong.length === 1) return { value: strong[0]! };
  if (strong.length > 1) return { value: null, reason: `the wording names several relations (${strong.join(', ')})` };
  const weak = RELATIONS.filter((r) => RELATION_CUES[r].weak?.test(t));
  if (weak.length === 1) return { value: weak[0]! };
  if (weak.length > 1) return { value: null, reason: `the wording could mean several relations (${weak.join(', ')})` };
  return { value: null, reason: 'the wording names no relation (advice, collaboration, information, influence, friendship)' };
}

/** Words that mark a question asking for colleagues' names. */
export function asksForNames(text: string): boolean {
  return /\b(who|whom|which (colleagues?|staff|people|persons?|teachers?)|names? of|list (the )?(colleagues|people|staff))\b/i.test(text);
}

/** Words that mark a skills / interests inventory question. */
export function asksForSkills(text: string): boolean {
  return /\b(skills?|interests?|passions?|expertise|strengths?|knowledge areas?|areas? of knowledge)\b/i.test(text) && !asksForNames(text);
}
