/**
 * Password-guess throttling (sign-in and change-password) as an atomic
 * reservation taken *before* the password hash is computed.
 *
 * `reserve(account, address)` runs synchronously on the event loop, so two
 * parallel requests can never both pass the check: each reservation is counted
 * as a failure at once, and a success later clears the account's counter.
 *
 * - **Per account** (user name, any address): FREE_FAILURES attempts, then each
 *   further one doubles the wait before the next: 1 s, 2 s, 4 s … capped at
 *   MAX_DELAY_MS. Parallel attempts count, so 150 concurrent guesses get about
 *   FREE_FAILURES + 1 password checks and the rest 429. A success resets it.
 * - **Per address**: at most MAX_IN_FLIGHT_PER_ADDRESS checks at once, and a
 *   loose counter (ADDRESS_FREE_FAILURES, then at most ADDRESS_MAX_DELAY_MS):
 *   many colleagues behind one school NAT never lock each other out, while one
 *   address spraying many names is slowed.
 * Counters are forgotten FORGET_AFTER_MS after the last failure. In memory (a
 * restart clears them), bounded to MAX_ENTRIES keys.
 */
export const FREE_FAILURES = 5;
export const MAX_DELAY_MS = 60_000;
export const ADDRESS_FREE_FAILURES = 100;
export const ADDRESS_MAX_DELAY_MS = 10_000;
export const MAX_IN_FLIGHT_PER_ADDRESS = 8;
const FORGET_AFTER_MS = 60 * 60_000;
const MAX_ENTRIES = 100_000;

interface Counter {
  failures: number;
  nextAllowedAt: number;
  lastFailureAt: number;
}

/** A granted attempt: call `succeeded()` or `failed()` exactly once when the password check is over. */
export interface Reservation {
  succeeded(): void;
  failed(): void;
}

export type ReserveResult = { ok: true; reservation: Reservation } | { ok: false; waitMs: number };

export class LoginThrottle {
  private readonly accounts = new Map<string, Counter>();
  private readonly addresses = new Map<string, Counter>();
  private readonly inFlight = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Takes an attempt for (account, address) or says how long to wait (ms). Synchronous: atomic on the event loop. */
  reserve(account: string, address: string): ReserveResult {
    const t = this.now();
    const key = accountKey(account);
    const acc = this.fresh(this.accounts, key, t);
    const adr = this.fresh(this.addresses, address, t);
    const wait = Math.max(0, (acc?.nextAllowedAt ?? 0) - t, (adr?.nextAllowedAt ?? 0) - t);
    if (wait > 0) return { ok: false, waitMs: wait };
    const busy = this.inFlight.get(address) ?? 0;
    if (busy >= MAX_IN_FLIGHT_PER_ADDRESS) return { ok: false, waitMs: 1000 };
    this.inFlight.set(address, busy + 1);
    this.bump(this.accounts, key, FREE_FAILURES, MAX_DELAY_MS, t);
    this.bump(this.addresses, address, ADDRESS_FREE_FAILURES, ADDRESS_MAX_DELAY_MS, t);
    if (this.accounts.size + this.addresses.size > MAX_ENTRIES) this.prune(t);
    let done = false;
    const finish = (ok: boolean): void => {
      if (done) return;
      done = true;
      const left = (this.inFlight.get(address) ?? 1) - 1;
      if (left > 0) this.inFlight.set(address, left);
      else this.inFlight.delete(address);
      if (ok) {
        this.accounts.delete(key);
        this.unbump(this.addresses, address);
      }
    };
    return { ok: true, reservation: { succeeded: () => finish(true), failed: () => finish(false) } };
  }

  /** Milliseconds before the next attempt for (account, address) would be granted (0 = now). */
  waitFor(account: string, address: string): number {
    const t = this.now();
    const acc = this.fresh(this.accounts, accountKey(account), t);
    const adr = this.fresh(this.addresses, address, t);
    return Math.max(0, (acc?.nextAllowedAt ?? 0) - t, (adr?.nextAllowedAt ?? 0) - t);
  }

  private fresh(map: Map<string, Counter>, key: string, t: number): Counter | undefined {
    const c = map.get(key);
    if (c && t - c.lastFailureAt > FORGET_AFTER_MS) {
      map.delete(key);
      return undefined;
    }
    return c;
  }

  private bump(map: Map<string, Counter>, key: string, free: number, cap: number, t: number): void {
    const c = map.get(key) ?? { failures: 0, nextAllowedAt: 0, lastFailureAt: t };
    c.failures++;
    c.lastFailureAt = t;
    const over = c.failures - free;
    c.nextAllowedAt = over > 0 ? t + Math.min(1000 * 2 ** Math.min(over - 1, 30), cap) : 0;
    map.set(key, c);
  }

  /** A success takes back its own reservation from the address counter (the address is not otherwise cleared). */
  private unbump(map: Map<string, Counter>, key: string): void {
    const c = map.get(key);
    if (!c) return;
    c.failures = Math.max(0, c.failures - 1);
    if (c.failures === 0) map.delete(key);
  }

  private prune(t: number): void {
    for (const map of [this.accounts, this.addresses]) {
      for (const [k, c] of map) if (t - c.lastFailureAt > FORGET_AFTER_MS || c.nextAllowedAt <= t) map.delete(k);
    }
  }
}

function accountKey(name: string): string {
  return name.trim().normalize('NFC').toLowerCase();
}
