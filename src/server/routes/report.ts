import { Router, type Request } from 'express';
import { LeadmapError } from '../../model/errors.js';
import type { Edition } from '../../report/index.js';
import { accountOf, seesNames, waveFor } from '../access.js';
import type { AppDeps } from '../context.js';
import { previousReadyWave, readyWave, trendWaves } from '../analysis/service.js';
import { accepted, fileNamePart, isJob } from './analyses.js';
import { outcomeFileRefs, surveyFileRefs, withPeopleFile } from '../analysis/survey-files.js';
import type { WaveRef } from '../views/task.js';

/**
 * GET /api/waves/:waveId/report.pdf?edition=named|anonymised — the annual evaluation report of a
 * wave, compared with the school's previous ready wave. Viewers get only the anonymised edition
 * (their default; asking for named is 403); admins and analysts default to named. Small groups are
 * suppressed in both editions (src/privacy via the report model). Built as a job on a worker thread
 * and cached by the waves' data hashes: 202 with the job while it is being built. Every download is audited.
 */
/** ?edition=named|anonymised: named by default for admins and analysts; viewers get only the anonymised edition (named is 403). */
export function editionFor(req: Request): Edition {
  const account = accountOf(req);
  const asked = req.query.edition;
  if (asked !== undefined && asked !== 'named' && asked !== 'anonymised')
    throw new LeadmapError('BAD_REQUEST', 'edition must be "named" or "anonymised"');
  const edition: Edition = asked ?? (seesNames(account) ? 'named' : 'anonymised');
  if (edition === 'named' && !seesNames(account))
    throw new LeadmapError('FORBIDDEN', 'the named edition is for analysts and administrators; ask for edition=anonymised');
  return edition;
}

export function reportRoutes(deps: AppDeps): Router {
  const r = Router();
  const { store, audit } = deps;
  r.get('/api/waves/:waveId/report.pdf', async (req, res) => {
    const { wave, school, unit } = await waveFor(store, req, req.params.waveId, 'allow-scoped');
    const account = accountOf(req);
    const edition = editionFor(req);
    // Each wave with its stored people file: the change page reads its survey scales (participation, role clarity).
    const scaled = (ref: WaveRef) => withPeopleFile(store, deps.dir, ref);
    const current = await scaled(readyWave(wave, unit));
    const prev = await previousReadyWave(store, school.id, wave);
    const out = await deps.views.view(
      {
        kind: 'report',
        wave: current,
        previous: prev ? await scaled(readyWave(prev, unit)) : null,
        trend: await Promise.all((await trendWaves(store, school.id, wave, unit)).map(scaled)),
        // One school of a district record: its own name, and neither the record's survey pages (they
        // describe every school's staff) nor its outcomes (figures of the whole record).
        school: unit ?? school.name,
        partOf: unit === null ? null : school.name,
        edition,
        minGroupSize: deps.privacy.minGroupSize,
        completeness: wave.completeness,
        survey: unit === null ? await surveyFileRefs(store, deps.dir, wave.id) : {},
        outcomes: unit === null ? await outcomeFileRefs(store, deps.dir, prev?.id ?? null, wave.id) : { before: null, after: null },
      },
      { schoolId: school.id, accountId: account.id },
    );
    if (isJob(out)) return accepted(res, out);
    if (req.method !== 'HEAD')
      audit.record({
        organisationId: account.organisationId,
        accountId: account.id,
        action: 'export',
        target: `wave:${wave.id}`,
        detail: `report.pdf ${edition}`,
      });
    const name = `${school.slug}${unit === null ? '' : `-${fileNamePart(unit)}`}-${wave.label ? fileNamePart(wave.label) : 'wave'}-report${edition === 'named' ? '' : '-anonymised'}.pdf`;
    res.set('Content-Type', 'application/pdf').attachment(name).send(out.body);
  });
  return r;
}
