import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assignStory } from '../../src/4-cluster/assign.js';
import { clusterFeatures } from '../../src/4-cluster/features.js';
import { parseTextArticle } from '../../src/1-ingest/text-metadata.js';
import { analyseArticle } from '../../src/3-analyse/analyse.js';
import type { Assignment } from '../../src/4-cluster/assign.js';
import type { AddResult, Store } from '../../src/6-store/store.js';
import { contentHash } from '../../src/pipeline/content-hash.js';
import { compareStory } from '../../src/pipeline/compare-story.js';
import { storeArticle } from '../../src/pipeline/ingest.js';
import type { AnalysedArticle } from '../../src/types.js';

/** Invented articles: two about one event, one about another. */
const HARBOUR_A = `Dockworkers walk out at Brindlemouth port
date 2026-02-03
source Coastline Daily

Dockworkers at the port of Brindlemouth walked out on Monday after talks over night-shift pay collapsed, leaving 14 cargo ships waiting offshore.
"We will stay out until the night rate is restored," union organiser Perrin Hale told reporters at the north gate.
The port authority said perishable cargo would be diverted to Grayhaven.`;

const HARBOUR_B = `Brindlemouth port strike strands cargo ships
date 2026-02-03
source Tidewater Times

A walkout by Brindlemouth dockworkers over night-shift pay left 14 cargo ships stranded offshore on Monday, the port authority said.
Union organiser Perrin Hale said workers would stay out until the night rate was restored.
Perishable cargo is being diverted to the port of Grayhaven, officials added.`;

const ORCHARD = `Quince harvest breaks record in Allowmere valley
date 2026-02-04
source Valley Almanac

Growers in the Allowmere valley picked a record 9,000 tonnes of quince this season, the growers' cooperative announced.
Cooperative chair Wenna Stroud credited a mild spring and new frost netting for the yield.`;

/** A harbour report that differs from the others by a closing line (a distinct text). */
function harbourVariant(n: number): string {
  return `${HARBOUR_A}\nLate update number ${n}: ${n + 2} more vessels joined the queue outside the breakwater.`;
}

type Forced = Pick<Assignment, 'storyId' | 'merge'>;

/** Adds a text with a fixed decision (a story, or null for a new one, and any merges). */
async function addForced(store: Store, text: string, origin: string, decision: Forced) {
  const a = article(text, origin);
  const features = clusterFeatures(a);
  const r = await store.addArticle(
    { article: a, contentHash: contentHash(a.text), raw: text, features },
    () => ({ score: 1, scores: [], ...decision }),
  );
  assert.equal(r.status, 'added');
  return r as Extract<AddResult, { status: 'added' }>;
}

export function article(text: string, origin: string): AnalysedArticle {
  return analyseArticle(parseTextArticle(text, { origin }));
}

