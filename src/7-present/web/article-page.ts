/// <reference lib="dom" />
import type { ArticleView } from '../http/article-view.js';
import { getJson } from './api.js';
import { el, empty, mount } from './dom.js';
import { segmentText, type Mark } from './segments.js';

/** Which story section each kind of mark leads back to. */
const SECTION: Record<string, string> = {
  entity: 'entities',
  quote: 'quotes',
  time: 'timeline',
  artifact: 'artifacts',
};

/** The article's text with entities, quotes, time expressions and artifacts marked; every mark links back to the story. */
export async function articlePage(root: HTMLElement, articleId: string): Promise<void> {
  mount(root, el('p', { class: 'loading' }, 'Loading article…'));
  const a = await getJson<ArticleView>(`/api/articles/${encodeURIComponent(articleId)}`);
  document.title = `${a.meta.title} — Parallax`;
  const marks: Mark[] = [
    ...(a.mentions ?? []).map((m) => ({
      start: m.start,
      end: m.end,
      kind: 'entity',
      label: m.type,
    })),
    ...(a.quotes ?? []).map((q) => ({
      start: q.content.start,
      end: q.content.end,
      kind: 'quote',
      label: q.kind,
    })),
    ...(a.quotes ?? []).flatMap((q) =>
      q.cue ? [{ start: q.cue.start, end: q.cue.end, kind: 'cue' }] : [],
    ),
    ...(a.times ?? []).map((t) => ({ start: t.start, end: t.end, kind: 'time', label: t.value })),
    ...(a.artifacts ?? []).map((x) => ({
      start: x.start,
      end: x.end,
      kind: 'artifact',
      label: x.kind,
    })),
  ];
  const body = el('div', { class: 'article-text', lang: a.language.code });
  for (const seg of segmentText(a.text.length, marks)) {
    const text = a.text.slice(seg.start, seg.end);
    if (seg.marks.length === 0) {
      body.appendChild(document.createTextNode(text));
      continue;
    }
    const kinds = [...new Set(seg.marks.map((m) => m.kind))];
    const first = seg.marks.find((m) => SECTION[m.kind]) ?? seg.marks[0]!;
    const title = seg.marks.map((m) => `${m.kind}${m.label ? `: ${m.label}` : ''}`).join(' · ');
    body.appendChild(
      el(
        'a',
        {
          href: `#/story/${a.storyId}/${SECTION[first.kind] ?? 'side-by-side'}`,
          class: [
            'mark',
            ...kinds.map((k) => `mark-${k}`),
            ...seg.marks.filter((m) => m.kind === 'entity').map((m) => `etype-${m.label}`),
          ].join(' '),
          title,
        },
        text,
      ),
    );
  }
  const counts = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  mount(
    root,
    el('p', {}, el('a', { href: `#/story/${a.storyId}` }, '← Back to the story')),
    el('h1', {}, a.meta.title),
    el(
      'p',
      { class: 'muted' },
      `${a.meta.source} · ${a.meta.published.value ?? 'date unknown'} (${a.meta.published.certainty}) · language ${a.language.code} · `,
      counts(a.mentions?.length ?? 0, 'entity mention', 'entity mentions'),
      ' · ',
      counts(a.quotes?.length ?? 0, 'quote', 'quotes'),
      ' · ',
      counts(a.times?.length ?? 0, 'time expression', 'time expressions'),
    ),
    el(
      'ul',
      { class: 'legend', 'aria-label': 'Legend' },
      el('li', {}, el('span', { class: 'swatch mark-entity', 'aria-hidden': 'true' }), 'entity'),
      el('li', {}, el('span', { class: 'swatch mark-quote', 'aria-hidden': 'true' }), 'quote'),
      el(
        'li',
        {},
        el('span', { class: 'swatch mark-time', 'aria-hidden': 'true' }),
        'time expression',
      ),
      el(
        'li',
        {},
        el('span', { class: 'swatch mark-artifact', 'aria-hidden': 'true' }),
        'flagged artifact',
      ),
    ),
    a.text ? body : empty('This article has no text.'),
    el('p', { class: 'muted' }, `Origin: ${a.meta.origin}`),
  );
}
