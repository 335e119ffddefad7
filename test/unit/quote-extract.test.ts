import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractQuotes } from '../../src/3-analyse/quotes/extract-quotes.js';
import { splitSentences } from '../../src/3-analyse/sentences.js';
import type { Entity, EntityMention, Quote } from '../../src/types.js';

/** Invented people and places only (Velmora, Ostrand, Mara Vell, Ilo Brandt, ...). */
function quotesOf(
  text: string,
  lang = 'en',
  mentions: EntityMention[] = [],
  entities: Entity[] = [],
) {
  return extractQuotes(text, splitSentences(text, [], lang), {
    language: lang,
    mentions,
    entities,
  });
}

function view(text: string, q: Quote) {
  return {
    kind: q.kind,
    source: q.source?.text ?? null,
    cue: q.cue?.text ?? null,
    content: text.slice(q.content.start, q.content.end),
    speaker: q.speaker,
  };
}

function only(text: string, lang = 'en') {
  const qs = quotesOf(text, lang);
  assert.equal(
    qs.length,
    1,
    `one quote expected in: ${text}\n${JSON.stringify(qs.map((q) => view(text, q)))}`,
  );
  return view(text, qs[0]!);
}

test('direct quote, post-posed cue: “…,” Name said.', () => {
  assert.deepEqual(only('“The bridge will reopen in May,” Mara Vell said.'), {
    kind: 'direct',
    source: 'Mara Vell',
    cue: 'said',
    content: 'The bridge will reopen in May,',
    speaker: 'Mara Vell',
  });
});

test('inverted cue: “…,” said the mayor / said Name, a title', () => {
  const a = only('“We are ready,” said the mayor.');
  assert.equal(a.source, 'the mayor');
  assert.equal(a.cue, 'said');
  assert.equal(a.content, 'We are ready,');
  const b = only('"The ferry stays," said Ilo Brandt, the harbourmaster of Ostrand.');
  assert.equal(b.source, 'Ilo Brandt, the harbourmaster of Ostrand');
  assert.equal(b.speaker, 'Ilo Brandt');
});

test('pre-posed cue with a colon and straight quotes', () => {
  const q = only('Harbourmaster Ilo Brandt said: "The ferry stays in port."');
  assert.equal(q.kind, 'direct');
  assert.equal(q.source, 'Harbourmaster Ilo Brandt');
  assert.equal(q.cue, 'said:');
  assert.equal(q.content, 'The ferry stays in port.');
  assert.equal(q.speaker, 'Ilo Brandt');
});

test('single quotes and nested quotes', () => {
  assert.equal(only("'We will rebuild,' the engineer said.").content, 'We will rebuild,');
  const n = only('“He shouted ‘never again’ and left,” Vell said.');
  assert.equal(n.content, 'He shouted ‘never again’ and left,');
  assert.equal(n.kind, 'direct');
});

test('indirect speech: said that / noted / believes / told the newspaper', () => {
  const a = only('Ilo Brandt said that the ferry would run every hour.');
  assert.deepEqual(
    [a.kind, a.source, a.cue, a.content],
    ['indirect', 'Ilo Brandt', 'said', 'that the ferry would run every hour'],
  );
  const b = only('The engineer noted the pillar had shifted overnight.');
  assert.deepEqual(
    [b.source, b.cue, b.content],
    ['The engineer', 'noted', 'the pillar had shifted overnight'],
  );
  const c = only('Brandt believes the river will fall by Friday.');
  assert.deepEqual(
    [c.source, c.cue, c.content],
    ['Brandt', 'believes', 'the river will fall by Friday'],
  );
  const d = only('Vell told the Ostrand Courier that the bridge was safe.');
  assert.deepEqual([d.source, d.cue, d.content], ['Vell', 'told', 'that the bridge was safe']);
});

test('partial quote inside indirect speech is mixed', () => {
  const q = only('Vell said the closure was "unavoidable" given the cracks.');
  assert.equal(q.kind, 'mixed');
  assert.equal(q.content, 'the closure was "unavoidable" given the cracks');
});

