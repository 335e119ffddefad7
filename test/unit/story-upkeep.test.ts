import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseTextArticle } from '../../src/1-ingest/text-metadata.js';
import { analyseArticle } from '../../src/3-analyse/analyse.js';
import {
  bridgeMerges,
  cosineToRest,
  findOutliers,
  mergeSurvivor,
  subtractVector,
  UPKEEP_DEFAULTS,
} from '../../src/4-cluster/upkeep.js';
import { cosine } from '../../src/4-cluster/weights.js';
import { ASSIGN_DEFAULTS, assignStory } from '../../src/4-cluster/assign.js';
import { clusterFeatures } from '../../src/4-cluster/features.js';
import { contentHash } from '../../src/pipeline/content-hash.js';
import { SqliteStore } from '../../src/6-store/sqlite/sqlite-store.js';
import { storeArticle } from '../../src/pipeline/ingest.js';
import { BRIDGE, EARLY_1, EARLY_2, LATE_1, LATE_2 } from './kessridge-fixture.js';

const v = (o: Record<string, number>) => new Map(Object.entries(o));

test('bridgeMerges keeps only stories whose centroids resemble the best one', () => {
  const best = { id: 's1', centroid: v({ kessridge: 5, dam: 3, spillway: 4, crack: 2 }) };
  const alike = { id: 's2', centroid: v({ kessridge: 4, dam: 3, spillway: 3, engineers: 1 }) };
  const beat = { id: 's3', centroid: v({ dam: 3, orlen: 5, levee: 4, flood: 4 }) };
  assert.deepEqual(bridgeMerges(best, [alike, beat]), ['s2']);
  assert.deepEqual(bridgeMerges(best, [best]), []);
});

test('findOutliers names the member unlike the rest, and only in stories of three or more', () => {
  const members = [
    { id: 'a1', vector: v({ kessridge: 2, dam: 1, spillway: 2 }) },
    { id: 'a2', vector: v({ kessridge: 2, spillway: 1, crack: 1 }) },
    { id: 'a3', vector: v({ quince: 3, harvest: 2, allowmere: 2 }) },
    { id: 'a4', vector: new Map() }, // stored before vectors were kept: never judged
  ];
  const centroid = new Map<string, number>();
  for (const m of members)
    for (const [t, w] of m.vector) centroid.set(t, (centroid.get(t) ?? 0) + w);
  assert.deepEqual(findOutliers(members, centroid, 4), ['a3']);
  assert.deepEqual(findOutliers(members.slice(0, 2), centroid, 2), []);
  assert.deepEqual(findOutliers(members, centroid, 4, { ...UPKEEP_DEFAULTS, maxLeaving: 0 }), []);
});

test('cosineToRest equals the cosine to the centroid without the member', () => {
  const c = v({ a: 3, b: 2, c: 1, d: 0.5 });
  const m = v({ a: 1, c: 1, e: 2 });
  let sq = 0;
  for (const w of c.values()) sq += w * w;
  assert.ok(Math.abs(cosineToRest(m, c, sq) - cosine(m, subtractVector(c, m))) < 1e-12);
});

test('subtractVector drops terms that reach zero; mergeSurvivor picks the larger, then the older', () => {
  assert.deepEqual([...subtractVector(v({ a: 2, b: 1 }), v({ b: 1 }))], [['a', 2]]);
  const s = (id: string, size: number, firstDate: string | null) => ({ id, size, firstDate });
  assert.equal(mergeSurvivor([s('s1', 2, '2026-05-02'), s('s2', 3, '2026-05-09')]).id, 's2');
  assert.equal(mergeSurvivor([s('s2', 2, '2026-05-09'), s('s1', 2, '2026-05-02')]).id, 's1');
  assert.equal(mergeSurvivor([s('s2', 2, null), s('s1', 2, null)]).id, 's1');
});

async function add(store: SqliteStore, text: string, origin: string) {
  return storeArticle(store, analyseArticle(parseTextArticle(text, { origin })), text);
}

