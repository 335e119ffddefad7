import { readFile } from 'node:fs/promises';
import { decodeText } from '../../1-ingest/decode-text.js';
import { InputError } from '../../1-ingest/input-error.js';
import { parseTextArticle } from '../../1-ingest/text-metadata.js';
import { analyseArticle, analyseRaw } from '../../3-analyse/analyse.js';
import type { AnalysedArticle } from '../../types.js';
import { printJson, type CliContext } from './context.js';
import { analysisText } from '../format/analysis-text.js';
import { UsageError } from './usage.js';

/** `parallax analyse <file> [--raw] [--date YYYY-MM-DD]`: one text, analysed, nothing stored. */
export async function runAnalyse(ctx: Omit<CliContext, 'store'>): Promise<number> {
  const file = ctx.positionals[0];
  if (!file) throw new UsageError('give a text file to analyse');
  const date = ctx.values.date;
  if (date !== undefined && (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)))
    throw new UsageError(`--date must be YYYY-MM-DD, got "${String(date)}"`);
  let article: AnalysedArticle;
  try {
    const bytes = await readFile(file).catch((e: NodeJS.ErrnoException) => {
      throw new InputError(file, e.code === 'ENOENT' ? 'no such file' : e.message);
    });
    if (ctx.values.raw) {
      // Offsets must index the file's own text: no header parsing, no normalisation.
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        throw new InputError(file, 'not valid UTF-8');
      }
      article = analyseRaw(text, { origin: file, published: date ?? null });
    } else {
      const parsed = parseTextArticle(decodeText(file, bytes), { origin: file });
      if (date)
        parsed.meta.published = { value: date, certainty: 'stated', evidence: '--date option' };
      article = analyseArticle(parsed);
    }
  } catch (e) {
    if (e instanceof InputError) {
      ctx.err(`parallax analyse: ${e.input}: ${e.reason}\n`);
      return 1;
    }
    throw e;
  }
  if (ctx.json) printJson(ctx, { schemaVersion: 1, article });
  else ctx.out(analysisText(article));
  return 0;
}
