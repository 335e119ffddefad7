/// <reference lib="dom" />
import type { StoryListItem } from '../http/story-catalog.js';
import { getJson, TokenRequired } from './api.js';
import { el, empty, mount } from './dom.js';

interface StoryPage {
  total: number;
  limit: number;
  offset: number;
  items: StoryListItem[];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const FILTERS = ['q', 'from', 'to', 'outlet', 'entity', 'language'] as const;

/** The story list with search and filters; the filters live in the hash (#/?q=…) so a view can be linked. */
export async function storyList(root: HTMLElement, params: URLSearchParams): Promise<void> {
  const form = el('form', { class: 'filters', role: 'search', 'aria-label': 'Filter stories' });
  const field = (name: (typeof FILTERS)[number], label: string, type = 'text') =>
    el(
      'label',
      {},
      label,
      el('input', { name, type, value: params.get(name) ?? '', autocomplete: 'off' }),
    );
  form.append(
    field('q', 'Search'),
    field('outlet', 'Outlet'),
    field('entity', 'Entity'),
    field('language', 'Language'),
    field('from', 'From', 'date'),
    field('to', 'To', 'date'),
    el('button', { type: 'submit' }, 'Filter'),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const k of FILTERS) {
      const v = (form.elements.namedItem(k) as HTMLInputElement).value.trim();
      if (v) next.set(k, v);
    }
    location.hash = `#/?${next}`;
  });
  const results = el(
    'div',
    { id: 'story-results', 'aria-live': 'polite' },
    el('p', { class: 'loading' }, 'Loading stories…'),
  );
  mount(root, el('h1', {}, 'Stories'), form, results);
  document.title = 'Stories — Parallax';

  const query = new URLSearchParams();
  for (const k of FILTERS) if (params.get(k)) query.set(k, params.get(k)!);
  const offset = Number(params.get('offset') ?? '0') || 0;
  query.set('offset', String(offset));
  query.set('limit', '25');
  let page: StoryPage;
  try {
    page = await getJson<StoryPage>(`/api/stories?${query}`);
  } catch (e) {
    if (e instanceof TokenRequired) throw e;
    mount(results, el('p', { class: 'error', role: 'alert' }, (e as Error).message));
    return;
  }
  if (page.items.length === 0) {
    mount(
      results,
      empty(
        'No story matches. Ingest articles with `parallax ingest <folder>` or change the filters.',
      ),
    );
    return;
  }
  const list = el('ul', { class: 'story-list' });
  for (const s of page.items) {
    const range =
      s.firstDate && s.lastDate && s.firstDate !== s.lastDate
        ? `${s.firstDate} – ${s.lastDate}`
        : (s.firstDate ?? s.lastDate ?? 'date unknown');
    list.appendChild(
      el(
        'li',
        {},
        el('a', { href: `#/story/${s.id}`, class: 'story-link' }, s.title || s.id),
        el(
          'p',
          { class: 'muted' },
          `${range} · ${plural(s.outletCount, 'outlet')} · ${plural(s.articleCount, 'article')} · ${s.outlets.join(', ')}`,
        ),
      ),
    );
  }
  const nav = el(
    'p',
    { class: 'pager' },
    `${page.offset + 1}–${page.offset + page.items.length} of ${page.total} `,
  );
  const link = (o: number, text: string) => {
    const p = new URLSearchParams(params);
    p.set('offset', String(o));
    return el('a', { href: `#/?${p}` }, text);
  };
  if (page.offset > 0) nav.append(link(Math.max(0, page.offset - page.limit), '← previous'), ' ');
  if (page.offset + page.items.length < page.total)
    nav.append(link(page.offset + page.limit, 'next →'));
  mount(results, list, nav);
  if (params.get('q')) await searchHits(results, params.get('q')!);
}

interface SearchResult {
  articles: Array<{
    articleId: string;
    storyId: string;
    title: string;
    source: string;
    snippet: string;
  }>;
  quotes: Array<{
    storyId: string;
    speaker: string;
    articleId: string;
    source: string;
    kind: string;
    text: string;
  }>;
}

/** Under the matching stories: the matching articles (with the store's snippet) and quotes. */
async function searchHits(container: HTMLElement, q: string): Promise<void> {
  const r = await getJson<SearchResult>(`/api/search?${new URLSearchParams({ q, limit: '20' })}`);
  container.append(
    el('h2', {}, `Articles matching “${q}”`),
    r.articles.length
      ? el(
          'ul',
          { class: 'hits' },
          ...r.articles.map((h) =>
            el(
              'li',
              {},
              el('a', { href: `#/article/${h.articleId}` }, h.title || h.articleId),
              el('span', { class: 'muted' }, ` · ${h.source}`),
              // The snippet marks matches with [ ]; it stays plain text.
              el('p', { class: 'muted' }, h.snippet),
            ),
          ),
        )
      : empty('No article matches.'),
    el('h2', {}, `Quotes matching “${q}”`),
    r.quotes.length
      ? el(
          'ul',
          { class: 'hits' },
          ...r.quotes.map((h) =>
            el(
              'li',
              {},
              el('strong', {}, h.speaker),
              ` (${h.source}, ${h.kind}): `,
              h.text,
              ' ',
              el('a', { href: `#/story/${h.storyId}/quotes` }, 'in the story'),
            ),
          ),
        )
      : empty('No quote matches.'),
  );
}
