import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { repoRoot } from '../../helpers/datasets.js';

/** One person's networkx reference values (see test/reference/make_reference.py). */
export interface ReferencePerson {
  id: string;
  inDegree: number;
  outDegree: number;
  inStrength: number;
  outStrength: number;
  pageRank: number;
  betweenness: number;
  betweennessWeighted: number;
  closeness: number;
  closenessWeighted: number;
  eigenvector: number | null;
  eigenvectorTight: number | null;
  hubs: number;
  authorities: number;
}

export interface Reference {
  network: {
    people: number;
    ties: number;
    density: number;
    reciprocity: number | null;
    transitivity: number;
    weakComponents: number;
    strongComponents: number;
    inDegreeCentralization: number;
    isolates: { count: number; ids: string[] };
  };
  people: ReferencePerson[];
  weakComponentMembers: string[][];
  strongComponentMembers: string[][];
  nodes?: string[];
  edges?: [string, string, number][];
}

export function readReference(name: string): Reference {
  return JSON.parse(readFileSync(join(repoRoot, 'test', 'reference', `core-${name}.json`), 'utf8')) as Reference;
}

/** Asserts |actual − expected| ≤ tol for every person, naming the first person that differs. */
export function expectPerPerson(
  actual: ReadonlyMap<string, number> | null,
  ref: Reference,
  field: keyof ReferencePerson,
  tol: number,
): void {
  expect(actual, `${field} is null`).not.toBeNull();
  expect(actual!.size).toBe(ref.people.length);
  let worst = 0;
  let worstId = '';
  for (const p of ref.people) {
    const want = p[field] as number;
    const got = actual!.get(p.id);
    expect(got, `${field} missing for ${p.id}`).toBeTypeOf('number');
    const diff = Math.abs(got! - want);
    if (!(diff <= worst)) {
      worst = diff;
      worstId = p.id;
    }
  }
  expect(worst, `${field}: largest difference at person ${worstId}`).toBeLessThanOrEqual(tol);
}
