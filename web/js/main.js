import { esc, get, post } from './api.js';
import { renderSignIn, renderPasswordChange } from './views/signin.js';
import { renderSchools } from './views/schools.js';
import { renderWave } from './views/wave.js';

const app = document.getElementById('app');
const session = document.getElementById('session');
let me = null;

async function route() {
  if (!me) me = (await get('/api/auth/me')).account;
  renderSession();
  if (!me) return renderSignIn(app, async () => { me = null; await route(); });
  if (me.mustChangePassword) return renderPasswordChange(app, async () => { me = null; await route(); });
  const [, view, id] = (location.hash || '#/schools').split('/');
  if (view === 'wave' && id) return renderWave(app, id, me);
  return renderSchools(app, me);
}

function renderSession() {
  session.innerHTML = me ? `<span class="muted">${esc(me.username)} · ${esc(me.role)}</span> <button class="link" id="signout">Sign out</button>` : '';
  document.getElementById('signout')?.addEventListener('click', async () => {
    await post('/api/auth/sign-out');
    me = null;
    location.hash = '#/schools';
    await route();
  });
}

window.addEventListener('hashchange', () => { route().catch(showError); });
function showError(e) { app.innerHTML = `<div class="card error">${esc(e.message)}</div>`; }
route().catch(showError);
