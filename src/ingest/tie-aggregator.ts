import type { Tie } from '../model/types.js';

/**
 * Sums rows into ties keyed by (source, target, relation, domain, wave)
 * without building a string key per row: ids are interned to integers, and
 * each (relation, domain, wave) combination has its own per-source tables
 * keyed by target index. Memory grows with distinct ties, not rows.
 */
export class TieAggregator {
  private readonly idIndex = new Map<string, number>();
  private readonly idList: string[] = [];
  private readonly combos = new Map<string, Map<string, Map<string, number>>>();
  private readonly comboList: Array<{ relation: string; domain: string; wave: string | null }> = [];
  /** tables[combo][sourceIndex] : targetIndex → tie index */
  private readonly tables: Array<Array<Map<number, number> | undefined>> = [];
  private readonly src: number[] = [];
  private readonly tgt: number[] = [];
  private readonly combo: number[] = [];
  private readonly weight: number[] = [];
  private readonly count: number[] = [];
  private readonly time: Array<string | null> = [];
  /** Rows merged into a tie that already existed. */
  duplicates = 0;

  /** Ids in first-seen order. */
  get ids(): readonly string[] {
    return this.idList;
  }
  get size(): number {
    return this.src.length;
  }

  add(
    source: string,
    target: string,
    relation: string,
    domain: string,
    wave: string | null,
    weight: number,
    count: number,
    timestamp: string | null,
  ): void {
    const c = this.comboOf(relation, domain, wave);
    const s = this.intern(source);
    const t = this.intern(target);
    const bySource = this.tables[c]!;
    let row = bySource[s];
    if (row === undefined) bySource[s] = row = new Map();
    const k = row.get(t);
    if (k === undefined) {
      row.set(t, this.src.length);
      this.src.push(s);
      this.tgt.push(t);
      this.combo.push(c);
      this.weight.push(weight);
      this.count.push(count);
      this.time.push(timestamp);
    } else {
      this.weight[k]! += weight;
      this.count[k]! += count;
      const old = this.time[k]!;
      if (timestamp !== null && (old === null || timestamp < old)) this.time[k] = timestamp;
      this.duplicates++;
    }
  }

  /** The aggregated ties, in first-seen order. */
  ties(): Tie[] {
    const out = new Array<Tie>(this.src.length);
    for (let i = 0; i < this.src.length; i++) {
      const c = this.comboList[this.combo[i]!]!;
      out[i] = {
        source: this.idList[this.src[i]!]!,
        target: this.idList[this.tgt[i]!]!,
        relation: c.relation,
        domain: c.domain,
        weight: this.weight[i]!,
        count: this.count[i]!,
        timestamp: this.time[i]!,
        wave: c.wave,
      };
    }
    return out;
  }

  private intern(id: string): number {
    let i = this.idIndex.get(id);
    if (i === undefined) {
      i = this.idList.length;
      this.idIndex.set(id, i);
      this.idList.push(id);
    }
    return i;
  }

  private comboOf(relation: string, domain: string, wave: string | null): number {
    let byDomain = this.combos.get(relation);
    if (byDomain === undefined) this.combos.set(relation, (byDomain = new Map<string, Map<string, number>>()));
    let byWave = byDomain.get(domain);
    if (byWave === undefined) byDomain.set(domain, (byWave = new Map<string, number>()));
    const w = wave ?? '\u0000';
    let c = byWave.get(w);
    if (c === undefined) {
      c = this.comboList.length;
      byWave.set(w, c);
      this.comboList.push({ relation, domain, wave });
      this.tables.push([]);
    }
    return c;
  }
}
