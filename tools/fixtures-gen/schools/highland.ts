/**
 * Highland High (~120 staff, 4 waves 2022-23 … 2025-26). The reading: a large school of departmental
 * silos; department chairs become instructional leaders (teaching 3 of 5 classes: release 0.4) and a
 * Schoolwide Instructional Council of chairs and administrators coordinates across departments.
 * Planted: every department a silo in year one, six in year two, two in year three, World Languages
 * alone in year four; a 9th Grade Academy lead (release 0.1) overloaded once the academy opens.
 */
import { SPECIAL_NAMES } from '../names.js';
import { Random } from '../random.js';
import { Staff, nextRoster } from '../staff.js';
import { runSchool, type Pull, type WaveStory } from '../story.js';
import type { Domain, GenPerson, SchoolOutput } from '../types.js';
import { answerRate, career, draw, ordinaryTeachers } from './common.js';

const SCHOOL = 'Highland High';
const DEPARTMENTS = [
  { name: 'English', size: 15, roles: ['English teacher'] },
  { name: 'Mathematics', size: 15, roles: ['mathematics teacher'] },
  { name: 'Science', size: 14, roles: ['biology teacher', 'chemistry teacher', 'physics teacher', 'earth science teacher'] },
  { name: 'Social Studies', size: 12, roles: ['history teacher', 'government teacher', 'economics teacher'] },
  { name: 'World Languages', size: 8, roles: ['Spanish teacher', 'French teacher', 'Mandarin teacher'] },
  { name: 'Arts', size: 8, roles: ['art teacher', 'music teacher', 'theatre teacher'] },
  { name: 'PE/Health', size: 8, roles: ['PE teacher', 'health teacher'] },
  { name: 'CTE', size: 9, roles: ['CTE teacher (welding, fabrication)', 'CTE teacher (health sciences)', 'CTE teacher (business)'] },
  { name: 'Special Education', size: 12, roles: ['special education teacher'] },
];
const CHAIR_DOMAINS: readonly Domain[] = ['curriculum', 'instruction', 'assessment', 'professional learning'];

const affinity = (s: GenPerson, t: GenPerson): number => (s.team === t.team ? 4 : s.department === t.department ? 3 : 1);

