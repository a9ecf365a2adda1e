import { Router } from 'express';
import { accountOf, waveFor } from '../access.js';
import type { AppDeps } from '../context.js';
import { disclosureFor, previousReadyWave, readyWave, selectionOf, wantsAnonymised, withCompleteness } from '../analysis/service.js';
import type { ViewTask } from '../views/task.js';
import { accepted, isJob } from './analyses.js';
import { editionFor } from './report.js';

/**
 * The district view of a wave whose roster names several schools (?relation=&anonymised=1): schools
 * with small ones suppressed, the school-by-school matrix, cross-school leaders (pseudonymised for
 * viewers), and each indicator's district median and range. A one-school wave answers 404
 * NOT_A_DISTRICT. Computed as a cached job like the other views (src/server/views).
 */
export function districtRoutes(deps: AppDeps): Router {
  const r = Router();
  const { store, audit } = deps;
  r.get('/api/waves/:waveId/district', async (req, res) => {
    const { wave, school } = await waveFor(store, req, req.params.waveId);
    const previous = await previousReadyWave(store, school.id, wave);
    const task: ViewTask = {
      kind: 'district',
      wave: readyWave(wave, null),
      previous: previous ? readyWave(previous, null) : null,
      relation: selectionOf(req).relation,
      disclosure: disclosureFor(req, wantsAnonymised(req)),
      minGroupSize: deps.privacy.minGroupSize,
    };
    const account = accountOf(req);
    const out = await deps.views.view(task, { schoolId: school.id, accountId: account.id });
    if (isJob(out)) return accepted(res, out);
    audit.record({
      organisationId: account.organisationId,
      accountId: account.id,
      action: 'view',
      target: `wave:${wave.id}`,
      detail: `district ${out.selection.relation} ${task.disclosure}`,
    });
    res.type('application/json').send(withCompleteness(out.body, wave, null));
  });

  /**
   * The district report (docs/report.md "District report") of a district wave, named after the school
   * record the wave belongs to; ?edition= as for report.pdf. A cached job like the school report.
   */
  r.get('/api/waves/:waveId/district-report.pdf', async (req, res) => {
    const { wave, school } = await waveFor(store, req, req.params.waveId);
    const account = accountOf(req);
    const edition = editionFor(req);
    const previous = await previousReadyWave(store, school.id, wave);
    const task: ViewTask = {
      kind: 'district-report',
      wave: readyWave(wave, null),
      previous: previous ? readyWave(previous, null) : null,
      district: school.name,
      edition,
      minGroupSize: deps.privacy.minGroupSize,
    };
    const out = await deps.views.view(task, { schoolId: school.id, accountId: account.id });
    if (isJob(out)) return accepted(res, out);
    if (req.method !== 'HEAD')
      audit.record({
        organisationId: account.organisationId,
        accountId: account.id,
        action: 'export',
        target: `wave:${wave.id}`,
        detail: `district-report.pdf ${edition}`,
      });
    const label =
      wave.label
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'wave';
    res
      .set('Content-Type', 'application/pdf')
      .attachment(`${school.slug}-${label}-district-report${edition === 'named' ? '' : '-anonymised'}.pdf`)
      .send(out.body);
  });
  return r;
}
