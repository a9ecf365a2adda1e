import { basename } from 'node:path';
import { DECISION_LEVELS, type MapDecision, type DecisionLevel } from '../model/decisions.js';
import { normaliseDomain } from '../model/formal-roles.js';
import { ANY_DOMAIN, type IngestResult, type Person } from '../model/types.js';
import { readCsv } from './csv-reader.js';
import { resolveHeader, type AliasTable } from './headers.js';
import { ProblemCollector } from './problems.js';

type Field = 'decision' | 'domain' | 'level' | 'decides' | 'consulted' | 'informed' | 'frequency';
const ALIASES: AliasTable<Field> = {
  decision: ['decision', 'what'],
  domain: ['domain', 'area'],
  level: ['level', 'where'],
  decides: ['decides', 'decided by', 'who decides', 'decision maker', 'decision makers'],
  consulted: ['consulted', 'consults'],
  informed: ['informed'],
  frequency: ['frequency', 'how often', 'when'],
};

/**
 * Reads a decision map: `decision, domain, level, decides, consulted, informed, frequency` (level:
 * classroom | team | department | school | district; decides / consulted / informed: roster ids or
 * roles separated by ";", a role standing for everyone on the roster who holds it; consulted,
 * informed and frequency may be empty). Every problem names the row and column; any error refuses
 * the file.
 */
export async function readDecisions(path: string, roster: readonly Person[]): Promise<IngestResult<MapDecision[]>> {
  const file = basename(path);
  const problems = new ProblemCollector();
  const ids = new Set(roster.map((p) => p.id));
  const byRole = new Map<string, string[]>();
  for (const p of roster) {
    const r = p.role.trim().toLowerCase();
    if (r) byRole.set(r, [...(byRole.get(r) ?? []), p.id]);
  }
  const out: MapDecision[] = [];
  let h: ReturnType<typeof resolveHeader<Field>> | null = null;
  const summary = await readCsv({
    path,
    file,
    problems,
    onHeader(cells) {
      h = resolveHeader(cells, ALIASES, file, problems);
      const missing = (['decision', 'domain', 'level', 'decides'] as const).filter((f) => h!.index[f] === undefined);
      if (missing.length > 0) {
        problems.error(
          file,
          1,
          null,
          null,
          'MISSING_COLUMN',
          `no ${missing.map((m) => `"${m}"`).join(', ')} column; expected decision, domain, level, decides, consulted, informed, frequency`,
        );
        return false;
      }
      return h.ok;
    },
    onRow(cells, row) {
      const cell = (f: Field): string => (h!.index[f] === undefined ? '' : (cells[h!.index[f]] ?? '').trim());
      const label = (f: Field): string => h!.label[f] ?? f;
      if (cells.every((c) => c.trim() === '')) return;
      const decision = cell('decision');
      if (decision === '') return problems.error(file, row, label('decision'), '', 'MISSING_VALUE', 'is empty; expected the decision');
      const level = cell('level').toLowerCase() as DecisionLevel;
      if (!DECISION_LEVELS.includes(level))
        return problems.error(file, row, label('level'), cell('level'), 'BAD_LEVEL', `expected one of ${DECISION_LEVELS.join(', ')}`);
      const rawDomain = cell('domain');
      if (rawDomain === '') return problems.error(file, row, label('domain'), '', 'MISSING_VALUE', 'is empty; expected a domain, or "any"');
      const domain = /^(any|all|all domains)$/i.test(rawDomain) ? ANY_DOMAIN : normaliseDomain(rawDomain);
      const people = (f: Field, required: boolean): string[] | null => {
        const parts = cell(f)
          .split(/[;|]/)
          .map((s) => s.trim())
          .filter(Boolean);
        if (required && parts.length === 0) {
          problems.error(file, row, label(f), '', 'MISSING_VALUE', 'is empty; expected roster ids or roles separated by ";"');
          return null;
        }
        const found: string[] = [];
        for (const part of parts) {
          if (ids.has(part)) found.push(part);
          else if (byRole.has(part.toLowerCase())) found.push(...byRole.get(part.toLowerCase())!);
          else {
            problems.error(
              file,
              row,
              label(f),
              part,
              'UNKNOWN_PERSON',
              'is neither a roster id nor a role on the roster; expected roster ids or roles separated by ";"',
            );
            return null;
          }
        }
        return [...new Set(found)];
      };
      const decides = people('decides', true);
      const consulted = people('consulted', false);
      const informed = people('informed', false);
      if (!decides || !consulted || !informed) return;
      out.push({ row, decision, domain, level, decides, consulted, informed, frequency: cell('frequency') || null });
    },
  });
  if (!summary.readable || !summary.complete || problems.hasErrors) return { ok: false, problems: problems.list() };
  return { ok: true, value: out, problems: problems.list() };
}
