import type { Comparison, SpeakerQuotes } from '../../5-compare/comparison.js';
import type { Store } from '../../6-store/store.js';
import { compareStory } from '../../pipeline/compare-story.js';
import type { StorySummary } from '../../types.js';
import type { StoriesQuery } from './schemas.js';

export type CompareFn = (store: Store, storyId: string) => Promise<Comparison | null>;

export interface StoryListItem extends StorySummary {
  articleCount: number;
  outletCount: number;
}

export interface EntityListItem {
  name: string;
  type: string;
  aliases: string[];
  roles: string[];
  stories: Array<{ id: string; title: string }>;
}

export interface QuoteHit {
  storyId: string;
  speaker: string;
  articleId: string;
  source: string;
  kind: string;
  start: number;
  end: number;
  text: string;
}

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * Story-level reads for the API: comparisons are computed on demand and kept
 * until the story gains an article (the cache key is the story's article ids).
 */
export class StoryCatalog {
  private readonly cache = new Map<string, { key: string; comparison: Comparison }>();

  constructor(
    private readonly store: Store,
    private readonly compare: CompareFn = compareStory,
    /** Comparisons kept in memory, least recently used dropped first. */
    private readonly maxCached = 500,
  ) {}

  async comparison(id: string): Promise<Comparison | null> {
    const story = await this.store.getStory(id);
    if (!story) return null;
    const key = story.articles.map((a) => a.id).join(',');
    const hit = this.cache.get(story.id);
    this.cache.delete(story.id);
    if (hit && hit.key === key) {
      this.cache.set(story.id, hit);
      return hit.comparison;
    }
    const comparison = await this.compare(this.store, story.id);
    if (comparison) {
      this.cache.set(story.id, { key, comparison });
      if (this.cache.size > this.maxCached) this.cache.delete(this.cache.keys().next().value!);
    }
    return comparison;
  }

  async stories(q: StoriesQuery): Promise<{ total: number; items: StoryListItem[] }> {
    let stories = await this.store.listStories();
    if (q.q) {
      const words = fold(q.q);
      const hits = new Set((await this.store.search(q.q, 500)).map((h) => h.storyId));
      stories = stories.filter((s) => hits.has(s.id) || fold(s.title).includes(words));
    }
    if (q.from) stories = stories.filter((s) => (s.lastDate ?? s.firstDate ?? '') >= q.from!);
    if (q.to) stories = stories.filter((s) => (s.firstDate ?? s.lastDate ?? '9999') <= q.to!);
    if (q.outlet) {
      const o = fold(q.outlet);
      stories = stories.filter((s) => s.outlets.some((x) => fold(x) === o));
    }
    if (q.language || q.entity) {
      const kept: StorySummary[] = [];
      for (const s of stories) {
        const c = await this.comparison(s.id);
        if (!c) continue;
        if (q.language && !c.articles.some((a) => a.language === q.language)) continue;
        if (q.entity) {
          const e = fold(q.entity);
          const names = c.entities.flatMap((x) => [x.name, ...x.aliases]).map(fold);
          if (!names.includes(e)) continue;
        }
        kept.push(s);
      }
      stories = kept;
    }
    return {
      total: stories.length,
      items: stories.slice(q.offset, q.offset + q.limit).map((s) => ({
        ...s,
        articleCount: s.articles.length,
        outletCount: s.outlets.length,
      })),
    };
  }

  /** Every story's comparison; lists and searches across stories read these. */
  private async all(): Promise<Comparison[]> {
    const out: Comparison[] = [];
    for (const s of await this.store.listStories()) {
      const c = await this.comparison(s.id);
      if (c) out.push(c);
    }
    return out;
  }

  /** Entities merged across stories by type and name, with every alias and the stories they appear in. */
  async entities(q?: string): Promise<EntityListItem[]> {
    const byKey = new Map<string, EntityListItem>();
    for (const c of await this.all()) {
      for (const e of c.entities) {
        const key = `${e.type}\u0000${fold(e.name)}`;
        let item = byKey.get(key);
        if (!item) {
          item = { name: e.name, type: e.type, aliases: [], roles: [], stories: [] };
          byKey.set(key, item);
        }
        for (const a of e.aliases) if (!item.aliases.includes(a)) item.aliases.push(a);
        for (const r of e.roles) if (!item.roles.includes(r)) item.roles.push(r);
        if (!item.stories.some((s) => s.id === c.story.id))
          item.stories.push({ id: c.story.id, title: c.story.title });
      }
    }
    let items = [...byKey.values()];
    if (q) {
      const f = fold(q);
      items = items.filter((e) => [e.name, ...e.aliases].some((n) => fold(n).includes(f)));
    }
    return items.sort(
      (a, b) => b.stories.length - a.stories.length || a.name.localeCompare(b.name),
    );
  }

  /** Quotes whose content or speaker contains every word of the query. */
  async searchQuotes(query: string, limit: number): Promise<QuoteHit[]> {
    const words = fold(query).split(/\s+/).filter(Boolean);
    const out: QuoteHit[] = [];
    for (const c of await this.all()) {
      for (const sq of c.quotes as SpeakerQuotes[]) {
        for (const r of sq.renderings) {
          const hay = fold(`${sq.speaker} ${r.content.text}`);
          if (!words.every((w) => hay.includes(w))) continue;
          out.push({
            storyId: c.story.id,
            speaker: sq.speaker,
            articleId: r.articleId,
            source: r.source,
            kind: r.kind,
            start: r.content.start,
            end: r.content.end,
            text: r.content.text,
          });
          if (out.length >= limit) return out;
        }
      }
    }
    return out;
  }
}
