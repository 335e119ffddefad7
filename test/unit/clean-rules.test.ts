import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flagDateline } from '../../src/2-clean/01-dateline.js';
import { flagCaptions } from '../../src/2-clean/02-captions.js';
import { flagReadMore } from '../../src/2-clean/03-read-more.js';
import { flagLinkOnly } from '../../src/2-clean/04-link-only.js';
import { dominantScript, flagForeignScript } from '../../src/2-clean/05-foreign-script.js';
import { clean, CLEAN_RULES, insideArtifact } from '../../src/2-clean/clean.js';
import { lines } from '../../src/2-clean/lines.js';
import type { Artifact } from '../../src/types.js';

/** The flagged text of each artifact. */
function flagged(text: string, artifacts: Artifact[]): string[] {
  return artifacts.map((a) => text.slice(a.start, a.end));
}

test('lines: non-empty lines, trimmed, with offsets', () => {
  assert.deepEqual(lines('  one \n\n \t\ntwo'), [
    { start: 2, end: 5, text: 'one' },
    { start: 11, end: 14, text: 'two' },
  ]);
  assert.deepEqual(lines(''), []);
});

// ---- dateline

test('dateline: flags the wire dateline at the start of the body', () => {
  const text = 'VELMORA, March 14 (Harbour Wire) - The ferry left.';
  assert.deepEqual(flagDateline(text), [
    {
      start: 0,
      end: 35,
      kind: 'dateline',
      rule: 'dateline/wire',
      reason: 'dateline: VELMORA, March 14 (Harbour Wire)',
    },
  ]);
});

test('dateline: the reason leaves out parts the dateline lacks', () => {
  assert.equal(
    flagDateline('PORT ALDER, Sept. 3 - Rain fell.')[0]?.reason,
    'dateline: PORT ALDER, Sept. 3',
  );
  assert.equal(
    flagDateline('OSLEN (Lantern News) — Quiet day.')[0]?.reason,
    'dateline: OSLEN (Lantern News)',
  );
});

test('dateline: nothing flagged without a dateline', () => {
  assert.deepEqual(flagDateline('The ferry left VELMORA, March 14 - on time.'), []);
});

// ---- captions

test('captions: flags a caption line ending in a photo credit', () => {
  const text = 'The mayor spoke.\nMayor Ona Falk at the pier. Photo: Velmora Gazette\nShe left.';
  assert.deepEqual(flagCaptions(text), [
    {
      start: 17,
      end: 67,
      kind: 'caption',
      rule: 'caption/credit-line',
      reason: 'photo caption or credit line',
    },
  ]);
});

test('captions: credit markers in several forms and languages', () => {
  const text = [
    'Credit: Lantern Images',
    '© Orrin Press 2031',
    'Фото: Пресс-служба Кестраля',
    'Bild: Velmora Zeitung',
    'The quay at dusk. Getty Images',
  ].join('\n');
  assert.deepEqual(flagged(text, flagCaptions(text)), text.split('\n'));
});

test('captions: prose that mentions a photo is not a caption', () => {
  const text = [
    'She said "the photo: it was fake" to reporters.',
    'The photographer waited by the ferry.',
    'A photo booth opened in Velmora.',
  ].join('\n');
  assert.deepEqual(flagCaptions(text), []);
});

test('captions: lines longer than 30 words are prose even with a credit', () => {
  const text =
    'The ferry left at dawn while the crew watched from the quay and the harbour master, who had been up all night, counted the cars once again before the ramp closed. Photo: Velmora Gazette';
  assert.deepEqual(flagCaptions(text), []);
});

// ---- read more

test('read-more: flags navigation lines in English and other languages', () => {
  const nav = [
    'Read more: Ferry strike ends',
    'Читайте также: Паром отплыл',
    'Полная версия на сайте',
    'Lire aussi : la grève du port',
    'Lesen Sie auch: Streik in Velmora',
    'Leer más',
    'Leia também: greve',
    'Czytaj także: strajk',
    'See Also',
  ];
  const text = ['The ferry sailed.', ...nav, 'The crew waved.'].join('\n');
  const artifacts = flagReadMore(text);
  assert.deepEqual(flagged(text, artifacts), nav);
  assert.ok(
    artifacts.every((a) => a.kind === 'read-more' && a.rule === 'read-more/navigation-line'),
  );
  assert.equal(artifacts[0]!.start, 'The ferry sailed.\n'.length);
});

test('read-more: long lines are prose, not navigation', () => {
  const text =
    'The minister said she would read the full report before the vote, and that no decision would come earlier than Friday, according to her spokesman, who added nothing else here today.';
  assert.ok(text.length > 160);
  assert.deepEqual(flagReadMore(text), []);
});

test('read-more: words that merely start like a marker are not flagged', () => {
  assert.deepEqual(flagReadMore('Readership rose in Velmora.\nThe seer also spoke.'), []);
});

test('read-more: a short prose sentence containing a marker phrase is not navigation', {}, () => {
  const text = [
    'Residents can sign up for the ferry lottery until Friday.',
    'Подробнее о планах министр не рассказал.',
    'The crew said they would continue reading the rules.',
  ].join('\n');
  assert.deepEqual(flagReadMore(text), []);
});

// ---- link-only

