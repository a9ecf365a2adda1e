import type { LeadershipAnalysis } from '../metrics/analytics.js';
import type { Dataset } from '../model/types.js';
import type { Pseudonyms } from '../privacy/pseudonym.js';
import { groupLabelFor, hiddenGroups } from '../privacy/suppress.js';
import type { Edition } from './types.js';

export interface PersonEntry {
  key: string;
  label: string;
  department: string;
  role: string;
  formal: boolean;
}

/**
 * How the report refers to people. Keys are the ids as they appear in the presented analysis: roster
 * ids in the named edition, pseudonyms in the anonymised one (presentLeadership has already replaced
 * every id). Labels: names (named) or pseudonyms (anonymised). In the anonymised edition roles and
 * the formal-role flag are left out and hidden departments (src/privacy/suppress.ts: the small ones,
 * merged until at least k people) print as "(small group)".
 */
export class Directory {
  private readonly byKey = new Map<string, PersonEntry>();
  readonly keyOfId: (id: string) => string;

  constructor(dataset: Dataset, edition: Edition, pseudonyms: Pseudonyms, minGroupSize: number, formalOf: (role: string) => boolean) {
    const named = edition === 'named';
    const sizes = new Map<string, number>();
    for (const p of dataset.people) sizes.set(dept(p.department), (sizes.get(dept(p.department)) ?? 0) + 1);
    const hidden = hiddenGroups(sizes, minGroupSize);
    this.keyOfId = named ? (id) => id : (id) => pseudonyms.label(id);
    for (const p of dataset.people) {
      const key = this.keyOfId(p.id);
      this.byKey.set(key, {
        key,
        label: named ? p.name.trim() || p.id : key,
        department: named ? dept(p.department) : groupLabelFor(dept(p.department), hidden),
        role: named ? p.role : '',
        formal: named ? formalOf(p.role) : false,
      });
    }
  }

  /** The entry of a presented id; unknown ids (never expected) print as themselves. */
  get(key: string): PersonEntry {
    return this.byKey.get(key) ?? { key, label: key, department: '(none)', role: '', formal: false };
  }

  label(key: string): string {
    return this.get(key).label;
  }

  entries(): PersonEntry[] {
    return [...this.byKey.values()];
  }
}

function dept(d: string): string {
  return d.trim() === '' ? '(none)' : d.trim();
}

/** The pooled ("any") entry of a per-domain list: always the last one. */
export function pooled<T>(list: readonly T[]): T {
  return list[list.length - 1]!;
}

export type Presented = LeadershipAnalysis;
