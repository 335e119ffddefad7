import type { Comparison } from '../../src/5-compare/comparison.js';
import { analyse, compare } from '../../src/index.js';
import { withInventedAnalysis } from '../e2e/ui-fixture.js';

/** Two invented reports of one event, with markup, formula-like cells and quotes in the text. */
export function hostileComparison(): Comparison {
  const a = analyse(
    [
      'source Brindle Herald',
      'date 2026-02-10',
      '',
      'Dam inspectors <script>alert(1)</script> close Fenwick reservoir path',
      '',
      'Inspectors closed the footpath over the Fenwick reservoir dam on Tuesday after finding "a seam of wet clay", the water board said.',
      '=HYPERLINK("http://evil.example","click") was written on a sign at the gate, officials said.',
      'The path will stay shut for 12 days.',
    ].join('\n'),
    { origin: 'brindle.txt' },
  );
  const b = analyse(
    [
      'source Marrow Valley News',
      'date 2026-02-10',
      '',
      'Fenwick dam footpath closed after inspection',
      '',
      'Inspectors shut the footpath across the Fenwick reservoir dam on Tuesday after they found "a seam of wet clay", the water board said.',
      'The path will stay shut for 14 days.',
      'A <img src=x onerror=alert(2)> local walking club said it would reroute its weekend walk.',
    ].join('\n'),
    { origin: 'marrow.txt' },
  );
  return withInventedAnalysis(compare([a, b]));
}
