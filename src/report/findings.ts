/**
 * The report's plain-language findings, each built from the report's own sections (so a sentence and
 * the table beside it count the same people) and each declaring the data it needs. A finding whose
 * data is missing reads "… not assessed — needs …" instead of a reassurance drawn from absent data
 * (no start years ⇒ no "every new staff member is named").
 */
import type { LeadershipAnalysis } from '../metrics/analytics.js';
import { ANY_DOMAIN } from '../model/types.js';
import { finding } from './needs.js';
import { pooled, type Directory } from './directory.js';
import { capital } from './format.js';
import { leaderIds } from './present/indicators.js';
import { show } from './present/measures.js';
import { pooledReading } from './sections.js';
import { joinPrinted, moreText, printedRows } from './print-limits.js';
import type { DataAvailable, Finding, FormalInformal, IndicatorRow, Periphery, Risk, Silos, Brokers } from './types.js';
import type { PublicChange } from '../privacy/present-change.js';

type A = LeadershipAnalysis;

export interface FindingInput {
  a: A;
  dir: Directory;
  data: DataAvailable;
  indicators: IndicatorRow[];
  formalInformal: FormalInformal;
  silos: Silos;
  brokers: Brokers;
  risk: Risk;
  periphery: Periphery;
  /** The comparison with the previous wave (compareWaves through privacy), when there is one: the summary's changes come from its verdicts. */
  comparison?: PublicChange | null;
}

const count = (n: number, one: string, many: string) => `${show('people', n).text} ${n === 1 ? one : many}`;
const LEVEL_WORDS: Record<string, string> = { high: 'widely distributed', moderate: 'partly distributed', low: 'concentrated' };

/** "Who do colleagues go to?": one reading per domain, the pooled reading and the most sought out. */
export function whoFindings(i: FindingInput): Finding[] {
  const { a, dir, data } = i;
  const out: Finding[] = [];
  // Domains whose advice is spread across several colleagues share one sentence; the others keep their own.
  const spread: string[] = [];
  for (const d of a.distribution.byDomain) {
    if (data.domains && d.domain === ANY_DOMAIN) continue;
    if (data.domains && d.reading.includes(' is spread across ')) spread.push(`${d.domain} (${leaderIds(a, d.domain).length})`);
    else out.push({ key: `reading.${d.domain}`, text: d.reading, needs: [], assessed: true });
  }
  if (spread.length > 0)
    out.unshift({
      key: 'reading.spread',
      text: `${capital(a.selection.relation)} is spread across several leaders (number in brackets) on ${spread.join(', ')}.`,
      needs: ['domains'],
      assessed: true,
    });
  if (data.domains) out.push({ key: 'reading.all', text: pooledReading(a), needs: ['domains'], assessed: true });
  const inDegree = new Map(pooled(a.leaders.byDomain).soughtOut.map((s) => [s.id, s.inDegree]));
  const top = leaderIds(a)
    .map((id) => ({ id, n: inDegree.get(id) ?? 0 }))
    .sort((x, y) => y.n - x.n || dir.label(x.id).localeCompare(dir.label(y.id)));
  if (top.length > 0) {
    const more = top.length > 5 ? ` and ${top.length - 5} more` : '';
    out.push({
      key: 'leaders.top',
      text: `Most sought out overall (colleagues naming them): ${top
        .slice(0, 5)
        .map((t) => `${dir.label(t.id)} (${t.n})`)
        .join(', ')}${more}.`,
      needs: [],
      assessed: true,
    });
  }
  return out;
}

export function spreadFindings(i: FindingInput): Finding[] {
  const { a } = i;
  const d = pooled(a.distribution.byDomain);
  const out: Finding[] = [];
  const p = d.profile;
  if (p.level)
    out.push({
      key: 'spread.level',
      text: `Overall, leadership looks ${LEVEL_WORDS[p.level]} (density ${p.densityBand ?? 'unknown'}, reciprocity ${p.reciprocityBand ?? 'unknown'}, centralization ${p.centralizationBand ?? 'unknown'}).`,
      needs: [],
      assessed: true,
    });
  const row = (key: string) => i.indicators.find((r) => r.key === key);
  const ts = row('topShare');
  if (ts && ts.value.value !== null)
    out.push({
      key: 'spread.top',
      text: `The most sought-out ${count(d.topShare.top.length, 'colleague receives', 'colleagues receive')} ${ts.value.text} of all nominations.`,
      needs: [],
      assessed: true,
    });
  const g = row('gini');
  if (g && g.value.value !== null)
    out.push({
      key: 'spread.gini',
      text: `Inequality of nominations (Gini) ${g.value.text}${g.reading ? `: ${lower(g.reading)}` : '.'}`,
      needs: [],
      assessed: true,
    });
  if (a.distribution.overlap.reading)
    out.push({ key: 'spread.overlap', text: a.distribution.overlap.reading, needs: ['domains'], assessed: true });
  return out;
}

