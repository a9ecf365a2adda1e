import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main.js';
import { tempDir, writeTemp } from '../../fastpath/helpers.js';

function io(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), cwd, env: {} } };
}

describe('leadmap logs', () => {
  const dir = tempDir('leadmap-logs-cli-');
  writeTemp(
    dir,
    'mail.csv',
    'timestamp,from,to\n2025-03-03,a@s.org,b@s.org\n2025-03-04,a@s.org,"b@s.org;=cmd@s.org"\n2025-03-05,a@s.org,=cmd@s.org\n',
  );

  it('writes canonical ties ready for the tie ingest, cells safe against formula injection', async () => {
    const t = io(dir);
    expect(await runCli(['logs', 'mail.csv', '--kind', 'email', '--out', 'ties.csv'], t.io)).toBe(0);
    const text = readFileSync(join(dir, 'ties.csv'), 'utf8');
    expect(text.split('\n')[0]).toBe('source,target,relation,domain,weight,count,wave');
    expect(text).toContain('a@s.org,b@s.org,email,any,2,2,2025-03');
    expect(text).toContain("a@s.org,'=cmd@s.org,email,any,2,2,2025-03");
  });

  it('prints a JSON summary with windows and thresholds', async () => {
    const t = io(dir);
    expect(await runCli(['logs', 'mail.csv', '--kind', 'email', '--window', 'term', '--json'], t.io)).toBe(0);
    const summary = JSON.parse(t.out.join(''));
    expect(summary.windows[0]).toMatchObject({ label: '2024-25 spring', threshold: 8 });
    expect(summary.ties).toBe(0);
  });

  it('exits 2 and writes nothing when the log carries message content', async () => {
    writeTemp(dir, 'body.csv', 'timestamp,from,to,body\n2025-03-03,a,b,hello\n');
    const t = io(dir);
    expect(await runCli(['logs', 'body.csv', '--kind', 'email', '--out', 'never.csv'], t.io)).toBe(2);
    expect(t.err.join('')).toContain('CONTENT_COLUMN');
    expect(() => readFileSync(join(dir, 'never.csv'))).toThrow();
  });

  it('rejects unknown option values with a clear message', async () => {
    const t = io(dir);
    expect(await runCli(['logs', 'mail.csv', '--kind', 'fax'], t.io)).toBe(2);
    expect(t.err.join('')).toContain('--kind must be one of');
  });
});
