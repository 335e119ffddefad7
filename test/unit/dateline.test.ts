import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchDateline } from '../../src/1-ingest/dateline.js';

test('matches a wire dateline with day and agency in parentheses', () => {
  assert.deepEqual(matchDateline('VELMORA, March 14 (Harbour Wire) - The bridge closed.'), {
    start: 0,
    end: 35,
    place: 'VELMORA',
    monthDay: 'March 14',
    agency: 'Harbour Wire',
  });
});

test('matches the slash-agency style "PLACE, Month D. /AGENCY/."', () => {
  const text = 'KESTRAL, November 13. /Northwind Agency/. The minister spoke.';
  const d = matchDateline(text);
  assert.deepEqual(d, {
    start: 0,
    end: 42,
    place: 'KESTRAL',
    monthDay: 'November 13',
    agency: 'Northwind Agency',
  });
  assert.equal(text.slice(d!.end), 'The minister spoke.');
});

test('matches a plain dateline without agency, with abbreviated months', () => {
  assert.deepEqual(matchDateline('PORT ALDER, Sept. 3 - Rain fell.'), {
    start: 0,
    end: 22,
    place: 'PORT ALDER',
    monthDay: 'Sept. 3',
    agency: null,
  });
  const colon = matchDateline('ST. BRIELLE, Jan. 4: The ferry docked.');
  assert.equal(colon?.place, 'ST. BRIELLE');
  assert.equal(colon?.monthDay, 'Jan. 4');
  assert.equal(colon?.end, 21);
});

test('matches an agency dateline without a day and with an em dash', () => {
  assert.deepEqual(matchDateline('OSLEN (Lantern News) — Quiet day on the quay.'), {
    start: 0,
    end: 23,
    place: 'OSLEN',
    monthDay: null,
    agency: 'Lantern News',
  });
});

test('skips leading whitespace and honours the offset argument', () => {
  const lead = matchDateline('  \n  VELMORA, March 14 (Harbour Wire) - Text');
  assert.equal(lead?.start, 5);
  assert.equal(lead?.end, 40);
  const withOffset = matchDateline('Header\nVELMORA, March 14 (Harbour Wire) - Text', 7);
  assert.equal(withOffset?.start, 7);
  assert.equal(withOffset?.end, 42);
  assert.equal(withOffset?.agency, 'Harbour Wire');
});

test('rejects places that are not upper case or too short', () => {
  assert.equal(matchDateline('US President Dalt spoke on Friday.'), null);
  assert.equal(matchDateline('Velmora, March 14 - lower case place'), null);
  assert.equal(matchDateline('AB, May 2 - too short'), null);
  assert.equal(matchDateline('A.B., March 14 - initials only'), null);
});

test('rejects a place without date or agency, and text with no dateline', () => {
  assert.equal(matchDateline('VELMORA - no date here'), null);
  assert.equal(matchDateline('The ferry left Velmora on March 14.'), null);
  assert.equal(matchDateline(''), null);
});

test('only looks at the start of the text', () => {
  assert.equal(matchDateline('Earlier today: VELMORA, March 14 (Harbour Wire) - x'), null);
});
