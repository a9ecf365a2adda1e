import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInteractionLog, thresholdFor, type LogResult } from '../../../src/ingest/logs/index.js';
import type { Tie } from '../../../src/model/types.js';
import { tempDir, writeTemp } from '../../fastpath/helpers.js';

const dir = tempDir('leadmap-logs-');
let fileNo = 0;
function file(text: string): string {
  return writeTemp(dir, `log${fileNo++}.csv`, text);
}

function tiesOf(r: LogResult): Tie[] {
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.aggregate.ties();
}

const pair = (ties: Tie[], s: string, t: string, wave?: string) =>
  ties.find((x) => x.source === s && x.target === t && (wave === undefined || x.wave === wave));

describe('e-mail logs', () => {
  const mail = file(
    [
      'timestamp,sender,to,cc',
      '2025-03-03T09:00:00Z,ann@s.org,bob@s.org,',
      '2025-03-04 10:00,Ann@S.org,"bob@s.org; carl@s.org",ann@s.org',
      '2025-03-05T10:00:00+01:00,bob@s.org,Ann <ann@s.org>,',
      '2025-03-06T10:00:00Z,bob@s.org,ann@s.org,',
      '2025-04-01T10:00:00Z,ann@s.org,carl@s.org,',
    ].join('\n'),
  );

  it('counts sender → each recipient per month and keeps pairs with at least 2 interactions', async () => {
    const ties = tiesOf(await readInteractionLog(mail, { kind: 'email' }));
    expect(pair(ties, 'ann@s.org', 'bob@s.org', '2025-03')).toMatchObject({ weight: 2, count: 2, relation: 'email', domain: 'any' });
    expect(pair(ties, 'bob@s.org', 'ann@s.org', '2025-03')).toMatchObject({ weight: 2, count: 2 });
    expect(pair(ties, 'ann@s.org', 'carl@s.org')).toBeUndefined(); // once in March, once in April
  });

  it('drops self-mail, counts it, and folds address case', async () => {
    const r = await readInteractionLog(mail, { kind: 'email' });
    expect(r.ok && r.stats.selfRecipientsDropped).toBe(1);
    expect(r.ok && r.aggregate.ids).not.toContain('Ann@S.org');
  });

  it('weighs 1/k per recipient with splitWeight', async () => {
    const ties = tiesOf(await readInteractionLog(mail, { kind: 'email', splitWeight: true, minInteractions: 1 }));
    expect(pair(ties, 'ann@s.org', 'bob@s.org', '2025-03')!.weight).toBeCloseTo(1.5, 12);
    expect(pair(ties, 'ann@s.org', 'carl@s.org', '2025-03')!.weight).toBeCloseTo(0.5, 12);
  });

  it('drops or down-weights broadcasts above the limit', async () => {
    const to = Array.from({ length: 10 }, (_, i) => `p${i}@s.org`).join(';');
    const f = file(`timestamp,sender,to\n2025-03-03,boss@s.org,"${to}"\n2025-03-04,boss@s.org,p0@s.org\n`);
    const dropped = await readInteractionLog(f, { kind: 'email', minInteractions: 1 });
    expect(dropped.ok && dropped.stats.broadcastsDropped).toBe(1);
    expect(pair(tiesOf(dropped), 'boss@s.org', 'p0@s.org')).toMatchObject({ weight: 1, count: 1 });
    const down = await readInteractionLog(f, { kind: 'email', minInteractions: 1, broadcast: 'downweight' });
    expect(pair(tiesOf(down), 'boss@s.org', 'p0@s.org')!.weight).toBeCloseTo(1 + 8 / 10, 12);
    expect(pair(tiesOf(down), 'boss@s.org', 'p9@s.org')!.weight).toBeCloseTo(0.8, 12);
  });

  it('matches addresses to the roster and drops or pools the others', async () => {
    const roster = file('id,name,email\nA1,Ann,ann@s.org\nB2,Bob,BOB@s.org\n');
    const f = file(
      'timestamp,sender,to\n2025-03-03,ann@s.org,bob@s.org\n2025-03-04,ann@s.org,"bob@s.org;x@out.com"\n2025-03-05,x@out.com,ann@s.org\n',
    );
    const dropped = await readInteractionLog(f, { kind: 'email', roster });
    expect(tiesOf(dropped).map((t) => `${t.source}>${t.target}`)).toEqual(['A1>B2']);
    expect(dropped.ok && dropped.stats).toMatchObject({ offRosterRecipientsDropped: 1, offRosterSendersDropped: 1, offRosterAddresses: 1 });
    const pooled = await readInteractionLog(f, { kind: 'email', roster, external: 'bucket', minInteractions: 1 });
    expect(pair(tiesOf(pooled), 'A1', 'external')).toMatchObject({ count: 1 });
    expect(pair(tiesOf(pooled), 'external', 'A1')).toMatchObject({ count: 1 });
  });
});

