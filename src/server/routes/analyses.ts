import { Router } from 'express';
import { accountOf, waveFor } from '../access.js';
import type { AppDeps } from '../context.js';
import { cachedAnalysisJson, completenessOfWave, publicAnalysis, selectionOf, wantsAnonymised } from '../analysis/service.js';
import { departmentsCsv, metricsCsv } from '../export/metrics-csv.js';
import { toGexf, toGraphml } from '../export/graph-xml.js';
import { LeadmapError } from '../../model/errors.js';
import { leadershipFor } from '../analysis/leadership.js';
import { indicatorsFor } from '../analysis/indicators.js';

export function analysisRoutes(deps: AppDeps): Router {
  const r = Router();
  const { store, audit } = deps;

  /** Indicators, people, department statistics and who-leads-what of one wave (?relation=&domain=&anonymised=1). */
  r.get('/api/waves/:waveId/analysis', async (req, res) => {
    const { wave } = await waveFor(store, req, req.params.waveId);
    const { body, analysis: a } = await cachedAnalysisJson(deps, req, wave, 'analysis', selectionOf(req), wantsAnonymised(req), (x) => {
      const { edges: _edges, ...rest } = x;
      void _edges;
      return { analysis: rest };
    });
    const account = accountOf(req);
    audit.record({
      organisationId: account.organisationId,
      accountId: account.id,
      action: 'view',
      target: `wave:${wave.id}`,
      detail: `analysis ${a.relation}/${a.domain} ${a.disclosure}`,
    });
    res.type('application/json').send(body);
  });

  /** Nodes and edges for the network view. */
  r.get('/api/waves/:waveId/graph', async (req, res) => {
    const { wave } = await waveFor(store, req, req.params.waveId);
    const { body, analysis: a } = await cachedAnalysisJson(deps, req, wave, 'graph', selectionOf(req), wantsAnonymised(req), (x) => ({
      disclosure: x.disclosure,
      relation: x.relation,
      domain: x.domain,
      nodes: x.people.map((p) => ({ id: p.id, label: p.name, department: p.department, inDegree: p.inDegree, pageRank: p.pageRank })),
      edges: x.edges,
    }));
    const account = accountOf(req);
    audit.record({
      organisationId: account.organisationId,
      accountId: account.id,
      action: 'view',
      target: `wave:${wave.id}`,
      detail: `graph ${a.relation}/${a.domain} ${a.disclosure}`,
    });
    res.type('application/json').send(body);
  });

  /** Leadership analytics (src/metrics/analytics.ts) through the privacy layer (?relation=&anonymised=1). */
  r.get('/api/waves/:waveId/leadership', async (req, res) => {
    const { wave } = await waveFor(store, req, req.params.waveId);
    const sel = selectionOf(req);
    const result = await leadershipFor(deps, req, wave, sel.relation, wantsAnonymised(req));
    const account = accountOf(req);
    audit.record({
      organisationId: account.organisationId,
      accountId: account.id,
      action: 'view',
      target: `wave:${wave.id}`,
      detail: `leadership ${result.selection.relation}`,
    });
    res.json({ completeness: completenessOfWave(wave), leadership: result });
  });

  /** Key indicators as the report prints them, preformatted (?relation=&domain=&anonymised=1), with the change since the previous wave. */
  r.get('/api/waves/:waveId/indicators', async (req, res) => {
    const { wave } = await waveFor(store, req, req.params.waveId);
    const result = await indicatorsFor(deps, req, wave, selectionOf(req), wantsAnonymised(req));
    const account = accountOf(req);
    audit.record({
      organisationId: account.organisationId,
      accountId: account.id,
      action: 'view',
      target: `wave:${wave.id}`,
      detail: `indicators ${result.relation}/${result.domain}`,
    });
    res.json({ indicators: result });
  });

  const EXPORTS: Record<string, { type: string; render: (a: Awaited<ReturnType<typeof publicAnalysis>>) => string }> = {
    'metrics.csv': { type: 'text/csv; charset=utf-8', render: metricsCsv },
    'departments.csv': { type: 'text/csv; charset=utf-8', render: departmentsCsv },
    'graph.graphml': { type: 'application/graphml+xml; charset=utf-8', render: toGraphml },
    'graph.gexf': { type: 'application/gexf+xml; charset=utf-8', render: toGexf },
  };

  /** Downloads; ?anonymised=1 gives pseudonymised labels (always so for viewers). */
  r.get('/api/waves/:waveId/export/:format', async (req, res) => {
    const { wave, school } = await waveFor(store, req, req.params.waveId);
    const format = String(req.params.format);
    const exporter = Object.hasOwn(EXPORTS, format) ? EXPORTS[format] : undefined;
    if (!exporter) throw new LeadmapError('NOT_FOUND', `no such export; choose one of ${Object.keys(EXPORTS).join(', ')}`);
    const a = await publicAnalysis(deps, req, wave, selectionOf(req), wantsAnonymised(req));
    const account = accountOf(req);
    audit.record({
      organisationId: account.organisationId,
      accountId: account.id,
      action: 'export',
      target: `wave:${wave.id}`,
      detail: `${format} ${a.relation}/${a.domain} ${a.disclosure}`,
    });
    const name = `${school.slug}-${safe(wave.label)}-${safe(a.relation)}-${safe(a.domain)}${a.disclosure === 'named' ? '' : '-anonymised'}-${format}`;
    res.set('Content-Type', exporter.type).attachment(name).send(exporter.render(a));
  });
  return r;
}

function safe(s: string): string {
  return (
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'x'
  );
}
