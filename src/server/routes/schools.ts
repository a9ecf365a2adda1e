import { outcomeFileRefs, withPeopleFile } from '../analysis/survey-files.js';
import { Router } from 'express';
import { LeadmapError } from '../../model/errors.js';
import { accountOf, canSeeSchool, requireRole, requireWriter, schoolFor, unitOf } from '../access.js';
import type { AppDeps } from '../context.js';
import { disclosureFor, readyWave, selectionOf, wantsAnonymised } from '../analysis/service.js';
import type { WaveRecord } from '../../store/store.js';
import { accepted, isJob } from './analyses.js';
import { isoDate, slug, text } from './validate.js';
import { publicSchool, publicWave } from './views.js';

export function schoolRoutes(deps: AppDeps): Router {
  const r = Router();
  const { store, audit } = deps;

  r.get('/api/schools', async (req, res) => {
    const account = accountOf(req);
    const schools = (await store.listSchools(account.organisationId)).filter((s) => canSeeSchool(account, s));
    res.json({ schools: schools.map((s) => publicSchool({ ...s, unit: unitOf(account, s.id) })) });
  });

  r.post('/api/schools', requireRole('admin'), async (req, res) => {
    const account = accountOf(req);
    const school = await store.createSchool(account.organisationId, slug(req.body), text(req.body, 'name'));
    audit.record({
      organisationId: account.organisationId,
      accountId: account.id,
      action: 'create',
      target: `school:${school.id}`,
      detail: null,
    });
    res.status(201).json({ school: publicSchool(school) });
  });

  r.get('/api/schools/:schoolId', async (req, res) => {
    const school = await schoolFor(store, req, req.params.schoolId, 'allow-scoped');
    res.json({ school: publicSchool(school), waves: (await store.listWaves(school.id)).map((w) => publicWave(w, school.unit)) });
  });

  /** Renames a school: {"name": "…"}; its slug and ids stay, so links and exports keep working. */
  r.patch('/api/schools/:schoolId', requireRole('admin'), async (req, res) => {
    const school = await schoolFor(store, req, req.params.schoolId);
    const account = accountOf(req);
    const renamed = await store.renameSchool(school.id, text(req.body, 'name'));
    if (!renamed) throw new LeadmapError('NOT_FOUND', 'no such school');
    audit.record({
      organisationId: account.organisationId,
      accountId: account.id,
      action: 'rename',
      target: `school:${school.id}`,
      detail: null,
    });
    res.json({ school: publicSchool(renamed) });
  });

  r.delete('/api/schools/:schoolId', requireRole('admin'), async (req, res) => {
    const school = await schoolFor(store, req, req.params.schoolId);
    const account = accountOf(req);
    // An upload or a school import still being processed would write into the deleted school: cancel them and let the caller retry.
    const busy = [`school:${school.id}`, ...(await store.listWaves(school.id)).map((w) => `wave:${w.id}`)].filter((key) =>
      deps.jobs.cancel(key),
    );
    if (busy.length > 0)
      throw new LeadmapError(
        'SCHOOL_BUSY',
        'an upload or import for this school was being processed; it has been cancelled — delete the school again in a moment',
      );
    await store.deleteSchool(school.id);
    audit.record({
      organisationId: account.organisationId,
      accountId: account.id,
      action: 'delete',
      target: `school:${school.id}`,
      detail: null,
    });
    res.json({ deleted: school.id });
  });

  /**
   * Administrators: the schools of a district record as its latest wave with data names them (the
   * roster's school column, with staff counts; district offices marked), to give an account one of
   * them (PATCH /api/accounts/:id {"units"}). {"units": []} for a record without such a wave.
   */
  r.get('/api/schools/:schoolId/units', requireRole('admin'), async (req, res) => {
    const school = await schoolFor(store, req, req.params.schoolId);
    const latest = (await store.listWaves(school.id))
      .filter((w) => w.status !== 'empty' && w.dataHash)
      .sort((x, y) => y.label.localeCompare(x.label, undefined, { numeric: true }))[0];
    if (!latest) {
      res.json({ wave: null, units: [] });
      return;
    }
    const out = await deps.views.view(
      { kind: 'units', wave: readyWave(latest, null) },
      { schoolId: school.id, accountId: accountOf(req).id },
    );
    if (isJob(out)) return accepted(res, out);
    res
      .type('application/json')
      .send(Buffer.concat([Buffer.from(`{"wave":${JSON.stringify({ id: latest.id, label: latest.label })},`), out.body.subarray(1)]));
  });

  r.get('/api/schools/:schoolId/waves', async (req, res) => {
    const school = await schoolFor(store, req, req.params.schoolId, 'allow-scoped');
    res.json({ waves: (await store.listWaves(school.id)).map((w) => publicWave(w, school.unit)) });
  });

  r.post('/api/schools/:schoolId/waves', async (req, res) => {
    const school = await schoolFor(store, req, req.params.schoolId);
    const account = requireWriter(req);
    const wave = await store.createWave(school.id, text(req.body, 'label', 60), isoDate(req.body, 'collectedOn'));
    audit.record({
      organisationId: account.organisationId,
      accountId: account.id,
      action: 'create',
      target: `wave:${wave.id}`,
      detail: null,
    });
    res.status(201).json({ wave: publicWave(wave) });
  });

  /**
   * What changed between two waves of the school, and whether it is real: compareWaves (the computation
   * of `leadmap compare`) through the privacy gate, with the words the report prints and, with three or
   * more waves, a trend. ?from=&to= (wave ids) default to the school's last two ready waves.
   */
  r.get('/api/schools/:schoolId/compare', async (req, res) => {
    const school = await schoolFor(store, req, req.params.schoolId, 'allow-scoped');
    const { from, to } = req.query;
    if ((from !== undefined && typeof from !== 'string') || (to !== undefined && typeof to !== 'string'))
      throw new LeadmapError('BAD_REQUEST', 'give wave ids as ?from=…&to=… (one each)');
    const ready = (await store.listWaves(school.id))
      .filter((w) => w.status !== 'empty' && w.dataHash)
      .sort((x, y) => x.label.localeCompare(y.label, undefined, { numeric: true }));
    const pick = async (id: string | undefined, fallback: WaveRecord | undefined): Promise<WaveRecord> => {
      const w = id === undefined ? fallback : await store.getWave(id);
      if (id !== undefined && (!w || w.schoolId !== school.id)) throw new LeadmapError('NOT_FOUND', 'no such wave in this school');
      if (!w) throw new LeadmapError('NOT_READY', 'a comparison needs two waves with data');
      return w;
    };
    const a = await pick(from, ready.at(-2));
    const b = await pick(to, ready.at(-1));
    const { relation } = selectionOf(req);
    const account = accountOf(req);
    // Each wave with its stored people file: the survey scales (participation, role clarity) are change indicators.
    const scaled = (w: WaveRecord) => withPeopleFile(store, deps.dir, readyWave(w, school.unit));
    const out = await deps.views.view(
      {
        kind: 'compare',
        from: await scaled(a),
        to: await scaled(b),
        trend: ready.length >= 3 ? await Promise.all(ready.map(scaled)) : [],
        // The outcomes of a district record are the record's figures, not one school's.
        outcomes: school.unit === null ? await outcomeFileRefs(store, deps.dir, a.id, b.id) : { before: null, after: null },
        relation,
        disclosure: disclosureFor(req, wantsAnonymised(req)),
        minGroupSize: deps.privacy.minGroupSize,
      },
      { schoolId: school.id, accountId: account.id },
    );
    if (isJob(out)) return accepted(res, out);
    audit.record({
      organisationId: account.organisationId,
      accountId: account.id,
      action: 'view',
      target: `compare:${a.id}:${b.id}`,
      detail: null,
    });
    res
      .type('application/json')
      .send(
        Buffer.concat([
          Buffer.from(`{"from":${JSON.stringify(publicWave(a, school.unit))},"to":${JSON.stringify(publicWave(b, school.unit))},`),
          out.body.subarray(1),
        ]),
      );
  });
  return r;
}
