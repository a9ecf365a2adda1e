/**
 * Riverside Middle (~55 staff, 3 waves 2023-24 … 2025-26). The reading: Content Lead Teachers (CLTs)
 * in mathematics, literacy, science and social studies teach 60 % and spend 40 % coaching colleagues
 * (release 0.4); content-area PLCs; formal coaching of new teachers by CLTs; CLTs advance to district
 * posts. Planted: the Grade 7 team leader, with no release time, is everyone's go-to on behaviour,
 * wellbeing, data and technology; the Grade 6 team leader is a leader in name only; new science
 * teachers depend on the science CLT alone; Special Education works in a silo from year two.
 */
import { SPECIAL_NAMES } from '../names.js';
import { Random } from '../random.js';
import { Staff, nextRoster } from '../staff.js';
import { runSchool, type Pull, type WaveStory } from '../story.js';
import type { Domain, GenPerson, SchoolOutput } from '../types.js';
import { ALL_DOMAINS, answerRate, career, draw, ordinaryTeachers } from './common.js';

const SCHOOL = 'Riverside Middle';
const CONTENT = [
  { department: 'Mathematics', size: 8 },
  { department: 'English Language Arts', size: 8 },
  { department: 'Science', size: 7 },
  { department: 'Social Studies', size: 7 },
];
const GRADE_TEAMS = ['Grade 6', 'Grade 7', 'Grade 8'];
const CLT_DOMAINS: readonly Domain[] = ['curriculum', 'instruction', 'assessment', 'professional learning'];

const affinity = (s: GenPerson, t: GenPerson): number => (s.team === t.team ? 3 : s.department === t.department ? 3 : 1);

