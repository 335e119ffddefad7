import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clauseTokens } from '../../src/3-analyse/quotes/clause-tokens.js';
import { staticScores } from '../../src/3-analyse/entities/perceptron.js';
import {
  cueFeatures,
  cueMargin,
  defaultCueModel,
  isCandidate,
  type CueModel,
} from '../../src/3-analyse/quotes/cue-model.js';
import { extractQuotes } from '../../src/3-analyse/quotes/extract-quotes.js';
import { splitSentences } from '../../src/3-analyse/sentences.js';
import type { Quote } from '../../src/types.js';

/** Invented people and places only (Velmora, Ostrand, Mara Vell, Ilo Brandt, ...). */
function quotesOf(text: string, cueModel?: CueModel | null, language = 'en'): Quote[] {
  return extractQuotes(text, splitSentences(text, [], language), {
    language,
    mentions: [],
    entities: [],
    cueModel,
    // A cue model passed in tests the rules' own limits, not the frame classifier.
    ...(cueModel ? { frameModel: null } : {}),
  });
}

function views(text: string, cueModel?: CueModel | null) {
  return quotesOf(text, cueModel).map((q) => ({
    source: q.source?.text ?? null,
    cue: q.cue?.text ?? null,
    content: text.slice(q.content.start, q.content.end),
    kind: q.kind,
  }));
}

/** A hand-made model: each listed word gets a fixed margin whatever its context. */
function tinyModel(margins: Record<string, number>, vocab: string[] = []): CueModel {
  const weights = new Map<string, Float32Array>();
  for (const [w, m] of Object.entries(margins)) weights.set(`w=${w}`, Float32Array.from([0, m]));
  return { weights, tags: ['O', 'CUE'], vocab: new Set(vocab), wordScores: new Map() };
}

test('the shipped cue model loads and has mined words beyond the lexicon', () => {
  const model = defaultCueModel();
  assert.ok(model, 'models/cue-en.json is missing (npm run train:attribution)');
  assert.ok(model.vocab.has('touted'));
  assert.ok(model.vocab.size > 200 && model.vocab.size < 5000);
});

test('learnt verb cues the lexicon lacks: touted, lashed out at, were adamant', () => {
  const a = 'The harbourmaster Ilo Brandt touted the new ferry timetable as a success for Ostrand.';
  assert.deepEqual(views(a, null), [], 'rules alone find no cue here');
  assert.deepEqual(views(a), [
    {
      source: 'The harbourmaster Ilo Brandt',
      cue: 'touted',
      content: 'the new ferry timetable as a success for Ostrand',
      kind: 'indirect',
    },
  ]);
  const b = "Velmora's mayor lashed out at the port authority over the delays.";
  assert.deepEqual(views(b, null), []);
  const vb = views(b);
  assert.equal(vb.length, 1);
  assert.equal(vb[0]!.cue, 'lashed out at', 'a learnt cue takes its particles');
  assert.equal(vb[0]!.source, "Velmora's mayor");
  const c = 'The engineers were adamant that the pillar could be repaired.';
  assert.deepEqual(views(c), [
    {
      source: 'The engineers',
      cue: 'were adamant',
      content: 'that the pillar could be repaired',
      kind: 'indirect',
    },
  ]);
});

test('a learnt noun cue: "her criticism of …"', () => {
  const text = 'In a statement, Mara Vell voiced her criticism of the ferry plan.';
  // The rules' source; the frame classifier may drop a possessive source it doubts.
  const found = views(text, defaultCueModel()).find((v) => v.cue === 'criticism of');
  assert.ok(found, JSON.stringify(views(text)));
  assert.equal(found.source, 'her');
  assert.equal(found.content, 'the ferry plan');
});

test('a headline "Name: Title" is an attribution', () => {
  const text =
    'Mara Vell: Ferry Service Will Return to Ostrand in May\n\nThe ferry will run again.';
  assert.deepEqual(views(text, null), [
    {
      source: 'Mara Vell',
      cue: ':',
      content: 'Ferry Service Will Return to Ostrand in May',
      kind: 'indirect',
    },
  ]);
  // Not a headline: a label, or a sentence with a stop.
  assert.deepEqual(views('Update: the ferry Will Run Again on Monday at noon.\n\nMore later.'), []);
});

