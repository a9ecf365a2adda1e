import type { Dataset, Person, Tie } from '../../model/types.js';
import type { WaveDataInput } from '../store.js';
import type { Db } from './open.js';
import { LeadmapError } from '../../model/errors.js';
import { newId } from '../ids.js';
import { resolutionText } from '../rows.js';
import { storedRespondents, WAVE_DATA_TABLES, WaveHasher } from '../wave-hash.js';

const PROGRESS_EVERY = 2000;

/**
 * Replaces a wave's dataset in ONE transaction: old rows out, new people, ties,
 * respondents, upload records and review items in, counts and data hash set,
 * status 'ready'. The commit runs with synchronous=FULL so an acknowledged
 * upload survives power loss. Nothing is visible to readers until the commit.
 */
export function replaceWaveDataSync(db: Db, input: WaveDataInput): void {
  const { dataset, waveId } = input;
  const total = dataset.people.length + dataset.ties.length;
  const now = new Date().toISOString();
  const hash = new WaveHasher();
  const insPerson = db.prepare('INSERT INTO person (wave_id, ord, id, data_json) VALUES (?, ?, ?, ?)');
  const insTie = db.prepare(`INSERT INTO tie (wave_id, ord, source, target, relation, domain, weight, count, timestamp, wave_label)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insResp = db.prepare('INSERT OR IGNORE INTO respondent (wave_id, person_id) VALUES (?, ?)');
  const insFile =
    db.prepare(`INSERT INTO upload_file (id, wave_id, kind, original_name, stored_path, bytes, sha256, created_at, uploaded_by)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insReview = db.prepare('INSERT INTO review_item (id, wave_id, raw, candidates_json, resolution) VALUES (?, ?, ?, ?, ?)');
  const tx = db.transaction(() => {
    const exists = db.prepare('SELECT 1 FROM wave WHERE id = ?').get(waveId);
    if (!exists) throw new LeadmapError('NOT_FOUND', 'the wave was deleted while its upload was being stored');
    for (const t of WAVE_DATA_TABLES) {
      db.prepare(`DELETE FROM ${t} WHERE wave_id = ?`).run(waveId);
    }
    let done = 0;
    const tick = (): void => {
      done++;
      if (done % PROGRESS_EVERY === 0) input.onProgress?.(done, total);
    };
    dataset.people.forEach((p, i) => {
      const json = JSON.stringify(p);
      hash.person(json);
      insPerson.run(waveId, i, p.id, json);
      tick();
    });
    dataset.ties.forEach((t, i) => {
      hash.tie(t);
      insTie.run(waveId, i, t.source, t.target, t.relation, t.domain, t.weight, t.count, t.timestamp, t.wave);
      tick();
    });
    const respondents = storedRespondents(dataset);
    if (respondents)
      for (const id of respondents) {
        hash.respondent(id);
        insResp.run(waveId, id);
      }
    hash.meta(dataset, respondents !== null);
    const insResponse = db.prepare('INSERT OR REPLACE INTO response (wave_id, person_id, answers_json) VALUES (?, ?, ?)');
    for (const r of input.responses ?? []) {
      const json = JSON.stringify(r.answers);
      hash.response(r.personId, json);
      insResponse.run(waveId, r.personId, json);
    }
    for (const f of input.files) {
      insFile.run(newId(), waveId, f.kind, f.originalName, f.storedPath, f.bytes, f.sha256, now, f.uploadedBy);
    }
    let open = 0;
    for (const r of input.reviewItems ?? []) {
      const { raw, resolution, ...rest } = r;
      if (r.status !== 'decided') open++;
      insReview.run(newId(), waveId, raw, JSON.stringify(rest), resolutionText(resolution));
    }
    db.prepare(
      `UPDATE wave SET status = 'ready', people_count = ?, tie_count = ?, data_hash = ?,
      relations_json = ?, domains_json = ?, has_respondents = ?, open_items = ?, completeness_json = ? WHERE id = ?`,
    ).run(
      dataset.people.length,
      dataset.ties.length,
      hash.digest(),
      JSON.stringify(dataset.relations),
      JSON.stringify(dataset.domains),
      respondents ? 1 : 0,
      open,
      input.completeness ? JSON.stringify(input.completeness) : null,
      waveId,
    );
    input.onProgress?.(total, total);
  });
  db.pragma('synchronous = FULL');
  try {
    tx.immediate();
  } finally {
    db.pragma('synchronous = NORMAL');
  }
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
interface TieRow {
  source: string;
  target: string;
  relation: string;
  domain: string;
  weight: number;
  count: number;
  timestamp: string | null;
  wave_label: string | null;
}

/** The people of a wave with data, in roster order. */
function peopleOf(db: Db, waveId: string): Person[] {
  const people: Person[] = [];
  for (const r of db.prepare('SELECT data_json FROM person WHERE wave_id = ? ORDER BY ord').iterate(waveId)) {
    people.push(JSON.parse((r as { data_json: string }).data_json) as Person);
  }
  return people;
}

export function loadWavePeopleSync(db: Db, waveId: string): Person[] | null {
  const read = db.transaction((): Person[] | null => {
    const w = db.prepare('SELECT status FROM wave WHERE id = ?').get(waveId) as { status: string } | undefined;
    return w && w.status === 'ready' ? peopleOf(db, waveId) : null;
  });
  return read.deferred();
}

export function loadWaveDatasetSync(db: Db, waveId: string): Dataset | null {
  const read = db.transaction((): Dataset | null => {
    const w = db.prepare('SELECT * FROM wave WHERE id = ?').get(waveId) as WaveMetaRow | undefined;
    if (!w || w.status !== 'ready') return null;
    const people = peopleOf(db, waveId);
    const ties: Tie[] = [];
    for (const raw of db
      .prepare('SELECT source, target, relation, domain, weight, count, timestamp, wave_label FROM tie WHERE wave_id = ? ORDER BY ord')
      .iterate(waveId)) {
      const r = raw as TieRow;
      ties.push({
        source: r.source,
        target: r.target,
        relation: r.relation,
        domain: r.domain,
        weight: r.weight,
        count: r.count,
        timestamp: r.timestamp,
        wave: r.wave_label,
      });
    }
    const respondents = w.has_respondents
      ? (db.prepare('SELECT person_id FROM respondent WHERE wave_id = ? ORDER BY person_id').all(waveId) as { person_id: string }[]).map(
          (r) => r.person_id,
        )
      : null;
    return {
      people,
      ties,
      relations: JSON.parse(w.relations_json) as Dataset['relations'],
      domains: JSON.parse(w.domains_json) as string[],
      respondents,
      wave: { id: w.id, label: w.label, schoolId: w.school_id, collectedOn: w.collected_on },
    };
  });
  return read.deferred();
}
