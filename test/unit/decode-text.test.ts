import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeText, MAX_TEXT_BYTES, normaliseText } from '../../src/1-ingest/decode-text.js';
import { InputError } from '../../src/1-ingest/input-error.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** Runs decodeText and returns the InputError's reason (fails when nothing is thrown). */
function reasonOf(bytes: Uint8Array): string {
  try {
    decodeText('in/velmora.txt', bytes);
  } catch (err) {
    assert.ok(err instanceof InputError, 'expected an InputError');
    assert.equal(err.input, 'in/velmora.txt');
    assert.equal(err.message, `in/velmora.txt: ${err.reason}`);
    return err.reason;
  }
  assert.fail('decodeText did not throw');
}

test('converts CRLF, CR and Unicode line separators to \\n', () => {
  assert.equal(decodeText('a.txt', utf8('a\r\nb\rc\u2028d\u2029e')), 'a\nb\nc\nd\ne');
  assert.equal(normaliseText('one\r\n\r\ntwo'), 'one\n\ntwo');
});

test('normalises to NFC', () => {
  const decoded = decodeText('a.txt', utf8('Cafe\u0301 Orrin'));
  assert.equal(decoded, 'Caf\u00e9 Orrin');
  assert.equal(decoded.length, 10);
});

test('drops a UTF-8 byte order mark', () => {
  assert.equal(
    decodeText('a.txt', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Hi Velmora')])),
    'Hi Velmora',
  );
});

test('keeps tabs and form feeds, which are text', () => {
  assert.equal(decodeText('a.txt', utf8('a\tb\fc')), 'a\tb\fc');
});

test('refuses an empty file', () => {
  assert.equal(reasonOf(new Uint8Array()), 'empty file');
});

test('refuses a file of only whitespace', () => {
  assert.equal(reasonOf(utf8(' \n\t\r\n')), 'no text (only whitespace)');
});

test('refuses a file with a NUL byte as binary', () => {
  assert.equal(reasonOf(new Uint8Array([65, 0, 66])), 'binary file, not text');
});

test('refuses a file with more than 5% control characters, accepts 5%', () => {
  const six = new Uint8Array(100).fill(65);
  for (let i = 0; i < 6; i++) six[i * 10] = 1;
  assert.equal(reasonOf(six), 'binary file, not text');
  const five = new Uint8Array(100).fill(65);
  for (let i = 0; i < 5; i++) five[i * 10] = 1;
  assert.equal(decodeText('a.txt', five).length, 100);
});

test('refuses invalid UTF-8 and names the offset of a stray byte', () => {
  assert.equal(
    reasonOf(new Uint8Array([...utf8('abc'), 0xff, 65])),
    'not valid UTF-8 (first bad byte at offset 3)',
  );
  assert.equal(
    reasonOf(new Uint8Array([0xff, 65, 66])),
    'not valid UTF-8 (first bad byte at offset 0)',
  );
});

test('names the right offset when valid multi-byte characters precede the bad byte', {}, () => {
  // "A€" is 4 valid bytes; 0xff at offset 4 is the first bad one.
  assert.equal(
    reasonOf(new Uint8Array([0x41, 0xe2, 0x82, 0xac, 0xff])),
    'not valid UTF-8 (first bad byte at offset 4)',
  );
});

test('names an offset inside the file when it ends in a truncated character', {}, () => {
  // "héllo" is 6 bytes; the lone 0xc3 lead byte at offset 6 is the bad one.
  assert.equal(
    reasonOf(new Uint8Array([...utf8('héllo'), 0xc3])),
    'not valid UTF-8 (first bad byte at offset 6)',
  );
});

test('MAX_TEXT_BYTES is 50 MiB', () => {
  assert.equal(MAX_TEXT_BYTES, 52_428_800);
});
