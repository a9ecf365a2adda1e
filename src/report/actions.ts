/**
 * "Three things to act on": the report's findings turned into at most three actions in plain
 * language, ordered by importance × size. Each action is built from the same sections as the finding
 * it rests on (so it names the same people and numbers) and only from findings whose data the wave
 * has — a missing start year never becomes "welcome your new staff".
 *
 * Importance (what the evaluation framework and the domain reading put first): 3 for what can break
 * the school's advice network or the picture itself (a colleague who is the only source for several
 * others, new staff nobody draws in, a response rate too low to trust); 2 for how leadership is
 * spread (silos, concentration, overload); 1 for recognition and remits (hidden and nominal leaders).
 * Size: how far the finding is from "nothing to do", on a 0–1 scale stated per action below.
 */
import { pooled } from './directory.js';
import type { FindingInput } from './findings.js';
import { show } from './present/measures.js';
import type { Action, Change } from './types.js';
import { joinPrinted } from './print-limits.js';

type Candidate = Action & { score: number };

const plural = (n: number, one: string, many: string) => `${show('people', n).text} ${n === 1 ? one : many}`;
const clamp = (x: number) => Math.max(0, Math.min(1, x));

/** The three actions (fewer when fewer findings call for one), most important and largest first. */
export function actionsToTake(i: FindingInput, change: Change | null): Action[] {
  const c: Candidate[] = [];
  const add = (importance: number, size: number, a: Omit<Action, 'importance' | 'size'>) =>
    c.push({ ...a, importance, size: clamp(size), score: importance * (0.25 + clamp(size)) });
  const { a, data } = i;
  const people = Math.max(1, a.selection.people);

  // Response rate: size = how far below 70 % (the level below which the picture may be incomplete).
  const rr = a.quality.responseRate;
  if (data.respondents && rr !== null && rr < 0.7)
    add(3, (0.7 - rr) / 0.7, {
      key: 'response',
      title: 'Hear from more of the staff',
      evidence: `Only ${show('responseRate', rr).text} of staff answered the survey, so colleagues who did not answer may be missing from every picture in this report.`,
      step: 'Before acting on the rest, ask the staff who did not answer to take the survey, and read the findings below as provisional.',
      basis: 'How far the data can be trusted',
    });

  // Sole sources: size = the largest number of colleagues who go only to one person, over a tenth of the staff.
  const sole = i.risk.domains
    .flatMap((d) => d.soleSources.map((s) => ({ ...s, domain: d.domain })))
    .sort((x, y) => y.dependents - x.dependents || x.label.localeCompare(y.label));
  if (sole.length > 0) {
    const top = sole[0]!;
    const others = sole.length - 1;
    add(3, top.dependents / Math.max(3, people / 10), {
      key: 'sole-source',
      title: `Give ${top.domain} advice a second source`,
      evidence: `${plural(top.dependents, 'colleague goes', 'colleagues go')} to no one but ${top.label} about ${top.domain}${others > 0 ? `; ${plural(others, 'other colleague is', 'other colleagues are')} the only source for several people in a domain` : ''}. If ${top.label} left, they would have no one to ask.`,
      step: `Pair ${top.label} with a second colleague in ${top.domain} and introduce that colleague to the people who rely on ${top.label} alone.`,
      basis: 'Who would be missed?',
    });
  }

  // New staff nobody names: size = their number over a twentieth of the staff.
  const p = i.periphery;
  const newcomers = p.newStaffCount ?? p.newStaff.length;
  if (data.startYears && newcomers > 0)
    add(3, newcomers / Math.max(2, people / 20), {
      key: 'new-staff',
      title: 'Draw new staff into the advice network',
      evidence: `${plural(newcomers, 'new staff member is', 'new staff members are')} named by no colleague yet${
        p.newStaffCount === null
          ? ` (${joinPrinted(
              p.newStaff.map((s) => s.label),
              people,
              'new staff',
            )})`
          : ''
      }.`,
      step: 'Give each a named colleague to go to in their first domains, and check in at mid-year whether colleagues now seek them out.',
      basis: 'New staff and workload',
    });

  // Silos: size = how far the E-I index sits below what chance gives, over half the scale.
  const ei = i.indicators.find((r) => r.key === 'ei');
  const eiChance = pooled(a.distribution.byDomain).chance.ei;
  if (ei && ei.value.value !== null && eiChance !== null && ei.reading?.startsWith('Advice stays inside'))
    add(2, (eiChance - ei.value.value) / 1, {
      key: 'silos',
      title: `Open advice across ${i.silos.groupBy}s`,
      evidence: `${i.silos.withinShare.text} of advice stays within a ${i.silos.groupBy} (E-I ${ei.value.text}; chance would give ${show('ei', eiChance).text}).`,
      step: `Set up work that needs colleagues from different ${i.silos.groupBy}s — shared planning, cross-${i.silos.groupBy} peer observation — and ask the brokers named in this report to host it.`,
      basis: 'Do departments talk to one another?',
    });

  // Concentration: size = how far centralization sits above chance.
  const cz = i.indicators.find((r) => r.key === 'centralization');
  const czChance = cz?.chance?.value ?? null;
  if (cz && cz.value.value !== null && czChance !== null && cz.reading?.startsWith('More concentrated'))
    add(2, (cz.value.value - czChance) / 0.3, {
      key: 'concentration',
      title: 'Spread the advice load',
      evidence: `Advice is more concentrated on a few people than random choice would give (in-degree centralization ${cz.value.text}; chance ${cz.chance!.text}).`,
      step: 'Name a second go-to colleague in each domain and make their expertise visible, so colleagues have more than one person to ask.',
      basis: 'How widely is leadership shared?',
    });

  // Overload: size = overloaded leaders over the leaders compared.
  const flagged = p.overloadedCount ?? p.overload.filter((o) => o.overloaded).length;
  if (data.releaseTime && !p.overloadReason && flagged > 0) {
    const names = p.overloadedCount === null ? p.overload.filter((o) => o.overloaded).map((o) => o.label) : [];
    add(2, flagged / Math.max(2, p.overloadCompared ?? p.overload.length), {
      key: 'overload',
      title: 'Protect overloaded leaders',
      evidence: `${plural(flagged, 'leader carries', 'leaders carry')} far more nominations than release time allows${names.length > 0 ? ` (${joinPrinted(names, people, 'leaders')})` : ''}.`,
      step: 'Review their release time or move part of what colleagues bring them to a second colleague.',
      basis: 'New staff and workload',
    });
  }

  // Hidden leaders: size = their number over a tenth of the staff.
  const f = i.formalInformal;
  const hidden = f.hidden.length + f.withheld.hidden;
  if (data.domains && hidden > 0)
    add(1, hidden / Math.max(2, people / 10), {
      key: 'hidden',
      title: 'Recognise the colleagues people already go to',
      evidence: `${plural(hidden, 'colleague is', 'colleagues are')} sought out in a domain where they hold no formal responsibility${
        f.hidden.length > 0 && f.withheld.hidden === 0
          ? ` (${joinPrinted(
              f.hidden.map((h) => h.label),
              people,
              'colleagues',
            )})`
          : ''
      }.`,
      step: 'Acknowledge their role, and give them time or a remit for the domain they are sought out in.',
      basis: 'Formal roles and informal leaders',
    });

  // Nominal leaders: size = their share of formal leaders.
  const nominal = f.nominal.length + f.withheld.nominal;
  if (data.domains && nominal > 0)
    add(1, nominal / Math.max(2, f.formalLeaders), {
      key: 'nominal',
      title: 'Clarify formal remits',
      evidence: `${plural(nominal, 'formal role holder is', 'formal role holders are')} rarely sought out in a domain they are responsible for.`,
      step: 'Talk with each about their remit: it may be new, unclear or outside what the survey asked about — a conversation, not a verdict.',
      basis: 'Formal roles and informal leaders',
    });

  // Leaders who stopped leading: size = their share of last wave's leaders.
  if (change && change.formerLeaderCount > 0 && change.formerLeaderCount > change.newLeaderCount)
    add(1, (change.formerLeaderCount - change.newLeaderCount) / Math.max(3, change.formerLeaderCount + 3), {
      key: 'former-leaders',
      title: 'Find out why leaders stepped back',
      evidence: `${plural(change.formerLeaderCount, 'colleague who led', 'colleagues who led')} in ${change.previousWave} no longer ${change.formerLeaderCount === 1 ? 'does' : 'do'}, and only ${show('people', change.newLeaderCount).text} new ${change.newLeaderCount === 1 ? 'leader has' : 'leaders have'} emerged.`,
      step: 'Ask them what changed — time, role, or staff turnover — before the next wave.',
      basis: `What changed since ${change.previousWave}?`,
    });

  return c
    .sort((x, y) => y.score - x.score || y.size - x.size || x.key.localeCompare(y.key))
    .slice(0, 3)
    .map(({ score: _s, ...rest }) => rest);
}
