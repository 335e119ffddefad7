import { comparisonMarkdown } from '../format/comparison-markdown.js';
import { comparisonText } from '../format/comparison-text.js';
import { printJson, type CliContext } from './context.js';
import { comparisonForCli } from './story-comparison.js';
import { UsageError } from './usage.js';

export async function runCompare(ctx: CliContext): Promise<number> {
  const id = ctx.positionals[0];
  if (!id) throw new UsageError('give a story id (see `parallax stories`)');
  const format = ctx.json ? 'json' : ((ctx.values.format as string | undefined) ?? 'text');
  if (!['json', 'md', 'text'].includes(format))
    throw new UsageError(`unknown --format "${format}" (json, md, text)`);
  const comparison = await comparisonForCli(ctx, 'compare', id);
  if (!comparison) return 1;
  if (format === 'json') printJson(ctx, comparison);
  else ctx.out(format === 'md' ? comparisonMarkdown(comparison) : comparisonText(comparison));
  return 0;
}
