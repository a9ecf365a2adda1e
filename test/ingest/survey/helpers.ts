import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Person } from '../../../src/model/types.js';

export const ROSTER_CSV = `id,name,role,department,email
p01,Ana Ruiz,teacher,Math,ana.ruiz@x.edu
p02,Robert Odell,principal,Admin,robert.odell@x.edu
p03,Katherine Lee,teacher,Science,kate.lee@x.edu
p04,Samantha Park,teacher,Math,sam.park@x.edu
p05,Samuel Okafor,teacher,Science,sam.okafor@x.edu
p06,José Martínez,teacher,Science,jose.martinez@x.edu
`;

export function person(id: string, name: string, department: string, email: string | null = null): Person {
  return {
    id,
    name,
    role: 'teacher',
    department,
    team: '',
    school: '',
    startYear: null,
    yearsExperience: null,
    fte: null,
    releaseTime: null,
    email,
    onRoster: true,
    attributes: {},
  };
}

export const ROSTER: Person[] = [
  person('p01', 'Ana Ruiz', 'Math', 'ana.ruiz@x.edu'),
  person('p02', 'Robert Odell', 'Admin', 'robert.odell@x.edu'),
  person('p03', 'Katherine Lee', 'Science', 'kate.lee@x.edu'),
  person('p04', 'Samantha Park', 'Math', 'sam.park@x.edu'),
  person('p05', 'Samuel Okafor', 'Science', 'sam.okafor@x.edu'),
  person('p06', 'José Martínez', 'Science', 'jose.martinez@x.edu'),
];

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'leadmap-survey-'));
}

export function writeTemp(dir: string, name: string, content: string | Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}