test('link-only: flags lines that are nothing but a link', () => {
  const links = [
    'https://example.org/velmora/ferry',
    'www.example.org/x',
    '- https://example.org/a.',
    '[Velmora Gazette](https://example.org/g)',
    '<https://example.org/y>',
  ];
  const text = ['See the site.', ...links, 'Visit https://example.org today.'].join('\n');
  const artifacts = flagLinkOnly(text);
  assert.deepEqual(flagged(text, artifacts), links);
  assert.deepEqual(
    artifacts.map((a) => [a.kind, a.rule]),
    links.map(() => ['link-only', 'link-only/bare-url']),
  );
});

test('link-only: offsets exclude the surrounding spaces of the line', () => {
  const text = 'Intro.\n   www.example.org/x  \nEnd.';
  assert.deepEqual(
    flagLinkOnly(text).map((a) => [a.start, a.end]),
    [[10, 27]],
  );
});

// ---- foreign script

test('foreign-script: flags an untranslated Cyrillic run in an English article', () => {
  const text = 'The ferry sailed from Velmora at dawn. полная версия на сайте\nThe crew waved.';
  assert.deepEqual(flagForeignScript(text), [
    {
      start: 39,
      end: 61,
      kind: 'foreign-script',
      rule: 'foreign-script/minority-run',
      reason: 'Cyrillic text in a Latin-script article',
    },
  ]);
});

test('foreign-script: one long foreign word is flagged, one short word is not', () => {
  const long = 'The ferry sailed. Здравствуйте was painted on the hull.';
  assert.deepEqual(flagged(long, flagForeignScript(long)), ['Здравствуйте']);
  assert.deepEqual(flagForeignScript('The ferry sailed. Да said the captain.'), []);
});

test('foreign-script: Latin runs in a Cyrillic article are flagged', () => {
  const text = 'Паром вышел из порта рано утром. Капитан сказал: ferry terminal closed. Все ждали.';
  const artifacts = flagForeignScript(text);
  assert.deepEqual(flagged(text, artifacts), ['ferry terminal closed']);
  assert.equal(artifacts[0]!.reason, 'Latin text in a Cyrillic-script article');
});

test('foreign-script: a run does not continue across a line break', () => {
  assert.deepEqual(flagForeignScript('The crew shouted полная\nверсия on deck.'), []);
});

test(
  'foreign-script: Japanese mixing kanji and kana is one script, not foreign to itself',
  {},
  () => {
    assert.deepEqual(flagForeignScript('東京の港で船が出た。しかし乗客は少なかった。'), []);
  },
);

test('foreign-script: dominantScript counts letters', () => {
  assert.equal(dominantScript('Hello мир мир'), 'Cyrillic');
  assert.equal(dominantScript('123 !! ...'), null);
  assert.equal(dominantScript('東京の港'), 'Han');
  assert.deepEqual(flagForeignScript('123 !! ...'), []);
});

// ---- clean

test('clean: runs every rule in order and sorts artifacts by position', () => {
  assert.equal(CLEAN_RULES.length, 5);
  const text = [
    'VELMORA, March 14 (Harbour Wire) - The ferry left.',
    'Photo: Orrin Press',
    'Read more: Ferry news',
    'https://example.org/x',
    'The crew waved. полная версия на сайте',
  ].join('\n');
  const artifacts = clean(text);
  assert.deepEqual(
    artifacts.map((a) => [a.kind, text.slice(a.start, a.end)]),
    [
      ['dateline', 'VELMORA, March 14 (Harbour Wire) - '],
      ['caption', 'Photo: Orrin Press'],
      ['read-more', 'Read more: Ferry news'],
      ['link-only', 'https://example.org/x'],
      ['foreign-script', 'полная версия на сайте'],
    ],
  );
});

test('clean: the longer of two artifacts at one start comes first; equal spans keep rule order', () => {
  const text = 'The ferry left Velmora.\nФото: Пресс-служба';
  const artifacts = clean(text);
  assert.deepEqual(
    artifacts.map((a) => [a.kind, a.start, a.end]),
    [
      ['caption', 24, 42],
      ['foreign-script', 24, 42],
    ],
  );
  const custom = clean('abcdef', [
    () => [{ start: 1, end: 2, kind: 'caption', rule: 'x', reason: 'x' }],
    () => [{ start: 1, end: 5, kind: 'link-only', rule: 'y', reason: 'y' }],
  ]);
  assert.deepEqual(
    custom.map((a) => a.rule),
    ['y', 'x'],
  );
});

test('clean: plain prose yields no artifacts', () => {
  assert.deepEqual(clean('The ferry left Velmora at dawn.\nThe crew waved from the quay.'), []);
});

test('insideArtifact: true only for spans wholly inside one artifact', () => {
  const artifacts: Artifact[] = [{ start: 10, end: 20, kind: 'caption', rule: 'r', reason: 'r' }];
  assert.equal(insideArtifact(artifacts, 10, 20), true);
  assert.equal(insideArtifact(artifacts, 12, 15), true);
  assert.equal(insideArtifact(artifacts, 9, 15), false);
  assert.equal(insideArtifact(artifacts, 15, 21), false);
  assert.equal(insideArtifact([], 0, 1), false);
});
