import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse } from '../../src/index.js';
import { extractQuotes } from '../../src/3-analyse/quotes/extract-quotes.js';
import { quoteFidelity } from '../../src/5-compare/quote-fidelity.js';
import { quotesBySpeaker } from '../../src/5-compare/quotes-by-speaker.js';
import { SEEDS } from '../paths.js';

/** The real reference case: two reports of one Lavrov interview, analysed with no entity mentions. */
function seed(name: string) {
  const a = analyse(readFileSync(join(SEEDS, name), 'utf8'), { origin: name });
  const quotes = extractQuotes(a.text, a.sentences, {
    language: a.language.code,
    mentions: [],
    entities: [],
  });
  return { a, quotes };
}

const FIRST = '000_65b8a1822454dde8.txt';
const SECOND = '004_da8093968062f929.txt';

/** [cue, source span text, start of the content] for every Lavrov attribution. */
const EXPECTED: Record<string, Array<[string, string, string]>> = {
  [FIRST]: [
    ['said', 'Russian Foreign Minister Sergei Lavrov', 'US President Donald Trump received'],
    ['According to', 'him', 'he does not know'],
    ['said', 'Lavrov', 'But I have outlined'],
    ['noted', 'He', 'that the "understandings"'],
    ['explained', 'the minister', 'We appreciated'],
    ['according to', 'him', 'The United States'],
    ['said', 'He', 'that the American concept'],
    ['said', 'Lavrov', 'As President Putin informed'],
    ['said', 'Lavrov', 'There was no doubt'],
    ['According to', 'him', 'Russia is still ready'],
  ],
  [SECOND]: [
    ['said', 'Russian Foreign Minister Sergey Lavrov', 'Moscow remains committed'],
    ['noted', 'The Russian top diplomat', 'that US President Donald Trump'],
    ['said', 'Lavrov', 'that Russia will be open'],
    ['said', 'Lavrov', 'The book The Ukrainian Conflict'],
    ['said', 'The foreign minister', 'that Moscow’s Arab friends'],
    ['noted', 'Lavrov', 'that unlike the Western armies'],
    ['said', 'he', 'We protect people'],
  ],
};

for (const [name, expected] of Object.entries(EXPECTED)) {
  test(`seeds ${name}: every Lavrov quote is found with its cue, speaker span and speaker`, () => {
    const { a, quotes } = seed(name);
    for (const [cue, source, content] of expected) {
      const q = quotes.find(
        (x) =>
          x.cue?.text === cue &&
          x.source?.text === source &&
          a.text.slice(x.content.start, x.content.end).startsWith(content),
      );
      assert.ok(
        q,
        `missing ${cue} / ${source} / ${content}; found:\n${quotes
          .map(
            (x) =>
              `${x.cue?.text} / ${x.source?.text} / ${a.text.slice(x.content.start, x.content.start + 40)}`,
          )
          .join('\n')}`,
      );
      assert.match(q.speaker ?? '', /Lavrov/, `${cue} / ${source}: speaker ${q.speaker}`);
    }
  });
}

test('seeds: direct, indirect and mixed quotes are told apart', () => {
  const { a, quotes } = seed(FIRST);
  const kindOf = (start: string) =>
    quotes.find((q) => a.text.slice(q.content.start, q.content.end).startsWith(start))?.kind;
  assert.equal(kindOf('But I have outlined'), 'direct');
  assert.equal(kindOf('that the American concept'), 'indirect');
  assert.equal(kindOf('that the "understandings"'), 'mixed');
});

test('seeds: Lavrov’s renderings across both outlets group under one speaker; the changed wording is flagged', () => {
  const articles = [FIRST, SECOND].map((name, i) => {
    const { a, quotes } = seed(name);
    return { id: `a${i}`, source: i === 0 ? 'first' : 'TASS', text: a.text, quotes };
  });
  // Without entities, the story-level key is the resolved name with transliterations folded.
  const groups = quotesBySpeaker(articles, (_id, q) => ({ id: null, name: q.speaker ?? '' }));
  const lavrov = groups.filter((g) => /Lavrov/.test(g.speaker));
  assert.equal(lavrov.length, 1, groups.map((g) => g.speaker).join(', '));
  assert.deepEqual(new Set(lavrov[0]!.renderings.map((r) => r.articleId)), new Set(['a0', 'a1']));
  // "undercover reports" (first) and "behind-the-scenes reports" (TASS) are one utterance.
  const undercover = lavrov[0]!.renderings.find((r) =>
    r.content.text.includes('undercover reports'),
  );
  const behind = lavrov[0]!.renderings.find((r) =>
    r.content.text.includes('behind-the-scenes reports'),
  );
  assert.ok(undercover && behind);
  assert.equal(undercover.utterance, behind.utterance);
  const issues = quoteFidelity(groups);
  const wording = issues.find((i) => i.kind === 'wording-changed');
  assert.ok(wording, JSON.stringify(issues.map((i) => i.kind)));
  assert.match(wording.detail, /undercover reports/);
  assert.match(wording.detail, /behind-the-scenes reports/);
});
