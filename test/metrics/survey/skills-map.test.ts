import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { skillsMap, type SkillAnswers, type SkillsMap, type SkillsNetwork } from '../../../src/metrics/survey/skills-map.js';
import { run } from '../../cli/run.js';

/** A hand-made network: per domain, who names whom, and the leaders as given. */
function net(ties: Record<string, Array<[string, string]>>, leaders: Record<string, string[]>): SkillsNetwork {
  return (domain) => {
    const t = ties[domain];
    if (!t) return null;
    const inDegree = new Map<string, number>();
    for (const [, to] of t) inDegree.set(to, (inDegree.get(to) ?? 0) + 1);
    return { inDegree, leaders: leaders[domain] ?? [], names: (from, to) => t.some(([a, b]) => a === from && b === to) };
  };
}
const who = (id: string, offers: string[] = [], needs: string[] = []): SkillAnswers => ({ id, offers, needs });
const ids = (m: SkillsMap) => ({
  untapped: m.untappedStrengths.map((x) => `${x.domain}:${x.id}:${x.namedBy}`),
  single: m.singleExpertDomains.map((x) => `${x.domain}:${x.expert}:${x.namedBy}`),
  unmet: m.unmetNeeds.map((x) => `${x.domain}:${x.neededBy.join('+')}`),
  pairs: m.pairings.map((x) => `${x.domain}:${x.leader}<-${x.successor}:${x.because}`),
});

// data: p1 is named by p2, p3, p4 (the leader); p6 by p5 once; p7 twice (by p2, p3).
const DATA: Array<[string, string]> = [
  ['p2', 'p1'],
  ['p3', 'p1'],
  ['p4', 'p1'],
  ['p5', 'p6'],
  ['p2', 'p7'],
  ['p3', 'p7'],
];

describe('skills map (hand-made cases)', () => {
  it('untapped strength: offers a skill and is named by at most one colleague for it', () => {
    const m = skillsMap(
      [who('p1', ['data']), who('p5', ['data']), who('p6', ['data']), who('p7', ['data'])],
      net({ data: DATA }, { data: ['p1'] }),
      ['data'],
    );
    // p5: 0, p6: 1 → untapped; p7: 2 and p1: 3 → not.
    expect(ids(m).untapped).toEqual(['data:p5:0', 'data:p6:1']);
  });
  it('single-expert domain: one leader, and no one else offers the skill', () => {
    const alone = skillsMap([who('p1', ['data']), who('p2', [], ['data'])], net({ data: DATA }, { data: ['p1'] }), ['data']);
    expect(ids(alone).single).toEqual(['data:p1:3']);
    expect(alone.singleExpertDomains[0]!.prompt).toMatch(/^Colleagues go to p1 for data \(3 name them\)/);
    const another = skillsMap([who('p1', ['data']), who('p5', ['data'])], net({ data: DATA }, { data: ['p1'] }), ['data']);
    expect(ids(another).single).toEqual([]);
    const two = skillsMap([who('p1', ['data'])], net({ data: DATA }, { data: ['p1', 'p7'] }), ['data']);
    expect(ids(two).single).toEqual([]);
    const none = skillsMap([], net({ data: DATA }, { data: [] }), ['data']);
    expect(ids(none).single).toEqual([]);
  });
  it('need nobody offers: someone would like support, and no other colleague offers it', () => {
    const m = skillsMap(
      [
        who('p1', ['data'], ['wellbeing']),
        who('p2', ['assessment'], ['assessment']),
        who('p3', [], ['data', 'wellbeing']),
        who('p4', [], ['assessment']),
      ],
      null,
      [],
    );
    // wellbeing: offered by no one; assessment: p2 needs it and is its only offer (p2's own offer does not count for p2), p4 is served by p2.
    expect(ids(m).unmet).toEqual(['assessment:p2', 'wellbeing:p1+p3']);
    expect(m.unmetNeeds[1]!.prompt).toBe(
      '2 colleagues would like support in wellbeing, and no colleague listed it as something they could offer: where could that support come from?',
    );
  });
  it('pairings: someone not sought out who already goes to the leader and offers or wants to grow in the domain', () => {
    const m = skillsMap(
      [who('p1', ['data']), who('p2', [], ['data']), who('p3', ['data']), who('p4'), who('p5', ['data']), who('p7', ['data'])],
      net({ data: DATA }, { data: ['p1', 'p7'] }),
      ['data'],
    );
    // p2 → p1 (needs), p3 → p1 (offers), p2 and p3 → p7 likewise; p4 names p1 but neither offers nor needs data;
    // p5 offers data but names neither leader; a leader is never paired as a successor.
    expect(ids(m).pairs).toEqual(['data:p1<-p2:needs', 'data:p1<-p3:offers', 'data:p7<-p2:needs', 'data:p7<-p3:offers']);
  });
  it('without a network only needs are assessed, and domains say nothing about who is sought out', () => {
    const m = skillsMap([who('p1', ['data']), who('p2', [], ['technology'])], null, ['data']);
    expect(m.domains).toEqual([
      { domain: 'data', offeredBy: ['p1'], neededBy: [], soughtOut: null },
      { domain: 'technology', offeredBy: [], neededBy: ['p2'], soughtOut: null },
    ]);
    expect(ids(m)).toEqual({ untapped: [], single: [], unmet: ['technology:p2'], pairs: [] });
  });
  it('a domain the tie list does not cover is not assessed against the network', () => {
    const m = skillsMap([who('p5', ['curriculum'])], net({ data: DATA }, { data: ['p1'] }), ['data']);
    expect(ids(m).untapped).toEqual([]);
    expect(m.domains.map((d) => [d.domain, d.soughtOut])).toEqual([
      ['curriculum', null],
      ['data', ['p1']],
    ]);
  });
});