/** The suite every Store backend must pass. `open` returns a fresh, empty store. */
export function storeConformance(name: string, open: () => Promise<Store>): void {
  describe(`Store conformance: ${name}`, () => {
    it('stores an article and returns it with all its annotations and offsets intact', async () => {
      const store = await open();
      try {
        const a = article(HARBOUR_A, 'a.txt');
        const r = await storeArticle(store, a, HARBOUR_A);
        assert.equal(r.status, 'added');
        const got = await store.getArticle(r.articleId);
        assert.ok(got);
        assert.equal(got.text, a.text);
        assert.deepEqual(got.sentences, a.sentences);
        assert.deepEqual(got.artifacts, a.artifacts);
        assert.deepEqual(got.meta, a.meta);
        assert.equal(got.storyId, r.storyId);
        assert.equal(got.contentHash, contentHash(a.text));
      } finally {
        await store.close();
      }
    });

    it('is idempotent: the same text twice is stored once and reported as a duplicate', async () => {
      const store = await open();
      try {
        const first = await storeArticle(store, article(HARBOUR_A, 'a.txt'), HARBOUR_A);
        const again = await storeArticle(store, article(HARBOUR_A, 'copy-of-a.txt'), HARBOUR_A);
        assert.equal(again.status, 'duplicate');
        assert.equal(again.articleId, first.articleId);
        const stories = await store.listStories();
        assert.equal(stories.length, 1);
        assert.equal(stories[0]!.articles.length, 1);
      } finally {
        await store.close();
      }
    });

    it('puts articles about one event in one story and an unrelated one apart', async () => {
      const store = await open();
      try {
        const a = await storeArticle(store, article(HARBOUR_A, 'a.txt'), HARBOUR_A);
        const b = await storeArticle(store, article(HARBOUR_B, 'b.txt'), HARBOUR_B);
        const c = await storeArticle(store, article(ORCHARD, 'c.txt'), ORCHARD);
        assert.equal(b.storyId, a.storyId);
        assert.notEqual(c.storyId, a.storyId);
        const stories = await store.listStories();
        assert.deepEqual(
          stories.map((s) => s.articles.length),
          [2, 1],
        );
        const story = await store.getStory(a.storyId);
        assert.ok(story);
        assert.deepEqual(story.outlets, ['Coastline Daily', 'Tidewater Times']);
        assert.equal(story.firstDate, '2026-02-03');
        assert.equal(story.lastDate, '2026-02-03');
        for (const x of story.articles) {
          assert.ok(x.id && x.source && x.title && x.origin);
        }
        const loaded = await store.storyArticles(a.storyId);
        assert.deepEqual(loaded.map((x) => x.id).sort(), [a.articleId, b.articleId].sort());
      } finally {
        await store.close();
      }
    });

    it('offers candidate stories to the decision function and honours its choice', async () => {
      const store = await open();
      try {
        const a = article(HARBOUR_A, 'a.txt');
        const first = await storeArticle(store, a, HARBOUR_A);
        const b = article(HARBOUR_B, 'b.txt');
        const features = clusterFeatures(b);
        let seen: string[] = [];
        const r = await store.addArticle(
          { article: b, contentHash: contentHash(b.text), raw: HARBOUR_B, features },
          (candidates, stats) => {
            seen = candidates.map((c) => c.id);
            assert.ok(stats.docs >= 1);
            const decision = assignStory(features, candidates, stats);
            return { ...decision, storyId: null }; // force a new story
          },
        );
        assert.deepEqual(seen, [first.storyId]);
        assert.equal(r.status, 'added');
        assert.ok(r.status === 'added' && r.newStory);
        assert.notEqual(r.storyId, first.storyId);
      } finally {
        await store.close();
      }
    });

    it('proposes stories by key terms only from the weeks around the article date', async () => {
      const store = await open();
      try {
        const first = await storeArticle(store, article(HARBOUR_A, 'a.txt'), HARBOUR_A);
        const proposed = async (date: string | null, origin: string) => {
          const text = date
            ? HARBOUR_B.replace('date 2026-02-03', `date ${date}`)
            : HARBOUR_B.replace('date 2026-02-03\n', '');
          // Texts differ, or the store would take the next report for a duplicate.
          const b = article(`${text}\nFiled as ${origin}.`, origin);
          let seen: string[] = [];
          await store.addArticle(
            {
              article: b,
              contentHash: contentHash(b.text),
              raw: text,
              features: clusterFeatures(b),
            },
            (candidates) => {
              seen = candidates.map((c) => c.id);
              return { storyId: null, score: 0, scores: [] };
            },
          );
          return seen;
        };
        // Ten days either side is the assignment window: a week later the story is offered,
        // four months later (outside any window) it is not, and an undated report sees all.
        // (Each report is stored as a story of its own, which shares bands with the next.)
        assert.ok((await proposed('2026-02-13', 'b1.txt')).includes(first.storyId));
        assert.ok((await proposed('2026-01-25', 'b2.txt')).includes(first.storyId));
        assert.ok(!(await proposed('2026-06-01', 'b3.txt')).includes(first.storyId));
        assert.ok((await proposed(null, 'b4.txt')).includes(first.storyId));
      } finally {
        await store.close();
      }
    });

    it('merges the stories an article bridges: members move, the absorbed id redirects', async () => {
      const store = await open();
      try {
        const a = await addForced(store, HARBOUR_A, 'a.txt', { storyId: null });
        await addForced(store, HARBOUR_B, 'b.txt', { storyId: a.storyId });
        const c = await addForced(store, harbourVariant(1), 'c.txt', { storyId: null });
        assert.notEqual(c.storyId, a.storyId);
        assert.equal((await store.listStories()).length, 2);
        // The bridge joins the smaller story by score, but the larger one survives.
        const d = await addForced(store, harbourVariant(2), 'd.txt', {
          storyId: c.storyId,
          merge: [a.storyId],
        });
        assert.equal(d.storyId, a.storyId);
        assert.deepEqual(d.merged, [c.storyId]);
        const live = await store.listStories();
        assert.deepEqual(
          live.map((s) => [s.id, s.articles.length]),
          [[a.storyId, 4]],
        );
        const redirected = await store.getStory(c.storyId);
        assert.equal(redirected?.id, a.storyId);
        assert.equal(redirected?.articles.length, 4);
        assert.equal(redirected?.title, 'Dockworkers walk out at Brindlemouth port');
        assert.equal((await store.storyArticles(c.storyId)).length, 4);
        assert.equal((await store.getArticle(c.articleId))?.storyId, a.storyId);
        const hits = await store.search('breakwater');
        assert.ok(hits.length >= 2);
        for (const h of hits) assert.equal(h.storyId, a.storyId);
        // A duplicate of an absorbed story's article reports the live story.
        const again = await storeArticle(
          store,
          article(harbourVariant(1), 'c2.txt'),
          harbourVariant(1),
        );
        assert.equal(again.status, 'duplicate');
        assert.equal(again.storyId, a.storyId);
        // The merged story is offered (once, under its live id) to the next article.
        const e = article(HARBOUR_B.replace('Monday', 'Tuesday'), 'e.txt');
        const features = clusterFeatures(e);
        let seen: string[] = [];
        await store.addArticle(
          { article: e, contentHash: contentHash(e.text), raw: e.text, features },
          (candidates, stats) => {
            seen = candidates.map((x) => x.id);
            return assignStory(features, candidates, stats);
          },
        );
        assert.deepEqual(seen, [a.storyId]);
      } finally {
        await store.close();
      }
    });

    it('resolves redirect chains: a story merged into one that merged later', async () => {
      const store = await open();
      try {
        const x = await addForced(store, harbourVariant(1), 'x.txt', { storyId: null });
        const y = await addForced(store, harbourVariant(2), 'y.txt', { storyId: null });
        await addForced(store, harbourVariant(3), 'y2.txt', { storyId: y.storyId });
        const m = await addForced(store, harbourVariant(4), 'm.txt', {
          storyId: y.storyId,
          merge: [x.storyId],
        });
        assert.equal(m.storyId, y.storyId);
        assert.deepEqual(m.merged, [x.storyId]);
        const z = await addForced(store, harbourVariant(5), 'z.txt', { storyId: null });
        for (let i = 6; i <= 9; i++)
          await addForced(store, harbourVariant(i), `z${i}.txt`, { storyId: z.storyId });
        const n = await addForced(store, harbourVariant(10), 'n.txt', {
          storyId: z.storyId,
          merge: [y.storyId],
        });
        assert.equal(n.storyId, z.storyId);
        for (const old of [x.storyId, y.storyId, z.storyId]) {
          const s = await store.getStory(old);
          assert.equal(s?.id, z.storyId);
          assert.equal(s?.articles.length, 10);
        }
        assert.deepEqual(
          (await store.listStories()).map((s) => s.id),
          [z.storyId],
        );
      } finally {
        await store.close();
      }
    });

    it('lets a member that no longer fits leave its story when the story changes', async () => {
      const store = await open();
      try {
        const a = await storeArticle(store, article(HARBOUR_A, 'a.txt'), HARBOUR_A);
        await storeArticle(store, article(HARBOUR_B, 'b.txt'), HARBOUR_B);
        // Forced in, the orchard report is checked as soon as its story has three members.
        const o = await addForced(store, ORCHARD, 'o.txt', { storyId: a.storyId });
        assert.equal(o.storyId, a.storyId);
        assert.equal(o.left?.length, 1);
        assert.equal(o.left![0]!.articleId, o.articleId);
        const away = o.left![0]!.storyId;
        assert.notEqual(away, a.storyId);
        assert.equal((await store.getArticle(o.articleId))?.storyId, away);
        const stories = await store.listStories();
        assert.deepEqual(
          stories.map((s) => [s.id, s.articles.length]),
          [
            [a.storyId, 2],
            [away, 1],
          ],
        );
        assert.equal(stories[0]!.title, 'Dockworkers walk out at Brindlemouth port');
        assert.equal(stories[1]!.title, 'Quince harvest breaks record in Allowmere valley');
        assert.equal(stories[1]!.firstDate, '2026-02-04');
        // The story it left is proposed and joined as before; the orchard story takes orchard news.
        const again = await storeArticle(
          store,
          article(harbourVariant(1), 'c.txt'),
          harbourVariant(1),
        );
        assert.equal(again.storyId, a.storyId);
        const orchard2 = ORCHARD.replace('9,000', '9,100').replace(
          'Valley Almanac',
          'Hill Gazette',
        );
        const q = await storeArticle(store, article(orchard2, 'q.txt'), orchard2);
        assert.equal(q.storyId, away);
      } finally {
        await store.close();
      }
    });

    it('returns null for unknown ids', async () => {
      const store = await open();
      try {
        assert.equal(await store.getArticle('a_missing'), null);
        assert.equal(await store.getStory('s_missing'), null);
        assert.deepEqual(await store.storyArticles('s_missing'), []);
      } finally {
        await store.close();
      }
    });

    it('searches titles and text, and treats query syntax as plain words', async () => {
      const store = await open();
      try {
        const a = await storeArticle(store, article(HARBOUR_A, 'a.txt'), HARBOUR_A);
        await storeArticle(store, article(ORCHARD, 'c.txt'), ORCHARD);
        const hits = await store.search('Perrin Hale');
        assert.deepEqual(
          hits.map((h) => h.articleId),
          [a.articleId],
        );
        assert.match(hits[0]!.snippet, /Perrin/);
        assert.deepEqual(await store.search('"unbalanced AND OR ( NEAR'), []);
        assert.deepEqual(await store.search('   '), []);
      } finally {
        await store.close();
      }
    });

    it('finds stored near-duplicates by MinHash band and records links both ways', async () => {
      const store = await open();
      try {
        const a = article(HARBOUR_A, 'a.txt');
        const first = await storeArticle(store, a, HARBOUR_A);
        await storeArticle(store, article(ORCHARD, 'c.txt'), ORCHARD);
        const features = clusterFeatures(a);
        const similar = await store.similarArticles(features.bands);
        assert.equal(similar[0]!.id, first.articleId, 'the most similar article comes first');
        assert.equal(similar[0]!.source, 'Coastline Daily');
        assert.equal(similar[0]!.text, a.text);
        assert.equal(similar[0]!.contentHash, contentHash(a.text));
        assert.ok(!similar.some((x) => x.source === 'Valley Almanac'));
        assert.deepEqual(await store.similarArticles([]), []);

        // A wire copy from another outlet and an update from the same outlet.
        const wire = HARBOUR_A.replace('source Coastline Daily', 'source Tidewater Times');
        const wired = await storeArticle(store, article(wire, 'wire.txt'), wire);
        assert.equal(wired.status, 'duplicate', 'the same text is the same article');
        const b = article(HARBOUR_B, 'b.txt');
        const fb = clusterFeatures(b);
        const added = await store.addArticle(
          {
            article: b,
            contentHash: contentHash(b.text),
            raw: HARBOUR_B,
            features: fb,
            links: [
              { kind: 'version-of', to: first.articleId },
              { kind: 'same-text-as', to: first.articleId },
            ],
          },
          (candidates, stats) => assignStory(fb, candidates, stats),
        );
        assert.equal(added.status, 'added');
        const expected = [
          { kind: 'same-text-as', from: added.articleId, to: first.articleId },
          { kind: 'version-of', from: added.articleId, to: first.articleId },
        ];
        const sortLinks = (l: Array<{ kind: string }>) =>
          [...l].sort((x, y) => (x.kind < y.kind ? -1 : 1));
        assert.deepEqual(sortLinks(await store.articleLinks(added.articleId)), expected);
        assert.deepEqual(sortLinks(await store.articleLinks(first.articleId)), expected);
        assert.deepEqual(await store.articleLinks('a_missing'), []);
        // Links given with a duplicate are not recorded.
        const dup = await store.addArticle(
          {
            ...{ article: b, contentHash: contentHash(b.text), raw: HARBOUR_B, features: fb },
            links: [{ kind: 'version-of', to: 'a_other' }],
          },
          (candidates, stats) => assignStory(fb, candidates, stats),
        );
        assert.equal(dup.status, 'duplicate');
        assert.equal((await store.articleLinks(added.articleId)).length, 2);
      } finally {
        await store.close();
      }
    });

    it('stores an updated article from the same outlet as a new version (storeArticle)', async () => {
      const store = await open();
      try {
        const first = await storeArticle(store, article(HARBOUR_A, 'a.txt'), HARBOUR_A);
        const updated =
          HARBOUR_A.replace('The port authority said', 'Late on Monday the port authority said') +
          '\nTalks are due to resume on Wednesday morning.';
        const second = await storeArticle(store, article(updated, 'a-updated.txt'), updated);
        assert.equal(second.status, 'added');
        assert.deepEqual(second.links, [{ kind: 'version-of', to: first.articleId }]);
        assert.deepEqual(await store.articleLinks(second.articleId), [
          { kind: 'version-of', from: second.articleId, to: first.articleId },
        ]);
        assert.equal(second.storyId, first.storyId);
        // The comparison reads the latest version only; the other outlet's report stays.
        const other = await storeArticle(store, article(HARBOUR_B, 'b.txt'), HARBOUR_B);
        assert.equal(other.storyId, first.storyId);
        assert.equal((await store.storyArticles(first.storyId)).length, 3);
        const cmp = await compareStory(store, first.storyId);
        assert.deepEqual(
          cmp?.articles.map((a) => a.id).sort(),
          [second.articleId, other.articleId].sort(),
        );
      } finally {
        await store.close();
      }
    });

    it('links the same text from a different outlet as "same text as" (storeArticle)', async () => {
      const store = await open();
      try {
        const first = await storeArticle(store, article(HARBOUR_A, 'a.txt'), HARBOUR_A);
        // Wire copy: the same body with a different headline and outlet, one word changed.
        const wire = HARBOUR_A.replace(
          'Dockworkers walk out at Brindlemouth port',
          'Port strike in Brindlemouth',
        )
          .replace('source Coastline Daily', 'source Tidewater Times')
          .replace('told reporters', 'told journalists');
        const second = await storeArticle(store, article(wire, 'wire.txt'), wire);
        assert.equal(second.status, 'added');
        assert.deepEqual(second.links, [{ kind: 'same-text-as', to: first.articleId }]);
        assert.deepEqual(await store.articleLinks(first.articleId), [
          { kind: 'same-text-as', from: second.articleId, to: first.articleId },
        ]);
      } finally {
        await store.close();
      }
    });

    it('keeps feed polling state and seen items', async () => {
      const store = await open();
      try {
        const feed = 'https://tidewater.example/rss.xml';
        assert.equal(await store.getFeedState(feed), null);
        const state = {
          feed,
          etag: '"abc"',
          lastModified: 'Tue, 03 Feb 2026 10:00:00 GMT',
          lastPolledAt: '2026-02-03T10:00:05.000Z',
          failures: 0,
        };
        await store.putFeedState(state);
        assert.deepEqual(await store.getFeedState(feed), state);
        const next = { ...state, etag: null, failures: 3 };
        await store.putFeedState(next);
        assert.deepEqual(await store.getFeedState(feed), next);
        assert.deepEqual(await store.seenFeedItems(feed, ['x', 'y']), []);
        await store.markFeedItemsSeen(feed, ['x', 'z']);
        await store.markFeedItemsSeen(feed, ['x']);
        assert.deepEqual((await store.seenFeedItems(feed, ['x', 'y', 'z'])).sort(), ['x', 'z']);
        assert.deepEqual(await store.seenFeedItems('https://other.example/feed', ['x']), []);
        assert.deepEqual(await store.seenFeedItems(feed, []), []);
      } finally {
        await store.close();
      }
    });
  });
}
