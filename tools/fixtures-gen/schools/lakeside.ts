/**
 * Lakeside Elementary (~35 staff, 4 waves 2022-23 … 2025-26). The reading: a new principal builds an
 * Instructional Leadership Team (one grade-level lead per grade, half-day monthly release ≈ 0.1);
 * advice moves from "everyone asks the principal" to grade-level leads leading curriculum,
 * instruction and assessment; when the initiating principal leaves, the assistant principal steps up
 * and the network barely notices.
 */
import { SPECIAL_NAMES } from '../names.js';
import { Random } from '../random.js';
import { Staff, nextRoster } from '../staff.js';
import { runSchool, type WaveStory } from '../story.js';
import type { GenPerson, SchoolOutput } from '../types.js';
import { ALL_DOMAINS, answerRate, byRole, career, draw, ordinaryTeachers } from './common.js';

const SCHOOL = 'Lakeside Elementary';
const GRADES = ['Grade K', 'Grade 1', 'Grade 2', 'Grade 3', 'Grade 4', 'Grade 5'];
const GRADE_SIZES = [4, 3, 4, 3, 3, 3];

const affinity = (s: GenPerson, t: GenPerson): number => (s.team === t.team ? 4 : s.department === t.department ? 1.8 : 1);

/** `redraw`: the seed stream of the planted noise (runSchool). */
export function lakeside(seed: number, redraw?: string): SchoolOutput {
  const rng = new Random(seed);
  const staff = new Staff(SCHOOL, 'LK', 'lakeside.example.org', rng.fork(1));
  const y1 = 2022;
  const hire = staff.hire.bind(staff);
  const w1: GenPerson[] = [];
  const principal = hire({
    role: 'principal',
    department: 'Administration',
    team: 'Leadership',
    releaseTime: 1,
    ...career(rng, y1, 12, 22),
    startYear: y1 - 1,
  });
  const ap = hire({
    role: 'assistant principal',
    department: 'Administration',
    team: 'Leadership',
    releaseTime: 1,
    ...career(rng, y1, 9, 16),
    name: SPECIAL_NAMES[1],
  });
  const coach = hire({
    role: 'instructional coach',
    department: 'Administration',
    team: 'Leadership',
    releaseTime: 1,
    ...career(rng, y1, 10, 20),
  });
  w1.push(principal, ap, coach);
  w1.push(hire({ role: 'counselor', department: 'Student Support', team: 'Student Support', ...career(rng, y1, 3, 18) }));
  w1.push(hire({ role: 'special education teacher', department: 'Student Support', team: 'Student Support', ...career(rng, y1) }));
  w1.push(hire({ role: 'special education teacher', department: 'Student Support', team: 'Student Support', ...career(rng, y1) }));
  w1.push(
    hire({ role: 'school psychologist', department: 'Student Support', team: 'Student Support', fte: 0.5, ...career(rng, y1, 4, 20) }),
  );
  w1.push(hire({ role: 'paraprofessional', department: 'Student Support', team: 'Student Support', ...career(rng, y1, 1, 12) }));
  w1.push(hire({ role: 'paraprofessional', department: 'Student Support', team: 'Student Support', ...career(rng, y1, 1, 12) }));
  const newInW1: GenPerson[] = [];
  GRADES.forEach((team, g) => {
    const department = g < 3 ? 'Primary Grades' : 'Upper Grades';
    for (let i = 0; i < GRADE_SIZES[g]!; i++) {
      const lead = i === 0;
      const isNew = (g === 4 && i === 2) || (g === 1 && i === 2);
      const veteran = g === 2 && i === 1;
      const p = hire({
        role: lead ? 'grade-level lead' : 'teacher',
        department,
        team,
        releaseTime: lead ? 0.1 : 0,
        ...(isNew ? { yearsExperience: 0, startYear: y1 } : career(rng, y1, lead ? 8 : 1, 25)),
        ...(veteran ? { name: SPECIAL_NAMES[0], yearsExperience: 24, startYear: 2004 } : {}),
      });
      w1.push(p);
      if (isNew) newInW1.push(p);
    }
  });
  for (const role of ['art teacher', 'music teacher', 'PE teacher', 'library media specialist', 'STEM teacher']) {
    w1.push(hire({ role, department: 'Specials', team: 'Specials', ...career(rng, y1) }));
  }
  w1.push(hire({ role: 'administrative assistant', department: 'Operations', team: 'Office', ...career(rng, y1, 2, 20) }));

  const lead = (people: GenPerson[], team: string): GenPerson => byRole(people, 'grade-level lead', team);
  const jose = w1.find((p) => p.name === SPECIAL_NAMES[0])!;
  const techTeacher = w1.find((p) => p.team === 'Grade 4' && p.role === 'teacher' && !newInW1.includes(p))!;
  const kVeteran = w1.find((p) => p.team === 'Grade K' && p.role === 'teacher')!;
  const protectedIds = new Set([jose.id, techTeacher.id, kVeteran.id]);
  const base = { responseRate: 0.9, affinity, answerRate };

  // ---- 2022-23: principal-centric
  const s1 = rng.fork(11);
  const w1Ilt = GRADES.map((g) => lead(w1, g));
  const dependents1 = draw(s1, ordinaryTeachers(w1, [...protectedIds, ...newInW1.map((p) => p.id)]), 4, 'principal dependents');
  const wave1: WaveStory = {
    ...base,
    label: '2022-23',
    year: y1,
    people: w1,
    story:
      'Year one of the new principal. Almost every question goes to the principal; the newly formed ILT (one grade-level lead per grade) is not yet sought out. A veteran Grade 2 teacher is the informal go-to for curriculum and instruction.',
    leaders: [
      { id: principal.id, domains: ALL_DOMAINS, share: 0.75 },
      { id: ap.id, domains: ['behaviour', 'wellbeing'], share: 0.4 },
      { id: coach.id, domains: ['instruction', 'professional learning'], share: 0.35 },
    ],
    hidden: [
      {
        id: jose.id,
        domains: ['curriculum', 'instruction'],
        share: 0.45,
        teamShare: 0.9,
        why: 'veteran Grade 2 teacher colleagues across grades go to for curriculum and instruction',
      },
    ],
    overloaded: [
      {
        id: principal.id,
        domains: [],
        share: 0,
        why: 'principal-centric: the principal carries several times the load of the other administrators',
      },
    ],
    nominal: w1Ilt.map((p) => ({ id: p.id, why: "grade-level lead in the ILT's first year, not yet sought out" })),
    keyPeople: [
      {
        id: principal.id,
        domain: 'curriculum',
        dependents: dependents1.map((p) => p.id),
        why: 'principal-centric: these teachers ask only the principal about curriculum',
      },
    ],
    isolates: [{ id: newInW1[1]!.id, namesNobody: false, why: 'new Grade 4 teacher: answers the survey but nobody names them' }],
    silos: [],
  };

  // ---- 2023-24: ILT emerging
  const s2 = rng.fork(12);
  const leavers2 = draw(
    s2,
    ordinaryTeachers(w1, [...protectedIds, ...newInW1.map((p) => p.id), ...dependents1.map((p) => p.id)]),
    4,
    'leavers',
  ).map((p) => p.id);
  const y2 = 2023;
  const hires2 = leavers2.map((id) => {
    const old = w1.find((p) => p.id === id)!;
    return hire({
      role: old.role,
      department: old.department,
      team: old.team,
      ...(s2.chance(0.6) ? { yearsExperience: 0, startYear: y2 } : { ...career(s2, y2, 2, 12), startYear: y2 }),
    });
  });
  const w2 = nextRoster(w1, leavers2, new Map(), hires2);
  const wave2: WaveStory = {
    ...base,
    label: '2023-24',
    year: y2,
    people: w2,
    story:
      'Year two: the principal is still the main hub, but most grade-level leads now lead curriculum, instruction and assessment for their grade; the coach leads professional learning. The Kindergarten and Grade 5 leads are still rarely asked.',
    leaders: [
      { id: principal.id, domains: ALL_DOMAINS, share: 0.5 },
      { id: ap.id, domains: ['behaviour', 'wellbeing'], share: 0.4 },
      { id: coach.id, domains: ['instruction', 'assessment', 'professional learning'], share: 0.3 },
      ...['Grade 1', 'Grade 2', 'Grade 3', 'Grade 4'].map((g) => ({
        id: lead(w2, g).id,
        domains: ['curriculum', 'instruction', 'assessment'] as const,
        share: 0.2,
        teamShare: 0.95,
      })),
    ],
    hidden: [
      {
        id: jose.id,
        domains: ['curriculum', 'instruction'],
        share: 0.45,
        teamShare: 0.9,
        why: 'still the informal go-to for curriculum and instruction',
      },
    ],
    overloaded: [],
    nominal: [lead(w2, 'Grade K'), lead(w2, 'Grade 5')].map((p) => ({ id: p.id, why: 'grade-level lead colleagues rarely go to' })),
    keyPeople: [],
    isolates: [{ id: hires2[0]!.id, namesNobody: true, why: 'new hire who did not answer and whom nobody names' }],
    silos: [],
  };

  // ---- 2024-25: distributed; the Grade 2 veteran joins the ILT
  const s3 = rng.fork(13);
  const y3 = 2024;
  const oldG2Lead = lead(w2, 'Grade 2');
  const keep3 = [...protectedIds, ...hires2.map((p) => p.id)];
  const leavers3 = [oldG2Lead.id, ...draw(s3, ordinaryTeachers(w2, keep3), 2, 'leavers').map((p) => p.id)];
  const hires3 = leavers3.map((id) => {
    const old = w2.find((p) => p.id === id)!;
    return hire({
      role: 'teacher',
      department: old.department,
      team: old.team,
      yearsExperience: id === oldG2Lead.id ? 3 : 0,
      startYear: y3,
    });
  });
  const w3 = nextRoster(w2, leavers3, new Map([[jose.id, { role: 'grade-level lead', releaseTime: 0.1 }]]), hires3);
  const g3Lead = lead(w3, 'Grade 3');
  const iltDomains = ['curriculum', 'instruction', 'assessment'] as const;
  const overloadDomains = ['curriculum', 'instruction', 'assessment', 'data', 'technology', 'professional learning'] as const;
  const dependents3 = draw(s3, ordinaryTeachers(w3, [...keep3, ...hires3.map((p) => p.id)]), 3, 'coach dependents');
  const wave3: WaveStory = {
    ...base,
    label: '2024-25',
    year: y3,
    people: w3,
    story:
      "Year three: leadership is distributed. Grade-level leads (now including the Grade 2 veteran) lead curriculum, instruction and assessment; the principal keeps professional learning and behaviour. The Grade 3 lead has become everyone's go-to on six domains with a tenth of a day released. Data questions run only through the coach.",
    leaders: [
      { id: principal.id, domains: ['behaviour', 'professional learning', 'wellbeing'], share: 0.35 },
      { id: ap.id, domains: ['behaviour', 'wellbeing'], share: 0.4 },
      { id: coach.id, domains: ['instruction', 'professional learning'], share: 0.3 },
      { id: coach.id, domains: ['data'], share: 0.55 },
      ...['Grade 1', 'Grade 2', 'Grade 4', 'Grade 5'].map((g) => ({
        id: lead(w3, g).id,
        domains: iltDomains,
        share: 0.2,
        teamShare: 0.95,
      })),
    ],
    hidden: [{ id: techTeacher.id, domains: ['technology'], share: 0.6, why: 'Grade 4 teacher everyone asks about classroom technology' }],
    overloaded: [
      {
        id: g3Lead.id,
        domains: overloadDomains,
        share: 0.65,
        teamShare: 1,
        why: 'grade-level lead (release 0.1) sought school-wide on six domains',
      },
    ],
    nominal: [{ id: lead(w3, 'Grade K').id, why: 'Kindergarten lead colleagues rarely go to' }],
    keyPeople: [
      { id: coach.id, domain: 'data', dependents: dependents3.map((p) => p.id), why: 'these teachers ask only the coach about data' },
    ],
    isolates: [{ id: hires3[1]!.id, namesNobody: false, why: 'first-year teacher who answers but whom nobody names' }],
    silos: [],
  };

  // ---- 2025-26: principal transition; the AP becomes principal, a new AP arrives
  const s4 = rng.fork(14);
  const y4 = 2025;
  const keep4 = [...keep3, ...hires3.map((p) => p.id), ...dependents3.map((p) => p.id)];
  const leavers4 = [
    principal.id,
    ...draw(
      s4,
      ordinaryTeachers(w3, keep4).filter((p) => p.department !== 'Specials'),
      2,
      'leavers',
    ).map((p) => p.id),
  ];
  const newAp = hire({
    role: 'assistant principal',
    department: 'Administration',
    team: 'Leadership',
    releaseTime: 1,
    yearsExperience: 11,
    startYear: y4,
  });
  const hires4 = [
    newAp,
    ...leavers4.slice(1).map((id) => {
      const old = w3.find((p) => p.id === id)!;
      return hire({ role: 'teacher', department: old.department, team: old.team, yearsExperience: 0, startYear: y4 });
    }),
  ];
  const w4 = nextRoster(w3, leavers4, new Map([[ap.id, { role: 'principal' }]]), hires4);
  const dependents4 = draw(
    s4,
    ordinaryTeachers(w4, [...keep4, ...hires4.map((p) => p.id)]).filter((p) => p.department !== 'Specials'),
    4,
    'coach dependents',
  );
  const wave4: WaveStory = {
    ...base,
    label: '2025-26',
    year: y4,
    people: w4,
    story:
      'Year four: the initiating principal has left; the former assistant principal is principal and a new assistant principal has arrived. Grade-level leads carry curriculum, instruction and assessment, so the transition barely shows. Still planted: the overloaded Grade 3 lead, the technology hidden leader, a Kindergarten veteran who leads early-literacy instruction instead of the Kindergarten lead, data running only through the coach, and the Specials team working in a silo.',
    leaders: [
      { id: ap.id, domains: ['behaviour', 'professional learning', 'wellbeing'], share: 0.35 },
      { id: newAp.id, domains: ['behaviour', 'wellbeing'], share: 0.45 },
      { id: coach.id, domains: ['instruction', 'professional learning'], share: 0.3 },
      { id: coach.id, domains: ['data'], share: 0.55 },
      ...['Grade 1', 'Grade 2', 'Grade 4', 'Grade 5'].map((g) => ({
        id: lead(w4, g).id,
        domains: iltDomains,
        share: 0.2,
        teamShare: 0.95,
      })),
    ],
    hidden: [
      { id: techTeacher.id, domains: ['technology'], share: 0.6, why: 'Grade 4 teacher everyone asks about classroom technology' },
      {
        id: kVeteran.id,
        domains: ['instruction'],
        share: 0.5,
        teamShare: 0.95,
        why: 'Kindergarten veteran the primary grades go to for early-literacy instruction',
      },
    ],
    overloaded: [
      {
        id: g3Lead.id,
        domains: overloadDomains,
        share: 0.65,
        teamShare: 1,
        why: 'grade-level lead (release 0.1) sought school-wide on six domains',
      },
    ],
    nominal: [{ id: lead(w4, 'Grade K').id, why: 'Kindergarten lead colleagues rarely go to (they go to the Kindergarten veteran)' }],
    keyPeople: [
      {
        id: coach.id,
        domain: 'data',
        dependents: dependents4.map((p) => p.id),
        why: 'these teachers ask only the coach about data: a succession risk',
      },
    ],
    isolates: [
      { id: hires4[1]!.id, namesNobody: true, why: 'first-year teacher who did not answer and whom nobody names' },
      { id: hires4[2]!.id, namesNobody: false, why: 'first-year teacher who answers but whom nobody names' },
    ],
    silos: [{ grouping: 'department', group: 'Specials', why: 'art, music, PE, library and STEM advise only each other' }],
  };
  return runSchool('lakeside', SCHOOL, [wave1, wave2, wave3, wave4], undefined, redraw);
}
