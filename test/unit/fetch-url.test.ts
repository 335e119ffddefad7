import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { fetchUrl, USER_AGENT } from '../../src/1-ingest/fetch/fetch-url.js';
import { HostLimiter } from '../../src/1-ingest/fetch/host-limiter.js';
import { parseRobots, robotsAllows } from '../../src/1-ingest/fetch/robots.js';
import { InputError } from '../../src/1-ingest/input-error.js';
import { startServer } from './fetch-test-server.js';

const local = { allowPrivateNetwork: true };

/** Asserts that `p` rejects with an InputError naming `input` whose reason matches `reason`. */
async function failsWith(p: Promise<unknown>, input: string, reason: RegExp) {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof InputError, String(e));
    assert.equal(e.input, input);
    assert.match(e.reason, reason);
    return true;
  });
}

describe('fetchUrl against a local server', () => {
  let s: Awaited<ReturnType<typeof startServer>>;
  before(async () => {
    s = await startServer({
      '/robots.txt': {
        headers: { 'content-type': 'text/plain' },
        body: 'User-agent: *\nDisallow: /private/\n\nUser-agent: Parallax\nDisallow: /no-parallax/\nAllow: /no-parallax/ok\n',
      },
      '/article': {
        headers: { 'content-type': 'text/html; charset=utf-8', etag: '"v1"' },
        body: '<p>Ferry sails from Velmora.</p>',
      },
      '/conditional': (req, res) => {
        if (req.headers['if-none-match'] === '"v7"') {
          res.writeHead(304);
          return res.end();
        }
        res.writeHead(200, { etag: '"v7"', 'last-modified': 'Tue, 03 Feb 2026 10:00:00 GMT' });
        res.end('<p>body</p>');
      },
      '/image': { headers: { 'content-type': 'image/png' }, body: 'PNG' },
      '/missing': { status: 404, body: 'nope' },
      '/broken': { status: 503, body: 'down' },
      '/big-declared': {
        headers: { 'content-type': 'text/plain', 'content-length': String(11 * 1024 * 1024) },
        body: '',
      },
      '/big-chunked': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        const chunk = Buffer.alloc(1024 * 1024, 'a');
        let n = 0;
        const write = () => {
          while (n < 12 && res.write(chunk)) n++;
          if (n >= 12) res.end();
          else res.once('drain', () => (n++, write()));
        };
        write();
      },
      '/hang': () => undefined,
      '/private/page': { body: 'secret' },
      '/no-parallax/page': { body: 'x' },
      '/no-parallax/ok': { body: '<p>ok</p>' },
      '/ua': (req, res) => res.end(req.headers['user-agent']),
    });
    for (let i = 0; i < 7; i++)
      s.routes[`/r${i}`] = {
        status: 302,
        headers: { location: i === 6 ? '/article' : `/r${i + 1}` },
      };
  });
  after(() => s.close());

  it('returns status, content type, body and validators', async () => {
    const r = await fetchUrl(`${s.base}/article`, local);
    assert.equal(r.status, 200);
    assert.equal(r.url, `${s.base}/article`);
    assert.equal(r.contentType, 'text/html; charset=utf-8');
    assert.equal(new TextDecoder().decode(r.body), '<p>Ferry sails from Velmora.</p>');
    assert.equal(r.etag, '"v1"');
  });

  it('follows up to 5 redirects and reports the final URL; refuses the sixth', async () => {
    const r = await fetchUrl(`${s.base}/r2`, local); // r2 -> ... -> r6 -> article: 5 redirects
    assert.equal(r.url, `${s.base}/article`);
    await failsWith(fetchUrl(`${s.base}/r1`, local), `${s.base}/r1`, /too many redirects/);
  });

  it('sends conditional headers and passes a 304 through with an empty body', async () => {
    const first = await fetchUrl(`${s.base}/conditional`, local);
    assert.equal(first.etag, '"v7"');
    assert.equal(first.lastModified, 'Tue, 03 Feb 2026 10:00:00 GMT');
    const again = await fetchUrl(`${s.base}/conditional`, {
      ...local,
      headers: { 'if-none-match': first.etag! },
    });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
  });

  it('refuses unwanted content types, 4xx and 5xx with the status in the reason', async () => {
    await failsWith(
      fetchUrl(`${s.base}/image`, local),
      `${s.base}/image`,
      /unsupported content type image\/png/,
    );
    await failsWith(
      fetchUrl(`${s.base}/missing`, local),
      `${s.base}/missing`,
      /^HTTP 404 Not Found$/,
    );
    await failsWith(
      fetchUrl(`${s.base}/broken`, local),
      `${s.base}/broken`,
      /^HTTP 503 Service Unavailable$/,
    );
  });

  it('refuses bodies over the size limit, declared or streamed', async () => {
    await failsWith(
      fetchUrl(`${s.base}/big-declared`, local),
      `${s.base}/big-declared`,
      /too large \(11\.0 MB; the limit is 10\.0 MB\)/,
    );
    await failsWith(
      fetchUrl(`${s.base}/big-chunked`, local),
      `${s.base}/big-chunked`,
      /too large \(more than 10\.0 MB\)/,
    );
  });

  it('times out a server that never answers', async () => {
    const started = Date.now();
    await failsWith(
      fetchUrl(`${s.base}/hang`, { ...local, totalTimeoutMs: 300 }),
      `${s.base}/hang`,
      /timed out after 0\.3 s/,
    );
    assert.ok(Date.now() - started < 5000);
  });

  it('reports an unreachable host', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const url = `http://127.0.0.1:${port}/article`;
    await failsWith(fetchUrl(url, local), url, /connection refused/);
    const resolver = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND'), {
        code: 'ENOTFOUND',
        hostname: 'gone.example',
      });
    };
    await failsWith(
      fetchUrl('http://gone.example/x', { ...local, resolver }),
      'http://gone.example/x',
      /host not found/,
    );
  });

  it('respects robots.txt, with our own group taking precedence', async () => {
    await failsWith(
      fetchUrl(`${s.base}/no-parallax/page`, local),
      `${s.base}/no-parallax/page`,
      /robots\.txt .* disallows \/no-parallax\/page/,
    );
    assert.equal((await fetchUrl(`${s.base}/no-parallax/ok`, local)).status, 200);
    // The * group does not apply when a group names us.
    assert.equal((await fetchUrl(`${s.base}/private/page`, local)).status, 200);
    assert.equal(
      s.requests.filter((r) => r.path === '/robots.txt').length,
      1,
      'robots.txt is cached',
    );
  });

  it('sends a descriptive User-Agent', async () => {
    const r = await fetchUrl(`${s.base}/ua`, { ...local, headers: {} });
    assert.equal(new TextDecoder().decode(r.body), USER_AGENT);
    assert.match(USER_AGENT, /^Parallax\/[\d.]+ \(.+\)$/);
  });

  it('spaces requests to one host by the limiter interval', async () => {
    const limiter = new HostLimiter(300);
    const before = s.requests.length;
    await fetchUrl(`${s.base}/article`, { ...local, limiter });
    await fetchUrl(`${s.base}/article`, { ...local, limiter });
    const times = s.requests.slice(before).map((r) => r.at);
    assert.equal(times.length, 2);
    assert.ok(times[1]! - times[0]! >= 200, `gap ${times[1]! - times[0]!} ms`);
  });
});

describe('robots.txt rules', () => {
  it('uses the longest match, allow winning ties, with * and $ patterns', () => {
    const rules = parseRobots(
      'User-agent: *\nDisallow: /news/*.pdf$\nDisallow: /drafts\nAllow: /drafts/public\n',
      'parallax',
    );
    assert.equal(robotsAllows(rules, '/news/report.pdf'), false);
    assert.equal(robotsAllows(rules, '/news/report.pdf?x=1'), true);
    assert.equal(robotsAllows(rules, '/drafts/one'), false);
    assert.equal(robotsAllows(rules, '/drafts/public/one'), true);
    assert.equal(robotsAllows(rules, '/'), true);
    assert.equal(robotsAllows(parseRobots('', 'parallax'), '/anything'), true);
  });
});
