/// <reference lib="dom" />
import type { EntityListItem } from '../http/story-catalog.js';
import { getJson } from './api.js';
import { entityLabel } from './entity-label.js';
import { el, empty, mount } from './dom.js';

/** Entities across all stories, with their aliases and the stories they appear in. */
export async function entitiesPage(root: HTMLElement, params: URLSearchParams): Promise<void> {
  const q = params.get('q') ?? '';
  const form = el(
    'form',
    { class: 'filters', role: 'search', 'aria-label': 'Find entities' },
    el('label', {}, 'Name or alias', el('input', { name: 'q', value: q, autocomplete: 'off' })),
    el('button', { type: 'submit' }, 'Find'),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = (form.elements.namedItem('q') as HTMLInputElement).value.trim();
    location.hash = v ? `#/entities?${new URLSearchParams({ q: v })}` : '#/entities';
  });
  const results = el('div', { 'aria-live': 'polite' }, el('p', { class: 'loading' }, 'Loading…'));
  mount(
    root,
    el('p', {}, el('a', { href: '#/' }, '← All stories')),
    el('h1', {}, 'Entities'),
    form,
    results,
  );
  document.title = 'Entities — Parallax';
  const query = new URLSearchParams({ limit: '100' });
  if (q) query.set('q', q);
  const page = await getJson<{ total: number; items: EntityListItem[] }>(`/api/entities?${query}`);
  if (page.items.length === 0) {
    mount(results, empty(q ? `No entity matches "${q}".` : 'No entities found yet.'));
    return;
  }
  mount(
    results,
    el(
      'p',
      { class: 'muted' },
      `${page.total} entities${page.total > page.items.length ? `, the first ${page.items.length} shown` : ''}`,
    ),
    el(
      'ul',
      { class: 'entities' },
      ...page.items.map((e) => {
        return el(
          'li',
          {},
          ...entityLabel(e),
          el(
            'ul',
            {},
            ...e.stories.map((s) =>
              el('li', {}, el('a', { href: `#/story/${s.id}` }, s.title || s.id)),
            ),
          ),
        );
      }),
    ),
  );
}
