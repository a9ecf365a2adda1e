import { LeadmapError } from '../../model/errors.js';

/** A required trimmed text field of a JSON body, 1..max characters, no control characters. */
export function text(body: unknown, key: string, max = 120): string {
  const v = (body as Record<string, unknown> | undefined)?.[key];
  // eslint-disable-next-line no-control-regex
  if (typeof v !== 'string' || v.trim().length === 0 || v.length > max || /[\u0000-\u001f\u007f]/.test(v)) {
    throw new LeadmapError('VALIDATION', `"${key}" must be text of 1 to ${max} characters`);
  }
  return v.trim();
}

export function optionalText(body: unknown, key: string, max = 120): string | null {
  const v = (body as Record<string, unknown> | undefined)?.[key];
  return v === undefined || v === null || v === '' ? null : text(body, key, max);
}

export function slug(body: unknown, key = 'slug'): string {
  const v = text(body, key, 60).toLowerCase();
  if (!/^[a-z0-9][a-z0-9-]*$/.test(v)) throw new LeadmapError('VALIDATION', `"${key}" may hold only lower-case letters, digits and "-"`);
  return v;
}

export function isoDate(body: unknown, key: string): string | null {
  const v = optionalText(body, key, 10);
  if (v !== null && (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))))
    throw new LeadmapError('VALIDATION', `"${key}" must be a date like 2025-06-30`);
  return v;
}

export function stringList(body: unknown, key: string): string[] | undefined {
  const v = (body as Record<string, unknown> | undefined)?.[key];
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || v.length > 1000 || !v.every((x) => typeof x === 'string' && x.length <= 64)) {
    throw new LeadmapError('VALIDATION', `"${key}" must be a list of ids`);
  }
  return v as string[];
}
