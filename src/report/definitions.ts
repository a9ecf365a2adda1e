import type { Definition } from './types.js';

/** Appendix: every term the report uses, its definition and its source (formulas: docs/metrics.md). */
export const DEFINITIONS: Definition[] = [
  {
    term: 'Tie, nomination',
    definition:
      'One colleague naming another as someone they go to (for advice on a domain). A tie’s weight is its strength (how often); leadmap’s leadership measures count colleagues, not weights.',
    source: 'docs/metrics.md, Conventions',
  },
  {
    term: 'In-degree',
    definition: 'The number of distinct colleagues who name a person: how sought out they are.',
    source: 'Wasserman & Faust (1994) §5.2; docs/metrics.md “In-degree, out-degree”',
  },
  {
    term: 'Leader',
    definition: 'A person named by at least max(3, mean + 1 standard deviation) colleagues in a domain.',
    source: 'docs/metrics.md “Who leads what”',
  },
  {
    term: 'Leader-plus',
    definition: 'Leaders without a formal leadership role: leadership beyond the positional leaders.',
    source: 'Spillane (2006), Distributed Leadership, Jossey-Bass',
  },
  {
    term: 'Hidden leader',
    definition: 'No formal role, meets the leader rule, and is named at least twice as often as the median colleague.',
    source: 'docs/metrics.md “Formal vs informal”',
  },
  {
    term: 'Nominal leader',
    definition: 'A formal role holder named by fewer than max(2, median) colleagues across all domains.',
    source: 'docs/metrics.md “Formal vs informal”',
  },
  { term: 'Density', definition: 'Ties ÷ possible ties, m / (s (n − 1)) with s the respondents.', source: 'Wasserman & Faust (1994) §4.2' },
  {
    term: 'Reciprocity',
    definition: 'Share of ties whose reverse tie exists, over ties to people who answered.',
    source: 'Wasserman & Faust (1994) §13.2',
  },
  {
    term: 'In-degree centralization',
    definition: 'Σ (max d − d_i) / (n − 1)²: 1 for a network where everyone names one person, 0 when all are named equally.',
    source: 'Freeman (1978/79), Social Networks 1(3)',
  },
  {
    term: 'Gini coefficient',
    definition: 'Σ_i Σ_j |x_i − x_j| / (2 n² μ) over in-degrees (uncorrected): 0 = equal, 1 = one person receives everything.',
    source: 'Gini (1912); docs/metrics.md “Distribution”',
  },
  {
    term: 'Share of top 10 %',
    definition: 'Nominations received by the ceil(0.1 n) most sought-out people ÷ all nominations.',
    source: 'docs/metrics.md “Distribution”',
  },
  {
    term: 'Distribution profile',
    definition:
      'Density, reciprocity, centralization and the number of central members, each banded low / moderate / high; distributed leadership = high density and reciprocity, low centralization, several central members.',
    source: 'de Jong et al., social network perspective on leadership, Table 4.5',
  },
  {
    term: 'E-I index',
    definition:
      '(E − I) / (E + I) for the out-ties of a group’s members: −1 every tie stays inside (silo), +1 every tie crosses. Tested against 1,000 seeded random relabellings.',
    source: 'Krackhardt & Stern (1988), Social Psychology Quarterly 51(2)',
  },
  {
    term: 'Broker',
    definition:
      'A person v between two colleagues a and b: a goes to v, v goes to b, and a does not go to b directly; Gould–Fernandez roles by the groups of a, v and b (coordinator, itinerant, gatekeeper, representative, liaison).',
    source: 'Gould & Fernandez (1989), Sociological Methodology 19',
  },
  {
    term: 'Constraint',
    definition: 'How much a person’s contacts are themselves connected (Burt); low constraint = brokerage opportunity.',
    source: 'Burt (1992), Structural Holes',
  },
  {
    term: 'Cut-point',
    definition: 'A person whose departure splits the network into disconnected parts.',
    source: 'networkx articulation_points; docs/metrics.md “Brokers”',
  },
  {
    term: 'Sole source',
    definition: 'The only person named in a domain by at least 3 colleagues: they would be left without a source.',
    source: 'docs/metrics.md “Key-person risk”',
  },
  {
    term: 'Bench depth',
    definition: 'People named by at least 2 colleagues in a domain: who could step in.',
    source: 'docs/metrics.md “Key-person risk”',
  },
  {
    term: 'Reachability drop',
    definition: 'Share of ordered pairs of colleagues that lose every advice path if the person leaves.',
    source: 'Borgatti (2006), Computational & Mathematical Organization Theory 12',
  },
  {
    term: 'New staff',
    definition: 'Started this year or last, or at most one year of experience. Flagged when nobody names them yet.',
    source: 'docs/metrics.md “Periphery and load”',
  },
  {
    term: 'Overload',
    definition:
      'Nominations summed over domains ÷ release time (at least 0.1); flagged at twice the median of the formal leaders and above their median load.',
    source: 'Domain reading: “Overloading Teacher Leaders”; docs/metrics.md',
  },
  {
    term: 'Small-group suppression',
    definition:
      'Statistics of a group with fewer than the minimum group size (default 5) are not shown, and a second group is hidden when only one would be, so totals cannot reveal it.',
    source: 'docs/security.md; src/privacy',
  },
  {
    term: 'Leading and lagging indicators',
    definition:
      'Leading: early signs of implementation (participation, collaboration, role clarity, communication, teacher-initiated efforts, diverse voices) — what a network survey measures. Lagging: teacher retention and student outcomes, which need other data.',
    source: 'Domain reading, “Measuring the Impact of Distributed Leadership”',
  },
];
