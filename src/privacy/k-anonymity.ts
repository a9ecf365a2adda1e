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
 * says whether it did. Greedy, so facts admitted earlier are never invalidated. O(n) per call.
 */
export class KAnonymity {
  private readonly facts = new Map<string, Fact[]>();
  private readonly byId: Map<string, Person>;

  constructor(
    private readonly people: readonly Person[],
    private readonly groupOf: (p: Person) => string,
    private readonly k: number,
  ) {
    this.byId = new Map(people.map((p) => [p.id, p]));
  }

  /** How many roster rows share what would be printed about `id` with `extra` added. */
  classSize(id: string, extra: readonly Fact[] = []): number {
    const me = this.byId.get(id);
    if (!me) return 0;
    const group = this.groupOf(me);
    const facts = [...(this.facts.get(id) ?? []), ...extra];
    let n = 0;
    for (const p of this.people) if (this.groupOf(p) === group && facts.every((f) => f(p))) n++;
    return n;
  }

  admit(id: string, fact: Fact): boolean {
    const me = this.byId.get(id);
    if (!me || !fact(me) || this.classSize(id, [fact]) < this.k) return false;
    this.facts.set(id, [...(this.facts.get(id) ?? []), fact]);
    return true;
  }
}