describe('leadmap analyze --people --json: the skills section', () => {
  it('reads skill_domains and need_domains beside the tie list', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leadmap-skills-'));
    const ties = ['source,target,relation,domain,weight', ...DATA.map(([a, b]) => `${a},${b},advice,data,1`), 'p1,p8,advice,curriculum,1'];
    writeFileSync(join(dir, 'ties.csv'), ties.join('\n') + '\n');
    writeFileSync(
      join(dir, 'roster.csv'),
      ['id,name,role,department', ...[1, 2, 3, 4, 5, 6, 7, 8].map((i) => `p${i},Person ${i},teacher,Math`)].join('\n') + '\n',
    );
    writeFileSync(join(dir, 'scales.yaml'), 'scales:\n  - scale: trust\n    items: [I trust my colleagues]\n');
    writeFileSync(
      join(dir, 'people.csv'),
      [
        'id,name,department,responded,I trust my colleagues,skills,skill_domains,needs,need_domains',
        'p1,P One,Math,yes,4,Data analysis,data,,',
        'p2,P Two,Math,yes,3,,,Using data,data',
        'p5,P Five,Math,yes,5,Student wellbeing,wellbeing,,',
        'p8,P Eight,Math,no,,Data analysis,data,,',
        'p4,P Four,Math,yes,2,,,Wellbeing; Assessment,wellbeing; assessment',
      ].join('\n') + '\n',
    );
    const args = [
      'analyze',
      join(dir, 'ties.csv'),
      '--roster',
      join(dir, 'roster.csv'),
      '--people',
      join(dir, 'people.csv'),
      '--scales',
      join(dir, 'scales.yaml'),
    ];
    const r = await run([...args, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const m = (JSON.parse(r.stdout) as { skills: SkillsMap }).skills;
    // p8 did not respond: their answers are left out. p1 is the one leader of data (named by 3, the leader rule's floor).
    expect(ids(m)).toEqual({
      untapped: [],
      single: ['data:p1:3'],
      unmet: ['assessment:p4'],
      pairs: ['data:p1<-p2:needs'],
    });
    const text = await run(args);
    expect(text.stdout).toContain('Colleagues go to Person 1 for data (3 name them)');
    expect(text.stdout).toContain('Person 2 already goes to Person 1 about data and would like support in it');
  });
});
