import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { runCli } from '../../../src/cli/main.js';
import { readIdList } from '../../../src/ingest/id-list.js';
import { repoRoot } from '../../helpers/datasets.js';
import { tempDir } from './helpers.js';

const FIXTURE = join(repoRoot, 'fixtures', 'surveys-review');
const QUESTION = 'Who helps you with technology and data?';

async function cli(args: string[], cwd: string, answers?: string[]) {
  let stdout = '',
    stderr = '';
  const code = await runCli(['import', ...args], {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    cwd,
    env: {},
    ...(answers ? { stdin: Readable.from(answers.map((a) => `${a}\n`)) } : {}),
  });
  return { code, stdout, stderr };
}

function workdir(): string {
  const dir = tempDir();
  copyFileSync(join(FIXTURE, 'survey.csv'), join(dir, 'survey.csv'));
  copyFileSync(join(FIXTURE, 'roster.csv'), join(dir, 'roster.csv'));
  return dir;
}

describe('leadmap import for people who are not programmers', () => {
  it('writes only where told: nothing beside the export without --out', async () => {
    const dir = workdir();
    const r = await cli(['survey.csv', '--roster', 'roster.csv'], dir);
    expect(r.code).toBe(3);
    expect(readdirSync(dir).sort()).toEqual(['roster.csv', 'survey.csv']);
    expect(r.stdout).toContain('Nothing written: give --out <ties.csv>');
  });

  it('lists on stderr, in plain words, the exact mapping lines to add', async () => {
    const dir = workdir();
    const r = await cli(['survey.csv', '--roster', 'roster.csv', '--out', 'ties.csv'], dir);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/NEEDS REVIEW: 3 item\(s\) wait for a decision \(8 of 13 answers are not in the ties yet\)/);
    expect(r.stderr).toContain(`* The question "${QUESTION}": domain unclear`);
    expect(r.stderr).toContain(`      ${JSON.stringify(QUESTION)}: { kind: nameGenerator, relation: advice, domain: data }`);
    expect(r.stderr).toContain('      sam.p.home@gmail.com: ');
    expect(r.stderr).toMatch(/row 4, "Who helps you with technology and data\?": the answer "Chloe" is no one on the roster/);
    expect(r.stderr).not.toMatch(/analyze --ties/);
    // the printed lines are the mapping file: copied in, they decide the items
    const lines = r.stderr.split('\n');
    const block = (section: string, key: string) => {
      const at = lines.findIndex((l) => l.startsWith(`      ${key}`));
      return { section, line: lines[at]!.replace(/<roster id>/, 'not on roster').trim() };
    };
    const picked = [
      block('questions', JSON.stringify(QUESTION)),
      block('resolutions', 'Chloe'),
      block('respondents', 'sam.p.home@gmail.com'),
    ];
    const m = YAML.parse(
      ['version: 1', ...picked.map((p) => `${p.section}:\n  ${p.line.replace('domain: data', 'domain: technology')}`)].join('\n'),
    ) as Record<string, unknown>;
    expect(m.questions).toEqual({ [QUESTION]: { kind: 'nameGenerator', relation: 'advice', domain: 'technology' } });
  });

  it('--interactive asks each item with numbered choices and type-ahead, then writes the mapping and the ties', async () => {
    const dir = workdir();
    const r = await cli(
      ['survey.csv', '--roster', 'roster.csv', '--out', 'ties.csv', '--interactive'],
      dir,
      ['2', 'Saman', '1', 'Omar', '1'], // technology; respondent → Samantha Park; Chloe → Omar Haddad
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('1) data\n    2) technology\n    3) all domains');
    expect(r.stderr).toContain('1) Samantha Park (T05)');
    expect(r.stderr).toContain('3 decided, 0 left for later.');
    const mapping = YAML.parse(readFileSync(join(dir, 'ties.mapping.yaml'), 'utf8')) as Record<string, Record<string, unknown>>;
    expect(mapping.questions![QUESTION]).toMatchObject({ kind: 'nameGenerator', relation: 'advice', domain: 'technology' });
    expect(mapping.resolutions).toEqual({ Chloe: 'T07' });
    expect(mapping.respondents).toEqual({ 'sam.p.home@gmail.com': 'T05' });
    const ties = readFileSync(join(dir, 'ties.csv'), 'utf8').trim().split('\n');
    expect(ties).toHaveLength(1 + 13);
    expect(ties).toContain('T03,T07,advice,technology,1,1,2025-03-14T09:03:00');
    // the people file is a respondents list for leadmap report: only "yes" rows count
    const people = await readIdList(join(dir, 'ties.people.csv'), new Set(['T01', 'T02', 'T03', 'T04', 'T05', 'T06', 'T07']));
    expect(people.ok && people.value.sort()).toEqual(['T01', 'T02', 'T03', 'T04', 'T05', 'T06']);
  });

  it('--interactive stops asking at the end of the answers and leaves the rest for later', async () => {
    const dir = workdir();
    const r = await cli(['survey.csv', '--roster', 'roster.csv', '--out', 'ties.csv', '--interactive'], dir, ['3']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('1 decided, 2 left for later.');
  });
});
