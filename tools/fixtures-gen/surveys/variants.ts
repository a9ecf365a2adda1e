/**
 * Writes a colleague's name the way real respondents do: exact, lower case without accents, with a
 * title, "Last, First", e-mail, nickname, initial, a small typo, or first name only. Each variant is
 * checked against the roster (by roster facts, independently of the importer) so that it names one
 * person unambiguously; a first name shared by several colleagues is a deliberate ambiguity that the
 * import must put on its review list.
 */
import { NICKNAMES } from '../../../src/ingest/names/nicknames.js';
import { jaroWinkler } from '../../../src/ingest/names/jaro-winkler.js';
import { foldName } from '../../../src/ingest/names/normalize.js';
import type { Rng } from './rng.js';

export interface RosterPerson {
  id: string;
  name: string;
  email: string | null;
  department: string;
}

export type VariantKind =
  'exact' | 'folded' | 'title' | 'last-first' | 'email' | 'nickname' | 'initial' | 'typo' | 'first-only' | 'shared-first';

interface Facts {
  first: string;
  surname: string;
  full: string;
}
const facts = (p: RosterPerson): Facts => {
  const t = foldName(p.name).split(' ');
  return { first: t[0]!, surname: t.slice(1).join(' '), full: t.join(' ') };
};
const stripAccents = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

export class NameWriter {
  private readonly f = new Map<string, Facts>();
  constructor(
    private readonly roster: readonly RosterPerson[],
    private readonly rng: Rng,
  ) {
    for (const p of roster) this.f.set(p.id, facts(p));
  }
  private others(id: string): Facts[] {
    return this.roster.filter((p) => p.id !== id).map((p) => this.f.get(p.id)!);
  }
  private isUniqueFull(id: string): boolean {
    const me = this.f.get(id)!;
    return this.others(id).every((o) => o.full !== me.full && `${o.surname} ${o.first}` !== me.full);
  }

  /** True when the first name alone names only this person (no other first name, surname or nickname clash). */
  firstIsUnique(id: string): boolean {
    const me = this.f.get(id)!;
    if (NICKNAMES[me.first]) return false;
    return this.others(id).every((o) => o.first !== me.first && o.surname !== me.first && !o.surname.split(' ').includes(me.first));
  }
  firstIsShared(id: string): boolean {
    const me = this.f.get(id)!;
    return !NICKNAMES[me.first] && this.others(id).some((o) => o.first === me.first);
  }

  /** A nickname for this person that names nobody else, or null. */
  nickname(id: string): string | null {
    const me = this.f.get(id)!;
    const nicks = Object.entries(NICKNAMES)
      .filter(([, formal]) => formal.includes(me.first))
      .map(([n]) => n)
      .sort();
    for (const n of nicks) {
      const clash =
        this.others(id).some(
          (o) =>
            (o.surname === me.surname || o.surname.endsWith(' ' + me.surname)) &&
            (o.first === n || (NICKNAMES[n] ?? []).includes(o.first) || (NICKNAMES[o.first] ?? []).includes(n)),
        ) || this.others(id).some((o) => o.full === `${n} ${me.surname}`);
      if (!clash) return n;
    }
    return null;
  }

  write(p: RosterPerson, kind: VariantKind): string | null {
    const me = this.f.get(p.id)!;
    const parts = p.name.trim().split(/\s+/);
    const first = parts[0]!,
      last = parts.slice(1).join(' ');
    switch (kind) {
      case 'exact':
        return this.isUniqueFull(p.id) ? p.name : null;
      case 'folded':
        return this.isUniqueFull(p.id) ? stripAccents(p.name).toLowerCase() : null;
      case 'title':
        return this.isUniqueFull(p.id) ? `${this.rng.pick(['Ms', 'Mr.', 'Dr', 'Mx'])} ${p.name}` : null;
      case 'last-first':
        return this.isUniqueFull(p.id) && last ? `${last}, ${first}` : null;
      case 'email':
        return p.email;
      case 'nickname': {
        const n = this.nickname(p.id);
        return n ? `${n[0]!.toUpperCase()}${n.slice(1)} ${last}` : null;
      }
      case 'initial': {
        const clash = this.others(p.id).some(
          (o) => (o.surname === me.surname || o.surname.split(' ').pop() === me.surname) && o.first[0] === me.first[0],
        );
        return !clash && last && !me.surname.includes(' ') ? `${first[0]}. ${last}` : null;
      }
      case 'typo': {
        if (me.surname.length < 6 || me.surname.includes(' ')) return null;
        const i = this.rng.int(1, me.surname.length - 3);
        const s = me.surname;
        const typo = s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
        if (typo === s) return null;
        const text = `${first} ${typo[0]!.toUpperCase()}${typo.slice(1)}`;
        const q = foldName(text);
        const mine = jaroWinkler(q, me.full);
        const best = Math.max(...this.others(p.id).map((o) => Math.max(jaroWinkler(q, o.full), jaroWinkler(q, `${o.surname} ${o.first}`))));
        const collides = this.others(p.id).some((o) => o.surname === typo || (o.first === me.first && o.surname[0] === typo[0]));
        return mine >= 0.95 && best < 0.88 && !collides ? text : null;
      }
      case 'first-only':
        return this.firstIsUnique(p.id) ? first : null;
      case 'shared-first':
        return this.firstIsShared(p.id) ? first : null;
    }
  }

  /** A random unambiguous variant (falls back to the exact name). */
  anyVariant(p: RosterPerson): { text: string; kind: VariantKind } {
    const table: Array<[VariantKind, number]> = [
      ['exact', 48],
      ['folded', 8],
      ['title', 8],
      ['last-first', 8],
      ['email', 4],
      ['nickname', 8],
      ['initial', 5],
      ['typo', 5],
      ['first-only', 6],
    ];
    const total = table.reduce((s, [, w]) => s + w, 0);
    let r = this.rng.next() * total;
    for (const [kind, w] of table) {
      r -= w;
      if (r < 0) {
        const t = this.write(p, kind);
        if (t) return { text: t, kind };
        break;
      }
    }
    return { text: p.name, kind: 'exact' };
  }
}
