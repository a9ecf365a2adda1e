import { ApiError, esc, post } from '../api.js';

export function renderSignIn(root, done) {
  root.innerHTML = `
    <form class="card signin" id="signin-form">
      <h1>Sign in</h1>
      <label for="username">User name</label><input id="username" name="username" type="text" autocomplete="username" required>
      <label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
      <p><button type="submit">Sign in</button></p>
      <div class="error" id="signin-error" role="alert"></div>
    </form>`;
  const form = root.querySelector('#signin-form');
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const err = root.querySelector('#signin-error');
    err.textContent = '';
    try {
      await post('/api/auth/sign-in', { username: form.username.value, password: form.password.value });
      await done();
    } catch (e) {
      err.textContent = e instanceof ApiError ? e.message : 'sign-in failed';
    }
  });
  form.username.focus();
}

export function renderPasswordChange(root, done) {
  root.innerHTML = `
    <form class="card signin" id="password-form">
      <h1>Choose a new password</h1>
      <p class="muted">Your account still has a one-time password. Choose your own (at least 10 characters).</p>
      <label for="current">One-time password</label><input id="current" type="password" autocomplete="current-password" required>
      <label for="next">New password</label><input id="next" type="password" autocomplete="new-password" minlength="10" required>
      <p><button type="submit">Save</button></p>
      <div class="error" id="password-error" role="alert"></div>
    </form>`;
  const form = root.querySelector('#password-form');
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    try {
      await post('/api/auth/password', { currentPassword: form.current.value, newPassword: form.next.value });
      await done();
    } catch (e) {
      root.querySelector('#password-error').textContent = e instanceof ApiError ? e.message : esc(String(e));
    }
  });
}