test('an article bridging two stories of one event merges them; the old id redirects', async () => {
  const store = new SqliteStore(':memory:');
  try {
    const e1 = await add(store, EARLY_1, 'e1.txt');
    const e2 = await add(store, EARLY_2, 'e2.txt');
    const l1 = await add(store, LATE_1, 'l1.txt');
    const l2 = await add(store, LATE_2, 'l2.txt');
    assert.equal(e2.storyId, e1.storyId);
    assert.equal(l2.storyId, l1.storyId);
    assert.notEqual(l1.storyId, e1.storyId, 'the bursts are 13 days apart: two stories');
    const b = await add(store, BRIDGE, 'b.txt');
    assert.equal(b.status, 'added');
    const merged = b.status === 'added' ? (b.merged ?? []) : [];
    assert.equal(merged.length, 1);
    const stories = await store.listStories();
    assert.equal(stories.length, 1);
    assert.equal(stories[0]!.articles.length, 5);
    assert.equal(stories[0]!.id, b.storyId);
    assert.equal(stories[0]!.firstDate, '2026-05-01');
    assert.equal(stories[0]!.lastDate, '2026-05-14');
    for (const old of [e1.storyId, l1.storyId])
      assert.equal((await store.getStory(old))?.id, b.storyId);
  } finally {
    await store.close();
  }
});

// Two separate events on one beat in one week, and a round-up that covers both.
const LEVEE_1 = `Marlow levee breached near Fenby
date 2026-05-02
source Orlen Valley Courier

A section of the Marlow levee gave way near Fenby on Saturday, flooding 40 hectares of barley fields, county emergency officer Brannoc Lutz said.
Sandbag crews from Fenby and Ashcombe worked through the night to close the 30-metre gap.
No homes were flooded, Lutz said.`;

const LEVEE_2 = `Fenby farmland flooded as Marlow levee fails
date 2026-05-02
source Harrowgate Post

Floodwater poured through a 30-metre gap in the Marlow levee near Fenby, covering 40 hectares of barley, said Brannoc Lutz, the county emergency officer.
Volunteers from Ashcombe joined Fenby sandbag crews overnight.
Lutz said no homes had been flooded.`;

const ROUNDUP = `A hard week for Orlen Valley waterworks
date 2026-05-03
source Lakeside Ledger

Cracks in the Kessridge dam spillway led the Orlen Valley water board to lower the Kessridge reservoir by two metres, engineer Tamsin Voight said.
Near Fenby, the Marlow levee gave way and flooded 40 hectares of barley before sandbag crews closed the gap, emergency officer Brannoc Lutz said.`;

test('a round-up matching two unrelated stories on one beat does not merge them', async () => {
  const store = new SqliteStore(':memory:');
  try {
    const e1 = await add(store, EARLY_1, 'e1.txt');
    await add(store, EARLY_2, 'e2.txt');
    const l1 = await add(store, LEVEE_1, 'l1.txt');
    await add(store, LEVEE_2, 'l2.txt');
    assert.notEqual(l1.storyId, e1.storyId);
    const a = analyseArticle(parseTextArticle(ROUNDUP, { origin: 'r.txt' }));
    const features = clusterFeatures(a);
    let scores: Array<{ id: string; score: number }> = [];
    const r = await store.addArticle(
      { article: a, contentHash: contentHash(a.text), raw: ROUNDUP, features },
      (candidates, stats) => {
        const decision = assignStory(features, candidates, stats);
        scores = decision.scores;
        return decision;
      },
    );
    // The round-up matched both stories above the threshold (a bridge), but they stay apart.
    assert.deepEqual(
      scores
        .filter((x) => x.score >= ASSIGN_DEFAULTS.threshold)
        .map((x) => x.id)
        .sort(),
      [e1.storyId, l1.storyId].sort(),
    );
    assert.equal(r.status === 'added' && r.merged, undefined);
    const sizes = (await store.listStories()).map((s) => s.articles.length).sort();
    assert.deepEqual(sizes, [2, 3]);
  } finally {
    await store.close();
  }
});
