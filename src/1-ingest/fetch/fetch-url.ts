import { isIP, type LookupFunction } from 'node:net';
import { Agent, request } from 'undici';
import { InputError } from '../input-error.js';
import { HostLimiter } from './host-limiter.js';
import { ALLOW_ALL, DISALLOW_ALL, parseRobots, robotsAllows, type RobotsRules } from './robots.js';
import {
  checkHost,
  PrivateNetworkError,
  privateAddressReason,
  systemResolver,
  type AddressPolicy,
  type Resolver,
} from './ssrf-guard.js';

export const USER_AGENT =
  'Parallax/0.1 (self-hosted news comparison engine; reads articles once; respects robots.txt)';
/** The product token robots.txt groups are matched against. */
export const ROBOTS_AGENT = 'parallax';

export const FETCH_DEFAULTS = {
  connectTimeoutMs: 10_000,
  totalTimeoutMs: 30_000,
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
};

export interface FetchOptions {
  /** Fetch loopback/private/link-local addresses too (off by default: SSRF guard). */
  allowPrivateNetwork?: boolean;
  /** DNS resolution; tests inject a fake one. */
  resolver?: Resolver;
  /** Which addresses count as private (default: privateAddressReason); tests narrow it. */
  addressPolicy?: AddressPolicy;
  connectTimeoutMs?: number;
  /** For the whole fetch, redirects and body included. */
  totalTimeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  userAgent?: string;
  /** Extra request headers, e.g. If-None-Match for conditional polling. */
  headers?: Record<string, string>;
  /** Check robots.txt before fetching (default true). */
  robots?: boolean;
  /** Per-host politeness; none by default. */
  limiter?: HostLimiter;
  signal?: AbortSignal;
}

export interface FetchResult {
  /** The final URL, after redirects. */
  url: string;
  status: number;
  contentType: string | null;
  body: Uint8Array;
  etag: string | null;
  lastModified: string | null;
}

/** Media types we read: pages, feeds, dumps. Images, PDFs, archives... are refused. */
const ACCEPTED_TYPE =
  /^(text\/[\w.+-]+|application\/([\w.-]+\+)?(xml|json)|application\/(x-)?ndjson|application\/jsonl|application\/(x-)?gzip)$/i;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** robots.txt rules per origin, kept for a day (a watcher runs for weeks). */
const robotsCache = new Map<string, { rules: Promise<RobotsRules>; until: number }>();
const ROBOTS_TTL_MS = 24 * 3600_000;

/**
 * Fetches one URL for ingestion, refusing private addresses (after DNS and
 * after every redirect), oversize bodies, unwanted media types and URLs
 * robots.txt disallows. A 304 is returned as is (conditional requests);
 * other 4xx/5xx throw. Every failure is an InputError naming `url`.
 */