test('model mechanics: a mined word above the threshold becomes a cue, below it does not', () => {
  const text = 'Councillor Teo Rask bemoaned the state of the pier.';
  const yes = views(text, tinyModel({ bemoaned: 5 }, ['bemoaned']));
  assert.deepEqual(yes, [
    {
      source: 'Councillor Teo Rask',
      cue: 'bemoaned',
      content: 'the state of the pier',
      kind: 'indirect',
    },
  ]);
  assert.deepEqual(views(text, tinyModel({ bemoaned: -5 }, ['bemoaned'])), []);
  // Not in the mined vocabulary: never asked.
  assert.deepEqual(views(text, tinyModel({ bemoaned: 5 })), []);
});

test('model mechanics: a lexicon cue the model rejects is dropped', () => {
  const text = 'Mara Vell said the ferry would run on Monday.';
  assert.equal(views(text, tinyModel({})).length, 1, 'no opinion: the rules stand');
  assert.equal(views(text, tinyModel({ said: -10 })).length, 0);
  // Evidence verbs too ("engineers found a crack" is no attribution in PolNeAR).
  const found = 'Engineers from Ostrand found a crack at the base of the pillar.';
  assert.equal(views(found, tinyModel({})).length, 1, 'no opinion: the rules stand');
  assert.equal(views(found, tinyModel({ found: -10 })).length, 0);
});

test('model mechanics: phrasal verbs that report nothing stay out even when the model says yes', () => {
  const text = 'The ferries were called off on Friday, with debris blocking the harbour.';
  assert.deepEqual(views(text, tinyModel({ called: 20 }, ['called'])), []);
});

test('candidates are unquoted words of the lexicon or the mined vocabulary', () => {
  const model = tinyModel({}, ['touted']);
  const text = 'Vale touted “touted” and said so.';
  const tokens = clauseTokens(text, 0, text.length, [{ start: 13, end: 19 }]);
  const picked = tokens.filter((t) => isCandidate(model, t)).map((t) => t.raw);
  assert.deepEqual(picked, ['touted', 'said']);
  const i = tokens.findIndex((t) => t.raw === 'touted');
  assert.equal(cueMargin(tinyModel({ touted: 3 }, ['touted']), tokens, i), 3);
});

test('Russian quotes do not use the English model', () => {
  const text = '«Мост откроется в мае», — заявил Илья Брандт.';
  const qs = quotesOf(text, tinyModel({ заявил: -50 }), 'ru');
  assert.equal(qs.length, 1);
  assert.equal(qs[0]!.cue?.text, 'заявил');
});

test('the fast margin equals the perceptron score of the training features', () => {
  const model = defaultCueModel()!;
  const text =
    '“We will rebuild,” Mara Vell insisted on Monday, while Ilo Brandt’s allies touted the plan and slammed critics who doubt that the pier is safe: “Nonsense.”';
  const tokens = clauseTokens(text, 0, text.length, [
    { start: 1, end: 16 },
    { start: text.indexOf('Nonsense'), end: text.indexOf('Nonsense') + 9 },
  ]);
  let checked = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (!isCandidate(model, tokens[i]!)) continue;
    const feats = [
      ...cueFeatures(tokens, i),
      't-1=<s>',
      't-2t-1=<s>|<s>',
      `t-1w=<s>|${tokens[i]!.lower}`,
    ];
    const s = staticScores(model, feats);
    assert.ok(Math.abs(cueMargin(model, tokens, i) - (s[1]! - s[0]!)) < 1e-3, tokens[i]!.raw);
    checked++;
  }
  assert.ok(checked >= 5, `only ${checked} candidates`);
});

test('a participle or a second verb takes the main subject, past an opening adjunct', () => {
  const text =
    'On Thursday, however, Ilo Brandt spoke to the ferry captains, promising to lift the fees.';
  const p = views(text, null).find((v) => v.cue === 'promising');
  assert.equal(p?.source, 'Ilo Brandt');
  const second = views(
    'He spent years on the radio, which let him go in 2015, and said he did not back Mara Vell, the favourite.',
    null,
  );
  assert.deepEqual(
    second.map((v) => [v.source, v.cue, v.content]),
    [['He', 'said', 'he did not back Mara Vell, the favourite']],
    'not inverted: the words after "said" are the content',
  );
  const np = views('The harbour authority was “depleted” and says it will buy new ferries.', null);
  assert.deepEqual(
    np.map((v) => [v.source, v.cue]),
    [['The harbour authority', 'says']],
  );
  const mocked = views(
    'Rival Mara Vell had mocked the complaint, saying anybody who fears a ferry is weak.',
    null,
  ).find((v) => v.cue === 'saying');
  assert.equal(mocked?.source, 'Rival Mara Vell');
});
