import type { Person } from './types.js';

/** A person known only by an id (named in ties, not on a roster): the id doubles as the name, every attribute empty. */
export function blankPerson(id: string): Person {
  return {
    id,
    name: id,
    role: '',
    department: '',
    team: '',
    school: '',
    startYear: null,
    yearsExperience: null,
    fte: null,
    releaseTime: null,
    email: null,
    onRoster: true,
    attributes: {},
  };
}
