import type pg from 'pg';
import { LeadmapError } from '../../model/errors.js';
import type { Dataset, Person, Tie } from '../../model/types.js';
import { newId } from '../ids.js';
import { resolutionText } from '../rows.js';
import type { WaveDataInput } from '../store.js';
import { storedRespondents, WAVE_DATA_TABLES, WaveHasher } from '../wave-hash.js';
import { copyRows, type CopyValue } from './copy.js';

/**
 * Replaces a wave's dataset in ONE transaction on `client` (the caller begins and commits it):
 * the wave row locked, old rows out, people and ties loaded with COPY, respondents, answers, upload
 * records and review items in, counts and data hash set, status 'ready'. Readers see the old
 * dataset until the commit (synchronous_commit on: an acknowledged upload survives a crash).
 */
export async function replaceWaveDataPg(client: pg.PoolClient, input: WaveDataInput): Promise<void> {
  const { dataset, waveId } = input;
  const total = dataset.people.length + dataset.ties.length;
  const now = new Date().toISOString();
  const hash = new WaveHasher();
  await client.query('SET LOCAL synchronous_commit = on');
  const exists = await client.query('SELECT 1 FROM wave WHERE id = $1 FOR UPDATE', [waveId]);
  if (exists.rowCount === 0) throw new LeadmapError('NOT_FOUND', 'the wave was deleted while its upload was being stored');
  for (const t of WAVE_DATA_TABLES) await client.query(`DELETE FROM ${t} WHERE wave_id = $1`, [waveId]);

  const report = (done: number): void => input.onProgress?.(done, total);
  await copyRows(
    client,
    'person',
    ['wave_id', 'ord', 'id', 'data_json'],
    (function* (): Generator<CopyValue[]> {
      let i = 0;
      for (const p of dataset.people) {
        const json = JSON.stringify(p);
        hash.person(json);
        yield [waveId, i++, p.id, json];
      }
    })(),
    report,
  );
  await copyRows(
    client,
    'tie',
    ['wave_id', 'ord', 'source', 'target', 'relation', 'domain', 'weight', 'count', 'timestamp', 'wave_label'],
    (function* (): Generator<CopyValue[]> {
      let i = 0;
      for (const t of dataset.ties) {
        hash.tie(t);
        yield [waveId, i++, t.source, t.target, t.relation, t.domain, t.weight, t.count, t.timestamp, t.wave];
      }
    })(),
    (sent) => report(dataset.people.length + sent),
  );
  const respondents = storedRespondents(dataset);
  if (respondents) {
    for (const id of respondents) hash.respondent(id);
    await copyRows(
      client,
      'respondent',
      ['wave_id', 'person_id'],
      respondents.map((id) => [waveId, id]),
    );
  }
  hash.meta(dataset, respondents !== null);
  // A person answering twice keeps the last answers (as SQLite's INSERT OR REPLACE does); the hash sees every one.
  const answers = new Map<string, string>();
  for (const r of input.responses ?? []) {
    const json = JSON.stringify(r.answers);
    hash.response(r.personId, json);
    answers.delete(r.personId);
    answers.set(r.personId, json);
  }
  if (answers.size > 0)
    await copyRows(
      client,
      'response',
      ['wave_id', 'person_id', 'answers_json'],
      [...answers].map(([id, json]) => [waveId, id, json]),
    );
  for (const f of input.files) {
    await client.query(
      `INSERT INTO upload_file (id, wave_id, kind, original_name, stored_path, bytes, sha256, created_at, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [newId(), waveId, f.kind, f.originalName, f.storedPath, f.bytes, f.sha256, now, f.uploadedBy],
    );
  }
  let open = 0;
  const items = input.reviewItems ?? [];
  if (items.length > 0) {
    await copyRows(
      client,
      'review_item',
      ['id', 'wave_id', 'raw', 'candidates_json', 'resolution'],
      items.map((r) => {
        const { raw, resolution, ...rest } = r;
        if (r.status !== 'decided') open++;
        return [newId(), waveId, raw, JSON.stringify(rest), resolutionText(resolution)];
      }),
    );
  }
  await client.query(
    `UPDATE wave SET status = 'ready', people_count = $1, tie_count = $2, data_hash = $3,
     relations_json = $4, domains_json = $5, has_respondents = $6, open_items = $7, completeness_json = $8 WHERE id = $9`,
    [
      dataset.people.length,
      dataset.ties.length,
      hash.digest(),
      JSON.stringify(dataset.relations),
      JSON.stringify(dataset.domains),
      respondents ? 1 : 0,
      open,
      input.completeness ? JSON.stringify(input.completeness) : null,
      waveId,
    ],
  );
  input.onProgress?.(total, total);
}

interface WaveMetaRow {
  id: string;
  school_id: string;
  label: string;
  collected_on: string | null;
  status: string;
  relations_json: string;
  domains_json: string;
  has_respondents: number;
}

/** The roster of a ready wave, in roster order (null when the wave is absent or empty); run in a snapshot. */
export async function loadWavePeoplePg(client: pg.PoolClient, waveId: string): Promise<Person[] | null> {
  const w = await client.query<{ status: string }>('SELECT status FROM wave WHERE id = $1', [waveId]);
  if (w.rows[0]?.status !== 'ready') return null;
  return peopleOf(client, waveId);
}

async function peopleOf(client: pg.PoolClient, waveId: string): Promise<Person[]> {
  const r = await client.query<{ data_json: string }>('SELECT data_json FROM person WHERE wave_id = $1 ORDER BY ord', [waveId]);
  return r.rows.map((x) => JSON.parse(x.data_json) as Person);
}

/** The dataset of a ready wave (null when the wave is absent or empty); run in one snapshot so an upload committing meanwhile is not half seen. */
export async function loadWaveDatasetPg(client: pg.PoolClient, waveId: string): Promise<Dataset | null> {
  const wr = await client.query<WaveMetaRow>(
    'SELECT id, school_id, label, collected_on, status, relations_json, domains_json, has_respondents FROM wave WHERE id = $1',
    [waveId],
  );
  const w = wr.rows[0];
  if (!w || w.status !== 'ready') return null;
  const people = await peopleOf(client, waveId);
  const tr = await client.query<unknown[]>({
    text: 'SELECT source, target, relation, domain, weight, count, timestamp, wave_label FROM tie WHERE wave_id = $1 ORDER BY ord',
    values: [waveId],
    rowMode: 'array',
  });
  const ties: Tie[] = tr.rows.map((r) => ({
    source: r[0] as string,
    target: r[1] as string,
    relation: r[2] as string,
    domain: r[3] as string,
    weight: r[4] as number,
    count: r[5] as number,
    timestamp: r[6] as string | null,
    wave: r[7] as string | null,
  }));
  const respondents = w.has_respondents
    ? (
        await client.query<{ person_id: string }>('SELECT person_id FROM respondent WHERE wave_id = $1 ORDER BY person_id COLLATE "C"', [
          waveId,
        ])
      ).rows.map((r) => r.person_id)
    : null;
  return {
    people,
    ties,
    relations: JSON.parse(w.relations_json) as Dataset['relations'],
    domains: JSON.parse(w.domains_json) as string[],
    respondents,
    wave: { id: w.id, label: w.label, schoolId: w.school_id, collectedOn: w.collected_on },
  };
}