export function formalFindings(i: FindingInput): Finding[] {
  const { data } = i;
  const f = i.formalInformal;
  const out: Finding[] = [];
  if (f.formalShare.value !== null)
    out.push({
      key: 'formal.share',
      text: `${f.formalShare.text} of nominations go to the ${count(f.formalLeaders, 'person', 'people')} with a formal leadership role.`,
      needs: [],
      assessed: true,
    });
  const plus = f.leaderPlus.length + f.withheld.leaderPlus;
  out.push(
    finding('formal.hidden', 'Hidden leaders', ['domains'], data, () => {
      const n = f.hidden.length + f.withheld.hidden;
      if (n === 0)
        return plus === 0
          ? 'No informal leader stands out beyond the formal roles.'
          : `${count(plus, 'leader holds', 'leaders hold')} no formal role, but none is sought out clearly enough outside a formal remit to count as a hidden leader.`;
      const listed = joinPrinted(
        f.hidden.map((h) => `${h.label} (${h.domains.join(', ')})`),
        i.a.selection.people,
        'colleagues',
        '; ',
      );
      const counted =
        f.withheld.hidden > 0
          ? `${listed ? '; and ' : ''}${count(f.withheld.hidden, 'more colleague', 'more colleagues')}, given as a count so as not to identify them`
          : '';
      return `Sought out where they hold no formal responsibility (hidden leaders): ${listed}${counted}.`;
    }),
  );
  out.push(
    finding('formal.nominal', 'Formal leaders rarely sought out', ['domains'], data, () => {
      const n = f.nominal.length + f.withheld.nominal;
      if (n === 0) return 'Every formal role holder is sought out in the domains they are responsible for.';
      if (f.nominal.length === 0)
        return `${count(n, 'formal leader is', 'formal leaders are')} rarely sought out in a domain they are responsible for (a count: a list would identify them).`;
      const shown = f.nominal.slice(0, 3);
      const more = n - shown.length;
      return `Formal leaders rarely sought out in a domain they are responsible for: ${shown.map((r) => `${r.label} (${r.domains.join(', ')})`).join('; ')}${more > 0 ? `; and ${more} more` : ''}.`;
    }),
  );
  return out;
}

export function siloFindings(i: FindingInput): Finding[] {
  const s = i.silos;
  const ei = i.indicators.find((r) => r.key === 'ei');
  if (s.overall.value === null) return [{ key: 'silos.none', text: 'No ties to assess between groups.', needs: [], assessed: true }];
  const out: Finding[] = [
    {
      key: 'silos.ei',
      text: `${s.withinShare.text} of advice ties stay within the same ${s.groupBy} (E-I ${s.overall.text}${ei?.chance ? `, chance ${ei.chance.text}` : ''}).${ei?.reading ? ` ${ei.reading}` : ''}`,
      needs: [],
      assessed: true,
    },
  ];
  const inward = s.groups.filter((g) => !g.suppressed && g.ei !== null && g.ei <= -0.5);
  if (inward.length > 0)
    out.push({
      key: 'silos.inward',
      text: `Groups whose advice stays mostly inside: ${inward.map((g) => `${g.group} (E-I ${show('ei', g.ei).text})`).join(', ')}.`,
      needs: [],
      assessed: true,
    });
  if (s.communities) out.push({ key: 'silos.communities', text: s.communities, needs: [], assessed: true });
  return out;
}

