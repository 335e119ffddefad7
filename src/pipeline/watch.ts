import { readFile } from 'node:fs/promises';
import { fetchUrl } from '../1-ingest/fetch/fetch-url.js';
import { HostLimiter, sleep } from '../1-ingest/fetch/host-limiter.js';
import { decodeXml } from '../1-ingest/feeds/decode-xml.js';
import { parseOpml } from '../1-ingest/feeds/opml.js';
import { parseFeed } from '../1-ingest/feeds/parse-feed.js';
import { InputError } from '../1-ingest/input-error.js';
import type { FeedState, Store } from '../6-store/store.js';
import { IngestRun, type IngestOptions } from './ingest-run.js';
import { ingestFeed, isUrl } from './ingest-web.js';

export interface WatchOptions extends Omit<IngestOptions, 'onProgress'> {
  /** Time between polls of one feed (default 10 minutes). */
  everyMs?: number;
  /** Longest wait after repeated failures (default: the larger of 6 hours and everyMs). */
  maxBackoffMs?: number;
  /** One line per poll. */
  log: (line: string) => void;
  /** Stop after this many rounds over every feed (default: until the signal). */
  maxRounds?: number;
  /** Jitter source in [0, 1); tests fix it. */
  random?: () => number;
}

export interface WatchSummary {
  polls: number;
  added: number;
  duplicates: number;
  failed: number;
}

/**
 * Expands the feeds a user named: URLs as given, OPML files into the feeds
 * they list, other local files as feeds read from disk.
 */
export async function watchTargets(inputs: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    if (isUrl(input)) out.push(input);
    else {
      let text: string;
      try {
        text = decodeXml(input, await readFile(input));
      } catch (err) {
        if (err instanceof InputError) throw err;
        throw new InputError(input, `cannot read (${(err as NodeJS.ErrnoException).code})`);
      }
      if (/<opml[\s>]/i.test(text.slice(0, 2048)))
        out.push(...parseOpml(input, text).map((f) => f.url));
      else out.push(input);
    }
  }
  return [...new Set(out)];
}

/**
 * Polls feeds until the signal aborts: conditional requests (ETag,
 * Last-Modified), only unseen items ingested (remembered in the store across
 * restarts), exponential backoff with jitter on errors, the host limiter
 * keeping requests to one host at least a second apart.
 */
export async function watchFeeds(
  store: Store,
  feeds: string[],
  options: WatchOptions,
): Promise<WatchSummary> {
  const every = options.everyMs ?? 10 * 60_000;
  const maxBackoff = options.maxBackoffMs ?? Math.max(6 * 3600_000, every);
  const random = options.random ?? Math.random;
  const limiter = options.fetch?.limiter ?? new HostLimiter(options.hostIntervalMs ?? 1000);
  const ingestOptions: IngestOptions = { ...options, fetch: { ...options.fetch, limiter } };
  const summary: WatchSummary = { polls: 0, added: 0, duplicates: 0, failed: 0 };
  const next = new Map<string, number>();
  const rounds = new Map<string, number>();
  for (const f of feeds) next.set(f, Date.now());
  while (!options.signal?.aborted && next.size > 0) {
    const [feed, at] = [...next].sort((a, b) => a[1] - b[1])[0]!;
    await sleep(Math.max(0, at - Date.now()), options.signal);
    if (options.signal?.aborted) break;
    const delay = await pollFeed(store, feed, ingestOptions, summary, {
      every,
      maxBackoff,
      random,
      log: options.log,
    });
    if (delay === null) break; // stopped mid-poll
    const done = (rounds.get(feed) ?? 0) + 1;
    rounds.set(feed, done);
    if (options.maxRounds !== undefined && done >= options.maxRounds) next.delete(feed);
    else next.set(feed, Date.now() + delay);
  }
  return summary;
}