/** `redraw`: the seed stream of the planted noise (runSchool). */
export function highland(seed: number, redraw?: string): SchoolOutput {
  const rng = new Random(seed);
  const staff = new Staff(SCHOOL, 'HH', 'highland.example.org', rng.fork(1));
  const hire = staff.hire.bind(staff);
  const y1 = 2022;
  const w1: GenPerson[] = [];
  const principal = hire({
    role: 'principal',
    department: 'Administration',
    team: 'Leadership',
    releaseTime: 1,
    ...career(rng, y1, 15, 28),
  });
  const aps = [0, 1, 2].map(() =>
    hire({ role: 'assistant principal', department: 'Administration', team: 'Leadership', releaseTime: 1, ...career(rng, y1, 8, 20) }),
  );
  w1.push(principal, ...aps);
  for (let i = 0; i < 4; i++)
    w1.push(hire({ role: 'counselor', department: 'Student Services', team: 'Student Services', ...career(rng, y1, 2, 20) }));
  const chairs = new Map<string, GenPerson>();
  DEPARTMENTS.forEach((d, k) => {
    for (let i = 0; i < d.size; i++) {
      const chair = i === 0;
      const academy = !chair && i === 1 && k < 4; // one English, mathematics, science and social studies teacher teach in the 9th Grade Academy
      const special =
        d.name === 'World Languages' && i === 2
          ? { name: SPECIAL_NAMES[3] }
          : d.name === 'World Languages' && i === 3
            ? { name: SPECIAL_NAMES[5] }
            : {};
      const p = hire({
        role: chair ? 'department chair' : d.roles[i % d.roles.length]!,
        department: d.name,
        team: academy ? '9th Grade Academy' : d.name,
        releaseTime: chair ? 0.4 : 0,
        ...career(rng, y1, chair ? 10 : 1, 28),
        ...special,
      });
      if (chair) chairs.set(d.name, p);
      w1.push(p);
    }
  });
  w1.push(hire({ role: 'library media specialist', department: 'Operations', team: 'Library', ...career(rng, y1) }));
  for (const role of [
    'administrative assistant',
    'administrative assistant',
    'attendance clerk',
    'registrar',
    'paraprofessional',
    'paraprofessional',
    'paraprofessional',
    'paraprofessional',
  ]) {
    w1.push(
      hire({
        role,
        department: role === 'paraprofessional' ? 'Special Education' : 'Operations',
        team: role === 'paraprofessional' ? 'Special Education' : 'Office',
        ...career(rng, y1, 1, 20),
      }),
    );
  }
  const newW1 = [
    hire({ role: 'mathematics teacher', department: 'Mathematics', team: 'Mathematics', yearsExperience: 0, startYear: y1 }),
    hire({ role: 'CTE teacher (business)', department: 'CTE', team: 'CTE', yearsExperience: 0, startYear: y1 }),
  ];
  w1.push(...newW1);
  w1.sort((a, b) => (a.id < b.id ? -1 : 1));

  const academyLead = w1.find((p) => p.team === '9th Grade Academy' && p.department === 'Social Studies')!;
  const englishAssess = w1.find(
    (p) => p.department === 'English' && p.team === 'English' && !chairs.has(p.id) && p.role === 'English teacher' && p.yearsExperience > 5,
  )!;
  const scienceData = w1.find((p) => p.department === 'Science' && p.team === 'Science' && p.role === 'physics teacher')!;
  const protectedIds = [
    academyLead.id,
    englishAssess.id,
    scienceData.id,
    ...[...chairs.values()].map((p) => p.id),
    ...newW1.map((p) => p.id),
  ];
  // Administrators stand outside the department walls: everyone still goes to them for behaviour.
  const base = { responseRate: 0.87, affinity, answerRate, unsiloed: [principal.id, ...aps.map((p) => p.id)] };
  const chairPulls = (people: GenPerson[], schoolwide: number, skip: string[] = [], deptShare = 0.6): Pull[] =>
    DEPARTMENTS.filter((d) => !skip.includes(d.name)).map((d) => ({
      id: people.find((p) => p.department === d.name && p.role === 'department chair')!.id,
      domains: CHAIR_DOMAINS,
      share: schoolwide,
      deptShare,
    }));
  /** Administrators; `reach` scales how often staff go to them (low while departments are silos). */
  const admin = (reach: number): Pull[] => [
    { id: principal.id, domains: ['behaviour', 'professional learning', 'data', 'wellbeing'], share: 0.2 * reach },
    { id: aps[0]!.id, domains: ['behaviour'], share: 0.2 * reach },
    { id: aps[1]!.id, domains: ['behaviour', 'wellbeing'], share: 0.15 * reach },
    { id: aps[2]!.id, domains: ['assessment', 'data'], share: 0.15 * reach },
  ];
  const deptSilo = (name: string, why: string) => ({ grouping: 'department' as const, group: name, why });
  const nominalChair = (dept: string, people: GenPerson[], why: string) => ({
    id: people.find((p) => p.department === dept && p.role === 'department chair')!.id,
    why,
  });

  // ---- 2022-23: silos
  const wave1: WaveStory = {
    ...base,
    label: '2022-23',
    year: y1,
    people: w1,
    story:
      'Before the council: every department keeps its advice inside. Chairs are still mostly administrative; the Arts and PE/Health chairs are rarely asked.',
    leaders: [...admin(0.4), ...chairPulls(w1, 0, ['Arts', 'PE/Health'], 0.8)],
    hidden: [],
    overloaded: [],
    nominal: [
      nominalChair('Arts', w1, 'administrative chair colleagues rarely go to'),
      nominalChair('PE/Health', w1, 'administrative chair colleagues rarely go to'),
    ],
    keyPeople: [],
    isolates: newW1.map((p) => ({ id: p.id, namesNobody: p.department === 'CTE', why: 'new teacher nobody names' })),
    silos: DEPARTMENTS.map((d) => deptSilo(d.name, 'advice stays inside the department')),
  };

  // ---- 2023-24: the council forms; English, Mathematics and Science open up
  const s2 = rng.fork(12);
  const y2 = 2023;
  const turnover = (prev: GenPerson[], r: Random, n: number, year: number, keep: string[]): { people: GenPerson[]; hires: GenPerson[] } => {
    const leavers = draw(r, ordinaryTeachers(prev, keep), n, 'leavers');
    const hires = leavers.map((old) =>
      hire({
        role: old.role,
        department: old.department,
        team: old.team,
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
  const t2 = turnover(w1, s2, 9, y2, protectedIds);
  const w2 = t2.people;
  const open2 = ['English', 'Mathematics', 'Science'];
  const iso2 = t2.hires.filter((p) => p.yearsExperience === 0 && open2.includes(p.department)).slice(0, 1);
  const wave2: WaveStory = {
    ...base,
    label: '2023-24',
    year: y2,
    people: w2,
    story:
      'The Schoolwide Instructional Council of chairs and administrators meets monthly. English, Mathematics and Science have opened up through cross-department study groups; the other six departments are still silos. A physics teacher is becoming the informal data expert.',
    leaders: [...admin(0.6), ...chairPulls(w2, 0.03, ['PE/Health'], 0.7)],
    hidden: [
      { id: scienceData.id, domains: ['data'], share: 0.25, why: 'physics teacher colleagues in the open departments ask about data' },
    ],
    overloaded: [],
    nominal: [nominalChair('PE/Health', w2, 'chair colleagues rarely go to')],
    keyPeople: [],
    isolates: iso2.map((p) => ({ id: p.id, namesNobody: false, why: 'new teacher who answers but whom nobody names' })),
    silos: DEPARTMENTS.filter((d) => !open2.includes(d.name)).map((d) => deptSilo(d.name, 'advice still stays inside the department')),
  };

  // ---- 2024-25: the 9th Grade Academy opens; two silos left
  const s3 = rng.fork(13);
  const y3 = 2024;
  const keep3 = [...protectedIds, ...t2.hires.map((p) => p.id)];
  const t3 = turnover(w2, s3, 8, y3, keep3);
  const w3 = nextRoster(t3.people, [], new Map([[academyLead.id, { role: '9th Grade Academy lead', releaseTime: 0.1 }]]), []);
  const overloadDomains: Domain[] = ['behaviour', 'wellbeing', 'data', 'instruction', 'technology'];
  const academyOverload = {
    id: academyLead.id,
    domains: overloadDomains,
    share: 0.3,
    teamShare: 1,
    why: '9th Grade Academy lead (release 0.1) sought school-wide on five domains',
  };
  const dataDeps3 = draw(
    s3,
    ordinaryTeachers(w3, [...keep3, ...t3.hires.map((p) => p.id)]).filter((p) => !['World Languages', 'CTE'].includes(p.department)),
    3,
    'data dependents',
  );
  const iso3 = t3.hires.filter((p) => !['World Languages', 'CTE'].includes(p.department)).slice(0, 2);
  const wave3: WaveStory = {
    ...base,
    label: '2024-25',
    year: y3,
    people: w3,
    story:
      'Year three: cross-department ties are common; only World Languages and CTE remain silos. The new 9th Grade Academy lead has become the go-to on five domains with a tenth of a day released. An English teacher who led the common-assessment study group is sought out school-wide; data questions of several teachers go only to the assistant principal for assessment.',
    leaders: [...admin(1), ...chairPulls(w3, 0.04)],
    hidden: [
      { id: englishAssess.id, domains: ['assessment'], share: 0.3, why: 'English teacher who led the common-assessment study group' },
      { id: scienceData.id, domains: ['data'], share: 0.3, why: 'physics teacher colleagues across departments ask about data' },
    ],
    overloaded: [academyOverload],
    nominal: [],
    keyPeople: [
      {
        id: aps[2]!.id,
        domain: 'data',
        dependents: dataDeps3.map((p) => p.id),
        why: 'these teachers ask only the assistant principal for assessment about data',
      },
    ],
    isolates: iso3.map((p, i) => ({ id: p.id, namesNobody: i === 0, why: 'new teacher nobody names' })),
    silos: [deptSilo('World Languages', 'advice stays inside the department'), deptSilo('CTE', 'advice stays inside the department')],
  };

  // ---- 2025-26: one silo left
  const s4 = rng.fork(14);
  const y4 = 2025;
  const keep4 = [...keep3, ...t3.hires.map((p) => p.id), ...dataDeps3.map((p) => p.id)];
  const t4 = turnover(w3, s4, 7, y4, keep4);
  const w4 = t4.people;
  const dataDeps4 = [
    ...dataDeps3.map((p) => p.id).filter((id) => w4.some((p) => p.id === id)),
    ...draw(
      s4,
      ordinaryTeachers(w4, [...keep4, ...t4.hires.map((p) => p.id)]).filter((p) => p.department !== 'World Languages'),
      1,
      'data dependents',
    ).map((p) => p.id),
  ];
  const iso4 = t4.hires.filter((p) => p.department !== 'World Languages').slice(0, 2);
  const wave4: WaveStory = {
    ...base,
    label: '2025-26',
    year: y4,
    people: w4,
    story:
      'Year four: departments advise one another routinely and chairs are sought out beyond their departments; World Languages alone remains a silo. Still planted: the overloaded 9th Grade Academy lead, the two informal experts (assessment, data), data questions going only to one assistant principal, and a PE/Health chair colleagues rarely go to.',
    leaders: [...admin(1), ...chairPulls(w4, 0.05, ['PE/Health'])],
    hidden: [
      { id: englishAssess.id, domains: ['assessment'], share: 0.3, why: 'English teacher who led the common-assessment study group' },
      { id: scienceData.id, domains: ['data'], share: 0.3, why: 'physics teacher colleagues across departments ask about data' },
    ],
    overloaded: [academyOverload],
    nominal: [nominalChair('PE/Health', w4, 'chair colleagues rarely go to')],
    keyPeople: [
      {
        id: aps[2]!.id,
        domain: 'data',
        dependents: dataDeps4,
        why: 'these teachers ask only the assistant principal for assessment about data',
      },
    ],
    isolates: iso4.map((p, i) => ({ id: p.id, namesNobody: i === 1, why: 'new teacher nobody names' })),
    silos: [deptSilo('World Languages', 'advice stays inside the department')],
  };
  return runSchool('highland', SCHOOL, [wave1, wave2, wave3, wave4], undefined, redraw);
}