export function brokerFindings(i: FindingInput): Finding[] {
  const b = i.brokers;
  const out: Finding[] = [];
  if (b.rows.length > 0)
    out.push({
      key: 'brokers.top',
      text: `Most brokerage (connecting colleagues who do not go to each other): ${b.rows
        .slice(0, 3)
        .map((r) => r.label)
        .join(', ')}.`,
      needs: [],
      assessed: true,
    });
  out.push({
    key: 'brokers.cut',
    text:
      b.cutPoints.length > 0
        ? `Without ${joinPrinted(b.cutPoints, i.a.selection.people, 'colleagues')}, part of the staff would be cut off from the rest.`
        : 'No single person holds the network together: without any one colleague everyone stays connected.',
    needs: [],
    assessed: true,
  });
  return out;
}

export function riskFindings(i: FindingInput): Finding[] {
  const r = i.risk;
  const out: Finding[] = [];
  const sole = printedRows(
    r.domains.flatMap((d) => d.soleSources.map((s) => ({ d, s }))),
    i.a.selection.people,
  );
  for (const { d, s } of sole.rows)
    out.push({
      key: `risk.sole.${d.domain}`,
      text: `${capital(d.domain)}: ${count(s.dependents, 'colleague goes', 'colleagues go')} only to ${s.label}.`,
      needs: [],
      assessed: true,
    });
  if (sole.more > 0)
    out.push({ key: 'risk.sole.more', text: moreText(sole.more, 'sole sources (domain and colleague)'), needs: [], assessed: true });
  const thin = r.domains.filter((d) => d.domain !== 'all domains' && d.benchDepth <= 1).map((d) => d.domain);
  if (thin.length > 0)
    out.push({
      key: 'risk.thin',
      text: `Thin bench (at most one person named by 2 or more colleagues): ${thin.join(', ')}.`,
      needs: ['domains'],
      assessed: true,
    });
  const worst = r.keyPeople[0];
  if (worst)
    out.push({
      key: 'risk.key',
      text: `If ${worst.label} left, ${worst.leftWithoutSource > 0 ? `${count(worst.leftWithoutSource, 'colleague', 'colleagues')} would have no one to ask about ${worst.domain} and ` : ''}${worst.reachabilityDrop.text} of who-can-reach-whom through advice${worst.domain === 'all domains' ? '' : ` on ${worst.domain}`} would be lost.`,
      needs: [],
      assessed: true,
    });
  if (out.length === 0)
    out.push({ key: 'risk.none', text: 'No one is the only source of advice for several colleagues.', needs: [], assessed: true });
  return out;
}

export function peripheryFindings(i: FindingInput): Finding[] {
  const p = i.periphery;
  const { data } = i;
  const newStaff = finding('newStaff', 'New staff on their own', ['startYears'], data, () => {
    const n = p.newStaffCount ?? p.newStaff.length;
    if (n === 0) return 'Every new staff member is named by at least one colleague.';
    if (p.newStaffCount !== null)
      return `${count(n, 'new staff member is', 'new staff members are')} named by no colleague yet (a count: with start years on the roster, a list would identify them).`;
    return `New staff nobody names yet: ${joinPrinted(
      p.newStaff.map((s) => s.label),
      i.a.selection.people,
      'new staff',
    )}.`;
  });
  const overload = finding('overload', 'Leaders’ load against release time', ['releaseTime'], data, () => {
    if (p.overloadReason) return `Leaders’ load against release time: not assessed — ${p.overloadReason}.`;
    const flagged = p.overloadedCount ?? p.overload.filter((o) => o.overloaded).length;
    if (flagged === 0) return 'No leader stands out as overloaded relative to release time.';
    if (p.overloadedCount !== null)
      return `${count(flagged, 'leader is', 'leaders are')} possibly overloaded: many nominations for little release time (a count: release times are on the roster).`;
    return `Possibly overloaded (many nominations for little release time): ${p.overload
      .filter((o) => o.overloaded)
      .map((o) => `${o.label} (${o.load} nominations, release ${o.capacity})`)
      .join('; ')}.`;
  });
  return [newStaff, overload];
}

export function qualityFindings(i: FindingInput): Finding[] {
  const q = i.a.quality;
  return [
    finding('quality.response', 'Response rate', ['respondents'], i.data, () =>
      q.responseRate === null
        ? `Response rate unknown: ${q.responseRateReason ?? 'no respondent list'}.`
        : `Response rate ${show('responseRate', q.responseRate).text} (${q.respondents} of ${q.rosterSize} staff); ${show('ties', q.ties.confirmed).text} of ${show('ties', q.ties.ties).text} ties confirmed by both people.`,
    ),
  ];
}

function lower(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
