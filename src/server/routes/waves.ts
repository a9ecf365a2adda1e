import { Router } from 'express';
import { LeadmapError } from '../../model/errors.js';
import { accountOf, requireWriter, seesNames, waveFor } from '../access.js';
import type { AppDeps } from '../context.js';
import { optionalText } from './validate.js';
import { publicWave } from './views.js';

export function waveRoutes(deps: AppDeps): Router {
  const r = Router();
  const { store, audit } = deps;

  r.get('/api/waves/:waveId', async (req, res) => {
    const { wave, school } = await waveFor(store, req, req.params.waveId);
    res.json({ wave: publicWave(wave), school: { id: school.id, name: school.name } });
  });

  r.delete('/api/waves/:waveId', async (req, res) => {
    const { wave } = await waveFor(store, req, req.params.waveId);
    const account = requireWriter(req);
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

  /** Free-text names from a survey import that need a person to decide who was meant. */
  r.get('/api/waves/:waveId/review', async (req, res) => {
    const { wave } = await waveFor(store, req, req.params.waveId);
    if (!seesNames(accountOf(req))) throw new LeadmapError('FORBIDDEN', 'the review list holds names; viewers cannot see it');
    res.json({ items: await store.listReviewItems(wave.id) });
  });

  r.post('/api/waves/:waveId/review/:itemId', async (req, res) => {
    const { wave } = await waveFor(store, req, req.params.waveId);
    const account = requireWriter(req);
    const resolution = optionalText(req.body, 'resolution', 64);
    const dataset = resolution === null ? null : await store.loadWaveDataset(wave.id);
    const special = resolution === 'ignore' || resolution === 'not on roster';
    if (resolution !== null && !special && !dataset?.people.some((p) => p.id === resolution)) {
      throw new LeadmapError('VALIDATION', '"resolution" must be a roster id, "ignore", "not on roster", or null (undecided)');
    }
    const item = await store.resolveReviewItem(wave.id, req.params.itemId, resolution);
    if (!item) throw new LeadmapError('NOT_FOUND', 'no such review item');
    audit.record({
      organisationId: account.organisationId,
      accountId: account.id,
      action: 'review',
      target: `wave:${wave.id}`,
      detail: `item:${item.id}`,
    });
    res.json({ item });
  });
  return r;
}
