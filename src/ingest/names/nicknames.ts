/**
 * A small table of common English nicknames → formal first names, used by the
 * `nickname` matching rule. Deliberately short and conservative: a nickname maps
 * to the formal names it commonly abbreviates, and matching still requires the
 * surname (or a unique first name) to agree. Extend it here; docs/surveys.md lists it.
 */
export const NICKNAMES: Readonly<Record<string, readonly string[]>> = {
  abby: ['abigail'], al: ['albert', 'alan', 'alfred'], alex: ['alexander', 'alexandra'], andy: ['andrew'],
  barb: ['barbara'], becky: ['rebecca'], ben: ['benjamin'], beth: ['elizabeth'], bill: ['william'],
  billy: ['william'], bob: ['robert'], bobby: ['robert'], cathy: ['catherine', 'katherine'],
  charlie: ['charles'], chris: ['christopher', 'christine', 'christina'], chuck: ['charles'],
  dan: ['daniel'], danny: ['daniel'], dave: ['david'], deb: ['deborah'], debbie: ['deborah'],
  don: ['donald'], ed: ['edward'], eddie: ['edward'], fred: ['frederick'], gabe: ['gabriel'],
  greg: ['gregory'], jake: ['jacob'], jen: ['jennifer'], jenny: ['jennifer'], jim: ['james'],
  jimmy: ['james'], joe: ['joseph'], john: ['jonathan'], jon: ['jonathan'], josh: ['joshua'],
  kate: ['katherine', 'kathryn', 'catherine'], kathy: ['katherine', 'kathryn'], katie: ['katherine', 'kathryn'],
  ken: ['kenneth'], larry: ['lawrence'], liz: ['elizabeth'], lizzie: ['elizabeth'], maggie: ['margaret'],
  matt: ['matthew'], meg: ['margaret', 'megan'], mike: ['michael'], mick: ['michael'], nate: ['nathan', 'nathaniel'],
  nick: ['nicholas'], pat: ['patrick', 'patricia'], peggy: ['margaret'], pete: ['peter'], phil: ['philip', 'phillip'],
  rob: ['robert'], ron: ['ronald'], sam: ['samuel', 'samantha'], sandy: ['sandra'], steve: ['steven', 'stephen'],
  sue: ['susan'], susie: ['susan'], ted: ['edward', 'theodore'], tim: ['timothy'], tom: ['thomas'],
  tommy: ['thomas'], tony: ['anthony'], vicky: ['victoria'], will: ['william'], zach: ['zachary'],
};

/** Formal names a (folded) first name may stand for, including itself. */
export function formalNames(first: string): string[] {
  const extra = NICKNAMES[first];
  return extra ? [first, ...extra] : [first];
}
