/**
 * Name normalisation for matching free-text answers to a roster: lower case,
 * accents removed (Unicode NFD, combining marks dropped), punctuation turned into
 * spaces (apostrophes and hyphens inside names vanish: O'Brien → obrien, Ji-woo → jiwoo), honorifics removed, spaces collapsed.
 */

/** Honorifics and job titles dropped from the front of a name ("Ms Ruiz", "Coach Lee", "Dr. Ode"). */
export const TITLES: ReadonlySet<string> = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'prof',
  'professor',
  'coach',
  'sr',
  'sra',
  'srta',
  'mme',
  'mlle',
  'herr',
  'frau',
]);

const PLAIN = /^[A-Za-z0-9 ]*$/;
const SPACES = / {2,}/g;
/** Recent non-ASCII answers and their folded form: a survey folds the same answer several times (bounded). */
const folded = new Map<string, string>();

/** Lower case, NFD accent strip, punctuation → space, whitespace collapsed. Titles are kept. */
export function foldName(text: string): string {
  // most answers are plain letters and spaces: the same result without the Unicode passes
  if (PLAIN.test(text)) return text.toLowerCase().replace(SPACES, ' ').trim();
  let f = folded.get(text);
  if (f === undefined) {
    f = foldUnicode(text);
    if (folded.size >= 50_000) folded.clear();
    folded.set(text, f);
  }
  return f;
}

function foldUnicode(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`´]/g, '')
    .replace(/(\p{L})[-‐–](?=\p{L})/gu, '$1') // hyphenated names are one word: Ji-woo → jiwoo
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Tokens of a folded name with leading titles removed; `hadTitle` says whether one was dropped. */
export function nameTokens(text: string): { tokens: string[]; hadTitle: boolean } {
  const tokens = foldName(text)
    .split(' ')
    .filter((t) => t.length > 0);
  let hadTitle = false;
  while (tokens.length > 1 && TITLES.has(tokens[0]!)) {
    tokens.shift();
    hadTitle = true;
  }
  return { tokens, hadTitle };
}

/** Folded name with titles removed, as one string ("Mrs. José  Ruiz" → "jose ruiz"). */
export function normalizeName(text: string): string {
  return nameTokens(text).tokens.join(' ');
}

/** An address, non-ASCII letters (and combining marks of decomposed accents) included: josé.núñez@école.fr. */
const EMAIL = /[\p{L}\p{M}\p{N}._%+'-]+@[\p{L}\p{M}\p{N}.-]+\.[\p{L}]{2,}/u;

/**
 * An e-mail address as compared: NFC-normalised (a decomposed "é" equals the composed one) and case-folded
 * (upper-casing first folds "ß"/"SS" and similar pairs together; then lower case).
 */
export function emailKey(address: string): string {
  return address.trim().normalize('NFC').toUpperCase().toLowerCase().normalize('NFC');
}

/** The first e-mail address in the text, as compared (see emailKey), or null. */
export function findEmail(text: string): string | null {
  if (!text.includes('@')) return null;
  const m = EMAIL.exec(text.normalize('NFC'));
  return m ? emailKey(m[0]) : null;
}
