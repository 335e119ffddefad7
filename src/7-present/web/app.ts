/// <reference lib="dom" />
import { TokenRequired } from './api.js';
import { articlePage } from './article-page.js';
import { el, mount } from './dom.js';
import { entitiesPage } from './entities-page.js';
import { storyList } from './story-list.js';
import { storyPage } from './story-page.js';
import { tokenForm } from './token-form.js';

/** Hash routes: #/ (stories), #/story/<id>[/<section>], #/article/<id>, #/entities. */
async function route(): Promise<void> {
  const root = document.getElementById('app')!;
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, query = ''] = hash.split('?', 2) as [string, string?];
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  try {
    if (parts[0] === 'story' && parts[1]) await storyPage(root, parts[1], parts[2]);
    else if (parts[0] === 'article' && parts[1]) await articlePage(root, parts[1]);
    else if (parts[0] === 'entities') await entitiesPage(root, new URLSearchParams(query));
    else await storyList(root, new URLSearchParams(query));
    root.dataset.ready = 'true';
  } catch (e) {
    if (e instanceof TokenRequired) {
      tokenForm(root, () => void route());
      root.dataset.ready = 'true';
      return;
    }
    mount(
      root,
      el('p', {}, el('a', { href: '#/' }, '← All stories')),
      el('p', { class: 'error', role: 'alert' }, (e as Error).message),
    );
    root.dataset.ready = 'true';
  }
}

window.addEventListener('hashchange', () => {
  document.getElementById('app')!.dataset.ready = 'false';
  void route();
});
void route();
