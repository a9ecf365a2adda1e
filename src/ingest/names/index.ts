export { createNameMatcher, MATCH_DEFAULTS, RULE_CONFIDENCE } from './matcher.js';
export type { NameMatch, NameMatcher, MatchRule, Candidate, Resolution } from './matcher.js';
export { foldName, normalizeName, nameTokens, findEmail, emailKey, TITLES } from './normalize.js';
export { NICKNAMES, formalNames } from './nicknames.js';
export { jaroWinkler } from './jaro-winkler.js';
export { splitNames } from './split.js';
export type { SplitName } from './split.js';
