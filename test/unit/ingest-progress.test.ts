import assert from 'node:assert/strict';
import { it } from 'node:test';
import { createProgress, progressLine } from '../../src/7-present/progress.js';

const p = (done: number, inputsDone: number) => ({
  done,
  inputsDone,
  inputsTotal: 4,
  current: 'feeds/tidewater.xml',
});

it('draws a bar with counts and rate, redrawn in place on a terminal and cleared at the end', () => {
  const written: string[] = [];
  let t = 0;
  const progress = createProgress(
    { write: (s: string) => written.push(s), isTTY: true },
    { enabled: true, now: () => t },
  );
  t = 50;
  progress.update(p(1, 0)); // too soon after the start: not drawn
  t = 2000;
  progress.update(p(10, 2));
  progress.finish();
  assert.deepEqual(written, [
    '\r\x1b[K[##########----------] 2/4 inputs · 10 articles · 5.0/s · feeds/tidewater.xml',
    '\r\x1b[K',
  ]);
});

it('prints plain lines every few seconds when not a terminal, and nothing when disabled', () => {
  const written: string[] = [];
  let t = 0;
  const plain = createProgress(
    { write: (s: string) => written.push(s) },
    { enabled: true, now: () => t },
  );
  t = 1000;
  plain.update(p(1, 1));
  t = 6000;
  plain.update(p(30, 3));
  plain.finish();
  assert.equal(written.length, 1);
  assert.match(
    written[0]!,
    /^\[#{15}-{5}\] 3\/4 inputs · 30 articles · 5\.0\/s · feeds\/tidewater\.xml\n$/,
  );
  const silent: string[] = [];
  const off = createProgress(
    { write: (s: string) => silent.push(s), isTTY: true },
    { enabled: false },
  );
  off.update(p(1, 1));
  off.finish();
  assert.deepEqual(silent, []);
});

it('shortens a long current input from the left', () => {
  const line = progressLine(
    { done: 0, inputsDone: 0, inputsTotal: 0, current: 'x'.repeat(100) },
    0,
  );
  assert.match(line, / · …x{39}$/);
});
