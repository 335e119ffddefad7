import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractQuotes } from '../../src/3-analyse/quotes/extract-quotes.js';
import { splitSentences } from '../../src/3-analyse/sentences.js';
import { quoteFidelity } from '../../src/5-compare/quote-fidelity.js';
import { UNATTRIBUTED, quotesBySpeaker } from '../../src/5-compare/quotes-by-speaker.js';

/** Invented outlets reporting the fictional mayor of Velmora. */
function article(id: string, source: string, text: string) {
  const quotes = extractQuotes(text, splitSentences(text), {
    language: 'en',
    mentions: [],
    entities: [],
  });
  return { id, source, text, quotes };
}

const byName = (_id: string, q: { speaker: string | null }) => ({
  id: null,
  name: q.speaker ?? '',
});

test('quotes group by speaker; renderings of one utterance share an index, others do not', () => {
  const groups = quotesBySpeaker(
    [
      article(
        'a',
        'Northline Post',
        '“The Kestrel Bridge will reopen in May,” Mayor Tove Lind said. “Ferries run hourly until then,” she added.',
      ),
      article(
        'b',
        'Ostrand Courier',
        'Mayor Tove Lind said the Kestrel bridge would reopen in May. Harbourmaster Ilo Brandt said: "The pier is safe."',
      ),
    ],
    byName,
  );
  assert.deepEqual(
    groups.map((g) => g.speaker),
    ['Tove Lind', 'Ilo Brandt'],
  );
  const lind = groups[0]!.renderings;
  const reopenA = lind.find((r) => r.articleId === 'a' && /reopen/.test(r.content.text))!;
  const reopenB = lind.find((r) => r.articleId === 'b' && /reopen/.test(r.content.text))!;
  const ferries = lind.find((r) => /Ferries/.test(r.content.text))!;
  assert.equal(reopenA.utterance, reopenB.utterance);
  assert.notEqual(ferries.utterance, reopenA.utterance);
  assert.equal(reopenA.content.text, 'The Kestrel Bridge will reopen in May,');
  assert.equal(reopenA.cue?.text, 'said');
  assert.equal(reopenA.speakerSpan?.text, 'Mayor Tove Lind');
  assert.equal(reopenA.source, 'Northline Post');
});

test('a surname-only speaker joins the one fuller name of the story', () => {
  const groups = quotesBySpeaker(
    [
      article('a', 'Northline Post', '“The pier is safe,” Tove Lind said.'),
      article('b', 'Ostrand Courier', '“The pier is safe,” Lind said.'),
    ],
    byName,
  );
  assert.deepEqual(
    groups.map((g) => [g.speaker, g.renderings.length]),
    [['Tove Lind', 2]],
  );
});

test('fidelity: direct in one outlet, indirect in another', () => {
  const issues = quoteFidelity(
    quotesBySpeaker(
      [
        article(
          'a',
          'Northline Post',
          '“The Kestrel Bridge will reopen in May,” Mayor Tove Lind said.',
        ),
        article(
          'b',
          'Ostrand Courier',
          'Mayor Tove Lind said the Kestrel Bridge would reopen in May.',
        ),
      ],
      byName,
    ),
  );
  assert.deepEqual(
    issues.map((i) => [i.kind, i.speaker, i.renderings.map((r) => r.articleId)]),
    [['direct-vs-indirect', 'Tove Lind', ['a', 'b']]],
  );
});

test('fidelity: wording changed inside quote marks, and a truncated quote', () => {
  const changed = quoteFidelity(
    quotesBySpeaker(
      [
        article(
          'a',
          'Northline Post',
          '“The storm surge cracked the pillar,” Mayor Tove Lind said.',
        ),
        article(
          'b',
          'Ostrand Courier',
          '“The storm surge split the pillar,” Mayor Tove Lind said.',
        ),
      ],
      byName,
    ),
  );
  assert.deepEqual(
    changed.map((i) => i.kind),
    ['wording-changed'],
  );
  assert.match(changed[0]!.detail, /cracked the pillar/);
  const truncated = quoteFidelity(
    quotesBySpeaker(
      [
        article(
          'a',
          'Northline Post',
          '“The storm surge cracked the pillar and we will rebuild it by May,” Mayor Tove Lind said.',
        ),
        article(
          'b',
          'Ostrand Courier',
          '“The storm surge cracked the pillar,” Mayor Tove Lind said.',
        ),
      ],
      byName,
    ),
  );
  assert.deepEqual(
    truncated.map((i) => i.kind),
    ['truncated'],
  );
  assert.deepEqual(
    truncated[0]!.renderings.map((r) => r.articleId),
    ['a', 'b'],
  );
});

test('fidelity: the same words under another speaker, or under none', () => {
  const text = '“The storm surge cracked the second pillar overnight,” Mayor Tove Lind said.';
  const groups = quotesBySpeaker(
    [
      article('a', 'Northline Post', text),
      article(
        'b',
        'Ostrand Courier',
        '“The storm surge cracked the second pillar overnight,” Ilo Brandt said.',
      ),
      article(
        'c',
        'Velmora Ledger',
        'Officials were busy. “The storm surge cracked the second pillar overnight.”',
      ),
    ],
    byName,
  );
  assert.ok(groups.some((g) => g.speaker === UNATTRIBUTED));
  // speaker-changed has no preferred side; speaker-dropped puts the named rendering first.
  const kinds = quoteFidelity(groups).map((i) => {
    const ids = i.renderings.map((r) => r.articleId);
    return `${i.kind}:${(i.kind === 'speaker-changed' ? ids.sort() : ids).join('')}`;
  });
  assert.ok(kinds.includes('speaker-changed:ab'), kinds.join(' '));
  assert.ok(
    kinds.includes('speaker-dropped:ac') && kinds.includes('speaker-dropped:bc'),
    kinds.join(' '),
  );
});

test('identical renderings raise no issue', () => {
  const text = '“The storm surge cracked the pillar,” Mayor Tove Lind said.';
  assert.deepEqual(
    quoteFidelity(
      quotesBySpeaker(
        [article('a', 'Northline Post', text), article('b', 'Ostrand Courier', text)],
        byName,
      ),
    ),
    [],
  );
});
