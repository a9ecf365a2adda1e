// @ts-check
// The network view's layout off the main thread (a module worker): the local copy of D3 sets its global, then forceLayout runs.
import { forceLayout } from './layout-core.js';

const scope = /** @type {any} */ (globalThis);
const D3 = '/vendor/d3.min.js';
const ready = import(D3);
scope.onmessage = async (/** @type {MessageEvent} */ ev) => {
  await ready;
  const { n, links } = ev.data;
  const xy = forceLayout(scope.d3, n, links, (done) => scope.postMessage({ progress: done }));
  scope.postMessage({ xy }, [xy.buffer]);
};
