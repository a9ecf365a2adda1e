/**
 * A least-recently-used map bounded by the bytes of its values, so cached
 * response bodies (analyses, exports, PDFs) never grow the server's memory
 * past `maxBytes`. A value larger than half the budget is not kept.
 */
export class ByteLru<V extends { body: Uint8Array }> {
  private readonly map = new Map<string, V>();
  private bytes = 0;

  constructor(readonly maxBytes: number) {}

  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }

  set(key: string, value: V): void {
    this.delete(key);
    if (value.body.byteLength > this.maxBytes / 2) return;
    this.map.set(key, value);
    this.bytes += value.body.byteLength;
    for (const [k, v] of this.map) {
      if (this.bytes <= this.maxBytes) break;
      this.map.delete(k);
      this.bytes -= v.body.byteLength;
    }
  }

  delete(key: string): void {
    const v = this.map.get(key);
    if (!v) return;
    this.map.delete(key);
    this.bytes -= v.body.byteLength;
  }

  /** Bytes held now. */
  get size(): number {
    return this.bytes;
  }
}
