import { randomBytes } from 'node:crypto';

/** A new random id: 96 bits, URL-safe, also safe as a folder name. */
export function newId(): string {
  return randomBytes(12).toString('base64url');
}