test('inverted indirect speech and pronoun resolution: …, Brandt said. …, he added.', () => {
  const text =
    'The ferry will sail at six, Ilo Brandt said. Tickets stay valid for a week, he added.';
  const qs = quotesOf(text).map((q) => view(text, q));
  assert.deepEqual(
    qs.map((q) => [q.source, q.cue, q.content, q.speaker]),
    [
      ['Ilo Brandt', 'said', 'The ferry will sail at six', 'Ilo Brandt'],
      ['he', 'added', 'Tickets stay valid for a week', 'Ilo Brandt'],
    ],
  );
});

test('according to him / according to the council', () => {
  const text = 'Mara Vell said the bridge was old. According to him, repairs will take a year.';
  const qs = quotesOf(text).map((q) => view(text, q));
  assert.deepEqual(qs[1], {
    kind: 'indirect',
    source: 'him',
    cue: 'According to',
    content: 'repairs will take a year',
    speaker: 'Mara Vell',
  });
  const c = only('The pier will stay shut until June, according to the town council.');
  assert.deepEqual(
    [c.source, c.cue, c.content],
    ['the town council', 'according to', 'The pier will stay shut until June'],
  );
});

test('a role resolves to the previous speaker without entities, to the role holder with them', () => {
  const text =
    '“We will rebuild,” Mayor Tove Lind said.\n\n“The budget is ready,” the mayor explained.';
  const qs = quotesOf(text);
  assert.deepEqual(
    qs.map((q) => [q.source?.text, q.speaker]),
    [
      ['Mayor Tove Lind', 'Tove Lind'],
      ['the mayor', 'Tove Lind'],
    ],
  );
  const nameAt = text.indexOf('Mayor Tove Lind');
  const mentions: EntityMention[] = [
    {
      start: nameAt,
      end: nameAt + 15,
      text: 'Mayor Tove Lind',
      type: 'person',
      entityId: 'e1',
      kind: 'name',
      confidence: 1,
    },
  ];
  const entities: Entity[] = [
    {
      id: 'e1',
      type: 'person',
      name: 'Tove Lind',
      aliases: ['Tove Lind', 'Lind'],
      roles: ['Mayor'],
      mentionCount: 1,
    },
    {
      id: 'e2',
      type: 'person',
      name: 'Ilo Brandt',
      aliases: ['Brandt'],
      roles: ['harbourmaster'],
      mentionCount: 1,
    },
  ];
  const withEntities = quotesOf(text, 'en', mentions, entities);
  assert.deepEqual(
    withEntities.map((q) => [q.speakerId, q.speaker]),
    [
      ['e1', 'Tove Lind'],
      ['e1', 'Tove Lind'],
    ],
  );
});

test('a surname after the full name resolves to the full name', () => {
  const text = 'Sergei Vantor said the talks were over.\n\n“We waited,” Vantor said.';
  assert.deepEqual(
    quotesOf(text).map((q) => q.speaker),
    ['Sergei Vantor', 'Sergei Vantor'],
  );
});

test('an interrupted quote and a multi-paragraph quote keep the speaker', () => {
  const text =
    '“The first span cracked at dawn,” Ilo Brandt said, “and the second by noon.” He paused. “We closed the road.\n\n“By noon the ferry was our only link.”';
  const qs = quotesOf(text).map((q) => view(text, q));
  const contents = qs.map((q) => q.content);
  assert.ok(contents.includes('The first span cracked at dawn,'));
  assert.ok(contents.includes('and the second by noon.'));
  assert.ok(contents.includes('We closed the road.'), JSON.stringify(contents));
  assert.ok(contents.includes('By noon the ferry was our only link.'));
  for (const q of qs) assert.equal(q.speaker, 'Ilo Brandt', JSON.stringify(q));
});

test('Russian: «…», — заявил X; X отметил, что …; по его словам', () => {
  const text =
    '«Мост откроют в мае», — заявил мэр Ветров.\n\nВетров отметил, что паром будет ходить каждый час.\n\nПо его словам, ремонт займёт год.';
  const qs = quotesOf(text, 'ru').map((q) => view(text, q));
  assert.deepEqual(
    qs.map((q) => [q.kind, q.source, q.cue, q.content, q.speaker]),
    [
      ['direct', 'мэр Ветров', 'заявил', 'Мост откроют в мае', 'Ветров'],
      ['indirect', 'Ветров', 'отметил', 'что паром будет ходить каждый час', 'Ветров'],
      ['indirect', 'его', 'По его словам', 'ремонт займёт год', 'Ветров'],
    ],
  );
});

