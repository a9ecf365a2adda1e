// @ts-check
import { esc, get, post, prepareDownload } from './api.js';
import { clearCache } from './data.js';
import { errorBox, keyboardScrolls } from './ui.js';
import { renderSignIn, renderPasswordChange } from './views/signin.js';
import { renderSchools } from './views/schools.js';
import { renderSchool } from './views/school.js';
import { renderWave } from './views/wave.js';
import { renderAccounts } from './views/accounts.js';
import { renderAudit } from './views/audit.js';
import { renderDocs } from './views/docs.js';

const app = /** @type {HTMLElement} */ (document.getElementById('app'));
const session = /** @type {HTMLElement} */ (document.getElementById('session'));
const siteNav = /** @type {HTMLElement} */ (document.getElementById('site-nav'));
let me = null;
let seq = 0;

/** Hash routes: #/schools, #/school/:id, #/wave/:id/:tab?relation=&domain=, #/accounts, #/audit, #/docs/:page */
function parseHash() {
  const [path, query = ''] = (location.hash || '#/schools').slice(1).split('?');
  const [, view, id, tab] = path.split('/');
  return { view, id: id && decodeURIComponent(id), tab, params: Object.fromEntries(new URLSearchParams(query)) };
}

async function route() {
  const mine = ++seq;
  if (!me) me = (await get('/api/auth/me')).account;
  renderSession();
  if (!me)
    return renderSignIn(app, async () => {
      me = null;
      clearCache();
      await route();
    });
  if (me.mustChangePassword)
    return renderPasswordChange(app, async () => {
      me = null;
      await route();
    });
  const { view, id, tab, params } = parseHash();
  const stale = () => mine !== seq;
  if (view === 'wave' && id) return renderWave(app, { waveId: id, tab: tab || 'overview', params, me, stale });
  if (view === 'school' && id) return renderSchool(app, { schoolId: id, me, stale });
  if (view === 'accounts') return renderAccounts(app, { me, stale });
  if (view === 'audit') return renderAudit(app, { me, params, stale });
  if (view === 'docs') return renderDocs(app, { page: id || 'data-formats', stale });
  document.title = 'Schools · leadmap';
  return renderSchools(app, me);
}

function renderSession() {
  const { view } = parseHash();
  /** @param {string} href @param {string} text @param {boolean} here */
  const link = (href, text, here) => `<a href="${href}"${here ? ' aria-current="page"' : ''}>${text}</a>`;
  siteNav.innerHTML = me
    ? [
        link('#/schools', 'Schools', !view || view === 'schools' || view === 'school' || view === 'wave'),
        me.role === 'admin' ? link('#/accounts', 'Accounts', view === 'accounts') : '',
        me.role === 'admin' ? link('#/audit', 'Audit log', view === 'audit') : '',
        link('#/docs/data-formats', 'Help', view === 'docs'),
      ].join('')
    : '';
  session.innerHTML = me
    ? `<span class="who">${esc(me.username)}${me.username === me.role ? '' : ` <span class="badge role">${esc(me.role)}</span>`}</span> <button class="link" id="signout" type="button">Sign out</button>`
    : '';
  document.getElementById('signout')?.addEventListener('click', async () => {
    await post('/api/auth/sign-out');
    me = null;
    clearCache();
    location.hash = '#/schools';
    await route();
  });
}

function showError(e) {
  if (e?.status === 401) {
    me = null;
    clearCache();
    route().catch(showError);
    return;
  }
  app.innerHTML = `${errorBox(e)}<p><a href="#/schools">← Back to schools</a></p>`;
}

// Downloads of reports and exports: computed first when needed (202), then fetched by the browser.
document.addEventListener('click', async (ev) => {
  // Stored originals (data-direct) are files already there: the browser fetches them at once.
  const a = ev.target instanceof Element ? ev.target.closest('a[download][href^="/api/"]:not([data-direct])') : null;
  if (!(a instanceof HTMLAnchorElement)) return;
  if (a.dataset.ready === '1') return;
  ev.preventDefault();
  const label = a.textContent;
  if (a.nextElementSibling?.matches('.download-error')) a.nextElementSibling.remove();
  try {
    await prepareDownload(a.getAttribute('href') ?? '', (waiting) => {
      a.setAttribute('aria-busy', String(waiting));
      a.textContent = waiting ? `${label} — preparing…` : label;
    });
  } catch (e) {
    a.insertAdjacentHTML(
      'afterend',
      ` <span class="error download-error" role="alert">${esc(e instanceof Error ? e.message : String(e))}</span>`,
    );
    return;
  }
  a.dataset.ready = '1';
  a.click();
  delete a.dataset.ready;
});

function show() {
  route().catch(showError);
}
// Tables that scroll inside their box are reachable by keyboard, on every page and every part drawn later.
new MutationObserver(() => keyboardScrolls(app)).observe(app, { childList: true, subtree: true });
window.addEventListener('hashchange', show);
show();
