// @ts-check
// JSON calls to the leadmap API (same origin; the session cookie is HttpOnly).
/** An error answer of the API: HTTP status, the machine-readable `code`, the message for the user. */
export class ApiError extends Error {
  /**
   * @param {number} status
   * @param {string} code
   * @param {string} message
   * @param {any} [details]
   */
  constructor(status, code, message, details) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/**
 * One JSON call; a 202 with a job (a large wave still computing) is followed, then asked again.
 * @param {'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'} method
 * @param {string} path
 * @param {unknown} [body]
 * @returns {Promise<any>} the answer's JSON
 * @throws {ApiError}
 */
export async function api(method, path, body) {
  /** @type {RequestInit & { headers: Record<string, string> }} */
  const init = { method, credentials: 'same-origin', headers: {} };
  if (body !== undefined) {
    init.headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const res = await fetch(path, init);
  const data = await res.json().catch(() => null);
  if (res.status === 202 && method === 'GET' && data?.job?.id) {
    // A large wave's analysis or report is still being computed: follow its job, then ask again (now cached).
    const job = await followJob(data.job.id);
    if (job.status === 'failed') throw new ApiError(422, job.error?.code ?? 'JOB_FAILED', job.error?.message ?? 'the computation failed');
    return api(method, path, body);
  }
  if (!res.ok)
    throw new ApiError(
      res.status,
      data?.error?.code ?? 'HTTP',
      data?.error?.message ?? `request failed (${res.status})`,
      data?.error?.details,
    );
  return data;
}

/** @param {string} p */
export const get = (p) => api('GET', p);
/** @param {string} p @param {unknown} [b] */
export const post = (p, b) => api('POST', p, b ?? {});
/** @param {string} p */
export const del = (p) => api('DELETE', p);

/**
 * Multipart upload with byte progress (fetch has no upload progress); resolves with the JSON answer.
 * @param {string} path
 * @param {FormData} form
 * @param {(fraction: number) => void} [onProgress]
 * @returns {Promise<any>}
 */
export function upload(path, form, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.responseType = 'json';
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) onProgress?.(e.loaded / e.total);
    });
    xhr.addEventListener('load', () => {
      const data = xhr.response;
      if (xhr.status >= 200 && xhr.status < 300) resolve(data);
      else
        reject(
          new ApiError(
            xhr.status,
            data?.error?.code ?? 'HTTP',
            data?.error?.message ?? `upload failed (${xhr.status})`,
            data?.error?.details,
          ),
        );
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, 'NETWORK', 'the upload could not reach the server')));
    xhr.send(form);
  });
}

/**
 * Follows a background job until it finishes (server-sent events, polling as a fallback). Resolves
 * with the finished job; rejects with the ApiError when the job can no longer be asked about (the
 * poll fails), so the caller stops waiting and shows why.
 * @param {string} jobId
 * @param {(job: any) => void} [onProgress]
 * @returns {Promise<any>} the finished job
 */
export function followJob(jobId, onProgress) {
  return new Promise((resolve, reject) => {
    let finished = false;
    /** @type {EventSource | null} */
    let source = null;
    /** @param {any} job @param {unknown} [error] */
    const finish = (job, error) => {
      if (finished) return;
      finished = true;
      source?.close();
      if (error) reject(error);
      else resolve(job);
    };
    const poll = async () => {
      while (!finished) {
        const { job } = await get(`/api/jobs/${encodeURIComponent(jobId)}`);
        onProgress?.(job);
        if (job.finishedAt) return finish(job);
        await new Promise((r) => setTimeout(r, 400));
      }
    };
    const startPolling = () => {
      poll().catch((e) => finish(null, e));
    };
    try {
      source = new EventSource(`/api/jobs/${encodeURIComponent(jobId)}/events`);
      source.addEventListener('progress', (e) => onProgress?.(JSON.parse(/** @type {MessageEvent} */ (e).data)));
      source.addEventListener('done', (e) => finish(JSON.parse(/** @type {MessageEvent} */ (e).data)));
      source.addEventListener('error', () => {
        source?.close();
        source = null;
        startPolling();
      });
    } catch {
      startPolling();
    }
  });
}

/**
 * Downloads from the API (report, exports) may first need computing: ask with HEAD, follow the job
 * if the answer is 202, then let the browser download the (now cached) file. `onWait` is told
 * while it waits (true) and when it is done (false). Rejects (ApiError) when the job fails or cannot be followed.
 * @param {string} href
 * @param {(waiting: boolean) => void} [onWait]
 */
export async function prepareDownload(href, onWait) {
  const res = await fetch(href, { method: 'HEAD', credentials: 'same-origin' });
  const location = res.headers.get('location');
  if (res.status !== 202 || !location) return;
  onWait?.(true);
  try {
    const job = await followJob(location.split('/').pop() ?? '');
    if (job.status === 'failed')
      throw new ApiError(422, job.error?.code ?? 'JOB_FAILED', job.error?.message ?? 'the file could not be prepared');
  } finally {
    onWait?.(false);
  }
}

/**
 * Escapes text for insertion into HTML built from strings.
 * @param {unknown} v
 * @returns {string}
 */
export function esc(v) {
  return String(v ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/**
 * A number for a table: integers as they are, others to `digits` decimals; null, undefined and NaN as "—".
 * @param {unknown} v
 */
export function fmt(v, digits = 2) {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  return typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(digits)) : String(v);
}

/** A share 0–1 as a whole percentage; null and undefined as "—". @param {number | null | undefined} v */
export function pct(v) {
  return v === null || v === undefined ? '—' : `${Math.round(v * 100)} %`;
}
