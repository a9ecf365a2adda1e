import { Router } from 'express';
import { accountOf, waveFor } from '../access.js';
import type { AppDeps } from '../context.js';
import { disclosureFor, readyWave, selectionOf, wantsAnonymised, withCompleteness } from '../analysis/service.js';
import type { ViewTask } from '../views/task.js';
import { accepted, isJob } from './analyses.js';

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
    const task: ViewTask = {
      kind: 'district',
      wave: readyWave(wave),
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
    res.type('application/json').send(withCompleteness(out.body, wave));
  });
  return r;
}
