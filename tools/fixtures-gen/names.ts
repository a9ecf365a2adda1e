/**
 * Staff names for the demo schools: a mixed list of given and family names (English, Spanish,
 * Vietnamese, Chinese, Korean, South Asian, Arabic, West African, Irish, Polish, Greek, Navajo, …),
 * drawn with a seeded stream, unique within a school. A few carry accents (José, Zoë, Nguyễn) and
 * apostrophes (O'Brien) so ingest and name matching get exercised.
 */
import type { Random } from './random.js';

const GIVEN = [
  'Aaliyah',
  'Abdullah',
  'Adaeze',
  'Aiden',
  'Aisha',
  'Alejandro',
  'Amara',
  'Amir',
  'Ana',
  'Andrea',
  'Andrew',
  'Anjali',
  'Arjun',
  'Beatriz',
  'Benjamin',
  'Bianca',
  'Brandon',
  'Brianna',
  'Camila',
  'Carlos',
  'Carmen',
  'Chen',
  'Chidi',
  'Chloe',
  'Christopher',
  'Claire',
  'Connor',
  'Daniel',
  'Daniela',
  'David',
  'Deepa',
  'Demetrius',
  'Diego',
  'Dmitri',
  'Elena',
  'Elijah',
  'Emily',
  'Emmanuel',
  'Esperanza',
  'Ethan',
  'Farah',
  'Fatima',
  'Gabriel',
  'Grace',
  'Hannah',
  'Hana',
  'Hector',
  'Hiroshi',
  'Ibrahim',
  'Imani',
  'Isabel',
  'Jamal',
  'James',
  'Jasmine',
  'Jennifer',
  'Jessica',
  'Ji-woo',
  'Jonathan',
  'Jordan',
  'Julia',
  'Kai',
  'Kamala',
  'Keisha',
  'Kenji',
  'Kevin',
  'Kwame',
  'Laura',
  'Layla',
  'Leah',
  'Lucas',
  'Luis',
  'Malik',
  'Maria',
  'Mariam',
  'Marcus',
  'Mei',
  'Michael',
  'Min-jun',
  'Miriam',
  'Mohammed',
  'Nadia',
  'Naomi',
  'Nathan',
  'Nia',
  'Nicole',
  'Olivia',
  'Omar',
  'Patrick',
  'Priya',
  'Rachel',
  'Rafael',
  'Rahul',
  'Rebecca',
  'Ricardo',
  'Rosa',
  'Ryan',
  'Samuel',
  'Sarah',
  'Sofia',
  'Stephanie',
  'Tamika',
  'Tariq',
  'Thomas',
  'Tiffany',
  'Tomasz',
  'Trevor',
  'Valentina',
  'Vanessa',
  'Victor',
  'Wei',
  'William',
  'Xavier',
  'Yara',
  'Yasmin',
  'Yusuf',
  'Zainab',
  'Zachary',
  'Tyrone',
  'Megan',
  'Heather',
  'Dolores',
  'Graciela',
  'Kateri',
  'Shannon',
  'Derek',
  'Oksana',
  'Thanh',
  'Linh',
];

const FAMILY = [
  'Abdi',
  'Adeyemi',
  'Ahmed',
  'Alvarez',
  'Anderson',
  'Baker',
  'Begay',
  'Bennett',
  'Brooks',
  'Campbell',
  'Castillo',
  'Chavez',
  'Chen',
  'Cho',
  'Clark',
  'Coleman',
  'Cruz',
  'Davis',
  'Diaz',
  'Dubois',
  'Edwards',
  'Evans',
  'Fernandez',
  'Fischer',
  'Flores',
  'Foster',
  'Garcia',
  'Goldberg',
  'Gomez',
  'Gonzalez',
  'Green',
  'Gupta',
  'Hall',
  'Harris',
  'Hassan',
  'Hernandez',
  'Hill',
  'Ito',
  'Jackson',
  'Jensen',
  'Johnson',
  'Kaur',
  'Khan',
  'Kim',
  'Kowalski',
  'Lee',
  'Lewis',
  'Lopez',
  'Martin',
  'Mendoza',
  'Miller',
  'Mitchell',
  'Moore',
  'Morales',
  'Murphy',
  'Nakamura',
  'Nelson',
  'Nwosu',
  'Okafor',
  'Ortiz',
  'Osei',
  'Papadopoulos',
  'Park',
  'Patel',
  'Perez',
  'Peterson',
  'Phillips',
  'Ramirez',
  'Ramos',
  'Reddy',
  'Reyes',
  'Rivera',
  'Roberts',
  'Robinson',
  'Rodriguez',
  'Rossi',
  'Ruiz',
  'Sanchez',
  'Santos',
  'Schmidt',
  'Scott',
  'Shah',
  'Singh',
  'Smith',
  'Sullivan',
  'Tanaka',
  'Taylor',
  'Thomas',
  'Thompson',
  'Torres',
  'Tran',
  'Turner',
  'Vasquez',
  'Walker',
  'Wang',
  'Washington',
  'Watson',
  'White',
  'Williams',
  'Wilson',
  'Wong',
  'Wright',
  'Yazzie',
  'Young',
  'Zhang',
  'Novak',
  'Haddad',
  'Mensah',
  'Iyer',
  'Larsen',
  'Bergström',
  'Kovács',
  'Yilmaz',
];

export interface StaffName {
  given: string;
  family: string;
  /** As shown: "given family", or a form with a nickname. */
  display: string;
}

/** Names every school must contain somewhere (they exercise accents, apostrophes and quoting). */
export const SPECIAL_NAMES: readonly StaffName[] = [
  { given: 'José', family: 'Martínez', display: 'José Martínez' },
  { given: 'Zoë', family: "O'Brien", display: "Zoë O'Brien" },
  { given: 'Lan', family: 'Nguyễn', display: 'Lan Nguyễn' },
  { given: 'Siobhán', family: "D'Arcy", display: "Siobhán D'Arcy" },
  { given: 'Robert', family: 'Washington', display: 'Robert "Bobby" Washington' },
  { given: 'François', family: 'Lefèvre', display: 'François Lefèvre' },
];

/** Draws unique names for one school. */
export class NamePool {
  private readonly used = new Set<string>();
  private readonly usedEmails = new Set<string>();
  constructor(private readonly rng: Random) {}

  /** Reserve a fixed name (special names, named story characters). */
  take(name: StaffName): StaffName {
    const key = emailLocalPart(name);
    if (this.usedEmails.has(key)) throw new Error(`name used twice: ${name.display}`);
    this.used.add(name.display);
    this.usedEmails.add(key);
    return name;
  }

  next(): StaffName {
    for (let tries = 0; tries < 10_000; tries++) {
      const given = this.rng.pick(GIVEN);
      const family = this.rng.pick(FAMILY);
      const name = { given, family, display: `${given} ${family}` };
      if (given === family || this.usedEmails.has(emailLocalPart(name))) continue;
      return this.take(name);
    }
    throw new Error('name pool exhausted');
  }
}

/** "José Martínez" → "jose.martinez"; apostrophes dropped, spaces to hyphens, ASCII only. */
export function emailLocalPart(name: StaffName): string {
  const fold = (s: string): string =>
    s
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/ø/g, 'o')
      .replace(/['’]/g, '')
      .replace(/\s+/g, '-')
      .toLowerCase()
      .replace(/[^a-z0-9-]/g, '');
  return `${fold(name.given)}.${fold(name.family)}`;
}
