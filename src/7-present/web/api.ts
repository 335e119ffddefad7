/// <reference lib="dom" />
/**
 * Talks to this server's API. When the server runs with PARALLAX_TOKEN, the user types the
 * token once (see token-form.ts); it lives in sessionStorage for this tab only and goes out
 * as `Authorization: Bearer`, never in a URL.
 */

const TOKEN_KEY = 'parallax-token';

/** The API answered 401: the UI asks for a token. */
export class TokenRequired extends Error {}

export function savedToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function saveToken(token: string): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

function headers(accept: string): Record<string, string> {
  const token = savedToken();
  return token ? { accept, authorization: `Bearer ${token}` } : { accept };
}

async function request(path: string, accept: string): Promise<Response> {
  const res = await fetch(path, { headers: headers(accept) });
  if (res.status === 401) throw new TokenRequired('this server needs its access token');
  if (!res.ok) {
    let detail = `${res.status} ${res.statusText}`;
    try {
      const p = (await res.json()) as { detail?: string };
      if (p.detail) detail = p.detail;
    } catch {
      // not JSON: keep the status line
    }
    throw new Error(detail);
  }
  return res;
}

/** Fetches JSON; a problem+json answer becomes an Error with its detail. */
export async function getJson<T>(path: string): Promise<T> {
  return (await (await request(path, 'application/json')).json()) as T;
}

/**
 * Export links are plain links on loopback. With a token a plain link cannot carry the
 * header, so the click fetches the file with it and saves the response.
 */
export function authenticatedDownload(link: HTMLAnchorElement, filename: string): void {
  link.addEventListener('click', (e) => {
    if (!savedToken()) return;
    e.preventDefault();
    void request(link.getAttribute('href')!, '*/*')
      .then((res) => res.blob())
      .then((blob) => {
        const url = URL.createObjectURL(blob);
        const a = document.createElement('a');
        a.href = url;
        a.download = filename;
        a.click();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      })
      .catch((err: Error) => alert(err.message));
  });
}