export async function fetchUrl(url: string, options: FetchOptions = {}): Promise<FetchResult> {
  const total = options.totalTimeoutMs ?? FETCH_DEFAULTS.totalTimeoutMs;
  const deadline = AbortSignal.timeout(total);
  const signal = options.signal ? AbortSignal.any([deadline, options.signal]) : deadline;
  const dispatcher = makeAgent(options);
  try {
    let current = httpUrl(url);
    const maxRedirects = options.maxRedirects ?? FETCH_DEFAULTS.maxRedirects;
    for (let hop = 0; ; hop++) {
      await guardLiteral(url, current, options);
      if (options.robots !== false) await checkRobots(url, current, options, dispatcher, signal);
      const res = await send(url, current, options, dispatcher, signal, options.headers ?? {});
      if (REDIRECTS.has(res.statusCode)) {
        await res.body.dump();
        const location = res.headers.location;
        if (typeof location !== 'string')
          throw new InputError(url, `HTTP ${res.statusCode} redirect without a Location header`);
        if (hop >= maxRedirects)
          throw new InputError(url, `too many redirects (more than ${maxRedirects})`);
        current = httpUrl(new URL(location, current).href, url);
        continue;
      }
      const contentType = header(res.headers['content-type']);
      const result = {
        url: current.href,
        status: res.statusCode,
        contentType,
        etag: header(res.headers.etag),
        lastModified: header(res.headers['last-modified']),
      };
      if (res.statusCode === 304) {
        await res.body.dump();
        return { ...result, body: new Uint8Array(0) };
      }
      if (res.statusCode >= 400) {
        await res.body.dump();
        throw new InputError(
          url,
          `HTTP ${res.statusCode}${statusText(res.statusCode)}${via(url, current)}`,
        );
      }
      if (res.statusCode < 200 || res.statusCode >= 300) {
        await res.body.dump();
        throw new InputError(url, `unexpected HTTP status ${res.statusCode}${via(url, current)}`);
      }
      const mediaType = contentType?.split(';')[0]!.trim() ?? '';
      if (mediaType && !ACCEPTED_TYPE.test(mediaType)) {
        await res.body.dump();
        throw new InputError(url, `unsupported content type ${mediaType}${via(url, current)}`);
      }
      const body = await readLimited(url, res, options.maxBytes ?? FETCH_DEFAULTS.maxBytes);
      return { ...result, body };
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(url, describeFailure(err, deadline, total, options));
  } finally {
    void dispatcher.close().catch(() => undefined);
  }
}

function httpUrl(text: string, input = text): URL {
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    throw new InputError(input, `not a valid URL: ${text}`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new InputError(input, `only http and https URLs are fetched, not ${u.protocol}`);
  if (u.username || u.password) throw new InputError(input, 'URLs with credentials are refused');
  return u;
}

async function send(
  input: string,
  target: URL,
  options: FetchOptions,
  dispatcher: Agent,
  signal: AbortSignal,
  headers: Record<string, string>,
) {
  await guardLiteral(input, target, options);
  await options.limiter?.wait(target.host, signal);
  return request(target, {
    method: 'GET',
    dispatcher,
    signal,
    headers: {
      'user-agent': options.userAgent ?? USER_AGENT,
      accept:
        'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/plain;q=0.8, */*;q=0.1',
      'accept-encoding': 'identity',
      ...headers,
    },
  });
}

/** Literal addresses never reach the lookup hook: they are checked here. */
async function guardLiteral(input: string, target: URL, options: FetchOptions): Promise<void> {
  if (options.allowPrivateNetwork) return;
  const host = target.hostname.replace(/^\[|\]$/g, '');
  if (!isIP(host)) return;
  try {
    await checkHost(host, systemResolver, options.addressPolicy);
  } catch (e) {
    throw new InputError(input, `${(e as Error).message}${via(input, target)}`);
  }
}

/** The connection resolves names through the guard, so the address checked is the one used. */
function makeAgent(options: FetchOptions): Agent {
  const connectTimeout = options.connectTimeoutMs ?? FETCH_DEFAULTS.connectTimeoutMs;
  const needLookup = !options.allowPrivateNetwork || options.resolver !== undefined;
  return new Agent({
    connect: {
      timeout: connectTimeout,
      ...(needLookup ? { lookup: guardedLookup(options) } : {}),
    },
  } as Agent.Options);
}

function guardedLookup(options: FetchOptions): LookupFunction {
  return (hostname, lookupOptions, callback) => {
    const policy = options.addressPolicy ?? privateAddressReason;
    (options.resolver ?? systemResolver)(hostname).then(
      (addresses) => {
        if (!options.allowPrivateNetwork) {
          for (const address of addresses) {
            const reason = policy(address);
            if (reason) {
              const err = new PrivateNetworkError(
                `refused: ${reason} (${hostname} resolves to ${address}); pass --allow-private-network to fetch it`,
              );
              return callback(err as NodeJS.ErrnoException, '', 0);
            }
          }
        }
        if (addresses.length === 0) {
          const err = Object.assign(new Error(`host not found: ${hostname}`), {
            code: 'ENOTFOUND',
          });
          return callback(err, '', 0);
        }
        const list = addresses.map((address) => ({ address, family: isIP(address) || 4 }));
        if ((lookupOptions as { all?: boolean }).all)
          (callback as unknown as (e: null, l: typeof list) => void)(null, list);
        else callback(null, list[0]!.address, list[0]!.family);
      },
      (err: NodeJS.ErrnoException) => callback(err, '', 0),
    );
  };
}

async function checkRobots(
  input: string,
  target: URL,
  options: FetchOptions,
  dispatcher: Agent,
  signal: AbortSignal,
): Promise<void> {
  if (target.pathname === '/robots.txt') return;
  const cached = robotsCache.get(target.origin);
  let rules = cached && cached.until > Date.now() ? cached.rules : undefined;
  if (!rules) {
    rules = loadRobots(input, target, options, dispatcher, signal);
    robotsCache.set(target.origin, { rules, until: Date.now() + ROBOTS_TTL_MS });
    // A network failure is not remembered: the next fetch tries again.
    rules.catch(() => robotsCache.delete(target.origin));
  }
  if (!robotsAllows(await rules, target.pathname + target.search))
    throw new InputError(input, `robots.txt of ${target.origin} disallows ${target.pathname}`);
}

/** RFC 9309: 4xx means no rules; 5xx means "disallow everything" for now. */
async function loadRobots(
  input: string,
  target: URL,
  options: FetchOptions,
  dispatcher: Agent,
  signal: AbortSignal,
): Promise<RobotsRules> {
  const robotsUrl = new URL('/robots.txt', target.origin);
  let res = await send(input, robotsUrl, options, dispatcher, signal, {});
  // robots.txt may redirect (e.g. http -> https); follow a few, same guard.
  for (let hop = 0; REDIRECTS.has(res.statusCode) && hop < 5; hop++) {
    await res.body.dump();
    const location = res.headers.location;
    if (typeof location !== 'string') return ALLOW_ALL;
    res = await send(
      input,
      httpUrl(new URL(location, robotsUrl).href, input),
      options,
      dispatcher,
      signal,
      {},
    );
  }
  if (res.statusCode >= 500) {
    await res.body.dump();
    return DISALLOW_ALL;
  }
  if (res.statusCode !== 200) {
    await res.body.dump();
    return ALLOW_ALL;
  }
  const bytes = await readLimited(input, res, 512 * 1024, true);
  return parseRobots(new TextDecoder().decode(bytes), ROBOTS_AGENT);
}

async function readLimited(
  input: string,
  res: Awaited<ReturnType<typeof request>>,
  maxBytes: number,
  truncate = false,
): Promise<Uint8Array> {
  const declared = Number(header(res.headers['content-length']) ?? NaN);
  if (!truncate && declared > maxBytes) {
    await res.body.dump();
    throw new InputError(
      input,
      `response too large (${mb(declared)}; the limit is ${mb(maxBytes)})`,
    );
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      res.body.destroy();
      if (truncate) break;
      throw new InputError(input, `response too large (more than ${mb(maxBytes)})`);
    }
    chunks.push(chunk as Buffer);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

function describeFailure(
  err: unknown,
  deadline: AbortSignal,
  totalMs: number,
  options: FetchOptions,
): string {
  if (deadline.aborted) return `timed out after ${totalMs / 1000} s`;
  if (options.signal?.aborted) return 'stopped';
  const chain: Array<Error & { code?: string; hostname?: string }> = [];
  for (let e = err as (Error & { cause?: unknown }) | undefined; e && chain.length < 5;) {
    chain.push(e);
    e = e.cause as (Error & { cause?: unknown }) | undefined;
  }
  for (const e of chain) {
    if (e instanceof PrivateNetworkError || e.name === 'PrivateNetworkError') return e.message;
    switch (e.code) {
      case 'UND_ERR_CONNECT_TIMEOUT':
        return `connect timeout (no connection within ${(options.connectTimeoutMs ?? FETCH_DEFAULTS.connectTimeoutMs) / 1000} s)`;
      case 'UND_ERR_HEADERS_TIMEOUT':
      case 'UND_ERR_BODY_TIMEOUT':
        return 'timed out waiting for the server';
      case 'ENOTFOUND':
      case 'EAI_AGAIN':
        return `host not found${e.hostname ? ` (${e.hostname})` : ''}`;
      case 'ECONNREFUSED':
        return 'connection refused (host unreachable)';
      case 'ECONNRESET':
      case 'UND_ERR_SOCKET':
        return 'connection closed by the server';
      case 'EHOSTUNREACH':
      case 'ENETUNREACH':
        return 'host unreachable';
    }
  }
  return `cannot fetch: ${(err as Error).message}`;
}

function header(value: string | string[] | undefined): string | null {
  if (Array.isArray(value)) return value[0] ?? null;
  return value ?? null;
}

function via(input: string, current: URL): string {
  return current.href === input ? '' : ` (at ${current.href})`;
}

function mb(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MB`;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  410: 'Gone',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

function statusText(status: number): string {
  const t = STATUS_TEXT[status];
  return t ? ` ${t}` : '';
}
