import { printJson, type CliContext } from './context.js';
import { dateRange } from '../format/text.js';

export async function runStories(ctx: CliContext): Promise<number> {
  const stories = await ctx.store.listStories();
  if (ctx.json) {
    printJson(ctx, { schemaVersion: 1, stories });
    return 0;
  }
  if (stories.length === 0) {
    ctx.out('No stories yet. Ingest some articles: parallax ingest <path>\n');
    return 0;
  }
  for (const s of stories) {
    ctx.out(`${s.id}  ${s.title}\n`);
    ctx.out(
      `    ${dateRange(s.firstDate, s.lastDate)} · ${s.articles.length} article(s) · ${s.outlets.join(', ')}\n`,
    );
    for (const a of s.articles)
      ctx.out(`      ${a.id}  ${a.published ?? '????-??-??'}  ${a.source}: ${a.title}\n`);
  }
  return 0;
}
