/**
 * Interns identifiers straight from bytes to dense integers 0, 1, 2, … (first-seen order) without
 * making a string per row: an open-addressing hash table (FNV-1a) over a growing byte pool.
 * Only each distinct id is ever decoded to a string, so memory grows with people, not rows.
 * Surrounding spaces and tabs are ignored; `lowerCase` folds ASCII letters (e-mail addresses).
 */
export class ByteInterner {
  private pool = new Uint8Array(1 << 16);
  private poolUsed = 0;
  private keyStart = new Int32Array(1024);
  private keyLen = new Int32Array(1024);
  private keyHash = new Int32Array(1024);
  private table = new Int32Array(2048).fill(-1);
  private mask = 2047;
  private names: (string | undefined)[] = [];
  /** Number of distinct ids. */
  size = 0;

  /** Byte → the byte compared: identity, or ASCII upper case folded to lower (one load per byte, no branch). */
  private readonly fold: Uint8Array;

  constructor(lowerCase = false) {
    this.fold = new Uint8Array(256);
    for (let c = 0; c < 256; c++) this.fold[c] = lowerCase && c >= 65 && c <= 90 ? c + 32 : c;
  }

  /** The integer of the id in `buf[start..end)`, adding it when new. Empty ids return -1. */
  intern(buf: Uint8Array, start: number, end: number): number {
    return this.lookup(buf, start, end, true);
  }

  /** The integer of the id, or -1 when it has not been seen. */
  find(buf: Uint8Array, start: number, end: number): number {
    return this.lookup(buf, start, end, false);
  }

  /** Interns a JavaScript string (rosters, tests). */
  internString(id: string): number {
    const b = Buffer.from(id, 'utf8');
    return this.intern(b, 0, b.length);
  }

  findString(id: string): number {
    const b = Buffer.from(id, 'utf8');
    return this.find(b, 0, b.length);
  }

  /** The id text of integer `i`. */
  name(i: number): string {
    let s = this.names[i];
    if (s === undefined) {
      const st = this.keyStart[i]!;
      s = Buffer.from(this.pool.buffer, this.pool.byteOffset + st, this.keyLen[i]).toString('utf8');
      this.names[i] = s;
    }
    return s;
  }

  /** All ids in integer order. */
  allNames(): string[] {
    const out = new Array<string>(this.size);
    for (let i = 0; i < this.size; i++) out[i] = this.name(i);
    return out;
  }

  private lookup(buf: Uint8Array, start: number, end: number, add: boolean): number {
    while (start < end && (buf[start] === 32 || buf[start] === 9)) start++;
    while (end > start && (buf[end - 1] === 32 || buf[end - 1] === 9)) end--;
    const len = end - start;
    if (len === 0) return -1;
    const fold = this.fold;
    let h = 0x811c9dc5 | 0;
    for (let k = start; k < end; k++) h = Math.imul(h ^ fold[buf[k]!]!, 0x01000193);
    const pool = this.pool;
    let slot = h & this.mask;
    for (;;) {
      const id = this.table[slot]!;
      if (id === -1) break;
      if (this.keyHash[id] === h && this.keyLen[id] === len) {
        const st = this.keyStart[id]!;
        let same = true;
        for (let k = 0; k < len; k++) {
          if (pool[st + k] !== fold[buf[start + k]!]) {
            same = false;
            break;
          }
        }
        if (same) return id;
      }
      slot = (slot + 1) & this.mask;
    }
    if (!add) return -1;
    const id = this.size++;
    if (id >= this.keyStart.length) this.growKeys();
    if (this.poolUsed + len > this.pool.length) this.growPool(len);
    const st = this.poolUsed;
    for (let k = 0; k < len; k++) this.pool[st + k] = fold[buf[start + k]!]!;
    this.poolUsed += len;
    this.keyStart[id] = st;
    this.keyLen[id] = len;
    this.keyHash[id] = h;
    this.table[slot] = id;
    if (this.size * 2 > this.mask) this.rehash();
    return id;
  }

  private growKeys(): void {
    const k = this.keyStart.length * 2;
    const a = new Int32Array(k);
    a.set(this.keyStart);
    this.keyStart = a;
    const b = new Int32Array(k);
    b.set(this.keyLen);
    this.keyLen = b;
    const c = new Int32Array(k);
    c.set(this.keyHash);
    this.keyHash = c;
  }

  private growPool(need: number): void {
    const p = new Uint8Array(Math.max(this.pool.length * 2, this.poolUsed + need + 1024));
    p.set(this.pool.subarray(0, this.poolUsed));
    this.pool = p;
  }

  private rehash(): void {
    const size = this.table.length * 2;
    this.table = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    for (let id = 0; id < this.size; id++) {
      let slot = this.keyHash[id]! & this.mask;
      while (this.table[slot] !== -1) slot = (slot + 1) & this.mask;
      this.table[slot] = id;
    }
  }
}
