import { InputError } from '../../1-ingest/input-error.js';
import { parseDuration, watchFeeds, watchTargets } from '../../pipeline/watch.js';
import type { CliContext } from './context.js';
import { UsageError } from './usage.js';

/** `parallax watch <feed|opml>... [--every 10m]`: polls until SIGINT/SIGTERM. */
export async function runWatch(ctx: CliContext): Promise<number> {
  if (ctx.positionals.length === 0) throw new UsageError('give at least one feed URL or OPML file');
  const every = parseDuration(typeof ctx.values.every === 'string' ? ctx.values.every : '10m');
  if (every === null || every < 1000)
    throw new UsageError(`--every must be a duration of at least 1s, like 90s, 10m or 1h`);
  let feeds: string[];
  try {
    feeds = await watchTargets(ctx.positionals);
  } catch (err) {
    if (err instanceof InputError) {
      ctx.err(`parallax watch: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
  const controller = new AbortController();
  const stop = (signal: string) => {
    if (!controller.signal.aborted)
      ctx.err(`received ${signal}, stopping after the current step\n`);
    controller.abort();
  };
  const onInt = () => stop('SIGINT');
  const onTerm = () => stop('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  const log = (line: string) =>
    ctx.json ? ctx.out(JSON.stringify({ log: line }) + '\n') : ctx.err(line + '\n');
  log(
    `watching ${feeds.length} feed${feeds.length === 1 ? '' : 's'} every ${ctx.values.every ?? '10m'}`,
  );
  try {
    const summary = await watchFeeds(ctx.store, feeds, {
      everyMs: every,
      log,
      signal: controller.signal,
      allowPrivateNetwork: ctx.values['allow-private-network'] === true,
      ...(typeof ctx.values.source === 'string' ? { source: ctx.values.source } : {}),
    });
    if (ctx.json) ctx.out(JSON.stringify({ schemaVersion: 1, stopped: true, ...summary }) + '\n');
    else
      ctx.err(
        `stopped: ${summary.polls} polls, ${summary.added} new, ${summary.duplicates} duplicate, ${summary.failed} failed\n`,
      );
    return 0;
  } finally {
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
  }
}
