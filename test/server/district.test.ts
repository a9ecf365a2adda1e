import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Pseudonyms } from '../../src/privacy/pseudonym.js';
import { SMALL_GROUP_LABEL } from '../../src/privacy/suppress.js';
import { determinedUnknowns, type Equation } from '../helpers/linear.js';
import { ADMIN_PASSWORD, Client, testServer, type TestServer } from './helpers/server.js';
import { rosterCsv, tiesCsv } from './fixtures.js';

/**
 * GET /api/waves/:id/district on the Pinewood demo district as a district with a two-person office
 * would send it: the demo's three itinerant district-office staff are left out of the roster, the
 * ties and the respondents, so the office (superintendent and assistant) is under the minimum size.
 */
const PW = 'a-long-enough-password';
const dir = join(import.meta.dirname, '../../fixtures/demo/pinewood/2025-26');
const ITINERANT = /^PW\d+,[^,]*,(school psychologist|speech-language pathologist|district nurse),/;
const demoRoster = readFileSync(join(dir, 'roster.csv'), 'utf8').trim().split('\n');
const dropped = new Set(demoRoster.filter((l) => ITINERANT.test(l)).map((l) => l.split(',')[0]!));
const keep = (l: string) => !dropped.has(l.split(',')[0]!) && !dropped.has(l.split(',')[1]!);
const files = {
  roster: demoRoster.filter((l) => !ITINERANT.test(l)).join('\n') + '\n',
  ties:
    readFileSync(join(dir, 'ties.csv'), 'utf8')
      .trim()
      .split('\n')
      .filter((l, i) => i === 0 || keep(l))
      .join('\n') + '\n',
  respondents:
    readFileSync(join(dir, 'respondents.csv'), 'utf8')
      .trim()
      .split('\n')
      .filter((l) => !dropped.has(l.trim()))
      .join('\n') + '\n',
};
const rows = files.roster
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split(','))
  .map((c) => ({ id: c[0]!, name: c[1]!, department: c[3]!, school: c[5]! }));
const OFFICE = 'District Office';
const K = 5;

let srv: TestServer;
let admin: Client;
let viewer: Client;
let waveId: string;
let oneSchoolWave: string;
beforeAll(async () => {
  srv = await testServer();
  admin = new Client(srv.url);
  await admin.signIn('admin', ADMIN_PASSWORD);
  const school = (await admin.post('/api/schools', { slug: 'pinewood', name: 'Pinewood Rural District' })).json.school.id;
  waveId = (await admin.post(`/api/schools/${school}/waves`, { label: '2025-26' })).json.wave.id;
  expect((await admin.upload(waveId, files)).job.status).toBe('succeeded');
  oneSchoolWave = (await admin.post(`/api/schools/${school}/waves`, { label: 'one school' })).json.wave.id;
  expect((await admin.upload(oneSchoolWave, { roster: rosterCsv(), ties: tiesCsv() })).job.status).toBe('succeeded');
  expect((await admin.post('/api/accounts', { username: 'viewer1', role: 'viewer', schoolIds: [school], password: PW })).status).toBe(201);
  viewer = new Client(srv.url);
  await viewer.signIn('viewer1', PW);
}, 60_000);
afterAll(async () => {
  await srv.stop();
});

interface School {
  school: string;
  suppressed: boolean;
  people: number | null;
  ties: number | null;
  externalShare: number | null;
  [k: string]: unknown;
}
interface District {
  minGroupSize: number;
  schools: School[];
  benchmarks: Array<{ indicator: string; median: number | null; min: number | null; max: number | null; schools: number }>;
  matrix: Array<{ from: string; to: string; ties: number | null; suppressed: boolean }>;
  districtLevel: Array<{ unit: string; people: number | null; suppressed: boolean }>;
  crossSchoolLeaders: Array<{
    id: string;
    name: string;
    school: string | null;
    nominationsFromOtherSchools: number;
    schoolsNaming: number;
  }>;
}

async function district(c: Client, q = ''): Promise<District> {
  const r = await c.get(`/api/waves/${waveId}/district${q}`);
  expect(r.status, r.text.slice(0, 200)).toBe(200);
  return r.json.district as District;
}

const rosterSize = (school: string) => rows.filter((r) => r.school === school).length;

