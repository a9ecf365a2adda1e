import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parse } from 'yaml';
import type { ScaleDefinition, ScaleItem } from '../model/scales.js';
import type { IngestResult, Problem } from '../model/types.js';

/**
 * Reads a scale definition file (YAML or JSON):
 *
 *   responseScale: { min: 1, max: 5 }        # default for every scale
 *   scales:
 *     - scale: role clarity
 *       minItems: 3                            # default: half the items, rounded up (at least 2 when there are 2 or more)
 *       items:
 *         - I know what is expected of me in the leadership work I take on.
 *         - { item: "Responsibilities overlap so that nobody is sure who decides.", reverse: true }
 *
 * Every mistake is reported with the file, the scale and item it is in, and what was expected; any
 * mistake refuses the file.
 */
export async function readScalesFile(path: string): Promise<IngestResult<ScaleDefinition[]>> {
  const file = basename(path);
  const problems: Problem[] = [];
  const bad = (where: string | null, value: unknown, code: string, message: string): void => {
    problems.push({
      severity: 'error',
      file,
      row: null,
      column: where,
      value: value === undefined || value === null ? null : typeof value === 'string' ? value : JSON.stringify(value),
      code,
      message,
    });
  };
  let doc: unknown;
  try {
    doc = parse(await readFile(path, 'utf8'));
  } catch (err) {
    bad(null, null, 'BAD_SCALES_FILE', `not readable as YAML or JSON (${(err as Error).message.split('\n')[0]})`);
    return { ok: false, problems };
  }
  const root = (doc ?? {}) as Record<string, unknown>;
  const range = (v: unknown, where: string, fallback: { min: number; max: number } | null): { min: number; max: number } | null => {
    if (v === undefined) return fallback;
    const r = v as Record<string, unknown>;
    if (typeof r !== 'object' || typeof r.min !== 'number' || typeof r.max !== 'number' || !(r.min < r.max)) {
      bad(where, v, 'BAD_RESPONSE_SCALE', 'expected { min: <number>, max: <number> } with min below max, e.g. { min: 1, max: 5 }');
      return null;
    }
    return { min: r.min, max: r.max };
  };
  const common = range(root.responseScale, 'responseScale', { min: 1, max: 5 });
  if (!Array.isArray(root.scales) || root.scales.length === 0) {
    bad('scales', root.scales, 'NO_SCALES', 'expected a list "scales:" with at least one scale (scale, items)');
    return { ok: false, problems };
  }
  const out: ScaleDefinition[] = [];
  const names = new Set<string>();
  root.scales.forEach((raw: unknown, i: number) => {
    const s = (raw ?? {}) as Record<string, unknown>;
    const name = typeof s.scale === 'string' ? s.scale.trim() : '';
    const where = `scales[${i + 1}]${name ? ` "${name}"` : ''}`;
    if (name === '') return bad(where, s.scale, 'MISSING_SCALE_NAME', 'expected "scale: <name>"');
    if (names.has(name.toLowerCase())) return bad(where, name, 'DUPLICATE_SCALE', 'is defined twice; expected one definition per scale');
    names.add(name.toLowerCase());
    if (!Array.isArray(s.items) || s.items.length === 0)
      return bad(where, s.items, 'NO_ITEMS', 'expected "items:" with at least one item (the question text or column of each)');
    const items: ScaleItem[] = [];
    s.items.forEach((it: unknown, j: number) => {
      const at = `${where} item ${j + 1}`;
      if (typeof it === 'string' && it.trim() !== '') return void items.push({ item: it.trim(), reverse: false });
      const o = (it ?? {}) as Record<string, unknown>;
      if (typeof o.item !== 'string' || o.item.trim() === '')
        return bad(at, it, 'BAD_ITEM', 'expected the question text, or { item: "<question text>", reverse: true }');
      if (o.reverse !== undefined && typeof o.reverse !== 'boolean') return bad(at, o.reverse, 'BAD_ITEM', 'reverse must be true or false');
      items.push({ item: o.item.trim(), reverse: o.reverse === true });
    });
    const scaleRange = range(s.responseScale, `${where} responseScale`, common);
    const k = items.length;
    const minItems = s.minItems === undefined ? Math.max(Math.min(2, k), Math.ceil(k / 2)) : s.minItems;
    if (typeof minItems !== 'number' || !Number.isInteger(minItems) || minItems < 1 || minItems > k)
      return bad(`${where} minItems`, s.minItems, 'BAD_MIN_ITEMS', `expected a whole number from 1 to ${k} (the scale's items)`);
    if (scaleRange && items.length === s.items.length) out.push({ scale: name, items, ...scaleRange, minItems });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: out, problems: [] };
}
