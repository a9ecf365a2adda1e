import type { Person } from '../model/types.js';

/** A roster fact a printed line reveals about the person beside it, as a test on any roster row. */
export type Fact = (p: Person) => boolean;

/**
 * k-anonymity of pseudonymised output (Sweeney 2002, "k-anonymity: a model for protecting privacy",
 * IJUFKS 10(5)). A reader holding the roster sees, beside each pseudonym, the group label and any
 * roster fact a list implies (in "nominal leaders" ⇒ holds a formal role). Every pseudonym's printed
 * facts, together, must be shared by at least k roster rows; otherwise the reader could narrow the
 * pseudonym to fewer than k colleagues.
 *
 * `admit(id, fact)` adds a fact to what is printed about `id` if the combination — the person's
 * group label and every fact admitted for them so far — still holds for at least k people, and
 * says whether it did. Greedy, so facts admitted earlier are never invalidated. O(size of the
 * person's group) per call: people are indexed by group label once.
 */
export class KAnonymity {
  private readonly facts = new Map<string, Fact[]>();
  private readonly byId: Map<string, Person>;
  private readonly groupOfId = new Map<string, string>();
  private readonly members = new Map<string, Person[]>();
  /** Keys of the facts admitted per person (null once a fact without a key was admitted), and remembered class sizes. */
  private readonly named = new Map<string, string[] | null>();
  private readonly sizes = new Map<string, number>();

  constructor(
    people: readonly Person[],
    groupOf: (p: Person) => string,
    private readonly k: number,
  ) {
    this.byId = new Map(people.map((p) => [p.id, p]));
    for (const p of people) {
      const g = groupOf(p);
      this.groupOfId.set(p.id, g);
      const list = this.members.get(g);
      if (list) list.push(p);
      else this.members.set(g, [p]);
    }
  }

  /** How many roster rows share what would be printed about `id` with `extra` added. */
  classSize(id: string, extra: readonly Fact[] = []): number {
    const group = this.groupOfId.get(id);
    if (group === undefined) return 0;
    const facts = [...(this.facts.get(id) ?? []), ...extra];
    let n = 0;
    for (const p of this.members.get(group)!) if (facts.every((f) => f(p))) n++;
    return n;
  }

  /**
   * `key`, when given, names the fact (two facts with one key hold for exactly the same people): class
   * sizes of a group and a set of named facts are then counted once and remembered, which keeps long
   * lists of a large wave linear.
   */
  admit(id: string, fact: Fact, key?: string): boolean {
    const me = this.byId.get(id);
    if (!me || !fact(me)) return false;
    const named = this.named.get(id) ?? (this.facts.has(id) ? null : []);
    const memo = key !== undefined && named !== null ? `${this.groupOfId.get(id)}\u0000${[...named, key].sort().join('\u0001')}` : null;
    let size = memo === null ? undefined : this.sizes.get(memo);
    if (size === undefined) {
      size = this.classSize(id, [fact]);
      if (memo !== null) this.sizes.set(memo, size);
    }
    if (size < this.k) return false;
    this.facts.set(id, [...(this.facts.get(id) ?? []), fact]);
    this.named.set(id, key !== undefined && named !== null ? [...named, key] : null);
    return true;
  }
}
