import { describe, expect, it } from 'vitest';
import { createNameMatcher, jaroWinkler, splitNames, normalizeName } from '../../../src/ingest/names/index.js';

const roster = [
  { id: 'p01', name: 'Ana Ruiz', email: 'ana.ruiz@lakeside.edu' },
  { id: 'p02', name: 'Robert Odell', email: 'robert.odell@lakeside.edu' },
  { id: 'p03', name: 'José Martínez', email: null },
  { id: 'p04', name: 'Katherine Lee', email: null },
  { id: 'p05', name: 'James Smith', email: null },
  { id: 'p06', name: 'Jane Smith', email: null },
  { id: 'p07', name: 'Samantha Park', email: null },
  { id: 'p08', name: 'Samuel Okafor', email: null },
  { id: 'p09', name: 'Beatriz Nakamura', email: null },
];
const m = createNameMatcher(roster);
const idOf = (t: string) => {
  const r = m.match(t);
  return r.status === 'matched' ? `${r.id}:${r.rule}` : r.status;
};

describe('name matching', () => {
  it('jaroWinkler matches the published MARTHA/MARHTA value', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.9611, 4);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.8133, 4);
  });
  it('folds case, accents and titles', () => {
    expect(normalizeName('  Mrs. JOSÉ   Martínez ')).toBe('jose martinez');
    expect(idOf('jose martinez')).toBe('p03:exact');
    expect(idOf('Dr. Ana Ruiz')).toBe('p01:title');
    expect(idOf('Coach Ruiz')).toBe('p01:last-only');
  });
  it('reads Lastname, Firstname and reversed names', () => {
    expect(idOf('Ruiz, Ana')).toBe('p01:last-first');
    expect(idOf('Odell Robert')).toBe('p02:last-first');
  });
  it('reads initials and nicknames', () => {
    expect(idOf('K. Lee')).toBe('p04:initial');
    expect(idOf('Lee K')).toBe('p04:initial');
    expect(idOf('Bob Odell')).toBe('p02:nickname');
    expect(idOf('Kate Lee')).toBe('p04:nickname');
    expect(idOf('Kathy Lee')).toBe('p04:nickname');
  });
  it('accepts a unique first name but flags a shared one', () => {
    expect(idOf('Beatriz')).toBe('p09:first-only');
    const sam = m.match('Sam');
    expect(sam.status).toBe('ambiguous');
    expect(sam.status === 'ambiguous' && sam.candidates.map((c) => c.id).sort()).toEqual(['p07', 'p08']);
    const smith = m.match('J. Smith');
    expect(smith.status).toBe('ambiguous');
  });
  it('matches small typos only with a clear margin', () => {
    expect(idOf('Beatriz Nakamora')).toBe('p09:typo');
    expect(m.match('Zed Quux').status).toBe('unmatched');
  });
  it('matches e-mail addresses and ids', () => {
    expect(idOf('ANA.RUIZ@lakeside.edu')).toBe('p01:email');
    expect(idOf('robert.odell@gmail.com')).toBe('p02:exact');
    expect(idOf('p05')).toBe('p05:id');
  });
  it('never guesses: unmatched answers carry candidates', () => {
    const r = m.match('Anna Ruis');
    expect(r.status === 'matched' ? r.rule : r.status).not.toBe('exact');
    const u = m.match('Ana R.');
    expect(u.status === 'matched' && u.id).toBe('p01');
  });
  it('applies saved resolutions first', () => {
    const withRes = createNameMatcher(
      roster,
      new Map([
        ['Sam', 'p08'],
        ['my mentor', 'ignore'],
      ]),
    );
    expect(withRes.match('Sam')).toMatchObject({ status: 'matched', id: 'p08', rule: 'mapping' });
    expect(withRes.match('My mentor')).toMatchObject({ status: 'resolved-out', resolution: 'ignore' });
  });
});

describe('splitNames', () => {
  const ids = (cell: string) => splitNames(cell, m).map((s) => (s.match.status === 'matched' ? s.match.id : `?${s.text}`));
  it('splits Google Forms checkbox answers joined by ", "', () => {
    expect(ids('Ana Ruiz, Robert Odell, Katherine Lee')).toEqual(['p01', 'p02', 'p04']);
  });
  it('keeps Lastname, Firstname answers together', () => {
    expect(ids('Ruiz, Ana, Odell, Robert')).toEqual(['p01', 'p02']);
    expect(ids('Ruiz, Ana; Lee, Katherine')).toEqual(['p01', 'p04']);
  });
  it('splits first names of different people', () => {
    expect(ids('Beatriz, Katherine')).toEqual(['p09', 'p04']);
  });
  it('splits lines and strips Other: prefixes', () => {
    expect(ids('Ana Ruiz\nOther: Bob Odell')).toEqual(['p01', 'p02']);
    expect(ids('Ana Ruiz, Jo from the district office')).toEqual(['p01', '?Jo from the district office']);
  });
});

describe('hyphenated names', () => {
  const h = createNameMatcher([
    { id: 'h1', name: 'Ji-woo Coleman', email: null },
    { id: 'h2', name: 'Ana Ruiz-López', email: null },
    { id: 'h3', name: 'Ben Ode', email: null },
  ]);
  it('treats a hyphenated first name as one word and each surname part as a surname', () => {
    expect(h.match('Ji-woo')).toMatchObject({ status: 'matched', id: 'h1', rule: 'first-only' });
    expect(h.match('jiwoo coleman')).toMatchObject({ status: 'matched', id: 'h1', rule: 'exact' });
    expect(h.match('Ms Ruiz')).toMatchObject({ status: 'matched', id: 'h2', rule: 'last-only' });
    expect(h.match('Ana Ruiz Lopez').status).not.toBe('unmatched');
  });
});
