// @ts-check
import { get } from './api.js';

// Small in-memory cache of what the wave pages fetch, so switching tabs is instant.
const cache = new Map();
function once(key, load) {
  if (!cache.has(key))
    cache.set(
      key,
      load().catch((e) => {
        cache.delete(key);
        throw e;
      }),
    );
  return cache.get(key);
}
export function clearCache() {
  cache.clear();
}
export function forgetWave(waveId) {
  for (const k of [...cache.keys()]) if (k.includes(`|${waveId}|`)) cache.delete(k);
}

const enc = encodeURIComponent;
const q = (sel) => {
  const s = new URLSearchParams(Object.entries(sel).filter(([, v]) => v)).toString();
  return s ? `?${s}` : '';
};

export const waveInfo = (id) => once(`wave|${id}|`, () => get(`/api/waves/${enc(id)}`));
export const analysis = (id, sel) =>
  once(`analysis|${id}|${q(sel)}`, () =>
    get(`/api/waves/${enc(id)}/analysis${q(sel)}`).then((r) => ({ ...r.analysis, completeness: r.completeness })),
  );
export const leadership = (id, relation) =>
  once(`leadership|${id}|${relation ?? ''}`, () => get(`/api/waves/${enc(id)}/leadership${q({ relation })}`).then((r) => r.leadership));
export const graph = (id, sel) => once(`graph|${id}|${q(sel)}`, () => get(`/api/waves/${enc(id)}/graph${q(sel)}`));
/** The district view of a wave whose roster names several schools (the analysis says `district`). */
export const district = (id, relation) =>
  once(`district|${id}|${relation ?? ''}`, () => get(`/api/waves/${enc(id)}/district${q({ relation })}`).then((r) => r.district));
/** The survey side of a wave (scales, skills, decision map, patterns; null parts where the wave has no such file). */
export const survey = (id, relation) =>
  once(`survey|${id}|${relation ?? ''}`, () => get(`/api/waves/${enc(id)}/survey${q({ relation })}`).then((r) => r.survey));
export const schoolInfo = (id) => once(`school|${id}|`, () => get(`/api/schools/${enc(id)}`));
export const indicators = (id, sel) =>
  once(`indicators|${id}|${q(sel)}`, () => get(`/api/waves/${enc(id)}/indicators${q(sel)}`).then((r) => r.indicators));
export const schoolWaves = (id) => once(`waves|${id}|`, () => get(`/api/schools/${enc(id)}/waves`).then((r) => r.waves));
export function forgetSchool(id) {
  cache.delete(`school|${id}|`);
  cache.delete(`waves|${id}|`);
}
export const compare = (schoolId, from, to) =>
  once(`compare|${schoolId}|${from}|${to}|`, () => get(`/api/schools/${enc(schoolId)}/compare${q({ from, to })}`));
