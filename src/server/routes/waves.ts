import { Router } from 'express';
import { LeadmapError } from '../../model/errors.js';
import { accountOf, requireWriter, seesNames, waveFor } from '../access.js';
import type { AppDeps } from '../context.js';
import YAML from 'yaml';
import { mappingYaml, mergeMappings } from '../../ingest/survey/decisions.js';
import { DOMAINS, RELATIONS } from '../../ingest/survey/infer.js';
import { QUESTION_KINDS, validateMapping, type QuestionKind } from '../../ingest/survey/mapping.js';
import { ANY_DOMAIN, type Problem } from '../../model/types.js';
import { surveyDecisions } from '../survey-decisions.js';
import { absolutePath } from '../../store/files.js';
import { publicWave } from './views.js';

export function waveRoutes(deps: AppDeps): Router {
  const r = Router();
  const { store, audit } = deps;

  r.get('/api/waves/:waveId', async (req, res) => {
    const { wave, school, unit } = await waveFor(store, req, req.params.waveId, 'allow-scoped');
    res.json({ wave: publicWave(wave, unit), school: { id: school.id, name: school.name, ...(unit === null ? {} : { unit }) } });
  });

  r.delete('/api/waves/:waveId', async (req, res) => {
    const { wave } = await waveFor(store, req, req.params.waveId);
    const account = requireWriter(req);
    // An upload still being processed would write into the deleted wave: cancel it and let the caller retry.
    if (deps.jobs.cancel(`wave:${wave.id}`))
      throw new LeadmapError(
        'WAVE_BUSY',
        'an upload for this wave was being processed; it has been cancelled — delete the wave again in a moment',
      );
    await store.deleteWave(wave.id);
    audit.record({
      organisationId: account.organisationId,
      accountId: account.id,
      action: 'delete',
      target: `wave:${wave.id}`,
      detail: null,
    });
    res.json({ deleted: wave.id });
  });

  /** Stored original files (names, sizes, checksums) — not their contents. */
  r.get('/api/waves/:waveId/files', async (req, res) => {
    const { wave } = await waveFor(store, req, req.params.waveId);
    if (!seesNames(accountOf(req))) throw new LeadmapError('FORBIDDEN', 'viewers cannot see uploaded files');
    const files = await store.listUploadFiles(wave.id);
    auditView(req, wave.id, 'stored files');
    res.json({
      files: files.map((f) => ({
        id: f.id,
        kind: f.kind,
        originalName: f.originalName,
        bytes: f.bytes,
        sha256: f.sha256,
        createdAt: f.createdAt,
      })),
    });
  });

  /** One stored original, as it was uploaded (not viewers: rosters and tie lists name people). */
  r.get('/api/waves/:waveId/files/:fileId', async (req, res) => {
    const { wave } = await waveFor(store, req, req.params.waveId);
    if (!seesNames(accountOf(req))) throw new LeadmapError('FORBIDDEN', 'viewers cannot download uploaded files');
    const file = (await store.listUploadFiles(wave.id)).find((f) => f.id === req.params.fileId);
    if (!file) throw new LeadmapError('NOT_FOUND', 'no such file');
    auditView(req, wave.id, `download ${file.kind}:${file.sha256.slice(0, 12)}`);
    res
      .type(file.kind === 'survey' && /\.xlsx$/i.test(file.originalName) ? 'xlsx' : 'text/csv')
      .attachment(file.originalName)
      .sendFile(absolutePath(deps.dir, file.storedPath));
  });

  /** Everything a survey import needs a person for (kind column | respondent | name), and the decided items. */
  r.get('/api/waves/:waveId/review', async (req, res) => {
    const { wave } = await waveFor(store, req, req.params.waveId);
    if (!seesNames(accountOf(req))) throw new LeadmapError('FORBIDDEN', 'the review list holds names; viewers cannot see it');
    const items = await store.listReviewItems(wave.id);
    auditView(req, wave.id, 'review list');
    res.json({ items });
  });

  /**
   * Decide one review item. Names and respondents: {"resolution": "<roster id>" | "not on roster" | "ignore"} (a
   * respondent may also be "keep"); columns: {"resolution": {"kind": "nameGenerator", "relation": "advice",
   * "domain": "assessment"}}; null makes it undecided again. The decision is used at the next re-read.
   */
  r.post('/api/waves/:waveId/review/:itemId', async (req, res) => {
    const { wave } = await waveFor(store, req, req.params.waveId);
    const account = requireWriter(req);
    const item = (await store.listReviewItems(wave.id)).find((i) => i.id === req.params.itemId);
    if (!item) throw new LeadmapError('NOT_FOUND', 'no such review item');
    const raw = (req.body as Record<string, unknown> | undefined)?.resolution;
    const resolution =
      raw === null || raw === undefined || raw === ''
        ? null
        : item.kind === 'column'
          ? columnDecision(raw, item.choices)
          : await personDecision(raw, item.kind, wave.id);
    const saved = await store.resolveReviewItem(wave.id, item.id, resolution);
    if (!saved) throw new LeadmapError('NOT_FOUND', 'no such review item');
    audit.record({
      organisationId: account.organisationId,
      accountId: account.id,
      action: 'review',
      target: `wave:${wave.id}`,
      detail: `item:${item.id}`,
    });
    res.json({ item: saved });
  });

  /** The whole roster of the wave (ids, names, departments), for the review's type-ahead. */
  r.get('/api/waves/:waveId/roster', async (req, res) => {
    const { wave } = await waveFor(store, req, req.params.waveId);
    if (!seesNames(accountOf(req))) throw new LeadmapError('FORBIDDEN', 'the roster holds names; viewers cannot see it');
    const people = await store.loadWavePeople(wave.id);
    res.json({ people: (people ?? []).map((p) => ({ id: p.id, name: p.name, department: p.department })) });
  });

  /** The wave's decisions as the mapping file (YAML) that `leadmap import --mapping` reads, carried ones included. */
  r.get('/api/waves/:waveId/mapping', async (req, res) => {
    const { wave, school } = await waveFor(store, req, req.params.waveId);
    if (!seesNames(accountOf(req))) throw new LeadmapError('FORBIDDEN', 'the decisions hold names; viewers cannot see them');
    const d = await surveyDecisions(store, wave, false);
    const yaml = mappingYaml(
      mergeMappings(d.carried?.mapping, d.mapping),
      `leadmap survey decisions for ${school.name}, ${wave.label}${d.carried ? ` (with those carried from ${d.carried.label})` : ''}.\nUse with: leadmap import <export> --roster <roster> --mapping <this file>; or upload it on another wave.`,
    );
    res
      .set('Content-Type', 'text/yaml; charset=utf-8')
      .attachment(`${school.slug}-${wave.label.replace(/[^A-Za-z0-9]+/g, '-')}-mapping.yaml`)
      .send(yaml);
  });

  /** Upload a mapping file for the wave: {"name": "mapping.yaml", "text": "…"} (YAML or JSON). Applied at the next re-read. */
  r.post('/api/waves/:waveId/mapping', async (req, res) => {
    const { wave } = await waveFor(store, req, req.params.waveId);
    const account = requireWriter(req);
    const body = req.body as Record<string, unknown> | undefined;
    const name = typeof body?.name === 'string' ? body.name : 'mapping.yaml';
    if (typeof body?.text !== 'string') throw new LeadmapError('VALIDATION', '"text" must be the mapping file\'s text');
    let parsed: unknown;
    try {
      parsed = name.toLowerCase().endsWith('.json') ? JSON.parse(body.text) : YAML.parse(body.text);
    } catch (e) {
      throw new LeadmapError(
        'VALIDATION',
        `${name} is not valid ${name.toLowerCase().endsWith('.json') ? 'JSON' : 'YAML'}: ${(e as Error).message.split('\n')[0]}`,
      );
    }
    const problem = (message: string, column: string | null = null, value: string | null = null): Problem => ({
      code: 'BAD_MAPPING',
      severity: 'error',
      file: name,
      row: null,
      column,
      value,
      message,
    });
    const m = validateMapping(parsed ?? {}, problem);
    if (!m.ok)
      throw new LeadmapError(
        'VALIDATION',
        `${name}: ${m.problems.map((p) => `${p.column ? `${p.column}: ` : ''}${p.message}`).join('; ')}`,
        { problems: m.problems },
      );
    await store.setWaveMapping(wave.id, m.mapping);
    audit.record({
      organisationId: account.organisationId,
      accountId: account.id,
      action: 'mapping',
      target: `wave:${wave.id}`,
      detail: null,
    });
    res.json({
      mapping: {
        questions: Object.keys(m.mapping.questions ?? {}).length,
        resolutions: Object.keys(m.mapping.resolutions ?? {}).length,
        respondents: Object.keys(m.mapping.respondents ?? {}).length,
      },
    });
  });

  async function personDecision(raw: unknown, kind: string, waveId: string): Promise<string> {
    const special = ['ignore', 'not on roster', ...(kind === 'respondent' ? ['keep'] : [])];
    if (typeof raw === 'string' && special.includes(raw)) return raw;
    const people = await store.loadWavePeople(waveId);
    if (typeof raw === 'string' && people?.some((p) => p.id === raw)) return raw;
    throw new LeadmapError(
      'VALIDATION',
      `"resolution" must be a person on the roster (their id), ${special.map((s) => `"${s}"`).join(', ')}, or null (undecided)`,
    );
  }
  return r;

  function auditView(req: Parameters<typeof accountOf>[0], waveId: string, detail: string): void {
    const account = accountOf(req);
    audit.record({ organisationId: account.organisationId, accountId: account.id, action: 'view', target: `wave:${waveId}`, detail });
  }
}