describe('non-ASCII addresses', () => {
  const jose = 'josé.núñez@s.org';
  const f = file(
    [
      'timestamp,sender,to',
      `2025-03-03,${jose.toUpperCase()},ann@s.org`,
      `2025-03-04,${jose.normalize('NFD')},ann@s.org`,
      `2025-03-05,ann@s.org,${jose.normalize('NFD').toUpperCase()}`,
      `2025-03-06,ann@s.org,${jose}`,
      `2025-03-07,${jose},"${jose.normalize('NFD')}"`,
    ].join('\n'),
  );

  it('compares addresses NFC-normalised and case-folded, as the survey import does', async () => {
    const r = await readInteractionLog(f, { kind: 'email' });
    expect(r.ok && [...r.aggregate.ids].sort()).toEqual(['ann@s.org', jose]);
    expect(r.ok && r.stats.selfRecipientsDropped).toBe(1);
    const ties = tiesOf(r);
    expect(pair(ties, jose, 'ann@s.org')).toMatchObject({ weight: 2, count: 2 });
    expect(pair(ties, 'ann@s.org', jose)).toMatchObject({ weight: 2, count: 2 });
  });

  it('matches a decomposed or upper-case address to the roster e-mail', async () => {
    const roster = file(`id,name,email\nJ1,José Núñez,${jose.normalize('NFD')}\nA1,Ann,ANN@s.org\n`);
    const r = await readInteractionLog(f, { kind: 'email', roster });
    expect(r.ok && r.stats.offRosterAddresses).toBe(0);
    expect(tiesOf(r).map((t) => `${t.source}>${t.target}:${t.weight}`)).toEqual(['J1>A1:2', 'A1>J1:2']);
  });
});

describe('bad logs', () => {
  it('refuses a subject or body column before reading any row', async () => {
    const r = await readInteractionLog(file('timestamp,sender,to,Subject\n2025-03-03,a,b,secret\n'), { kind: 'email' });
    expect(r.ok).toBe(false);
    expect(r.problems[0]).toMatchObject({ code: 'CONTENT_COLUMN', row: 1, column: 'Subject' });
    expect(JSON.stringify(r)).not.toContain('secret');
  });

  it('names the missing column', async () => {
    const r = await readInteractionLog(file('when,sender,to\n2025-03-03,a,b\n'), { kind: 'email' });
    expect(r.problems.map((p) => [p.code, p.column])).toContainEqual(['MISSING_COLUMN', 'timestamp']);
  });

  it('reports unparseable timestamps with file, row and column, and counts repeats instead of listing them', async () => {
    const rows = Array.from({ length: 45 }, () => '03/04/2025,a,b');
    const f = file(['timestamp,sender,to', '2025-03-03,a,b', ...rows].join('\n'));
    const r = await readInteractionLog(f, { kind: 'email' });
    expect(r.ok).toBe(false);
    const first = r.problems[0]!;
    expect(first).toMatchObject({ code: 'BAD_TIMESTAMP', row: 3, column: 'timestamp', value: '03/04/2025' });
    expect(first.file).toMatch(/^log\d+\.csv$/);
    expect(r.problems.length).toBe(21); // 20 kept in full, then one count line
    expect(r.problems.at(-1)!.message).toContain('25 more rows');
  });

  it('skips and counts bad rows with skipBadRows', async () => {
    const r = await readInteractionLog(file('timestamp,sender,to\nnever,a,b\n2025-03-03,a,b\n2025-03-04,a,b\n'), {
      kind: 'email',
      skipBadRows: true,
    });
    expect(r.ok && r.stats.badRowsSkipped).toBe(1);
    expect(r.problems[0]).toMatchObject({ severity: 'warning', code: 'BAD_TIMESTAMP' });
  });
});