describe('GET /api/waves/:id/district', () => {
  it('lists each school with its roster size, suppresses the small district office with the next smallest school, and names PW011 first', async () => {
    expect(dropped.size).toBe(3);
    expect(rosterSize(OFFICE)).toBe(2);
    const d = await district(admin);
    // The district office is the district's own staff, not a school: no school row.
    expect(d.schools.map((s) => s.school).sort()).toEqual([...new Set(rows.map((r) => r.school))].filter((s) => s !== OFFICE).sort());
    // Under k, it would follow from the wave's totals minus the school rows, so the next smallest school is hidden with it.
    expect(d.districtLevel).toEqual([{ unit: OFFICE, people: null, suppressed: true }]);
    const hidden = d.schools.filter((s) => s.suppressed).map((s) => s.school);
    expect(hidden).toEqual(['Fox Hollow Elementary']);
    expect(rosterSize(OFFICE) + hidden.reduce((n, s) => n + rosterSize(s), 0)).toBeGreaterThanOrEqual(K);
    for (const s of d.schools) {
      if (s.suppressed) expect(Object.entries(s).filter(([k, v]) => !['school', 'suppressed'].includes(k) && v !== null)).toEqual([]);
      else expect(s.people).toBe(rosterSize(s.school));
    }
    expect(d.crossSchoolLeaders[0]).toMatchObject({ id: 'PW011', name: 'Gabriel Green', nominationsFromOtherSchools: 35 });
    const n = d.crossSchoolLeaders.map((l) => l.nominationsFromOtherSchools);
    expect(n).toEqual([...n].sort((a, b) => b - a));
  });

  it('gives each indicator the median and range of the schools shown only', async () => {
    const d = await district(admin);
    const shown = d.schools.filter((s) => !s.suppressed);
    const people = d.benchmarks.find((b) => b.indicator === 'people')!;
    const sizes = shown.map((s) => rosterSize(s.school)).sort((a, b) => a - b);
    expect(people).toEqual({ indicator: 'people', median: sizes[1], min: sizes[0], max: sizes[2], schools: 3 });
    const ext = d.benchmarks.find((b) => b.indicator === 'externalShare')!;
    const values = shown.map((s) => s.externalShare!).sort((a, b) => a - b);
    expect(ext.median).toBeCloseTo(values[1]!, 12);
    expect([ext.min, ext.max]).toEqual([values[0], values[2]]);
  });

  it('gives the school-by-school matrix with every block touching a suppressed school hidden, and no hidden cell follows from the totals', async () => {
    const d = await district(admin);
    const schools = d.schools.map((s) => s.school);
    expect(d.matrix).toHaveLength(schools.length ** 2);
    const hidden = new Set(d.schools.filter((s) => s.suppressed).map((s) => s.school));
    for (const b of d.matrix) expect(b.ties === null).toBe(hidden.has(b.from) || hidden.has(b.to));
    for (const s of d.schools.filter((x) => !x.suppressed))
      expect(d.matrix.find((b) => b.from === s.school && b.to === s.school)!.ties).toBe(s.ties);
    // What a reader can write down: the wave's head count (hidden schools and the office together), each shown
    // school's nominations sent (its own ties / (1 − external share)) = its shown blocks + its hidden blocks + those to the office.
    const hiddenUnits = [...hidden, OFFICE];
    const shownSchools = d.schools.filter((x) => !x.suppressed).map((x) => x.school);
    const unknowns = [
      ...hiddenUnits.map((h) => `people:${h}`),
      ...d.matrix.filter((b) => b.ties === null).map((b) => `${b.from}>${b.to}`),
      ...shownSchools.map((s) => `${s}>${OFFICE}`),
    ];
    const equations: Equation[] = [{ terms: Object.fromEntries(hiddenUnits.map((h) => [`people:${h}`, 1])) }];
    for (const s of shownSchools)
      equations.push({
        terms: {
          ...Object.fromEntries(d.matrix.filter((b) => b.from === s && b.ties === null).map((b) => [`${b.from}>${b.to}`, 1])),
          [`${s}>${OFFICE}`]: 1,
        },
      });
    expect(determinedUnknowns(equations, unknowns)).toEqual([]);
  });

  it('for viewers: pseudonyms only, and a school beside a pseudonym only when at least k staff of that department label share it', async () => {
    const d = await district(viewer);
    const body = JSON.stringify(d);
    for (const r of rows) {
      expect(body).not.toContain(r.name);
      expect(body).not.toMatch(new RegExp(`\\b${r.id}\\b`));
    }
    const labels = new Pseudonyms(
      await srv.store.waveSecret(waveId),
      rows.map((r) => r.id),
    );
    const byLabel = new Map(rows.map((r) => [labels.label(r.id), r]));
    expect(d.crossSchoolLeaders[0]).toMatchObject({ id: labels.label('PW011'), nominationsFromOtherSchools: 35 });
    const deptSize = (dept: string) => rows.filter((r) => r.department === dept).length;
    let shown = 0;
    for (const l of d.crossSchoolLeaders) {
      const me = byLabel.get(l.id)!;
      expect(l.name).toBe(l.id);
      if (l.school === null) continue;
      shown++;
      const hidden = [
        ...d.schools.filter((s) => s.suppressed).map((s) => s.school),
        ...d.districtLevel.filter((u) => u.suppressed).map((u) => u.unit),
      ];
      const schoolOf = (r: (typeof rows)[number]) => (hidden.includes(r.school) ? SMALL_GROUP_LABEL : r.school);
      expect(l.school).toBe(schoolOf(me));
      // Everyone sharing the department (as printed beside the pseudonym elsewhere) and the school printed here.
      const deptOf = (r: (typeof rows)[number]) => (deptSize(r.department) < K ? 'small' : r.department);
      const cls = rows.filter((r) => deptOf(r) === deptOf(me) && schoolOf(r) === l.school).length;
      expect(cls, l.id).toBeGreaterThanOrEqual(K);
    }
    expect(d.crossSchoolLeaders.length).toBeGreaterThan(shown); // some schools were withheld
    const named = await district(admin);
    expect(named.crossSchoolLeaders.filter((l) => l.school !== null)).toHaveLength(named.crossSchoolLeaders.length);
    const anonymised = await district(admin, '?anonymised=1');
    expect(anonymised).toEqual(d);
  });

  it('answers 404 NOT_A_DISTRICT for a one-school wave, 400 for an unknown relation, and caches the view', async () => {
    const one = await admin.get(`/api/waves/${oneSchoolWave}/district`);
    expect(one.status).toBe(404);
    expect(one.json.error.code).toBe('NOT_A_DISTRICT');
    const bad = await admin.get(`/api/waves/${waveId}/district?relation=astrology`);
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('UNKNOWN_RELATION');
    expect((await admin.get(`/api/waves/${oneSchoolWave}/analysis`)).json.analysis.district).toBe(false);
    expect((await viewer.get(`/api/waves/${waveId}/analysis`)).json.analysis.district).toBe(true);
    const views = srv.deps.views;
    const first = await admin.get(`/api/waves/${waveId}/district`);
    const jobs = views.stats().jobs;
    const again = await admin.get(`/api/waves/${waveId}/district?relation=advice`);
    expect(again.text).toBe(first.text);
    expect(views.stats().jobs).toBe(jobs);
  });

  it('serves the district report as a PDF: named for analysts, anonymised only for viewers, 404 for a one-school wave', async () => {
    const named = await admin.get(`/api/waves/${waveId}/district-report.pdf`);
    expect(named.status).toBe(200);
    expect(named.headers.get('content-type')).toBe('application/pdf');
    expect(named.headers.get('content-disposition')).toContain('district-report.pdf');
    expect(named.text.startsWith('%PDF')).toBe(true);
    expect((await viewer.get(`/api/waves/${waveId}/district-report.pdf?edition=named`)).status).toBe(403);
    const anon = await viewer.get(`/api/waves/${waveId}/district-report.pdf`);
    expect(anon.status).toBe(200);
    expect(anon.headers.get('content-disposition')).toContain('district-report-anonymised.pdf');
    expect(anon.text).not.toBe(named.text);
    const one = await admin.get(`/api/waves/${oneSchoolWave}/district-report.pdf`);
    expect(one.status).toBe(404);
    expect(one.json.error.code).toBe('NOT_A_DISTRICT');
  }, 60_000);
});
