import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fetchUrl } from '../../src/1-ingest/fetch/fetch-url.js';
import { checkHost, privateAddressReason } from '../../src/1-ingest/fetch/ssrf-guard.js';
import { InputError } from '../../src/1-ingest/input-error.js';
import { startServer } from './fetch-test-server.js';

describe('SSRF guard: address classes', () => {
  it('refuses loopback, private, link-local, unique-local and other non-public addresses', () => {
    const refused: Record<string, RegExp> = {
      '127.0.0.1': /loopback/,
      '127.8.9.10': /loopback/,
      '10.1.2.3': /private/,
      '172.16.0.1': /private/,
      '172.31.255.254': /private/,
      '192.168.1.1': /private/,
      '169.254.169.254': /link-local/,
      '0.0.0.0': /unspecified/,
      '100.64.0.1': /carrier-grade/,
      '224.0.0.1': /multicast/,
      '::1': /loopback/,
      '::': /unspecified/,
      'fe80::1': /link-local/,
      'fd12:3456::1': /unique-local/,
      'fc00::1': /unique-local/,
      '::ffff:127.0.0.1': /loopback address \(IPv4 inside IPv6\)/,
      '::ffff:7f00:1': /loopback/,
      '::ffff:10.0.0.1': /private/,
      '::ffff:169.254.169.254': /link-local/,
      '64:ff9b::a00:1': /private/,
      '2002:c0a8:101::1': /private address \(6to4\)/,
      '[::1]': /loopback/,
      'fe80::1%eth0': /link-local/,
    };
    for (const [ip, reason] of Object.entries(refused)) {
      assert.match(privateAddressReason(ip) ?? 'allowed', reason, ip);
    }
  });

  it('lets public addresses through', () => {
    for (const ip of [
      '93.184.216.34',
      '8.8.8.8',
      '172.32.0.1',
      '2606:4700::1111',
      '::ffff:8.8.8.8',
    ])
      assert.equal(privateAddressReason(ip), null, ip);
  });

  it('checks every address a name resolves to', async () => {
    const resolver = async (h: string) =>
      h === 'mixed.example' ? ['93.184.216.34', '10.0.0.7'] : ['93.184.216.34'];
    assert.deepEqual(await checkHost('public.example', resolver), ['93.184.216.34']);
    await assert.rejects(
      checkHost('mixed.example', resolver),
      /mixed\.example resolves to 10\.0\.0\.7/,
    );
  });
});

describe('SSRF guard in fetchUrl (guard on)', () => {
  // 127.0.0.2 plays a public news site: the policy below treats it (only it) as public.
  // Everything else is judged by the real rules, so 127.0.0.1 stays loopback.
  let publicSite: Awaited<ReturnType<typeof startServer>>;
  let local: Awaited<ReturnType<typeof startServer>>;
  const addressPolicy = (a: string) => (a === '127.0.0.2' ? null : privateAddressReason(a));
  before(async () => {
    local = await startServer({ '/secret': { body: 'internal admin page' } });
    publicSite = await startServer(
      {
        '/article': { body: '<p>The Velmora ferry sailed.</p>' },
        '/robots.txt': { status: 404 },
        '/to-loopback': { status: 302, headers: { location: `${local.base}/secret` } },
        '/to-intranet': {
          status: 301,
          headers: { location: 'http://intranet.example/secret' },
        },
      },
      '127.0.0.2',
    );
  });
  after(async () => {
    await publicSite.close();
    await local.close();
  });

  it('fetches from an allowed address', async () => {
    const r = await fetchUrl(`${publicSite.base}/article`, { addressPolicy });
    assert.equal(r.status, 200);
  });

  it('refuses a loopback address in the URL without connecting', async () => {
    await assert.rejects(fetchUrl(`${local.base}/secret`), (e: unknown) => {
      assert.ok(e instanceof InputError);
      assert.equal(e.input, `${local.base}/secret`);
      assert.match(e.reason, /loopback address.*--allow-private-network/);
      return true;
    });
    assert.equal(local.requests.length, 0);
  });

  it('refuses a redirect to 127.0.0.1, and follows it only with the guard off', async () => {
    const start = `${publicSite.base}/to-loopback`;
    await assert.rejects(fetchUrl(start, { addressPolicy }), (e: unknown) => {
      assert.ok(e instanceof InputError);
      assert.equal(e.input, start);
      assert.match(e.reason, /loopback address.*\(at http:\/\/127\.0\.0\.1:\d+\/secret\)/);
      return true;
    });
    assert.equal(local.requests.length, 0);
    const ok = await fetchUrl(start, { allowPrivateNetwork: true });
    assert.equal(ok.url, `${local.base}/secret`);
  });

  it('refuses a redirect to a host name that resolves to a private address', async () => {
    const resolver = async (h: string) => (h === 'intranet.example' ? ['10.20.30.40'] : []);
    await assert.rejects(
      fetchUrl(`${publicSite.base}/to-intranet`, { addressPolicy, resolver }),
      /private address \(intranet\.example resolves to 10\.20\.30\.40\)/,
    );
  });

  it('refuses a host name that resolves to a private address, after DNS', async () => {
    const seen = local.requests.length;
    const resolver = async (h: string) => (h === 'intranet.example' ? ['192.168.10.20'] : []);
    await assert.rejects(
      fetchUrl(`http://intranet.example:${local.port}/secret`, { resolver }),
      (e: unknown) => {
        assert.ok(e instanceof InputError);
        assert.match(
          e.reason,
          /private address \(intranet\.example resolves to 192\.168\.10\.20\)/,
        );
        return true;
      },
    );
    const mapped = async () => ['::ffff:127.0.0.1'];
    await assert.rejects(
      fetchUrl(`http://sneaky.example:${local.port}/secret`, { resolver: mapped }),
      /loopback address \(IPv4 inside IPv6\)/,
    );
    assert.equal(local.requests.length, seen);
  });

  it('refuses other schemes and credentials', async () => {
    await assert.rejects(fetchUrl('file:///etc/passwd'), /only http and https/);
    await assert.rejects(fetchUrl('http://user:pw@news.example/'), /credentials/);
    await assert.rejects(fetchUrl('not a url'), /not a valid URL/);
  });
});
