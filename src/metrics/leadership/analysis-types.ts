import type { DomainDistribution, DomainLeaders, DomainRisk } from './domain-analysis.js';
import type { FormalInformalResult } from './formal-informal.js';
import type { CrossDomainOverlap } from './overlap.js';
import type { DomainPeriphery, NewStaffFlag } from './periphery.js';
import type { OverloadResult } from './overload.js';
import type { MixingMatrix } from '../group/mixing.js';
import type { EiResult } from '../group/ei-index.js';
import type { CommunityResult } from '../group/communities.js';
import type { BrokerageCounts, BrokerRole } from '../brokerage/gould-fernandez.js';
import type { DataQuality } from '../quality/data-quality.js';

/**
 * The result of analyzeLeadership: plain JSON (no NaN/Infinity, no Maps), one entry per domain in
 * `byDomain` lists, the pooled domain ("any") last. Sections match the keys of `leadmap analyze --json`.
 */
export interface LeadershipAnalysis {
  selection: { relation: string; domains: string[]; wave: string | null; people: number; groupBy: string; seed: number };
  leaders: { byDomain: DomainLeaders[] };
  distribution: { byDomain: DomainDistribution[]; overlap: CrossDomainOverlap };
  formalInformal: { byDomain: (FormalInformalResult & { domain: string })[] };
  groups: {
    groupBy: string;
    mixing: MixingMatrix;
    /** E-I index per domain (pooled last), with its permutation test. */
    ei: (EiResult & { domain: string })[];
    communities: CommunityResult & { count: number; alignment: { nmi: number | null; ari: number | null } };
  };
  brokerage: {
    groupBy: string;
    people: (BrokerageCounts & { name: string; constraint: number | null })[];
    /** Up to 5 ids per role, most brokerage first. */
    top: Record<BrokerRole, string[]>;
    cutPoints: { id: string; name: string }[];
  };
  risk: { byDomain: DomainRisk[] };
  periphery: {
    waveYear: number | null;
    byDomain: (DomainPeriphery & { domain: string })[];
    isolatedNewStaff: NewStaffFlag[];
    overload: OverloadResult;
  };
  quality: DataQuality;
  /**
   * Set only by a pseudonymised presentation (src/privacy/present-leadership.ts): how many entries of
   * a list were given as a count because listing them beside a pseudonym would identify someone.
   * Keys are paths such as "periphery.isolatedNewStaff" or "formalInformal.any.nominalLeaders";
   * "formalInformal.all.<list>" counts distinct people over every domain.
   */
  withheld?: Record<string, number>;
}
