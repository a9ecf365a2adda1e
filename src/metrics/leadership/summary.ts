import { ANY_DOMAIN } from '../../model/types.js';
import type { LeadershipAnalysis } from './analysis-types.js';
import { joinNames, numberWord } from './profile.js';

const pct = (x: number) => `${Math.round(x * 100)} %`;
const fix = (x: number, d = 2) => x.toFixed(d).replace(/^-0\.00$/, '0.00');

/**
 * A plain-language summary of an analysis for a principal: who leads what, how distributed, hidden and
 * nominal leaders, silos, brokers, key people, isolated new staff, overload and data-quality warnings.
 * Deterministic (same analysis → same text). Names as in the analysis (pseudonymise before, if needed).
 */
export function summarizeLeadership(a: LeadershipAnalysis): string {
  const name = new Map<string, string>();
  for (const d of a.leaders.byDomain) for (const s of d.soughtOut) name.set(s.id, s.name);
  for (const b of a.brokerage.people) name.set(b.id, b.name);
  const nm = (id: string) => name.get(id) ?? id;
  const domainName = (d: string) => (d === ANY_DOMAIN ? 'all domains' : d);
  const real = a.selection.domains.filter((d) => d !== ANY_DOMAIN);
  const pooledDist = a.distribution.byDomain[a.distribution.byDomain.length - 1]!;
  const out: string[] = [];

  out.push(`LEADERSHIP SUMMARY — ${a.selection.relation}${a.selection.wave ? `, ${a.selection.wave}` : ''}, ${a.selection.people} staff`);

  out.push('', 'Who leads what');
  for (const d of a.distribution.byDomain) {
    if (real.length > 0 && d.domain === ANY_DOMAIN) continue;
    out.push(`- ${d.reading}`);
  }
  if (real.length > 0) out.push(`- ${pooledDist.reading}`);
  const pooledLeaders = a.leaders.byDomain[a.leaders.byDomain.length - 1]!;
  if (pooledLeaders.leaders.length > 0) {
    const all = pooledLeaders.soughtOut.filter((s) => s.leader);
    const list = all.slice(0, 8).map((s) => `${s.name} (${s.inDegree})`);
    const more = all.length > 8 ? ` and ${all.length - 8} more` : '';
    out.push(`  Most sought out overall (number of colleagues naming them): ${list.join(', ')}${more}.`);
  }

  out.push('', 'How widely leadership is spread');
  const p = pooledDist.profile;
  if (p.level)
    out.push(
      `- Overall, leadership looks ${p.level === 'high' ? 'widely distributed' : p.level === 'moderate' ? 'partly distributed' : 'concentrated'} (density ${p.densityBand ?? 'unknown'}, reciprocity ${p.reciprocityBand ?? 'unknown'}, centralization ${p.centralizationBand ?? 'unknown'}, ${numberWord(p.centralMembers)} central ${p.centralMembers === 1 ? 'person' : 'people'}).`,
    );
  const ts = pooledDist.topShare;
  if (ts.value !== null)
    out.push(
      `- The most sought-out ${pct(ts.fraction)} of staff (${ts.top.length} ${ts.top.length === 1 ? 'person' : 'people'}) receive ${pct(ts.value)} of all nominations.`,
    );
  if (pooledDist.gini.value !== null)
    out.push(`- Inequality of nominations (Gini, 0 = equal, 1 = one person): ${fix(pooledDist.gini.value)}.`);
  if (a.distribution.overlap.reading) out.push(`- ${a.distribution.overlap.reading}`);

  out.push('', 'Formal and informal leaders');
  const fiPooled = a.formalInformal.byDomain[a.formalInformal.byDomain.length - 1]!;
  if (fiPooled.formalShare !== null)
    out.push(`- ${pct(fiPooled.formalShare)} of nominations go to the ${fiPooled.formalLeaders} people with a formal leadership role.`);
  const hidden = new Map<string, string[]>();
  for (const f of a.formalInformal.byDomain) {
    for (const h of f.hiddenLeaders) hidden.set(h.id, [...(hidden.get(h.id) ?? []), domainName(f.domain)]);
  }
  const withheld = (key: string) => a.withheld?.[key] ?? 0;
  const hiddenCount = withheld('formalInformal.all.hiddenLeaders');
  if (hidden.size > 0)
    out.push(
      `- Informal (hidden) leaders without a formal role: ${[...hidden].map(([id, ds]) => `${nm(id)} (${ds.join(', ')})`).join('; ')}${hiddenCount > 0 ? `; and ${countOf(hiddenCount, 'more colleague', 'more colleagues')}, given as a count so as not to identify them` : ''}.`,
    );
  else if (hiddenCount > 0)
    out.push(
      `- ${countOf(hiddenCount, 'colleague is', 'colleagues are')} sought out as a leader without a formal role (a count: a list would identify them).`,
    );
  else out.push('- No informal leader stands out beyond the formal roles.');
  const nominalCount = withheld(`formalInformal.${fiPooled.domain}.nominalLeaders`);
  if (fiPooled.nominalLeaders.length > 0)
    out.push(
      `- Formal leaders rarely sought out: ${fiPooled.nominalLeaders.map((n) => `${n.name} (${n.role ? `${n.role}, ` : ''}named by ${n.inDegree})`).join('; ')}${nominalCount > 0 ? `; and ${nominalCount} more` : ''}.`,
    );
  else if (nominalCount > 0)
    out.push(
      `- ${countOf(nominalCount, 'formal leader is', 'formal leaders are')} rarely sought out (a count: a list would identify them).`,
    );

  out.push('', `Silos (by ${a.groups.groupBy})`);
  const ei = a.groups.ei[a.groups.ei.length - 1]!;
  if (ei.ei !== null) {
    const sig = ei.test
      ? ei.test.pLower <= 0.05
        ? `, more inward than chance would give (p = ${fix(ei.test.pLower, 3)})`
        : ei.test.pUpper <= 0.05
          ? `, more outward than chance would give (p = ${fix(ei.test.pUpper, 3)})`
          : ', within what chance would give'
      : '';
    out.push(
      `- ${pct(ei.internal / (ei.internal + ei.external))} of ties stay within the same ${a.groups.groupBy} (E-I index ${fix(ei.ei)}; −1 = all inside, +1 = all across${sig}).`,
    );
    const inward = ei.groups.filter((g) => g.ei !== null && g.ei <= -0.5).sort((x, y) => x.ei! - y.ei!);
    if (inward.length > 0)
      out.push(`- Groups whose advice stays mostly inside: ${inward.map((g) => `${g.group} (E-I ${fix(g.ei!)})`).join(', ')}.`);
  } else out.push(`- No ties to assess (${ei.reason}).`);
  const al = a.groups.communities.alignment;
  if (a.groups.communities.modularity !== null && al.nmi !== null)
    out.push(
      `- The network falls into ${a.groups.communities.count} clusters; they ${al.nmi >= 0.5 ? 'largely follow' : al.nmi >= 0.2 ? 'partly follow' : 'cut across'} ${a.groups.groupBy} lines (NMI ${fix(al.nmi)}).`,
    );

  out.push('', 'Brokers');
  const brokers = [...a.brokerage.people]
    .filter((b) => b.total > 0)
    .sort((x, y) => y.total - x.total || (x.id < y.id ? -1 : 1))
    .slice(0, 3);
  if (brokers.length > 0)
    out.push(`- Most brokerage (connecting colleagues who do not go to each other): ${brokers.map((b) => nm(b.id)).join(', ')}.`);
  const across = a.brokerage.top.liaison
    .concat(a.brokerage.top.gatekeeper, a.brokerage.top.representative)
    .filter((v, i, arr) => arr.indexOf(v) === i)
    .slice(0, 3);
  if (across.length > 0) out.push(`- Bridges between ${a.groups.groupBy}s: ${joinNames(across.map(nm))}.`);
  if (a.brokerage.cutPoints.length > 0)
    out.push(`- Without ${joinNames(a.brokerage.cutPoints.map((c) => c.name))}, part of the staff would be cut off from the rest.`);

  out.push('', 'Key people and succession');
  let anyKey = false;
  for (const r of a.risk.byDomain) {
    if (real.length > 0 && r.domain === ANY_DOMAIN) continue;
    for (const s of r.soleSources) {
      anyKey = true;
      out.push(`- ${domainName(r.domain)}: ${s.dependents.length} colleagues go only to ${s.name}.`);
    }
  }
  const thin = a.risk.byDomain.filter((r) => r.domain !== ANY_DOMAIN && r.benchDepth <= 1).map((r) => r.domain);
  if (thin.length > 0) {
    anyKey = true;
    out.push(`- Thin bench (at most one person named by 2 or more colleagues): ${thin.join(', ')}.`);
  }
  const pooledRisk = a.risk.byDomain[a.risk.byDomain.length - 1]!;
  const worst = [...pooledRisk.keyPeople]
    .filter((k) => (k.reachabilityDrop ?? 0) > 0.01)
    .sort((x, y) => (y.reachabilityDrop ?? 0) - (x.reachabilityDrop ?? 0))[0];
  if (worst) {
    anyKey = true;
    out.push(`- If ${worst.name} left, ${pct(worst.reachabilityDrop!)} of who-can-reach-whom through advice would be lost.`);
  }
  if (!anyKey) out.push('- No one is the only source of advice for several colleagues.');

  out.push('', 'New staff and load');
  const ns = a.periphery.isolatedNewStaff;
  const nsCount = withheld('periphery.isolatedNewStaff');
  if (ns.length > 0)
    out.push(`- New staff nobody names yet: ${ns.map((s) => `${s.name}${s.isolate ? ' (names nobody)' : ''}`).join(', ')}.`);
  else if (nsCount > 0)
    out.push(
      `- ${countOf(nsCount, 'new staff member is', 'new staff members are')} named by no colleague yet (a count: with start years on the roster, a list would identify them).`,
    );
  else out.push('- Every new staff member is named by at least one colleague.');
  const ov = a.periphery.overload;
  const ovCount = withheld('periphery.overload.overloaded');
  if (ovCount > 0)
    out.push(
      `- ${countOf(ovCount, 'leader is', 'leaders are')} possibly overloaded: many nominations for little release time (a count: release times are on the roster).`,
    );
  else if (ov.overloaded.length > 0)
    out.push(
      `- Possibly overloaded (many nominations for little release time): ${ov.people
        .filter((e) => e.overloaded)
        .map((e) => `${e.name} (${e.load} nominations, release ${e.capacity})`)
        .join('; ')}.`,
    );
  else if (ov.reason) out.push(`- Overload not assessed: ${ov.reason}.`);
  else out.push('- No leader stands out as overloaded relative to release time.');

  out.push('', 'Data quality');
  const q = a.quality;
  out.push(
    `- Response rate: ${q.responseRate === null ? `unknown (${q.responseRateReason})` : `${pct(q.responseRate)} (${q.respondents} of ${q.rosterSize})`}; ${q.ties.confirmed} of ${q.ties.ties} ties confirmed by both people.`,
  );
  for (const w of q.warnings) out.push(`- Warning: ${w.message}`);
  return out.join('\n');
}

/** "1 colleague is" / "3 colleagues are". */
function countOf(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