/** `redraw`: the seed stream of the planted noise (runSchool). */
export function riverside(seed: number, redraw?: string): SchoolOutput {
  const rng = new Random(seed);
  const staff = new Staff(SCHOOL, 'RM', 'riverside.example.org', rng.fork(1));
  const hire = staff.hire.bind(staff);
  const y1 = 2023;
  const w1: GenPerson[] = [];
  const principal = hire({
    role: 'principal',
    department: 'Administration',
    team: 'Leadership',
    releaseTime: 1,
    ...career(rng, y1, 14, 24),
  });
  const ap6 = hire({
    role: 'assistant principal',
    department: 'Administration',
    team: 'Leadership',
    releaseTime: 1,
    ...career(rng, y1, 8, 16),
  });
  const ap8 = hire({
    role: 'assistant principal',
    department: 'Administration',
    team: 'Leadership',
    releaseTime: 1,
    ...career(rng, y1, 8, 16),
  });
  w1.push(principal, ap6, ap8);
  for (const role of ['counselor', 'counselor', 'social worker'])
    w1.push(hire({ role, department: 'Student Services', team: 'Student Services', ...career(rng, y1, 2, 18) }));
  const clts = new Map<string, GenPerson>();
  let k = 0;
  for (const { department, size } of CONTENT) {
    for (let i = 0; i < size; i++) {
      const team = GRADE_TEAMS[(i + k) % 3]!;
      const clt = i === 0;
      const p = hire({
        role: clt ? 'content lead teacher' : 'teacher',
        department,
        team,
        fte: 1,
        releaseTime: clt ? 0.4 : 0,
        ...career(rng, y1, clt ? 9 : 1, 25),
        ...(department === 'English Language Arts' && i === 3 ? { name: SPECIAL_NAMES[2] } : {}),
      });
      if (clt) clts.set(department, p);
      w1.push(p);
    }
    k++;
  }
  for (const role of [
    'teacher (band, orchestra)',
    'art teacher',
    'PE teacher',
    'PE teacher',
    'computer science teacher',
    'Spanish teacher',
    'library media specialist',
  ]) {
    w1.push(
      hire({
        role,
        department: 'Electives',
        team: 'Electives',
        ...career(rng, y1),
        ...(role === 'art teacher' ? { name: SPECIAL_NAMES[4] } : {}),
      }),
    );
  }
  for (let i = 0; i < 5; i++)
    w1.push(hire({ role: 'special education teacher', department: 'Special Education', team: 'Special Education', ...career(rng, y1) }));
  for (let i = 0; i < 2; i++)
    w1.push(hire({ role: 'paraprofessional', department: 'Special Education', team: 'Special Education', ...career(rng, y1, 1, 10) }));
  const ell = hire({ role: 'ELL teacher', department: 'English Learner Support', team: 'Grade 7', yearsExperience: 0, startYear: y1 });
  w1.push(ell, hire({ role: 'ELL teacher', department: 'English Learner Support', team: 'Grade 6', ...career(rng, y1) }));
  for (let i = 0; i < 2; i++)
    w1.push(hire({ role: 'administrative assistant', department: 'Operations', team: 'Office', ...career(rng, y1, 2, 20) }));
  // Grade team leaders (no release time): one ELA teacher for Grade 6, one social studies teacher for Grade 7.
  const g6 = w1.find((p) => p.team === 'Grade 6' && p.department === 'English Language Arts' && p.role === 'teacher')!;
  const g7 = w1.find((p) => p.team === 'Grade 7' && p.department === 'Social Studies' && p.role === 'teacher')!;
  g6.role = 'grade team leader';
  g7.role = 'grade team leader';
  const mathVet = w1.find((p) => p.department === 'Mathematics' && p.role === 'teacher' && p.team === 'Grade 8')!;
  const sciTech = w1.find((p) => p.department === 'Science' && p.role === 'teacher' && p.team === 'Grade 6')!;
  const protectedIds = [g6.id, g7.id, mathVet.id, sciTech.id, ...[...clts.values()].map((p) => p.id)];
  const base = { responseRate: 0.88, affinity, answerRate };
  const cltPull = (dept: string, people: GenPerson[], deptShare = 0.8): Pull => ({
    id: people.find((p) => p.department === dept && p.role === 'content lead teacher')!.id,
    domains: CLT_DOMAINS,
    share: 0.04,
    deptShare,
  });
  const admin = (): Pull[] => [
    { id: principal.id, domains: ['behaviour', 'data', 'professional learning', 'wellbeing'], share: 0.3 },
    { id: ap6.id, domains: ['behaviour'], share: 0.3 },
    { id: ap8.id, domains: ['behaviour', 'wellbeing'], share: 0.25 },
  ];
  const g7Overload = {
    id: g7.id,
    domains: ['behaviour', 'wellbeing', 'data', 'technology', 'instruction'] as Domain[],
    share: 0.4,
    teamShare: 0.9,
    why: 'Grade 7 team leader with no release time, sought school-wide on five domains',
  };
  const g6Nominal = { id: g6.id, why: 'Grade 6 team leader colleagues rarely go to' };

  // ---- 2023-24: CLTs in their first year; mathematics and literacy lead, science not yet
  const wave1: WaveStory = {
    ...base,
    label: '2023-24',
    year: y1,
    people: w1,
    story:
      'First year of Content Lead Teachers. Mathematics and literacy teachers go to their CLTs; the science CLT is not yet sought out; the principal still handles much of the rest. A Grade 8 mathematics teacher is the informal data expert.',
    leaders: [
      ...admin(),
      { id: principal.id, domains: ALL_DOMAINS, share: 0.25 },
      cltPull('Mathematics', w1),
      cltPull('English Language Arts', w1),
      cltPull('Social Studies', w1, 0.6),
    ],
    hidden: [{ id: mathVet.id, domains: ['data'], share: 0.45, why: 'mathematics teacher colleagues across departments ask about data' }],
    overloaded: [g7Overload],
    nominal: [{ id: clts.get('Science')!.id, why: "science CLT in the role's first year, not yet sought out" }, g6Nominal],
    keyPeople: [],
    isolates: [{ id: ell.id, namesNobody: true, why: 'new ELL teacher who did not answer and whom nobody names' }],
    silos: [],
  };

  // ---- 2024-25: all four CLTs lead; Special Education drifts into a silo
  const s2 = rng.fork(12);
  const y2 = 2024;
  const leavers2 = draw(
    s2,
    ordinaryTeachers(w1, [...protectedIds, ell.id]).filter((p) => p.department !== 'Special Education'),
    5,
    'leavers',
  ).map((p) => p.id);
  const science = w1.filter((p) => p.department === 'Science' && p.role === 'teacher' && !protectedIds.includes(p.id));
  const sciLeavers = science
    .slice(0, 2)
    .map((p) => p.id)
    .filter((id) => !leavers2.includes(id));
  const allLeavers2 = [...leavers2, ...sciLeavers];
  const hires2 = allLeavers2.map((id) => {
    const old = w1.find((p) => p.id === id)!;
    return hire({
      role: old.role,
      department: old.department,
      team: old.team,
      yearsExperience: s2.chance(0.7) ? 0 : s2.int(2, 8),
      startYear: y2,
    });
  });
  const w2 = nextRoster(w1, allLeavers2, new Map(), hires2);
  const newScience2 = hires2.filter((p) => p.department === 'Science');
  const sciCltDeps = (people: GenPerson[], extra: number, r: Random, exclude: string[]): string[] => {
    const others = draw(
      r,
      ordinaryTeachers(people, [...protectedIds, ...exclude]).filter((p) => p.department === 'Science' && !newScience2.includes(p)),
      extra,
      'science dependents',
    );
    return [...newScience2.map((p) => p.id), ...others.map((p) => p.id)];
  };
  const deps2 = sciCltDeps(w2, 1, s2, []);
  const iso2 = hires2.find((p) => p.department !== 'Science' && p.yearsExperience === 0) ?? hires2.find((p) => p.department !== 'Science')!;
  const wave2: WaveStory = {
    ...base,
    label: '2024-25',
    year: y2,
    people: w2,
    story:
      'Second year: all four CLTs lead curriculum, instruction, assessment and professional learning in their content area; new science teachers are coached by, and depend solely on, the science CLT. Special Education has drifted into a silo.',
    leaders: [...admin(), ...CONTENT.map((c) => cltPull(c.department, w2))],
    hidden: [{ id: mathVet.id, domains: ['data'], share: 0.45, why: 'mathematics teacher colleagues across departments ask about data' }],
    overloaded: [g7Overload],
    nominal: [g6Nominal],
    keyPeople: [
      {
        id: clts.get('Science')!.id,
        domain: 'curriculum',
        dependents: deps2,
        why: 'new science teachers (and one colleague) ask only the science CLT about curriculum',
      },
    ],
    isolates: [{ id: iso2.id, namesNobody: false, why: 'new teacher who answers but whom nobody names' }],
    silos: [
      {
        grouping: 'department',
        group: 'Special Education',
        why: 'special education teachers and paraprofessionals advise only each other',
      },
    ],
  };

  // ---- 2025-26: the literacy CLT moves to a district post; a literacy teacher steps up
  const s3 = rng.fork(13);
  const y3 = 2025;
  const oldElaClt = clts.get('English Language Arts')!;
  const newElaClt = w2.find(
    (p) => p.department === 'English Language Arts' && p.role === 'teacher' && !protectedIds.includes(p.id) && p.startYear < y2,
  )!;
  const keep3 = [...protectedIds, newElaClt.id, ...hires2.map((p) => p.id), iso2.id];
  const leavers3 = [
    oldElaClt.id,
    ...draw(
      s3,
      ordinaryTeachers(w2, keep3).filter((p) => p.department !== 'Special Education' && p.department !== 'Science'),
      3,
      'leavers',
    ).map((p) => p.id),
  ];
  const hires3 = leavers3.map((id) => {
    const old = w2.find((p) => p.id === id)!;
    return hire({ role: 'teacher', department: old.department, team: old.team, yearsExperience: 0, startYear: y3 });
  });
  const sciHire3 = hire({ role: 'teacher', department: 'Science', team: 'Grade 8', yearsExperience: 0, startYear: y3 });
  const w3 = nextRoster(w2, leavers3, new Map([[newElaClt.id, { role: 'content lead teacher', releaseTime: 0.4 }]]), [...hires3, sciHire3]);
  const deps3 = [...deps2.filter((id) => w3.some((p) => p.id === id)), sciHire3.id];
  const wave3: WaveStory = {
    ...base,
    label: '2025-26',
    year: y3,
    people: w3,
    story:
      'Third year: the literacy CLT has moved to a district curriculum post and a literacy teacher has stepped into the role. CLT-led PLCs carry curriculum and instruction. Still planted: the overloaded Grade 7 team leader, the nominal Grade 6 team leader, the Special Education silo and science curriculum depending on one CLT; a science teacher has become the informal technology expert.',
    leaders: [...admin(), ...CONTENT.map((c) => cltPull(c.department, w3))],
    hidden: [
      { id: mathVet.id, domains: ['data'], share: 0.45, why: 'mathematics teacher colleagues across departments ask about data' },
      { id: sciTech.id, domains: ['technology'], share: 0.5, why: 'science teacher everyone asks about classroom technology' },
    ],
    overloaded: [g7Overload],
    nominal: [g6Nominal],
    keyPeople: [
      {
        id: clts.get('Science')!.id,
        domain: 'curriculum',
        dependents: deps3,
        why: 'newer science teachers ask only the science CLT about curriculum',
      },
    ],
    isolates: [
      { id: hires3[1]!.id, namesNobody: true, why: 'first-year teacher who did not answer and whom nobody names' },
      { id: hires3[2]!.id, namesNobody: false, why: 'first-year teacher who answers but whom nobody names' },
    ],
    silos: [
      {
        grouping: 'department',
        group: 'Special Education',
        why: 'special education teachers and paraprofessionals advise only each other',
      },
    ],
  };
  return runSchool('riverside', SCHOOL, [wave1, wave2, wave3], undefined, redraw);
}
