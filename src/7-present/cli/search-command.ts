import { printJson, type CliContext } from './context.js';
import { UsageError } from './usage.js';

export async function runSearch(ctx: CliContext): Promise<number> {
  const query = ctx.positionals.join(' ').trim();
  if (!query) throw new UsageError('give words to search for');
  const hits = await ctx.store.search(query);
  if (ctx.json) {
    printJson(ctx, { schemaVersion: 1, query, hits });
    return 0;
  }
  if (hits.length === 0) ctx.out(`No article matches "${query}".\n`);
  for (const h of hits)
    ctx.out(`${h.articleId}  ${h.storyId}  ${h.source}: ${h.title}\n    ${h.snippet}\n`);
  return 0;
}
