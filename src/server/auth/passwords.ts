import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { COMMON_PASSWORDS } from './common-passwords.js';

/**
 * Password hashing with scrypt (RFC 7914), parameters N = 2^15, r = 8, p = 1,
 * 32-byte key, 16-byte random salt: about 32 MiB and ~50–100 ms per hash, run
 * on libuv's thread pool so the event loop stays free. Stored as
 * `scrypt$<log2 N>$<r>$<p>$<salt b64>$<key b64>` so parameters can be raised
 * later; old hashes still verify. See docs/security.md.
 */
export const SCRYPT = { logN: 15, r: 8, p: 1, keyLength: 32, saltLength: 16 } as const;

/** NIST SP 800-63B §5.1.1.2 asks for at least 8 and a check against common passwords; we ask for 12. */
export const MIN_PASSWORD_LENGTH = 12;

function derive(password: string, salt: Buffer, logN: number, r: number, p: number, keyLength: number): Promise<Buffer> {
  const N = 2 ** logN;
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SCRYPT.saltLength);
  const key = await derive(password, salt, SCRYPT.logN, SCRYPT.r, SCRYPT.p, SCRYPT.keyLength);
  return ['scrypt', SCRYPT.logN, SCRYPT.r, SCRYPT.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Constant-time comparison; false (never a throw) for a malformed stored hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [logN, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![logN, r, p].every((x) => Number.isInteger(x) && x > 0) || logN > 20) return false;
  const salt = Buffer.from(parts[4]!, 'base64');
  const expected = Buffer.from(parts[5]!, 'base64');
  if (expected.length < 16) return false;
  const key = await derive(password, salt, logN, r, p, expected.length);
  return timingSafeEqual(key, expected);
}

let dummy: Promise<string> | null = null;
/** Spends the same time as a real check, so unknown user names cannot be told apart by timing. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummy ??= hashPassword(randomBytes(12).toString('hex'));
  await verifyPassword(password, await dummy);
}

/** A readable one-time password: 20 characters from an unambiguous alphabet (~100 bits). */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY34679';
  const bytes = randomBytes(20);
  let out = '';
  for (let i = 0; i < 20; i++) {
    out += alphabet[bytes[i]! % alphabet.length];
    if (i % 5 === 4 && i < 19) out += '-';
  }
  return out;
}

/**
 * Why a new password is refused, or null. At least MIN_PASSWORD_LENGTH characters after trimming
 * (so all-whitespace fails), at most 200, and not common: lower-cased with spaces removed, a
 * password is refused when it is a run of one character, a keyboard or digit sequence, or when
 * what is left after stripping leading and trailing digits and symbols, and collapsing a repeated
 * unit ("monkeymonkey"), is on the common-password list (src/server/auth/common-passwords.ts).
 * (Equality with the current password needs its hash: see the change-password route.)
 */
export function checkPasswordRules(password: unknown): string | null {
  if (typeof password !== 'string') return 'a password is required';
  if (password.length > 200) return 'a password may have at most 200 characters';
  if (password.trim().length < MIN_PASSWORD_LENGTH)
    return `a password needs at least ${MIN_PASSWORD_LENGTH} characters, not counting spaces at either end`;
  if (isCommonPassword(password)) return 'this password is too common or too easy to guess; choose a less predictable one';
  return null;
}

const SEQUENCES = [
  'abcdefghijklmnopqrstuvwxyz',
  '0123456789',
  'qwertyuiopasdfghjklzxcvbnm',
  'azertyuiopqsdfghjklmwxcvbn',
  '1qaz2wsx3edc4rfv5tgb',
  'qazwsxedcrfvtgbyhn',
];

export function isCommonPassword(password: string): boolean {
  const flat = password.normalize('NFC').toLowerCase().replace(/\s+/g, '');
  if (/^(.)\1*$/.test(flat)) return true;
  const isSequence = (x: string): boolean =>
    x.length >= 4 && SEQUENCES.some((s) => (s + s).includes(x) || (s + s).includes([...x].reverse().join('')));
  if (isSequence(flat)) return true;
  const core = unrepeat(flat.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''));
  return COMMON_PASSWORDS.has(core) || COMMON_PASSWORDS.has(unrepeat(flat)) || isSequence(core);
}

/** "abcabcabc" → "abc"; anything else unchanged. */
function unrepeat(x: string): string {
  for (let n = 1; n <= x.length / 2; n++) if (x.length % n === 0 && x.slice(0, n).repeat(x.length / n) === x) return x.slice(0, n);
  return x;
}
