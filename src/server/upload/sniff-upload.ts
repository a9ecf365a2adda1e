import { sniffBytes } from '../../ingest/sniff.js';

/**
 * Decides from its first bytes (the one sniffer, src/ingest/sniff.ts) whether an uploaded file can be
 * a CSV. Returns a message for the user, or null when it looks like delimited text (or, where
 * `allowXlsx`, an .xlsx workbook).
 */
export function checkSniffed(head: Buffer, size: number, name: string, allowXlsx = false): string | null {
  const s = sniffBytes(head, size);
  if (s.kind === 'empty') {
    return size === 0
      ? `${name} is empty; expected a CSV file with a header row`
      : `${name} has no content after its byte-order mark; expected a CSV file with a header row`;
  }
  if (s.kind === 'xlsx') {
    return allowXlsx ? null : `${name} is a zip or Excel workbook (.xlsx), not a CSV; save it as "CSV UTF-8" and upload that`;
  }
  if (s.kind === 'binary') return `${name} is not a text file (${s.reason}); expected a CSV`;
  return null;
}
