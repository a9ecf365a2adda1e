import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dataset, Person, Tie } from '../../src/model/types.js';
import { blankPerson } from '../../src/model/blank-person.js';

export function tempDir(prefix = 'leadmap-test-'): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export function tinyDataset(n = 6, department = (i: number) => (i < 3 ? 'Maths' : 'English')): Dataset {
  const people: Person[] = Array.from({ length: n }, (_, i) => ({
    ...blankPerson(`T${i + 1}`),
    name: `Teacher ${i + 1}`,
    department: department(i),
    role: i === 0 ? 'principal' : 'teacher',
  }));
  const ties: Tie[] = people.slice(1).map((p, i) => ({
    source: p.id,
    target: people[i % 2 === 0 ? 0 : 1]!.id,
    relation: 'advice',
    domain: 'curriculum',
    weight: 1 + (i % 3),
    count: 1,
    timestamp: null,
    wave: null,
  }));
  return { people, ties, relations: [{ name: 'advice', directed: true }], domains: ['curriculum'], respondents: null, wave: null };
}