/** A column decision: kind, and for a question that makes ties a relation and a domain (one of `choices` when given). */
function columnDecision(raw: unknown, choices: string[] | undefined): Record<string, unknown> {
  const q = raw as Record<string, unknown>;
  if (typeof raw !== 'object' || raw === null || !QUESTION_KINDS.includes(q.kind as QuestionKind))
    throw new LeadmapError(
      'VALIDATION',
      `"resolution" must be {"kind": ${QUESTION_KINDS.map((k) => `"${k}"`).join(' | ')}, "relation": …, "domain": …}`,
    );
  const kind = q.kind as QuestionKind;
  if (kind !== 'nameGenerator' && kind !== 'rosterRow' && kind !== 'grid') return { kind };
  if (!(RELATIONS as readonly unknown[]).includes(q.relation))
    throw new LeadmapError('VALIDATION', `"relation" must be one of ${RELATIONS.join(', ')}`);
  const domains = choices ?? [...DOMAINS, ANY_DOMAIN];
  if (!domains.includes(q.domain as string))
    throw new LeadmapError(
      'VALIDATION',
      `"domain" must be one of ${domains.map((d) => (d === ANY_DOMAIN ? '"any" (all domains)' : `"${d}"`)).join(', ')}`,
    );
  const out: Record<string, unknown> = { kind, relation: q.relation, domain: q.domain };
  if (kind === 'grid' && typeof q.target === 'string') out.target = q.target;
  return out;
}
