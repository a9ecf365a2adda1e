/**
 * Reads the leadership domain and the relation from a question's wording. Only an unambiguous
 * reading is accepted: exactly one domain (or none → ANY_DOMAIN) and exactly one relation; anything
 * else must be given in the mapping file. Keyword lists are in docs/surveys.md.
 */
import { ANY_DOMAIN } from '../../model/types.js';
import type { SkillSide } from './mapping.js';

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

/**
 * How people word a question about whom they turn to, and the relation each wording means. ONE table, printed
 * in docs/surveys.md ("Relation from the wording"; a test checks the two agree and one test per phrase).
 * Strong cues name the relation outright; weak cues (help-seeking wording) count only when no strong cue is present.
 */
export const RELATION_PHRASES: ReadonlyArray<{
  relation: Relation;
  strength: 'strong' | 'weak';
  /** As people write it (the docs table shows this). */
  phrase: string;
  re: RegExp;
}> = [
  { relation: 'advice', strength: 'strong', phrase: 'advice / advise', re: /\badvi[cs]e/ },
  { relation: 'advice', strength: 'strong', phrase: 'whose advice', re: /\bwhose advice\b/ },
  { relation: 'collaboration', strength: 'strong', phrase: 'collaborate', re: /\bcollaborat/ },
  { relation: 'collaboration', strength: 'strong', phrase: 'co-teach', re: /\bco-?teach/ },
  { relation: 'collaboration', strength: 'strong', phrase: 'co-plan', re: /\bco-?plan/ },
  { relation: 'information', strength: 'strong', phrase: 'information', re: /\binformation\b/ },
  { relation: 'information', strength: 'strong', phrase: 'who keeps you informed', re: /\binformed\b/ },
  { relation: 'influence', strength: 'strong', phrase: 'influence', re: /\binfluen/ },
  { relation: 'friendship', strength: 'strong', phrase: 'friend', re: /\bfriends?\b|\bfriendship/ },
  { relation: 'advice', strength: 'weak', phrase: 'who do you go to', re: /\bgo to\b/ },
  { relation: 'advice', strength: 'weak', phrase: 'who do you turn to', re: /\bturn to\b/ },
  { relation: 'advice', strength: 'weak', phrase: 'who do you ask', re: /\bask\b/ },
  { relation: 'advice', strength: 'weak', phrase: 'who helps you with', re: /\bhelps? (you )?with\b|\bhelps you\b/ },
  { relation: 'advice', strength: 'weak', phrase: 'who supports you', re: /\bsupports? you\b/ },
  { relation: 'advice', strength: 'weak', phrase: 'from whom do you get', re: /\bfrom whom do you (get|receive|seek)\b/ },
  { relation: 'advice', strength: 'weak', phrase: 'who do you rely on', re: /\brely on\b|\bdepend on\b/ },
  { relation: 'advice', strength: 'weak', phrase: 'consult', re: /\bconsult/ },
  {
    relation: 'collaboration',
    strength: 'weak',
    phrase: 'who do you work / plan / co-teach with',
    re: /\bwork (closely )?with\b|\bplan (lessons |units )?with\b|\bwork together\b|\bteach with\b/,
  },
  { relation: 'information', strength: 'weak', phrase: 'who do you talk to about', re: /\btalk (to|with)\b/ },
  { relation: 'information', strength: 'weak', phrase: 'discuss', re: /\bdiscuss/ },
  { relation: 'information', strength: 'weak', phrase: 'share ideas / news / updates', re: /\bshare (ideas|news|updates)/ },
  { relation: 'information', strength: 'weak', phrase: 'communicate with', re: /\bcommunicate with\b/ },
  { relation: 'influence', strength: 'weak', phrase: 'look to', re: /\blook to\b/ },
  { relation: 'influence', strength: 'weak', phrase: 'shapes your / how you', re: /\bshapes? (your|how you)/ },
  { relation: 'friendship', strength: 'weak', phrase: 'socialise', re: /\bsociali[sz]e/ },
  { relation: 'friendship', strength: 'weak', phrase: 'confide in', re: /\bconfide in\b/ },
];
type Relation = (typeof RELATIONS)[number];

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
  const t = text.toLowerCase().normalize('NFC');
  const named = (strength: 'strong' | 'weak') => [
    ...new Set(RELATION_PHRASES.filter((p) => p.strength === strength && p.re.test(t)).map((p) => p.relation)),
  ];
  const strong = named('strong');
  if (strong.length === 1) return { value: strong[0]! };
  if (strong.length > 1) return { value: null, reason: `the wording names several relations (${strong.join(', ')})` };
  const weak = named('weak');
  if (weak.length === 1) return { value: weak[0]! };
  if (weak.length > 1) return { value: null, reason: `the wording could mean several relations (${weak.join(', ')})` };
  return { value: null, reason: 'the wording names no relation (advice, collaboration, information, influence, friendship)' };
}

/** The domains the wording names when it names two or more (the choices a reviewer is offered), else null. */
export function domainChoices(text: string): string[] | null {
  const t = text.toLowerCase();
  const hits = DOMAINS.filter((d) => DOMAIN_CUES[d].test(t));
  return hits.length >= 2 ? hits : null;
}

/** Words that mark a question asking for colleagues' names. */
export function asksForNames(text: string): boolean {
  return /\b(who|whom|whose|which (colleagues?|staff|people|persons?|teachers?)|names? of|list (the )?(colleagues|people|staff))\b/i.test(
    text,
  );
}

/**
 * The skills inventory read two ways: what a colleague could *offer* ("What could you help
 * colleagues with?") and where they would like support (*needed*). One table, the only place the
 * vocabulary lives (docs/surveys.md shows it; test/ingest/survey/wording.test.ts checks the two agree
 * and reads one question per phrase). Wording about support wanted wins over the inventory words:
 * "Which skills would you like to develop?" asks for needs.
 */
export const SKILL_PHRASES: ReadonlyArray<{ side: SkillSide; phrase: string; re: RegExp }> = [
  {
    side: 'offered',
    phrase: 'skills / interests / passions / expertise / strengths',
    re: /\b(skills?|interests?|passions?|expertise|strengths?)\b/,
  },
  { side: 'offered', phrase: 'knowledge areas', re: /\bknowledge areas?\b|\bareas? of knowledge\b/ },
  { side: 'offered', phrase: 'could you help colleagues with', re: /\bhelp (colleagues|others|peers|other staff)\b/ },
  { side: 'offered', phrase: 'could you share / offer / teach', re: /\bcould you (share|offer|teach)\b/ },
  { side: 'needed', phrase: 'would you like support / help', re: /\blike (some |more )?(support|help)\b/ },
  { side: 'needed', phrase: 'need support / help', re: /\bneed (some |more )?(support|help)\b/ },
  { side: 'needed', phrase: 'would you like to learn / develop / grow', re: /\b(like|want|hope) to (learn|develop|grow|improve)\b/ },
  { side: 'needed', phrase: 'areas for growth / development', re: /\bareas? (for|of) (growth|development|improvement)\b/ },
  { side: 'needed', phrase: 'get better at', re: /\bget better at\b/ },
];

/** Which side of the skills inventory a question asks for: offered, needed, or null (not a skills question, or one asking for names). */
export function skillSide(text: string): SkillSide | null {
  if (asksForNames(text)) return null;
  const t = text.toLowerCase();
  const sides = new Set(SKILL_PHRASES.filter((p) => p.re.test(t)).map((p) => p.side));
  return sides.has('needed') ? 'needed' : sides.has('offered') ? 'offered' : null;
}
