/// <reference lib="dom" />
import { saveToken, savedToken } from './api.js';
import { el, mount } from './dom.js';

/** Asks for the server's access token (PARALLAX_TOKEN), then shows the page again. */
export function tokenForm(root: HTMLElement, retry: () => void): void {
  const input = el('input', {
    type: 'password',
    name: 'token',
    autocomplete: 'current-password',
    'aria-label': 'Access token',
  });
  const form = el(
    'form',
    { class: 'filters', 'aria-label': 'Access token' },
    el('label', { for: 'token' }, 'Access token '),
    input,
    el('button', { type: 'submit' }, 'Continue'),
  );
  input.id = 'token';
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    saveToken(input.value.trim());
    retry();
  });
  mount(
    root,
    el('h1', {}, 'Access token needed'),
    el(
      'p',
      { role: 'alert' },
      savedToken()
        ? 'The server refused this token. Enter the current one.'
        : 'This server is shared beyond this machine, so it needs the token it was started with (PARALLAX_TOKEN). It stays in this browser tab only.',
    ),
    form,
  );
  input.focus();
}
