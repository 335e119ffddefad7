import { defaultThreads } from '../../pipeline/analyse-pool.js';
import { withBulkWrites } from '../../pipeline/bulk-writes.js';
import { ingestPaths } from '../../pipeline/ingest.js';
import { printJson, type CliContext } from './context.js';
import { UsageError } from './usage.js';

export async function runIngest(ctx: CliContext): Promise<number> {
  if (ctx.positionals.length === 0) throw new UsageError('give at least one file or folder');
  const threads = threadsOption(ctx.values.threads);
  const showProgress = !ctx.json && process.stderr.isTTY;
  const report = await withBulkWrites(ctx.store, () =>
    ingestPaths(ctx.store, ctx.positionals, {
      threads,
      ...(typeof ctx.values.source === 'string' ? { source: ctx.values.source } : {}),
      onProgress: showProgress
        ? (done, total) => process.stderr.write(`\r  ingesting ${done}/${total}`)
        : undefined,
    }),
  );
  if (showProgress) process.stderr.write('\r\x1b[K');
  if (ctx.json) {
    printJson(ctx, { schemaVersion: 1, ...report });
  } else {
    for (const a of report.added) {
      ctx.out(
        `+ ${a.articleId}  ${a.source.padEnd(16)} ${a.title}  -> ${a.storyId}${a.newStory ? ' (new story)' : ''}\n`,
      );
    }
    for (const d of report.duplicates)
      ctx.out(`= ${d.articleId}  duplicate of stored article: ${d.input}\n`);
    for (const f of report.failed) ctx.err(`! ${f.input}: ${f.reason}\n`);
    ctx.out(
      `${report.added.length} new, ${report.duplicates.length} duplicate, ${report.failed.length} failed\n`,
    );
  }
  const anyOk = report.added.length + report.duplicates.length > 0;
  return anyOk ? 0 : 1;
}

/** `--threads N`: analysis threads, 1 to 64; default one per core. */
function threadsOption(value: string | boolean | undefined): number {
  if (value === undefined) return defaultThreads();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new UsageError(`--threads must be a whole number from 1 to 64, got "${String(value)}"`);
  return n;
}
