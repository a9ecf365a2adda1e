import { describe, expect, it } from 'vitest';
import { readRoster } from '../../src/ingest/roster.js';
import { tempDir, writeFile } from './tmp.js';

const dir = tempDir();

describe('readRoster', () => {
  it('reads canonical fields through aliases and keeps extra columns as typed attributes', async () => {
    const p = writeFile(
      dir,
      'roster.csv',
      'Staff ID,First Name,Last Name,Position,Dept,Grade Level,Site,Start Year,FTE,Release Time,Email,Badge,Coach Trained,Room\n' +
        '007,José,Núñez,Teacher,Math,Grade 6,Riverside,2021,1,0%,jose@x.org,12,yes,B12\n' +
        "008,Zoë,O'Brien,Content Lead Teacher,Literacy,Grade 7,Riverside,2019-08-15,0.6,40%,zoe@x.org,3,no,101\n",
    );
    const r = await readRoster(p);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value[0]).toMatchObject({
      id: '007',
      name: 'José Núñez',
      role: 'Teacher',
      department: 'Math',
      team: 'Grade 6',
      school: 'Riverside',
      startYear: 2021,
      fte: 1,
      releaseTime: 0,
      email: 'jose@x.org',
      onRoster: true,
    });
    expect(r.value[1]).toMatchObject({ startYear: 2019, releaseTime: 0.4 });
    expect(r.value[0]!.attributes).toEqual({ Badge: 12, 'Coach Trained': true, Room: 'B12' });
    expect(r.value[1]!.attributes).toEqual({ Badge: 3, 'Coach Trained': false, Room: '101' });
  });

  it('a roster with duplicate ids names both rows', async () => {
    const r = await readRoster(writeFile(dir, 'dup.csv', 'id,name\n1,A\n2,B\n1,C\n'));
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => [p.code, p.row, p.column, p.value])).toEqual([['DUPLICATE_ID', 4, 'id', '1']]);
    expect(r.problems[0]!.message).toContain('row 2');
  });

  it('a ties file passed as roster says so', async () => {
    const r = await readRoster(writeFile(dir, 'ties-as-roster.csv', 'source,target,weight\n1,2,1\n'));
    expect(r.ok).toBe(false);
    expect(r.problems[0]!.code).toBe('TIES_AS_ROSTER');
  });

  it('bad numbers are reported per cell with what was expected', async () => {
    const r = await readRoster(writeFile(dir, 'bad.csv', 'id,fte,release_time,start_year\n1,2.5,0.2,2020\n2,1,150%,20\n'));
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => [p.row, p.column, p.code]).sort()).toEqual([
      [2, 'fte', 'BAD_VALUE'],
      [3, 'release_time', 'BAD_VALUE'],
      [3, 'start_year', 'BAD_VALUE'],
    ]);
  });

  it('a header only, and an empty file', async () => {
    expect((await readRoster(writeFile(dir, 'h.csv', 'id,name\n'))).problems[0]!.code).toBe('NO_ROWS');
    expect((await readRoster(writeFile(dir, 'e.csv', ''))).problems[0]!.code).toBe('EMPTY_FILE');
  });

  it('reads a Windows-1252 roster (plain Excel CSV) without mangling accents', async () => {
    const bytes = Buffer.from('id;name\n1;Jos\xe9 P\xe9rez\n', 'latin1');
    const r = await readRoster(writeFile(dir, 'cp1252.csv', bytes));
    expect(r.ok && r.value[0]!.name).toBe('José Pérez');
  });
});
