import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parse } from 'yaml';
import { formalRolesFromSettings, type FormalRoleRule } from '../model/formal-roles.js';

/**
 * Reads a `--formal-roles` settings file (YAML or JSON: role → domains, docs/metrics.md) into the
 * role → domains table used for hidden and nominal leaders. Returns the rules, or a message naming
 * the file and what was expected.
 */
export async function readFormalRolesFile(path: string): Promise<{ ok: true; rules: FormalRoleRule[] } | { ok: false; message: string }> {
  let settings: unknown;
  try {
    settings = parse(await readFile(path, 'utf8'));
  } catch (err) {
    return { ok: false, message: `${basename(path)}: not readable as YAML or JSON (${(err as Error).message.split('\n')[0]})` };
  }
  const res = formalRolesFromSettings(settings);
  return res.ok ? res : { ok: false, message: `${basename(path)}: ${res.message}` };
}
