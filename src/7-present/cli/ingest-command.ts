import { defaultThreads } from '../../pipeline/analyse-pool.js';
import { withBulkWrites } from '../../pipeline/bulk-writes.js';
import { ingestPaths } from '../../pipeline/ingest.js';
import { createProgress } from '../progress.js';
import { printJson, type CliContext } from './context.js';
import { UsageError } from './usage.js';

export async function runIngest(ctx: CliContext): Promise<number> {
  if (ctx.positionals.length === 0)
    throw new UsageError('give at least one file, folder, feed or URL');
  const progress = createProgress(process.stderr, { enabled: !ctx.json });
  // Ingesting the folder that holds the database must not read the database itself.
  const db = (ctx.store as { path?: unknown }).path;
  const exclude = typeof db === 'string' ? [db, `${db}-wal`, `${db}-shm`, `${db}-journal`] : [];
  const threads = threadsOption(ctx.values.threads);
  // Grouped commits where the store has them; ingest is idempotent, so a crash costs a re-run.
  const report = await withBulkWrites(ctx.store, () =>
    ingestPaths(ctx.store, ctx.positionals, {
      threads,
      exclude,
      ...(typeof ctx.values.source === 'string' ? { source: ctx.values.source } : {}),
      allowPrivateNetwork: ctx.values['allow-private-network'] === true,
      onProgress: (p) => progress.update(p),
    }),
  );
  progress.finish();
  if (ctx.json) {
    printJson(ctx, { schemaVersion: 1, ...report });
  } else {
    for (const a of report.added) {
      const links = [
        a.versionOf ? `new version of ${a.versionOf}` : '',
        a.sameTextAs ? `same text as ${a.sameTextAs.join(', ')}` : '',
      ].filter(Boolean);
      ctx.out(
        `+ ${a.articleId}  ${a.source.padEnd(16)} ${a.title}  -> ${a.storyId}${a.newStory ? ' (new story)' : ''}${links.length ? ` [${links.join('; ')}]` : ''}\n`,
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