test('Russian: a surname in the genitive is the same speaker', () => {
  const text =
    'По словам мэра Ветрова, мост откроют в мае.\n\n«Работы идут по графику», — подчеркнул Ветров.';
  assert.deepEqual(
    quotesOf(text, 'ru').map((q) => q.speaker),
    ['Ветров', 'Ветров'],
  );
});

test('Russian „…“ quotes with сказал and подчеркнул', () => {
  const a = only('„Переговоры продолжатся“, — сказал Ветров.', 'ru');
  assert.deepEqual(
    [a.kind, a.source, a.cue, a.content],
    ['direct', 'Ветров', 'сказал', 'Переговоры продолжатся'],
  );
  const b = only('Ветров подчеркнул: «Мы готовы».', 'ru');
  assert.deepEqual([b.kind, b.cue, b.content], ['direct', 'подчеркнул:', 'Мы готовы']);
});

test('German, French and Spanish verbs of saying and "according to"', () => {
  const de = only(
    '„Wir bauen die Brücke bis Mai wieder auf“, sagte Bürgermeisterin Anke Solm.',
    'de',
  );
  assert.deepEqual(
    [de.kind, de.cue, de.content, de.speaker],
    ['direct', 'sagte', 'Wir bauen die Brücke bis Mai wieder auf', 'Anke Solm'],
  );
  const fr = only('« Nous allons reconstruire le pont », a déclaré le maire.', 'fr');
  assert.deepEqual(
    [fr.source, fr.cue, fr.content],
    ['le maire', 'a déclaré', 'Nous allons reconstruire le pont'],
  );
  const es = only('Según el alcalde Tomás Riel, el puente abrirá en mayo.', 'es');
  assert.deepEqual(
    [es.source, es.cue, es.content],
    ['el alcalde Tomás Riel', 'Según', 'el puente abrirá en mayo'],
  );
});

test('no attribution: plain sentences, scare quotes, nouns that look like cue verbs', () => {
  assert.deepEqual(quotesOf('The ferry left Velmora at six. Rain fell all day.'), []);
  assert.deepEqual(quotesOf('The so-called "safe" pier collapsed.'), []);
  assert.deepEqual(quotesOf('The reports of the state inspector were late.'), []);
});

const NASTY: Array<[string, string]> = [
  ['empty', ''],
  ['only marks', '“” "" «» „“ \'\' ‘’'],
  [
    'unmatched',
    'He said "we will never. And then "maybe.\n“Unclosed quote and more. Next one.\n» Stray. «',
  ],
  ['cue words only', 'said said said. told, according to. by. : : :'],
  ['colon storm', ':::\nA: B: C: "D: E'],
  ['dashes', '― — – - ―― Name\n“A.” ― B'],
  ['long', `“${'word '.repeat(3000)}” he said.`],
  ['mixed scripts', '«Паром» said Vell. „Ja“, sagte er. 東京「港」.'],
  ['emoji', '“We 🎉 won,” 👋 Vell said 🇳🇴.'],
];

test('span invariants on nasty input: in range, ordered, texts match their offsets', () => {
  for (const [name, text] of NASTY) {
    const qs = quotesOf(text);
    for (const q of qs) {
      const spans = [q.content, q.source, q.cue].filter((s) => s !== null);
      for (const s of spans) {
        assert.ok(
          s.start >= 0 && s.start < s.end && s.end <= text.length,
          `${name}: bad span ${JSON.stringify(s)}`,
        );
      }
      if (q.source) assert.equal(q.source.text, text.slice(q.source.start, q.source.end), name);
      if (q.cue) assert.equal(q.cue.text, text.slice(q.cue.start, q.cue.end), name);
      const c = text.slice(q.content.start, q.content.end);
      assert.ok(c === c.trim(), `${name}: content has outer spaces`);
      assert.ok(q.confidence > 0 && q.confidence <= 1, name);
      assert.ok(['direct', 'indirect', 'mixed'].includes(q.kind), name);
    }
  }
});
