/**
 * Pinewood Rural District (~100 staff in four small schools and a five-person district office, 3 waves
 * 2023-24 … 2025-26; the roster's school column tells the schools apart). The reading: isolated
 * schools; the superintendent names Teacher Leaders in literacy, mathematics, technology integration
 * and student engagement who keep their classrooms, get monthly release days (≈ 0.1) and form a
 * cross-school Teacher Leadership Network. Cross-school ties grow; staff turn over between waves
 * (new people get new ids; people who stay keep theirs). Silos here are schools.
 */
import { SPECIAL_NAMES } from '../names.js';
import { Random } from '../random.js';
import { Staff, nextRoster, type HireSpec } from '../staff.js';
import { runSchool, type Pull, type WaveStory } from '../story.js';
import type { Domain, GenPerson, SchoolOutput } from '../types.js';
import { answerRate, career, draw, ordinaryTeachers } from './common.js';

const DISTRICT = 'Pinewood Rural District';
const ELEM = 'Pinewood Elementary';
const HIGH = 'Pinewood Junior/Senior High';
const CEDAR = 'Cedar Ridge K-8';
const FOX = 'Fox Hollow Elementary';
const OFFICE = 'District Office';
const SCHOOLS = [ELEM, HIGH, CEDAR, FOX];

type Seat = [role: string, department: string, team: string, count: number];
const LAYOUT: Record<string, Seat[]> = {
  [ELEM]: [
    ['principal', 'Administration', 'Leadership', 1],
    ['counselor', 'Student Support', 'Student Support', 1],
    ...['Grade K', 'Grade 1', 'Grade 2'].map((g): Seat => ['teacher', 'Primary', g, 3]),
    ...['Grade 3', 'Grade 4', 'Grade 5'].map((g): Seat => ['teacher', 'Intermediate', g, 3]),
    ['art and music teacher', 'Specials', 'Specials', 1],
    ['PE teacher', 'Specials', 'Specials', 1],
    ['library media specialist', 'Specials', 'Specials', 1],
    ['special education teacher', 'Student Support', 'Student Support', 2],
    ['paraprofessional', 'Student Support', 'Student Support', 2],
    ['administrative assistant', 'Operations', 'Office', 1],
  ],
  [HIGH]: [
    ['principal', 'Administration', 'Leadership', 1],
    ['assistant principal', 'Administration', 'Leadership', 1],
    ['counselor', 'Student Support', 'Student Support', 1],
    ['English teacher', 'English', 'English', 5],
    ['mathematics teacher', 'Mathematics', 'Mathematics', 5],
    ['science teacher', 'Science', 'Science', 4],
    ['social studies teacher', 'Social Studies', 'Social Studies', 4],
    ['agriculture teacher', 'Electives', 'Electives', 1],
    ['art teacher', 'Electives', 'Electives', 1],
    ['music teacher', 'Electives', 'Electives', 1],
    ['PE teacher', 'Electives', 'Electives', 1],
    ['CTE teacher', 'Electives', 'Electives', 1],
    ['special education teacher', 'Student Support', 'Student Support', 3],
    ['paraprofessional', 'Student Support', 'Student Support', 2],
    ['administrative assistant', 'Operations', 'Office', 2],
  ],
  [CEDAR]: [
    ['principal', 'Administration', 'Leadership', 1],
    ...['Grade K', 'Grade 1', 'Grade 2', 'Grade 3', 'Grade 4', 'Grade 5'].map((g): Seat => ['teacher', 'Elementary', g, 1]),
    ['teacher', 'Middle Grades', 'Grades 6-8', 6],
    ['art and music teacher', 'Specials', 'Specials', 1],
    ['PE teacher', 'Specials', 'Specials', 1],
    ['special education teacher', 'Student Support', 'Student Support', 1],
    ['paraprofessional', 'Student Support', 'Student Support', 2],
    ['administrative assistant', 'Operations', 'Office', 1],
  ],
  [FOX]: [
    ['principal', 'Administration', 'Leadership', 1],
    ...['Grades K-1', 'Grades 2-3', 'Grades 4-5'].map((g): Seat => ['teacher', 'Classroom', g, 2]),
    ['art and music teacher', 'Specials', 'Specials', 1],
    ['PE teacher', 'Specials', 'Specials', 1],
    ['special education teacher', 'Student Support', 'Student Support', 1],
    ['paraprofessional', 'Student Support', 'Student Support', 2],
    ['counselor', 'Student Support', 'Student Support', 1],
    ['administrative assistant', 'Operations', 'Office', 1],
  ],
  [OFFICE]: [
    ['superintendent', 'District Office', 'District Office', 1],
    ['administrative assistant', 'District Office', 'District Office', 1],
  ],
};

