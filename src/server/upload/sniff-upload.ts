import { sniffBytes } from '../../ingest/sniff.js';

/**
 * Decides from its first bytes whether an uploaded file can be a CSV. Returns
 * a message for the user, or null when it looks like delimited text.
 */
export function checkSniffed(head: Buffer, size: number, name: string, allowXlsx = false): string | null {
  if (size === 0) return `${name} is empty; expected a CSV file with a header row`;
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    if (allowXlsx) return null;
    return `${name} is a zip or Excel workbook (.xlsx), not a CSV; save it as "CSV UTF-8" and upload that`;
  }
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    return `${name} is an old Excel workbook (.xls), not a CSV; save it as "CSV UTF-8" and upload that`;
  }
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return `${name} is a PDF, not a CSV`;
  if (head[0] === 0x1f && head[1] === 0x8b) return `${name} is gzip-compressed; upload the uncompressed CSV`;
  const s = sniffBytes(head, size);
  if (s.kind === 'empty') return `${name} has no content after its byte-order mark; expected a CSV file with a header row`;
  if (s.kind === 'binary') return `${name} is not a text file (${s.reason}); expected a CSV`;
  return null;
}
