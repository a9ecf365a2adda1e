import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { LeadmapError } from '../../model/errors.js';

export type CopyValue = string | number | null;

/** One field in COPY's text format: \N for null; backslash, tab, newline and carriage return escaped. */
export function copyField(v: CopyValue): string {
  if (v === null) return '\\N';
  const s = typeof v === 'number' ? String(v) : v;
  if (s.includes('\u0000')) throw new LeadmapError('INVALID_TEXT', 'a value contains a NUL character, which the database cannot store');
  return s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

const BATCH_ROWS = 1000;

/**
 * Loads rows into `table` with COPY … FROM STDIN on the transaction's connection: one round trip
 * for the whole set, streamed in batches of lines so memory stays flat. `onRows` is told how many
 * rows were handed over so far.
 */
export async function copyRows(
  client: pg.PoolClient,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly CopyValue[]>,
  onRows?: (sent: number) => void,
): Promise<void> {
  function* lines(): Generator<string> {
    let batch: string[] = [];
    let sent = 0;
    for (const row of rows) {
      batch.push(row.map(copyField).join('\t'));
      if (batch.length === BATCH_ROWS) {
        sent += batch.length;
        yield batch.join('\n') + '\n';
        batch = [];
        onRows?.(sent);
      }
    }
    if (batch.length > 0) {
      sent += batch.length;
      yield batch.join('\n') + '\n';
      onRows?.(sent);
    }
  }
  const sink = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(lines()), sink);
}
