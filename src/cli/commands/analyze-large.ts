import { basename } from 'node:path';
import { analyzeLargeTiesFile } from '../../fastpath/analyze-large.js';
import { formatProblems } from '../../ingest/problems.js';
import { formatProgress } from '../../ingest/bytes/read-stream.js';
import { EXIT } from '../command.js';
import { coreText } from '../analyze-text.js';
import { summarizeLeadership } from '../../metrics/analytics.js';
import { districtText } from '../analyze-sections-text.js';
import type { FormalRoleRule } from '../../model/formal-roles.js';

/** What `leadmap analyze` passes for a large file. */
export interface LargeAnalyzeCliOptions {
  roster?: string;
  relation?: string;
  domain?: string;
  wave?: string;
  exact?: boolean;
  json?: boolean;
  top: number;
  groupBy?: string;
  formalRoles?: readonly FormalRoleRule[];
}

/**
 * `leadmap analyze` on the fast path: prints the text summary or one JSON document
 * {network, people, selection, betweennessMethod, closenessMethod, notes} and the leadership analytics
 * sections of the standard path (computed from the typed arrays); returns the exit code (0 ok, 2 bad input).
 */
export async function analyzeLargeForCli(
  tiesPath: string,
  o: LargeAnalyzeCliOptions,
  io: { stdout: (t: string) => void; stderr: (t: string) => void },
): Promise<number> {
  const label = basename(tiesPath);
  io.stderr(
    `leadmap analyze: large tie file — fast path (typed arrays, all cores)${o.exact ? '' : '; betweenness approximate above 5,000 people, closeness above 20,000, unless --exact'}\n`,
  );
  const r = await analyzeLargeTiesFile(tiesPath, {
    roster: o.roster,
    relation: o.relation,
    domain: o.domain,
    wave: o.wave,
    exact: o.exact,
    sections: true,
    groupBy: o.groupBy,
    formalRoles: o.formalRoles,
    onProgress: (p) => io.stderr(`\r${formatProgress(label, p)}`),
  });
  io.stderr('\n');
  if (!r.ok) {
    io.stderr(`leadmap analyze: the input was not loaded (nothing was analysed):\n${formatProblems(r.problems)}\n`);
    return EXIT.badInput;
  }
  if (r.problems.length > 0) io.stderr(formatProblems(r.problems) + '\n');
  const selection = { relation: r.stats.relation, domain: (o.domain ?? 'any').toLowerCase(), wave: o.wave ?? null };
  const { selection: _sectionsSelection, ...sections } = r.leadership ?? { selection: null };
  if (o.json)
    io.stdout(
      JSON.stringify({
        network: r.metrics.network,
        people: r.metrics.people,
        selection,
        betweennessMethod: r.metrics.betweennessMethod,
        closenessMethod: r.metrics.closenessMethod,
        notes: r.metrics.notes,
        ...sections,
        ...(r.district ?? {}),
      }) + '\n',
    );
  else
    io.stdout(
      coreText(r.metrics, { ...selection, fastPath: true }, o.top, (id) => id) +
        (r.leadership ? '\n\n' + summarizeLeadership(r.leadership) : '') +
        (r.district ? '\n\n' + districtText(r.district.schools, r.district.crossSchoolLeaders, o.top) : '') +
        '\n',
    );
  return EXIT.ok;
}
