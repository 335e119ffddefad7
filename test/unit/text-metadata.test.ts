import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanTitle, parseTextArticle } from '../../src/1-ingest/text-metadata.js';

test('reads header lines and leaves the body after them', () => {
  const raw =
    'title: Ferry Strike Ends in Velmora\ndate: 2031-04-02\nsource: Harbour Gazette\nauthor: Mira Tesk\n\nThe ferry strike ended on Tuesday. Crews returned.';
  const parsed = parseTextArticle(raw, { origin: '/in/gazette/a.txt' });
  assert.equal(parsed.text, 'The ferry strike ended on Tuesday. Crews returned.');
  assert.deepEqual(parsed.meta, {
    title: 'Ferry Strike Ends in Velmora',
    titleSource: 'header',
    published: { value: '2031-04-02', certainty: 'stated', evidence: 'header' },
    source: 'Harbour Gazette',
    sourceEvidence: 'header',
    origin: '/in/gazette/a.txt',
    headers: {
      title: 'Ferry Strike Ends in Velmora',
      date: '2031-04-02',
      source: 'Harbour Gazette',
      author: 'Mira Tesk',
    },
  });
});

test('accepts header synonyms, "=" separators and ISO timestamps', () => {
  const raw =
    'Headline = Quay Reopens\nPublished: 2031-04-02T10:20:00Z\nOutlet Lantern News\n\nThe quay reopened.';
  const { meta, text } = parseTextArticle(raw, { origin: 'a.txt' });
  assert.equal(meta.title, 'Quay Reopens');
  assert.equal(meta.published.value, '2031-04-02');
  assert.equal(meta.source, 'Lantern News');
  assert.equal(text, 'The quay reopened.');
});

test('takes a short first line followed by a blank line as the headline', () => {
  const raw =
    'Ferry Strike Ends in Velmora\n\nVELMORA, April 2 (Harbour Wire) - The ferry strike ended on Tuesday.';
  const { meta, text } = parseTextArticle(raw, { origin: '/in/2031/wire/a.txt' });
  assert.equal(meta.title, 'Ferry Strike Ends in Velmora');
  assert.equal(meta.titleSource, 'headline');
  assert.equal(text, 'VELMORA, April 2 (Harbour Wire) - The ferry strike ended on Tuesday.');
  assert.deepEqual(meta.published, {
    value: '2031-04-02',
    certainty: 'inferred',
    evidence: 'dateline; year from path',
  });
  assert.equal(meta.source, 'Harbour Wire');
  assert.equal(meta.sourceEvidence, 'dateline');
});

test('a sentence directly followed by more text is not a headline', () => {
  const raw = 'Short opening line.\nBody right after.';
  const { meta, text } = parseTextArticle(raw, { origin: '/a.txt' });
  assert.equal(meta.titleSource, 'lead');
  assert.equal(meta.title, 'Short opening line.');
  assert.equal(text, raw);
});

test('without headline the title is the first sentence after the dateline', () => {
  const raw =
    'VELMORA, April 2 (Harbour Wire) - The ferry strike ended on Tuesday. Crews returned.';
  const { meta } = parseTextArticle(raw, { origin: 'a.txt' });
  assert.equal(meta.title, 'The ferry strike ended on Tuesday.');
  assert.equal(meta.titleSource, 'lead');
  assert.deepEqual(meta.published, {
    value: null,
    certainty: 'unknown',
    evidence: 'dateline April 2 without a year',
  });
});

test('a long lead title is cut at a word boundary with an ellipsis', () => {
  const sentence =
    'The ferry strike in Velmora ended on Tuesday after crews, dockers and the harbour council agreed on a new wage deal for the coming year';
  const { meta } = parseTextArticle(`${sentence}. Crews returned.\nMore.`, { origin: '/a.txt' });
  assert.ok(meta.title.endsWith('…'));
  assert.ok(meta.title.length <= 111, `title too long: ${meta.title.length}`);
  assert.equal(
    meta.title,
    'The ferry strike in Velmora ended on Tuesday after crews, dockers and the harbour council agreed on a new…',
  );
});

test('completes a dateline day with the file year when the path has none', () => {
  const raw = 'VELMORA, April 2 (Harbour Wire) - The ferry strike ended.';
  const { meta } = parseTextArticle(raw, { origin: 'a.txt', fileYear: 2030 });
  assert.deepEqual(meta.published, {
    value: '2030-04-02',
    certainty: 'inferred',
    evidence: 'dateline; year from file modification time',
  });
});

test('a header date wins over the dateline, and the disagreement is recorded', () => {
  const raw = 'date: 2031-04-02\n\nVELMORA, April 3 - The ferry strike ended.';
  const { meta } = parseTextArticle(raw, { origin: 'x/a.txt' });
  assert.deepEqual(meta.published, {
    value: '2031-04-02',
    certainty: 'stated',
    evidence: 'header (dateline says April 3)',
  });
});

