import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ASSIGN_DEFAULTS,
  assignStory,
  centroidContribution,
  type CandidateStory,
} from '../../src/4-cluster/assign.js';
import type { ClusterFeatures } from '../../src/4-cluster/features.js';
import type { DocFreq } from '../../src/4-cluster/weights.js';

const stats: DocFreq = {
  docs: 10,
  df: new Map([
    ['feri', 2],
    ['strike', 3],
    ['velmora', 1],
  ]),
};

function features(date: string | null = '2031-04-10'): ClusterFeatures {
  return {
    terms: new Map([
      ['feri', 2],
      ['strike', 1],
      ['velmora', 1],
    ]),
    names: new Set(['velmora']),
    bands: [],
    date,
  };
}

function candidate(
  id: string,
  centroid: Map<string, number>,
  opts: Partial<Omit<CandidateStory, 'id' | 'centroid'>> = {},
): CandidateStory {
  return { id, centroid, size: 1, firstDate: null, lastDate: null, nearDuplicate: false, ...opts };
}

const close = (a: number, b: number) => Math.abs(a - b) < 1e-9;

test('defaults: threshold 0.2, a 10-day window, 5% less score per day beyond 2 days', () => {
  assert.deepEqual(ASSIGN_DEFAULTS, {
    threshold: 0.2,
    windowDays: 10,
    gapPenalty: 0.05,
    gapFreeDays: 2,
  });
});

test('centroidContribution is the sublinear TF-IDF vector with name boost', () => {
  const v = centroidContribution(features(), stats);
  // idf = ln((docs + 2) / (df + 1)) + 0.5
  assert.ok(close(v.get('feri')!, (1 + Math.log(2)) * (Math.log(12 / 3) + 0.5)));
  assert.ok(close(v.get('strike')!, Math.log(12 / 4) + 0.5));
  assert.ok(close(v.get('velmora')!, (Math.log(12 / 2) + 0.5) * 1.5));
  assert.equal(v.size, 3);
});

test('joins a story whose centroid matches', () => {
  const f = features();
  const result = assignStory(
    f,
    [
      candidate('s1', centroidContribution(f, stats), {
        firstDate: '2031-04-09',
        lastDate: '2031-04-09',
      }),
    ],
    stats,
  );
  assert.equal(result.storyId, 's1');
  assert.ok(close(result.score, 1));
  assert.equal(result.scores.length, 1);
});

test('the centroid is averaged over the story size', () => {
  const f = features();
  const doubled = new Map([...centroidContribution(f, stats)].map(([t, w]) => [t, 2 * w]));
  const result = assignStory(f, [candidate('s1', doubled, { size: 2 })], stats);
  assert.equal(result.storyId, 's1');
  assert.ok(close(result.score, 1));
});

test('opens a new story when nothing scores above the threshold', () => {
  const unrelated = assignStory(features(), [candidate('s1', new Map([['appl', 3]]))], stats);
  assert.deepEqual(unrelated, { storyId: null, score: 0, scores: [{ id: 's1', score: 0 }] });
  const weak = assignStory(
    features(),
    [
      candidate(
        's1',
        new Map([
          ['feri', 1],
          ['appl', 5],
        ]),
      ),
    ],
    stats,
  );
  assert.equal(weak.storyId, null);
  assert.ok(weak.score > 0 && weak.score < 0.2, `score ${weak.score}`);
  const raised = assignStory(
    features(),
    [
      candidate(
        's1',
        new Map([
          ['feri', 1],
          ['appl', 5],
        ]),
      ),
    ],
    stats,
    {
      threshold: 0.1,
      windowDays: 10,
    },
  );
  assert.equal(raised.storyId, 's1');
});

test('no candidates: a new story with score 0', () => {
  assert.deepEqual(assignStory(features(), [], stats), { storyId: null, score: 0, scores: [] });
});

test('stories outside the date window are not candidates', () => {
  const f = features('2031-04-10');
  const c = centroidContribution(f, stats);
  const far = assignStory(
    f,
    [candidate('s1', c, { firstDate: '2031-03-30', lastDate: '2031-03-30' })],
    stats,
  );
  assert.deepEqual(far, { storyId: null, score: 0, scores: [] });
  const edge = assignStory(
    f,
    [candidate('s1', c, { firstDate: '2031-03-31', lastDate: '2031-03-31' })],
    stats,
  );
  assert.equal(edge.storyId, 's1');
  const after = assignStory(
    f,
    [candidate('s1', c, { firstDate: '2031-04-20', lastDate: '2031-04-21' })],
    stats,
  );
  assert.equal(after.storyId, 's1');
  const later = assignStory(
    f,
    [candidate('s1', c, { firstDate: '2031-04-21', lastDate: '2031-04-22' })],
    stats,
  );
  assert.equal(later.storyId, null);
});

test('an undated article or story ignores the window', () => {
  const f = features(null);
  const c = centroidContribution(f, stats);
  assert.equal(
    assignStory(f, [candidate('s1', c, { firstDate: '2020-01-01', lastDate: '2020-01-01' })], stats)
      .storyId,
    's1',
  );
  assert.equal(assignStory(features(), [candidate('s1', c)], stats).storyId, 's1');
});

test('a near-duplicate scores 1 and ignores the window', () => {
  const result = assignStory(
    features('2031-04-10'),
    [
      candidate('s1', new Map([['appl', 1]]), {
        nearDuplicate: true,
        firstDate: '2031-05-09',
        lastDate: '2031-05-09',
      }),
    ],
    stats,
  );
  assert.deepEqual(result, { storyId: 's1', score: 1, scores: [{ id: 's1', score: 1 }] });
});

test('scores are sorted best first, ties broken by id', () => {
  const f = features();
  const c = centroidContribution(f, stats);
  const result = assignStory(
    f,
    [
      candidate('b', c),
      candidate(
        'weak',
        new Map([
          ['feri', 1],
          ['appl', 5],
        ]),
      ),
      candidate('a', c),
    ],
    stats,
  );
  assert.equal(result.storyId, 'a');
  assert.deepEqual(
    result.scores.map((s) => s.id),
    ['a', 'b', 'weak'],
  );
});

test('a story more than two days away scores 5% less per further day', () => {
  const f = features('2031-04-10');
  const centroid = centroidContribution(f, stats);
  const at = (first: string, last: string) =>
    assignStory(f, [candidate('s1', centroid, { firstDate: first, lastDate: last })], stats).score;
  assert.ok(close(at('2031-04-08', '2031-04-09'), 1));
  assert.ok(close(at('2031-04-12', '2031-04-14'), 1));
  assert.ok(close(at('2031-04-04', '2031-04-04'), 0.8)); // 6 days: 4 beyond the free 2
  assert.ok(close(at('2031-04-16', '2031-04-20'), 0.8));
  const none = assignStory(
    f,
    [candidate('s1', centroid, { firstDate: '2031-04-04', lastDate: '2031-04-04' })],
    stats,
    { threshold: 0.2, windowDays: 10 },
  );
  assert.ok(close(none.score, 1));
});
