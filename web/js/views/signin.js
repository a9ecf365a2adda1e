// @ts-check
import { ApiError, post } from '../api.js';

function explain(e) {
  if (!(e instanceof ApiError)) return 'The server could not be reached. Check your connection and try again.';
  if (e.code === 'BAD_CREDENTIALS') return 'That user name and password do not match. Check both and try again.';
  if (e.code === 'RATE_LIMITED') return 'Too many attempts. Wait a minute, then try again.';
  return e.message;
}

export function renderSignIn(root, done) {
  document.title = 'Sign in · leadmap';
  root.innerHTML = `
    <form class="card signin" id="signin-form" novalidate>
      <h1>Sign in</h1>
      <p class="muted">Leadership networks of your schools. Results are personnel data: keep them within the leadership team.</p>
      <label for="username">User name</label><input id="username" name="username" type="text" autocomplete="username" required>
      <label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
      <p><button type="submit">Sign in</button></p>
      <div class="error" id="signin-error" role="alert" aria-live="assertive"></div>
    </form>`;
  const form = root.querySelector('#signin-form');
  const err = root.querySelector('#signin-error');
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    err.textContent = '';
    if (!form.username.value.trim() || !form.password.value) {
      err.textContent = 'Enter your user name and password.';
      return;
    }
    const button = form.querySelector('button');
    button.disabled = true;
    try {
      await post('/api/auth/sign-in', { username: form.username.value.trim(), password: form.password.value });
      await done();
    } catch (e) {
      err.textContent = explain(e);
      form.password.select();
    } finally {
      button.disabled = false;
    }
  });
  form.username.focus();
}

export function renderPasswordChange(root, done) {
  document.title = 'Choose a password · leadmap';
  root.innerHTML = `
    <form class="card signin" id="password-form" novalidate>
      <h1>Choose your password</h1>
      <p class="muted">Your account still has a one-time password. Choose your own: at least 12 characters.</p>
      <label for="current">One-time password</label><input id="current" type="password" autocomplete="current-password" required>
      <label for="next">New password</label><input id="next" type="password" autocomplete="new-password" minlength="12" required aria-describedby="next-hint">
      <p class="hint" id="next-hint">At least 12 characters, not a common password; a short sentence is easy to remember.</p>
      <label for="again">New password again</label><input id="again" type="password" autocomplete="new-password" required>
      <p><button type="submit">Save and continue</button></p>
      <div class="error" id="password-error" role="alert" aria-live="assertive"></div>
    </form>`;
  const form = root.querySelector('#password-form');
  const err = root.querySelector('#password-error');
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    err.textContent = '';
    if (form.next.value.trim().length < 12) {
      err.textContent = 'The new password needs at least 12 characters.';
      form.next.focus();
      return;
    }
    if (form.next.value !== form.again.value) {
      err.textContent = 'The two new passwords differ.';
      form.again.focus();
      return;
    }
    try {
      await post('/api/auth/password', { currentPassword: form.current.value, newPassword: form.next.value });
      await done();
    } catch (e) {
      err.textContent = e instanceof ApiError && e.code === 'BAD_CREDENTIALS' ? 'The one-time password is not right.' : explain(e);
    }
  });
  form.current.focus();
}
