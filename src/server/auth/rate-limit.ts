/**
 * Sign-in throttling that slows a password-guessing attacker without locking
 * the victim out. Failures are counted per (user name, client address): after
 * FREE_FAILURES typos, each further failure doubles the wait before the next
 * attempt from that address for that name (1 s, 2 s, 4 s … capped at MAX_DELAY).
 * An attacker elsewhere never delays the real user's own address, and the wait
 * ends by itself — there is no lockout. A looser per-address counter slows one
 * address spraying many names. A success clears the pair's counter.
 */
export const FREE_FAILURES = 3;
export const MAX_DELAY_MS = 5 * 60_000;
const PER_ADDRESS_FREE = 30;
const FORGET_AFTER_MS = 24 * 60 * 60_000;

interface Entry {
  failures: number;
  nextAllowedAt: number;
  lastFailureAt: number;
}

export class LoginThrottle {
  private readonly pairs = new Map<string, Entry>();
  private readonly addresses = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Milliseconds the caller must still wait before trying this name from this address (0 = go ahead). */
  waitFor(username: string, address: string): number {
    const t = this.now();
    const a = this.pairs.get(pairKey(username, address));
    const b = this.addresses.get(address);
    return Math.max(0, (a?.nextAllowedAt ?? 0) - t, (b?.nextAllowedAt ?? 0) - t);
  }

  recordFailure(username: string, address: string): void {
    this.bump(this.pairs, pairKey(username, address), FREE_FAILURES);
    this.bump(this.addresses, address, PER_ADDRESS_FREE);
    if (this.pairs.size > 100_000) this.prune();
  }

  recordSuccess(username: string, address: string): void {
    this.pairs.delete(pairKey(username, address));
  }

  private bump(map: Map<string, Entry>, key: string, free: number): void {
    const t = this.now();
    const e = map.get(key) ?? { failures: 0, nextAllowedAt: 0, lastFailureAt: t };
    if (t - e.lastFailureAt > FORGET_AFTER_MS) e.failures = 0;
    e.failures++;
    e.lastFailureAt = t;
    const over = e.failures - free;
    e.nextAllowedAt = over > 0 ? t + Math.min(1000 * 2 ** (over - 1), MAX_DELAY_MS) : 0;
    map.set(key, e);
  }

  private prune(): void {
    const t = this.now();
    for (const map of [this.pairs, this.addresses]) {
      for (const [k, e] of map) if (t - e.lastFailureAt > FORGET_AFTER_MS) map.delete(k);
    }
  }
}

function pairKey(username: string, address: string): string {
  return `${username.trim().toLowerCase()}\u0000${address}`;
}
