import type { Readable } from 'node:stream';

/** One line of a stream, or why it could not be read. */
export type Line = { lineNo: number; text: string } | { lineNo: number; error: string };

/** No article is this long; a longer line is skipped without being held in memory. */
export const MAX_LINE_BYTES = 20 * 1024 * 1024;

/**
 * Splits a byte stream into UTF-8 lines with memory bounded by the longest
 * accepted line, whatever the stream's size. Over-long and non-UTF-8 lines are
 * yielded as errors with their line number, and reading goes on.
 */
export async function* readLines(
  stream: Readable,
  maxLineBytes = MAX_LINE_BYTES,
): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let size = 0;
  let overlong = false;
  let lineNo = 0;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const finish = (tail: Buffer): Line => {
    lineNo++;
    if (overlong) return { lineNo, error: `line longer than ${maxLineBytes / 1048576} MB` };
    // A line wholly inside one chunk is decoded in place, without a copy.
    const bytes = parts.length === 0 ? tail : Buffer.concat([...parts, tail]);
    try {
      return { lineNo, text: decoder.decode(bytes).replace(/\r$/, '') };
    } catch {
      return { lineNo, error: 'not valid UTF-8' };
    }
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(10, start);
      const piece = chunk.subarray(start, nl === -1 ? chunk.length : nl);
      if (!overlong && size + piece.length > maxLineBytes) {
        overlong = true;
        parts = [];
      }
      if (nl === -1) {
        if (!overlong && piece.length) parts.push(Buffer.from(piece));
        size += piece.length;
        break;
      }
      yield finish(piece);
      parts = [];
      size = 0;
      overlong = false;
      start = nl + 1;
    }
  }
  if (size > 0 || overlong) yield finish(Buffer.alloc(0));
}