test('the body may continue on the date line', () => {
  const raw = 'date 2031-04-02 VELMORA, April 2 - The ferry strike ended.';
  const { meta, text } = parseTextArticle(raw, { origin: 'x/a.txt' });
  assert.equal(meta.published.value, '2031-04-02');
  assert.equal(meta.published.evidence, 'header');
  assert.equal(text.trim(), 'VELMORA, April 2 - The ferry strike ended.');
});

test('source precedence: header, then --source, then dateline agency, then folder', () => {
  const body = 'VELMORA, April 2 (Harbour Wire) - The ferry strike ended.';
  const header = parseTextArticle(`source: Orrin Post\n\n${body}`, {
    origin: 'in/folder/a.txt',
    source: 'Opt',
  });
  assert.deepEqual([header.meta.source, header.meta.sourceEvidence], ['Orrin Post', 'header']);
  const option = parseTextArticle(body, { origin: 'in/folder/a.txt', source: 'Opt' });
  assert.deepEqual([option.meta.source, option.meta.sourceEvidence], ['Opt', 'option']);
  const dateline = parseTextArticle(body, { origin: 'in/folder/a.txt' });
  assert.deepEqual(
    [dateline.meta.source, dateline.meta.sourceEvidence],
    ['Harbour Wire', 'dateline'],
  );
  const folder = parseTextArticle('The ferry strike ended.', { origin: 'in/kestral-times/a.txt' });
  assert.deepEqual([folder.meta.source, folder.meta.sourceEvidence], ['kestral-times', 'folder']);
  const none = parseTextArticle('The ferry strike ended.', { origin: 'a.txt' });
  assert.deepEqual([none.meta.source, none.meta.sourceEvidence], ['unknown', 'none']);
});

test('no date anywhere gives an unknown date', () => {
  const { meta } = parseTextArticle('The quay reopened.', { origin: '/a.txt' });
  assert.deepEqual(meta.published, {
    value: null,
    certainty: 'unknown',
    evidence: 'no date in text',
  });
});

test('strips leading blank lines and trailing whitespace from the body', () => {
  const { text } = parseTextArticle(
    '\n\n\nThe quay reopened. Crews returned.\nMore text.\n\n  \n',
    {
      origin: '/a.txt',
    },
  );
  assert.equal(text, 'The quay reopened. Crews returned.\nMore text.');
});

test('cleanTitle drops short outlet suffixes and collapses whitespace', () => {
  assert.equal(cleanTitle('Ferry  strike\tends | Harbour Gazette'), 'Ferry strike ends');
  assert.equal(cleanTitle('Ferry strike ends - Harbour Gazette'), 'Ferry strike ends');
  assert.equal(cleanTitle('Ferry strike ends — Lantern'), 'Ferry strike ends');
  assert.equal(
    cleanTitle('Ferry strike ends - and the long tail of many more words here'),
    'Ferry strike ends - and the long tail of many more words here',
  );
  assert.equal(cleanTitle('  Well-known ferry  '), 'Well-known ferry');
});

test('a headline that starts with a header word is not taken as a header', {}, () => {
  const raw = 'Author Mira Tesk wins the Orrin prize\n\nThe ceremony was held on Friday.';
  const { meta, text } = parseTextArticle(raw, { origin: '/a.txt' });
  assert.equal(text, 'The ceremony was held on Friday.');
  assert.equal(meta.title, 'Author Mira Tesk wins the Orrin prize');
  assert.deepEqual(meta.headers, {});
  const fight = parseTextArticle(
    'Title fight in Velmora ends in a draw\n\nThe bout lasted twelve rounds.',
    {
      origin: '/a.txt',
    },
  );
  assert.equal(fight.meta.title, 'Title fight in Velmora ends in a draw');
  assert.equal(fight.meta.titleSource, 'headline');
});

test('an unparseable date header is neither a date nor the headline', {}, () => {
  const { meta, text } = parseTextArticle('date: 2031-02-30\n\nThe quay reopened.', {
    origin: '/a.txt',
  });
  assert.equal(meta.published.value, null);
  assert.notEqual(meta.title, 'date: 2031-02-30');
  assert.equal(text, 'The quay reopened.');
});

test('the body starts with content when it continues on the date line', {}, () => {
  const { text } = parseTextArticle('date 2031-04-02 VELMORA, April 2 - The ferry strike ended.', {
    origin: 'a.txt',
  });
  assert.equal(text, 'VELMORA, April 2 - The ferry strike ended.');
});

test('a headline ending in "?" directly followed by header lines is still the headline', () => {
  const parsed = parseTextArticle(
    'Who runs the Brindle ferry?\ndate 2031-05-02\nsource Orrin Gazette\n\nThe ferry board met on Friday.',
    {
      origin: '/news/a.txt',
    },
  );
  assert.equal(parsed.meta.title, 'Who runs the Brindle ferry?');
  assert.equal(parsed.meta.published.value, '2031-05-02');
  assert.equal(parsed.text, 'The ferry board met on Friday.');
});
