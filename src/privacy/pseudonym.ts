import { createHmac } from 'node:crypto';

/**
 * Pseudonymous person labels, stable within a wave: "P-" + the first L hex
 * digits (upper case) of HMAC-SHA256(wave secret, person id). The 256-bit
 * wave secret never leaves the store, so a label cannot be reversed or
 * recomputed from outputs; a different wave has a different secret, so labels
 * cannot be linked across waves either. L starts at 6 (16.7 million labels, so
 * two waves rarely share one by chance) and grows until every
 * label of the wave is distinct.
 */
export class Pseudonyms {
  private readonly labels = new Map<string, string>();

  constructor(secret: Buffer, ids: Iterable<string>) {
    const digests = new Map<string, string>();
    for (const id of ids) digests.set(id, createHmac('sha256', secret).update(id, 'utf8').digest('hex').toUpperCase());
    let length = 6;
    for (; length < 64; length++) {
      const seen = new Set<string>();
      let clash = false;
      for (const d of digests.values()) {
        const l = d.slice(0, length);
        if (seen.has(l)) {
          clash = true;
          break;
        }
        seen.add(l);
      }
      if (!clash) break;
    }
    for (const [id, d] of digests) this.labels.set(id, `P-${d.slice(0, length)}`);
  }

  label(id: string): string {
    const l = this.labels.get(id);
    if (l === undefined) throw new Error('person is not part of this wave');
    return l;
  }
}
