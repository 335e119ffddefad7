import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseTextArticle } from '../../src/1-ingest/text-metadata.js';
import { analyseArticle } from '../../src/3-analyse/analyse.js';
import { clusterFeatures } from '../../src/4-cluster/features.js';
import { SqliteStore } from '../../src/6-store/sqlite/sqlite-store.js';
import type { AddResult } from '../../src/6-store/store.js';
import { createApp } from '../../src/7-present/http/app.js';
import { openApiDocument } from '../../src/7-present/http/openapi.js';
import { contentHash } from '../../src/pipeline/content-hash.js';
import { validate } from './api-json-schema.js';

/** Invented reports on one event; the decisions below put them in two stories, then merge. */
const report = (n: number, source: string) => `Lantern festival moved indoors in Carrow Vale
date 2026-09-1${n}
source ${source}

Organisers of the Carrow Vale lantern festival moved the event into the Tollhouse market hall after storm warnings, festival director Odile Marsh said.
About ${n + 2},000 lanterns made by local schools will hang from the hall's roof beams.
Update ${n}: the ferry to Carrow Vale will run two extra evening crossings.`;

async function add(store: SqliteStore, n: number, storyId: string | null, merge?: string[]) {
  const text = report(n, `Vale Outlet ${n}`);
  const article = analyseArticle(parseTextArticle(text, { origin: `r${n}.txt` }));
  const features = clusterFeatures(article);
  const r = await store.addArticle(
    { article, contentHash: contentHash(article.text), raw: text, features },
    () => ({ storyId, score: 1, scores: [], ...(merge ? { merge } : {}) }),
  );
  return r as Extract<AddResult, { status: 'added' }>;
}

test('a merged story id answers on every story route with the live story, marked redirected', async () => {
  const store = new SqliteStore(':memory:');
  try {
    const live = await add(store, 1, null);
    await add(store, 2, live.storyId);
    const old = await add(store, 3, null);
    const bridge = await add(store, 4, old.storyId, [live.storyId]);
    assert.deepEqual([bridge.storyId, bridge.merged], [live.storyId, [old.storyId]]);

    const { app } = createApp({ store });
    const doc = openApiDocument() as unknown as Record<string, unknown>;
    const schema = (name: string) => ({ $ref: `#/components/schemas/${name}` });
    const get = async (path: string, name?: string) => {
      const res = await app.request(path);
      assert.equal(res.status, 200, path);
      const body = name || path.endsWith('/comparison') ? await res.json() : await res.text();
      if (name) assert.deepEqual(validate(body, schema(name), doc), [], path);
      return { res, body };
    };

    const story = await get(`/api/stories/${old.storyId}`, 'Story');
    assert.equal(story.body.story.id, live.storyId);
    assert.equal(story.body.story.articles.length, 4);
    assert.equal(story.body.redirectedFrom, old.storyId);
    assert.equal(story.res.headers.get('parallax-redirected-from'), old.storyId);
    const direct = await get(`/api/stories/${live.storyId}`, 'Story');
    assert.equal(direct.body.redirectedFrom, undefined);
    assert.equal(direct.res.headers.get('parallax-redirected-from'), null);

    const timeline = await get(`/api/stories/${old.storyId}/timeline`, 'Timeline');
    assert.deepEqual(
      [timeline.body.storyId, timeline.body.redirectedFrom],
      [live.storyId, old.storyId],
    );
    const quotes = await get(`/api/stories/${old.storyId}/quotes`, 'Quotes');
    assert.deepEqual(
      [quotes.body.storyId, quotes.body.redirectedFrom],
      [live.storyId, old.storyId],
    );
    const cmp = await get(`/api/stories/${old.storyId}/comparison`);
    assert.equal(cmp.body.story.id, live.storyId);
    assert.equal(cmp.res.headers.get('parallax-redirected-from'), old.storyId);
    const exported = await get(`/api/stories/${old.storyId}/export?format=md`);
    assert.equal(exported.res.headers.get('parallax-redirected-from'), old.storyId);
    assert.match(exported.res.headers.get('content-disposition') ?? '', new RegExp(live.storyId));

    const list = await get('/api/stories', 'StoryList');
    assert.deepEqual(
      list.body.items.map((s: { id: string }) => s.id),
      [live.storyId],
    );
  } finally {
    await store.close();
  }
});
