import type { Person } from '../../model/types.js';
import { ByteInterner } from '../bytes/interner.js';
import { emailKey } from '../names/normalize.js';
import { EXTERNAL_ID } from './options.js';

const UNRESOLVED = -9;

/**
 * Turns addresses as written in a log into people. Addresses compare as the survey matcher compares them
 * (emailKey: NFC-normalised and case-folded, non-ASCII local parts included), so `JOSÉ@school.org`, `josé@…`
 * and a decomposed `josé@…` are one address. Without a roster every distinct address is a person (its id the
 * compared form). With a roster an address is matched to the person whose email (or id) it equals; others are
 * dropped (counted) or pooled into "external". "Name <addr@school.org>" is read as addr@school.org.
 * Bytes are interned with ASCII case folded; each distinct spelling is compared once.
 */
export class PeopleIndex {
  private readonly addresses = new ByteInterner(true);
  private personOfAddress = new Int32Array(1024).fill(UNRESOLVED);
  private readonly byKey: Map<string, number> | null;
  /** Without a roster: the person of each compared address. */
  private readonly seen = new Map<string, number>();
  readonly ids: string[] = [];
  private externalIndex = -1;
  /** Distinct addresses seen that are not on the roster. */
  unknownAddresses = 0;
  /** Interned numbers of those addresses (for merging two byte ranges read apart). */
  private readonly unknown: number[] = [];

  constructor(
    roster: readonly Person[] | null,
    private readonly external: 'drop' | 'bucket',
  ) {
    if (roster === null) {
      this.byKey = null;
      return;
    }
    this.byKey = new Map();
    roster.forEach((p, i) => {
      this.ids.push(p.id);
      this.byKey!.set(emailKey(p.id), i);
      if (p.email) this.byKey!.set(emailKey(p.email), i);
    });
  }

  get hasRoster(): boolean {
    return this.byKey !== null;
  }

  /**
   * The person of the address in buf[start..end): an index into `ids`, -1 for an empty address,
   * -2 for an off-roster address that is dropped.
   */
  person(buf: Uint8Array, start: number, end: number): number {
    for (let i = start; i < end; i++) {
      if (buf[i] === 60) {
        // '<'
        let j = i + 1;
        while (j < end && buf[j] !== 62) j++;
        start = i + 1;
        end = j;
        break;
      }
    }
    const a = this.addresses.intern(buf, start, end);
    if (a < 0) return -1;
    if (a >= this.personOfAddress.length) {
      const g = new Int32Array(this.personOfAddress.length * 2).fill(UNRESOLVED);
      g.set(this.personOfAddress);
      this.personOfAddress = g;
    }
    const known = this.personOfAddress[a]!;
    if (known !== UNRESOLVED) return known;
    let p: number;
    const key = emailKey(this.addresses.name(a));
    if (this.byKey === null) {
      const same = this.seen.get(key);
      if (same !== undefined) p = same;
      else {
        p = this.ids.length;
        this.ids.push(key);
        this.seen.set(key, p);
      }
    } else {
      const hit = this.byKey.get(key);
      if (hit !== undefined) p = hit;
      else {
        this.unknownAddresses++;
        this.unknown.push(a);
        if (this.external === 'bucket') {
          if (this.externalIndex < 0) {
            this.externalIndex = this.ids.length;
            this.ids.push(EXTERNAL_ID);
          }
          p = this.externalIndex;
        } else {
          this.personOfAddress[a] = -2;
          return -2;
        }
      }
    }
    this.personOfAddress[a] = p;
    return p;
  }

  /** The addresses (as compared: ASCII case folded) seen that are not on the roster. */
  unknownSpellings(): string[] {
    return this.unknown.map((a) => this.addresses.name(a));
  }

  /**
   * Takes in the people another index (same roster and rules) found in a later byte range of the same log:
   * returns the number each of its people has here, appending those not yet seen in their first-seen order,
   * so the result is what one pass over both ranges gives. Its off-roster addresses are counted once each.
   */
  absorb(other: { ids: readonly string[]; unknown: readonly string[] }, rosterSize: number): Int32Array {
    const map = new Int32Array(other.ids.length);
    other.ids.forEach((id, i) => {
      if (this.byKey === null) {
        let p = this.seen.get(id);
        if (p === undefined) {
          p = this.ids.length;
          this.ids.push(id);
          this.seen.set(id, p);
        }
        map[i] = p;
      } else if (i < rosterSize) {
        map[i] = i;
      } else {
        if (this.externalIndex < 0) {
          this.externalIndex = this.ids.length;
          this.ids.push(EXTERNAL_ID);
        }
        map[i] = this.externalIndex;
      }
    });
    const known = new Set(this.unknownSpellings());
    for (const u of other.unknown) {
      if (known.has(u)) continue;
      known.add(u);
      const b = Buffer.from(u, 'utf8');
      this.unknown.push(this.addresses.intern(b, 0, b.length));
      this.unknownAddresses++;
    }
    return map;
  }
}