describe('meetings, chat and generic logs', () => {
  it('links every pair of attendees both ways with weight 1/(k − 1), or hours/(k − 1)', async () => {
    const f = file('id,start,duration,attendees\nm1,2025-03-03T09:00Z,90,"a;b;c"\nm2,2025-03-10T09:00Z,30,"a;b"\n');
    const ties = tiesOf(await readInteractionLog(f, { kind: 'meeting', minInteractions: 1 }));
    expect(pair(ties, 'a', 'b')!.weight).toBeCloseTo(0.5 + 1, 12);
    expect(pair(ties, 'b', 'a')!.count).toBe(2);
    expect(pair(ties, 'c', 'a')!.weight).toBeCloseTo(0.5, 12);
    expect(ties.every((t) => t.relation === 'meeting')).toBe(true);
    const byTime = tiesOf(await readInteractionLog(f, { kind: 'meeting', minInteractions: 1, meetingWeight: 'duration' }));
    expect(pair(byTime, 'a', 'b')!.weight).toBeCloseTo(1.5 / 2 + 0.5, 12);
  });

  it('spreads channel messages to the channel’s other posters in the same window', async () => {
    const f = file('timestamp,sender,channel\n2025-03-03,a,#maths\n2025-03-04,a,#maths\n2025-03-05,b,#maths\n2025-03-05,c,#maths\n');
    const ties = tiesOf(await readInteractionLog(f, { kind: 'chat', minInteractions: 1 }));
    expect(pair(ties, 'a', 'b')).toMatchObject({ weight: 2, count: 2 });
    expect(pair(ties, 'b', 'a')).toMatchObject({ weight: 1, count: 1 });
    expect(ties).toHaveLength(6);
  });

  it('reads generic source/target logs as "contact" ties with epoch timestamps', async () => {
    const f = file('timestamp,source,target\n1740992400,a,b\n1740996000,a,b\n');
    const ties = tiesOf(await readInteractionLog(f, { kind: 'generic' }));
    expect(ties).toEqual([
      { source: 'a', target: 'b', relation: 'contact', domain: 'any', weight: 2, count: 2, timestamp: null, wave: '2025-03' },
    ]);
  });
});

describe('windows and thresholds', () => {
  it('scales the minimum to the window: 2 per 28 days is 2 a month, 8 a term, 26 a year', () => {
    expect(thresholdFor(31, 2, 28)).toBe(2);
    expect(thresholdFor(122, 2, 28)).toBe(8);
    expect(thresholdFor(365, 2, 28)).toBe(26);
  });

  it('labels school terms and custom windows', async () => {
    const f = file('timestamp,source,target\n2025-09-02,a,b\n2025-12-31,a,b\n2026-01-05,a,b\n');
    const terms = await readInteractionLog(f, { kind: 'generic', window: 'term', minInteractions: 1 });
    expect(terms.ok && terms.aggregate.windows().map((w) => [w.label, w.threshold])).toEqual([
      ['2025-26 autumn', 4],
      ['2025-26 spring', 4],
    ]);
    const custom = await readInteractionLog(f, {
      kind: 'generic',
      window: 'custom',
      windowDays: 14,
      windowStart: '2025-09-01',
      minInteractions: 1,
    });
    expect(custom.ok && custom.aggregate.windows()[0]!.label).toBe('2025-09-01');
  });

  it('reports progress and can be cancelled', async () => {
    const f = file('timestamp,source,target\n' + '2025-03-03,a,b\n'.repeat(5000));
    const seen: number[] = [];
    const r = await readInteractionLog(f, { kind: 'generic', onProgress: (p) => seen.push(p.rows) });
    expect(r.ok).toBe(true);
    expect(seen.at(-1)).toBe(5001);
    const ac = new AbortController();
    ac.abort();
    await expect(readInteractionLog(f, { kind: 'generic', signal: ac.signal })).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});

describe('a log that is no CSV', () => {
  it('is refused by the one sniffer with the code of every other reader, before any row is read', async () => {
    const path = join(dir, 'export.xlsx.csv');
    writeFileSync(path, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]));
    const r = await readInteractionLog(path, { kind: 'email' });
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.code)).toEqual(['BINARY_FILE']);
    expect(r.stats.rowsRead).toBe(0);
    const u16 = join(dir, 'u16.csv');
    writeFileSync(u16, Buffer.from('\uFEFFtimestamp,sender,to\n2025-03-03,a@s.org,b@s.org\n', 'utf16le'));
    expect((await readInteractionLog(u16, { kind: 'email' })).problems.map((p) => p.code)).toEqual(['UTF16_FILE']);
  });
});
