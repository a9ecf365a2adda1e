import { describe, expect, it } from 'vitest';
import { schoolsSvg } from '../../src/report/charts/schools-svg.js';

describe('the cross-school network figure', () => {
  const schools = [
    { school: 'Cedar Ridge K-8', people: 19 },
    { school: 'Pinewood Elementary', people: 29 },
    { school: 'Pinewood Junior/Senior High', people: 33 },
  ];
  const ties = [
    { from: 'Cedar Ridge K-8', to: 'Cedar Ridge K-8', ties: 58 },
    { from: 'Cedar Ridge K-8', to: 'Pinewood Elementary', ties: 44 },
    { from: 'Pinewood Elementary', to: 'Cedar Ridge K-8', ties: 40 },
    { from: 'Pinewood Junior/Senior High', to: 'Pinewood Elementary', ties: 83 },
    { from: 'Pinewood Elementary', to: 'Pinewood Junior/Senior High', ties: 0 },
    { from: 'Fox Hollow Elementary', to: 'Cedar Ridge K-8', ties: 5 },
  ];
  const svg = schoolsSvg(schools, ties);

  it('draws one circle per school, area proportional to staff, each labelled with its staff', () => {
    const radii = [...svg.matchAll(/<circle [^>]*r="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(radii).toHaveLength(3);
    // r = 9 + 19·√(people / largest): the largest school gets 28.
    expect(radii[2]).toBeCloseTo(28, 1);
    expect(radii[0]).toBeCloseTo(9 + 19 * Math.sqrt(19 / 33), 1);
    for (const s of schools) expect(svg).toContain(`${s.school.replace('/', '/')} (${s.people})`);
  });

  it('draws one arrow per direction that carries nominations, labelled with their number, none to a school not drawn', () => {
    expect(svg.match(/<path /g)).toHaveLength(3);
    expect(svg.match(/<polygon /g)).toHaveLength(3);
    const counts = [...svg.matchAll(/text-anchor="middle"[^>]*>(\d+)</g)].map((m) => m[1]);
    expect(counts.sort()).toEqual(['40', '44', '83']);
    expect(svg).not.toContain('Fox Hollow');
    // Widths proportional to the nominations: the widest arrow carries the most.
    const widths = [...svg.matchAll(/<path [^>]*stroke-width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(Math.max(...widths)).toBeCloseTo(5.6, 5);
  });

  it('is the same picture for the same district', () => {
    expect(schoolsSvg(schools, ties)).toBe(svg);
  });
});