/**
 * District-office staff who serve every school (itinerant specialists), hired after the schools so the
 * schools' ids stay those of earlier demo data. With the superintendent and the assistant, the office
 * has five staff: the minimum group size, so it hides no school (docs/security.md).
 */
const ITINERANT: Seat[] = [
  ['school psychologist', 'District Office', 'District Office', 1],
  ['speech-language pathologist', 'District Office', 'District Office', 1],
  ['district nurse', 'District Office', 'District Office', 1],
];

/** Same school: team 4, department 2.5, else 1.2; other schools `cross`. District-office staff ask anyone alike (1.2). */
const affinityFor =
  (cross: number) =>
  (s: GenPerson, t: GenPerson): number =>
    s.school === OFFICE ? 1.2 : s.school !== t.school ? cross : s.team === t.team ? 4 : s.department === t.department ? 2.5 : 1.2;

/** `redraw`: the seed stream of the planted noise (runSchool). */
export function pinewood(seed: number, redraw?: string): SchoolOutput {
  const rng = new Random(seed);
  const staff = new Staff(DISTRICT, 'PW', 'pinewood.example.org', rng.fork(1));
  const hire = (spec: HireSpec): GenPerson => staff.hire(spec);
  const y1 = 2023;
  const w1: GenPerson[] = [];
  for (const school of [OFFICE, ...SCHOOLS]) {
    for (const [role, department, team, count] of LAYOUT[school]!) {
      for (let i = 0; i < count; i++) {
        const lead = /principal|superintendent/.test(role);
        const special =
          school === HIGH && role === 'science teacher' && i === 1
            ? { name: SPECIAL_NAMES[0] }
            : school === CEDAR && team === 'Grades 6-8' && i === 2
              ? { name: SPECIAL_NAMES[1] }
              : {};
        w1.push(
          hire({
            role,
            department,
            team,
            school,
            releaseTime: lead ? 1 : 0,
            fte: school === FOX && role === 'counselor' ? 0.5 : 1,
            ...career(rng, y1, lead ? 10 : 1, 26),
            ...special,
          }),
        );
      }
    }
  }
  const office = rng.fork(21);
  for (const [role, department, team] of ITINERANT)
    w1.push(hire({ role, department, team, school: OFFICE, releaseTime: 0, fte: 1, ...career(office, y1, 3, 20) }));
  const newW1 = hire({ role: 'teacher', department: 'Primary', team: 'Grade 1', school: ELEM, yearsExperience: 0, startYear: y1 });
  w1.push(newW1);
  const tl = (school: string, team: string, area: string): GenPerson => {
    const p = w1.find((x) => x.school === school && x.team === team && x.role.endsWith('teacher'))!;
    p.role = `teacher leader (${area})`;
    p.releaseTime = 0.1;
    return p;
  };
  const literacy = tl(ELEM, 'Grade 2', 'literacy');
  const maths = tl(HIGH, 'Mathematics', 'mathematics');
  const tech = tl(CEDAR, 'Grades 6-8', 'technology integration');
  const engagement = tl(FOX, 'Grades 2-3', 'student engagement');
  const superintendent = w1.find((p) => p.role === 'superintendent')!;
  const principalOf = (people: GenPerson[], school: string): GenPerson =>
    people.find((p) => p.school === school && p.role === 'principal')!;
  const cedarVet = w1.find((p) => p.school === CEDAR && p.team === 'Grade 4')!;
  const scienceData = w1.find((p) => p.school === HIGH && p.role === 'science teacher' && p.name !== SPECIAL_NAMES[0])!;
  const protectedIds = [literacy.id, maths.id, tech.id, engagement.id, cedarVet.id, scienceData.id, newW1.id];

  const admin = (people: GenPerson[]): Pull[] => [
    { id: superintendent.id, domains: ['professional learning', 'data', 'curriculum'], share: 0.12 },
    ...SCHOOLS.map((s) => ({
      id: principalOf(people, s).id,
      domains: ['behaviour', 'wellbeing', 'professional learning', 'data', 'curriculum'] as Domain[],
      share: 0,
      schoolShare: 0.55,
    })),
    { id: people.find((p) => p.role === 'assistant principal')!.id, domains: ['behaviour', 'wellbeing'], share: 0, schoolShare: 0.45 },
  ];
  /** Teacher leaders: asked in their own school (`home`) and, at `cross`, from the other schools. */
  const tln = (cross: number, home: number): Pull[] => [
    { id: literacy.id, domains: ['instruction'], share: cross, schoolShare: home },
    { id: maths.id, domains: ['assessment'], share: cross, schoolShare: home },
    { id: tech.id, domains: ['technology'], share: cross * 1.5, schoolShare: home },
  ];
  const schoolSilo = (school: string, why: string) => ({ grouping: 'school' as const, group: school, why });
  // District-office staff visit every school: no school's silo wall stops their advice.
  const base = { responseRate: 0.9, answerRate, unsiloed: w1.filter((p) => p.school === OFFICE).map((p) => p.id) };
  const turnover = (prev: GenPerson[], r: Random, n: number, year: number, keep: string[]): { people: GenPerson[]; hires: GenPerson[] } => {
    const leavers = draw(r, ordinaryTeachers(prev, keep), n, 'leavers');
    const hires = leavers.map((old) =>
      hire({
        role: old.role,
        department: old.department,
        team: old.team,
        school: old.school,
        yearsExperience: r.chance(0.6) ? 0 : r.int(2, 10),
        startYear: year,
      }),
    );
    return {
      people: nextRoster(
        prev,
        leavers.map((p) => p.id),
        new Map(),
        hires,
      ),
      hires,
    };
  };

  // ---- 2023-24: four isolated schools; the network has just been formed
  const wave1: WaveStory = {
    ...base,
    label: '2023-24',
    year: y1,
    people: w1,
    affinity: affinityFor(0.05),
    story:
      'The Teacher Leadership Network has just been formed. Each of the four schools keeps its advice inside; teacher leaders are asked mainly in their own school, and the student-engagement teacher leader at Fox Hollow is barely asked at all.',
    leaders: [...admin(w1), ...tln(0.02, 0.3)],
    hidden: [],
    overloaded: [],
    nominal: [{ id: engagement.id, why: 'student-engagement teacher leader in a school of fourteen, rarely asked' }],
    keyPeople: [],
    isolates: [{ id: newW1.id, namesNobody: false, why: 'new Grade 1 teacher who answers but whom nobody names' }],
    silos: SCHOOLS.map((s) => schoolSilo(s, 'advice stays inside the school')),
  };

  // ---- 2024-25: network days and the virtual platform connect the two larger schools
  const s2 = rng.fork(12);
  const y2 = 2024;
  const t2 = turnover(w1, s2, 9, y2, protectedIds);
  const w2 = t2.people;
  const techDeps2 = draw(
    s2,
    ordinaryTeachers(w2, [...protectedIds, ...t2.hires.map((p) => p.id)]).filter((p) => p.school === CEDAR || p.school === FOX),
    3,
    'technology dependents',
  );
  const iso2 = t2.hires.filter((p) => p.school === ELEM || p.school === HIGH).slice(0, 1);
  const wave2: WaveStory = {
    ...base,
    label: '2024-25',
    year: y2,
    people: w2,
    affinity: affinityFor(0.8),
    story:
      'Year two: monthly network days and the virtual platform connect Pinewood Elementary and the Junior/Senior High; Cedar Ridge and Fox Hollow are still on their own. Teachers in the two small schools who ask about technology ask only the technology teacher leader. A Cedar Ridge veteran is the informal go-to on behaviour.',
    leaders: [...admin(w2), ...tln(0.06, 0.3)],
    hidden: [
      { id: cedarVet.id, domains: ['behaviour'], share: 0, schoolShare: 0.7, why: 'Cedar Ridge veteran colleagues go to about behaviour' },
    ],
    overloaded: [],
    nominal: [{ id: engagement.id, why: 'student-engagement teacher leader rarely asked' }],
    keyPeople: [
      {
        id: tech.id,
        domain: 'technology',
        dependents: techDeps2.map((p) => p.id),
        why: 'these teachers ask only the technology teacher leader about technology',
      },
    ],
    isolates: iso2.map((p) => ({ id: p.id, namesNobody: true, why: 'new teacher who did not answer and whom nobody names' })),
    silos: [schoolSilo(CEDAR, 'advice stays inside the school'), schoolSilo(FOX, 'advice stays inside the school')],
  };

  // ---- 2025-26: a district network; Fox Hollow the exception
  const s3 = rng.fork(13);
  const y3 = 2025;
  const keep3 = [...protectedIds, ...t2.hires.map((p) => p.id), ...techDeps2.map((p) => p.id)];
  const t3 = turnover(w2, s3, 8, y3, keep3);
  const w3 = t3.people;
  const techDeps3 = [
    ...techDeps2.map((p) => p.id).filter((id) => w3.some((p) => p.id === id)),
    ...draw(
      s3,
      ordinaryTeachers(w3, [...keep3, ...t3.hires.map((p) => p.id)]).filter((p) => p.school === FOX || p.school === CEDAR),
      1,
      'technology dependents',
    ).map((p) => p.id),
  ];
  const iso3 = t3.hires.filter((p) => p.school !== FOX).slice(0, 2);
  const wave3: WaveStory = {
    ...base,
    label: '2025-26',
    year: y3,
    people: w3,
    affinity: affinityFor(1),
    story:
      "Year three: teachers ask across schools routinely; the literacy teacher leader, with monthly release days only, has become the district's go-to on five domains. Fox Hollow remains isolated, its student-engagement teacher leader rarely asked; technology questions from the small schools still depend on one teacher leader; a Junior/Senior High science teacher is the informal data expert.",
    leaders: [...admin(w3), ...tln(0.06, 0.3).filter((p) => p.id !== literacy.id)],
    hidden: [
      { id: cedarVet.id, domains: ['behaviour'], share: 0, schoolShare: 0.7, why: 'Cedar Ridge veteran colleagues go to about behaviour' },
      {
        id: scienceData.id,
        domains: ['data'],
        share: 0.25,
        schoolShare: 0.6,
        why: 'science teacher colleagues across the district ask about data',
      },
    ],
    overloaded: [
      {
        id: literacy.id,
        domains: ['curriculum', 'instruction', 'assessment', 'professional learning', 'data'],
        share: 0.3,
        schoolShare: 0.7,
        why: 'literacy teacher leader (release 0.1) sought district-wide on five domains',
      },
    ],
    nominal: [{ id: engagement.id, why: 'student-engagement teacher leader in the school that stayed isolated' }],
    keyPeople: [
      {
        id: tech.id,
        domain: 'technology',
        dependents: techDeps3,
        why: 'these teachers ask only the technology teacher leader about technology',
      },
    ],
    isolates: iso3.map((p, i) => ({ id: p.id, namesNobody: i === 0, why: 'new teacher nobody names' })),
    silos: [schoolSilo(FOX, 'advice stays inside the school')],
  };
  return runSchool('pinewood', DISTRICT, [wave1, wave2, wave3], ['school', 'department'], redraw);
}
