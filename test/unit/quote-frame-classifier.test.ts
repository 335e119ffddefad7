import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { extractQuotes } from '../../src/3-analyse/quotes/extract-quotes.js';
import { RULE_LIMITS } from '../../src/3-analyse/quotes/find-frames.js';
import {
  DEFAULT_FRAME_MODEL_PATH,
  defaultFrameModel,
  judgeFrames,
  type FrameModel,
} from '../../src/3-analyse/quotes/frame-classifier.js';
import { splitSentences } from '../../src/3-analyse/sentences.js';

/** Invented people and places only (Velmora, Ostrand, Mara Vell, ...). */
function cues(text: string, frameModel?: FrameModel | null): string[] {
  return extractQuotes(text, splitSentences(text, [], 'en'), {
    language: 'en',
    mentions: [],
    entities: [],
    frameModel,
  }).map((q) => q.cue?.text ?? '-');
}

/** A hand-made frame model: a bias, and one weight per feature key. */
function tinyFrameModel(weights: Record<string, number>): FrameModel {
  return { weights: new Map(Object.entries(weights)), threshold: 0.5, limits: RULE_LIMITS };
}

const TEXT =
  'Mara Vell said the ferry would run on Monday. WALLACE: Will it run on Sunday too, Ms. Vell?';

test('frame classifier: without a model every frame of the rules stands', () => {
  assert.deepEqual(cues(TEXT, null), ['said', ':']);
});

test('frame classifier: frames the model scores low are dropped, rule-only frames kept', () => {
  // Every feature sums to the bias: a negative one drops each frame that has a margin.
  assert.deepEqual(cues(TEXT, tinyFrameModel({ 'bias=': -5 })), [':']);
  assert.deepEqual(cues(TEXT, tinyFrameModel({ 'bias=': 5 })), ['said', ':']);
  // The cue word's own weight decides it.
  assert.deepEqual(cues(TEXT, tinyFrameModel({ 'bias=': 1, 'w=said': -3 })), [':']);
});

test('frame classifier: recording keeps every frame and sees its features', () => {
  const seen: string[][] = [];
  const recorder: FrameModel = {
    ...tinyFrameModel({ 'bias=': -5 }),
    record: (features) => seen.push(features.map(([k]) => k)),
  };
  assert.deepEqual(cues(TEXT, recorder), ['said', ':']);
  assert.ok(seen.some((f) => f.includes('w=said') && f.includes('o=lex')));
  assert.ok(seen.some((f) => f.includes('o=rule')));
});

test('frame classifier: the shipped model loads once, or is absent and changes nothing', () => {
  const m = defaultFrameModel();
  assert.equal(m, defaultFrameModel());
  if (!existsSync(DEFAULT_FRAME_MODEL_PATH)) assert.equal(m, null);
  else assert.ok(m!.threshold > 0 && m!.threshold < 1 && m!.weights.size > 0);
  assert.deepEqual(
    judgeFrames(null, { text: '', tokens: [], unit: { start: 0, end: 0 }, quotes: [], frames: [] }),
    [],
  );
});