/** Polls one feed once; returns the delay before its next poll, or null when stopped. */
async function pollFeed(
  store: Store,
  feed: string,
  options: IngestOptions,
  summary: WatchSummary,
  timing: { every: number; maxBackoff: number; random: () => number; log: (s: string) => void },
): Promise<number | null> {
  const state: FeedState = (await store.getFeedState(feed)) ?? {
    feed,
    etag: null,
    lastModified: null,
    lastPolledAt: null,
    failures: 0,
  };
  const run = new IngestRun(store, options);
  const started = Date.now();
  summary.polls++;
  try {
    let text: string;
    let status = 200;
    let validators = { etag: state.etag, lastModified: state.lastModified };
    if (isUrl(feed)) {
      const headers: Record<string, string> = {};
      if (state.etag) headers['if-none-match'] = state.etag;
      if (state.lastModified) headers['if-modified-since'] = state.lastModified;
      const res = await fetchUrl(feed, { ...run.fetchOptions, headers });
      status = res.status;
      if (res.status === 304) {
        await store.putFeedState({ ...state, lastPolledAt: new Date().toISOString(), failures: 0 });
        timing.log(`${stamp()} ${feed}: not modified (304) in ${Date.now() - started} ms`);
        return timing.every;
      }
      validators = { etag: res.etag, lastModified: res.lastModified };
      text = decodeXml(feed, res.body, res.contentType);
    } else {
      text = decodeXml(feed, await readFile(feed));
    }
    const parsed = parseFeed(feed, text, isUrl(feed) ? feed : undefined);
    const ids = parsed.items.map((i) => i.id);
    const seen = new Set(await store.seenFeedItems(feed, ids));
    const done = await ingestFeed(run, feed, parsed, seen);
    await store.markFeedItemsSeen(feed, done);
    const stopped = options.signal?.aborted ?? false;
    // Keep the old validators when items are left over (stopped, or failed and worth a retry):
    // new ones would make the next poll a 304 and those items would wait for the feed to change.
    const complete = !stopped && run.report.failed.length === 0;
    await store.putFeedState({
      feed,
      ...(complete ? validators : { etag: state.etag, lastModified: state.lastModified }),
      lastPolledAt: new Date().toISOString(),
      failures: 0,
    });
    const r = run.report;
    summary.added += r.added.length;
    summary.duplicates += r.duplicates.length;
    summary.failed += r.failed.length;
    const firstFailure = r.failed[0] ? `; ${r.failed[0].input}: ${r.failed[0].reason}` : '';
    const more = r.failed.length > 1 ? ` (+${r.failed.length - 1} more)` : '';
    if (stopped) return null;
    timing.log(
      `${stamp()} ${feed}: ${status}, ${ids.length} items, ${ids.length - seen.size} unseen, ${r.added.length} new, ${r.duplicates.length} duplicate, ${r.failed.length} failed${firstFailure}${more} in ${Date.now() - started} ms`,
    );
    return timing.every;
  } catch (err) {
    if (options.signal?.aborted) return null;
    const failures = state.failures + 1;
    await store.putFeedState({ ...state, lastPolledAt: new Date().toISOString(), failures });
    const delay = backoff(failures, timing.every, timing.maxBackoff, timing.random);
    const reason =
      err instanceof InputError ? err.reason : `internal error: ${(err as Error).message}`;
    summary.failed++;
    timing.log(
      `${stamp()} ${feed}: failed (${reason}); failure ${failures} in a row, next poll in ${duration(delay)}`,
    );
    return delay;
  }
}

/**
 * Exponential backoff with jitter: the interval doubles with each failure in
 * a row (capped), and a random factor in [0.5, 1) spreads retries out.
 */
export function backoff(
  failures: number,
  every: number,
  max: number,
  random: () => number,
): number {
  const base = Math.min(max, every * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.5 + random() / 2));
}

/** "10m", "90s", "1h", "250ms", or a bare number of seconds. */
export function parseDuration(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (!m) return null;
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3600_000 }[(m[2] ?? 's') as 'ms' | 's' | 'm' | 'h'];
  return Math.round(Number(m[1]) * unit);
}

export function duration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${s % 60 ? `${s % 60}s` : ''}`;
  return `${Math.floor(m / 60)}h${m % 60 ? `${m % 60}m` : ''}`;
}

function stamp(): string {
  return new Date().toISOString().slice(0, 19) + 'Z';
}
