import { analysisText } from '../format/analysis-text.js';
import { printJson, type CliContext } from './context.js';
import { UsageError } from './usage.js';

export async function runShow(ctx: CliContext): Promise<number> {
  const id = ctx.positionals[0];
  if (!id) throw new UsageError('give an article id (see `parallax stories`)');
  const a = await ctx.store.getArticle(id);
  if (!a) {
    ctx.err(`parallax show: no article "${id}"\n`);
    return 1;
  }
  if (ctx.json) {
    printJson(ctx, {
      schemaVersion: 1,
      article: {
        ...a,
        sentences: a.sentences.map((s) => ({ ...s, text: a.text.slice(s.start, s.end) })),
        artifacts: a.artifacts.map((x) => ({ ...x, text: a.text.slice(x.start, x.end) })),
      },
    });
    return 0;
  }
  const p = a.meta.published;
  ctx.out(`${a.id}  ${a.meta.title}\n`);
  ctx.out(`  source    ${a.meta.source} (from ${a.meta.sourceEvidence})\n`);
  ctx.out(`  published ${p.value ?? 'unknown'} (${p.certainty}: ${p.evidence})\n`);
  ctx.out(`  language  ${a.language.code}${a.language.reliable ? '' : ' (unsure)'}\n`);
  ctx.out(`  origin    ${a.meta.origin}\n  story     ${a.storyId}\n\n`);
  ctx.out(`Artifacts (${a.artifacts.length}):\n`);
  for (const x of a.artifacts) {
    ctx.out(
      `  ${String(x.start).padStart(5)}-${String(x.end).padEnd(5)} ${x.kind.padEnd(14)} ${JSON.stringify(a.text.slice(x.start, x.end))}\n`,
    );
  }
  // Entities, quotes and time expressions, as `parallax analyse` prints them.
  ctx.out('\n' + analysisText(a).split('\n').slice(3, -2).join('\n') + '\n');
  ctx.out(`\nSentences (${a.sentences.length}):\n`);
  for (const s of a.sentences) {
    ctx.out(
      `  ${String(s.start).padStart(5)}-${String(s.end).padEnd(5)} ${a.text.slice(s.start, s.end)}\n`,
    );
  }
  return 0;
}
