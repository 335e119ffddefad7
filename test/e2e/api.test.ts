import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseTextArticle } from '../../src/1-ingest/text-metadata.js';
import { SqliteStore } from '../../src/6-store/sqlite/sqlite-store.js';
import { createApp } from '../../src/7-present/http/app.js';
import {
  checkServeSecurity,
  startServer,
  type RunningServer,
} from '../../src/7-present/http/server.js';
import { compareStory } from '../../src/pipeline/compare-story.js';
import { ingestPaths } from '../../src/pipeline/ingest.js';
import { DEMO_CORPUS, REPO_ROOT } from '../paths.js';
import { validate } from './api-json-schema.js';
import { withInventedAnalysis } from './ui-fixture.js';

type Doc = {
  paths: Record<
    string,
    Record<
      string,
      {
        responses: Record<
          string,
          { content?: Record<string, { schema: Record<string, unknown> }> }
        >;
      }
    >
  >;
};

describe('HTTP API over real HTTP on 127.0.0.1', () => {
  const store = new SqliteStore(':memory:');
  let server: RunningServer;
  let doc: Doc;
  let storyId = '';
  let chessId = '';
  /** (method, documented path, status) triples whose responses were validated. */
  const validated = new Set<string>();

  /** The documented path template a concrete path matches. */
  const template = (pathname: string) =>
    Object.keys(doc.paths).find((p) =>
      new RegExp(`^${p.replace(/\{[^}]+\}/g, '[^/]+').replace(/\./g, '\\.')}$`).test(pathname),
    );

  /** Fetches, then checks status, content type and body against /openapi.json. */
  async function call(path: string, init: RequestInit = {}, base = server.url) {
    const res = await fetch(base + path, init);
    const method = (init.method ?? 'GET').toLowerCase();
    const pathname = new URL(base + path).pathname;
    const tpl = template(pathname);
    const text = await res.text();
    if (tpl && doc.paths[tpl]?.[method]) {
      const response = doc.paths[tpl]![method]!.responses[String(res.status)];
      assert.ok(
        response,
        `${method.toUpperCase()} ${tpl} answered ${res.status}, which is not documented`,
      );
      const type = (res.headers.get('content-type') ?? '').split(';')[0]!;
      const media = response.content?.[type];
      if (response.content)
        assert.ok(media, `${method.toUpperCase()} ${tpl} ${res.status}: undocumented type ${type}`);
      const bodies = !media
        ? []
        : type === 'application/x-ndjson'
          ? text
              .split('\n')
              .filter(Boolean)
              .map((l) => JSON.parse(l) as unknown)
          : type.endsWith('json')
            ? [JSON.parse(text) as unknown]
            : [];
      for (const body of bodies) {
        const errors = validate(body, media!.schema, doc as unknown as Record<string, unknown>);
        assert.deepEqual(
          errors,
          [],
          `${method.toUpperCase()} ${path} ${res.status} does not match its schema`,
        );
      }
      validated.add(`${method} ${tpl} ${res.status}`);
    }
    return { res, text, json: () => JSON.parse(text) };
  }

  before(async () => {
    await ingestPaths(store, [DEMO_CORPUS]);
    const stories = await store.listStories();
    storyId = stories[0]!.id;
    chessId = stories[1]!.id;
    server = await startServer({ store, host: '127.0.0.1', port: 0 });
    doc = (await (await fetch(`${server.url}/openapi.json`)).json()) as Doc;
    await call('/openapi.json');
    assert.equal((await call('/api/health')).json().status, 'ok');
  });
  after(async () => {
    await server.close();
    await store.close();
  });

  it('documents exactly the routes the app serves', () => {
    const { app } = createApp({ store });
    const served = new Set(
      app.routes
        .filter(
          (r) => r.method !== 'ALL' && (r.path.startsWith('/api/') || r.path === '/openapi.json'),
        )
        .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`)),
    );
    assert.deepEqual([...served].sort(), [...documented].sort());
  });

  it('lists stories, paged, with counts', async () => {
    const all = (await call('/api/stories')).json();
    assert.equal(all.total, 2);
    assert.equal(all.items[0].id, storyId);
    assert.equal(all.items[0].articleCount, 4);
    assert.equal(all.items[0].outletCount, 4);
    const second = (await call('/api/stories?limit=1&offset=1')).json();
    assert.deepEqual([second.total, second.items.length, second.items[0].id], [2, 1, chessId]);
  });

  it('filters stories by text, dates, outlet, language and entity', async () => {
    const ids = async (q: string) =>
      (await call(`/api/stories?${q}`)).json().items.map((s: { id: string }) => s.id);
    assert.deepEqual(await ids('q=chess'), [chessId]);
    assert.deepEqual(await ids('q=ferry'), [storyId]);
    assert.deepEqual(await ids('outlet=harbour%20wire'), [storyId]);
    assert.deepEqual(await ids('outlet=Nobody'), []);
    assert.deepEqual((await ids('language=en')).sort(), [storyId, chessId].sort());
    assert.deepEqual(await ids('language=de'), []);
    assert.deepEqual(await ids('from=2030-01-01'), []);
    assert.deepEqual(await ids('to=2000-01-01'), []);
    assert.ok((await ids('from=2026-03-15&to=2026-03-15')).includes(storyId));
    assert.deepEqual(
      await ids('entity=Orsolya%20Venn'),
      [],
      'no entities until analysis fills them',
    );
  });

  it('rejects bad queries with problem+json: page size over the limit, unknown parameters, bad dates', async () => {
    for (const q of [
      'limit=101',
      'limit=0',
      'offset=-1',
      'colour=red',
      'from=13/03/2026',
      'language=English',
    ]) {
      const { res, json } = await call(`/api/stories?${q}`);
      assert.equal(res.status, 400, q);
      assert.match(res.headers.get('content-type')!, /^application\/problem\+json/);
      assert.equal(json().status, 400);
      assert.ok(json().detail.length > 10, json().detail);
    }
    assert.match((await call('/api/stories?limit=101')).json().detail, /limit.*100/);
  });

  it('serves one story, its comparison, timeline and quotes; unknown ids are 404 problems', async () => {
    assert.equal((await call(`/api/stories/${storyId}`)).json().story.id, storyId);
    const cmp = (await call(`/api/stories/${storyId}/comparison`)).json();
    assert.equal(cmp.schemaVersion, 2);
    assert.equal(cmp.articles.length, 4);
    assert.ok(cmp.groups.length > 0);
    assert.deepEqual(
      (await call(`/api/stories/${storyId}/timeline`)).json().timeline,
      cmp.timeline,
    );
    assert.deepEqual((await call(`/api/stories/${storyId}/quotes`)).json().quotes, cmp.quotes);
    for (const p of ['', '/comparison', '/timeline', '/quotes', '/export']) {
      const { res, json } = await call(`/api/stories/s_nope${p}`);
      assert.equal(res.status, 404);
      assert.match(json().detail, /no story "s_nope"/);
    }
    assert.equal((await call('/api/stories/bad%20id!')).res.status, 400);
    assert.equal((await call('/api/nothing-here')).res.status, 404);
  });

  it('serves an article with its text and spans, and its text alone', async () => {
    const id = (await store.storyArticles(storyId))[0]!.id;
    const a = (await call(`/api/articles/${id}`)).json();
    assert.equal(a.id, id);
    assert.ok(a.text.length > 100);
    for (const s of a.sentences)
      assert.ok(s.start >= 0 && s.end <= a.text.length && s.start < s.end);
    for (const k of ['entities', 'mentions', 'quotes', 'times']) assert.ok(Array.isArray(a[k]), k);
    const plain = await call(`/api/articles/${id}/text`);
    assert.equal(plain.text, a.text);
    assert.equal((await call('/api/articles/a_nope')).res.status, 404);
    assert.equal((await call('/api/articles/a_nope/text')).res.status, 404);
  });

  it('searches articles and quotes; an empty query is a 400', async () => {
    const r = (await call('/api/search?q=ferry')).json();
    assert.ok(r.articles.length >= 1);
    assert.ok(r.articles.every((h: { storyId: string }) => h.storyId === storyId));
    for (const q of r.quotes as Array<{ speaker: string; text: string }>)
      assert.match(`${q.speaker} ${q.text}`, /ferry/i);
    assert.equal((await call('/api/search?q=')).res.status, 400);
    assert.equal((await call('/api/search')).res.status, 400);
  });

  it('lists entities with the stories they appear in, and rejects bad paging', async () => {
    const r = (await call('/api/entities?limit=100')).json();
    const known = new Set([storyId, chessId]);
    for (const e of r.items as Array<{ stories: Array<{ id: string }> }>)
      assert.ok(e.stories.length > 0 && e.stories.every((s) => known.has(s.id)));
    assert.equal(
      (await call('/api/entities?limit=1&offset=0')).json().items.length,
      Math.min(1, r.total),
    );
    assert.equal((await call('/api/entities?limit=1000')).res.status, 400);
  });

  it('exports every format from the API, and all stories as JSON Lines', async () => {
    const json = await call(`/api/stories/${storyId}/export?format=json`);
    assert.equal(json.json().schemaVersion, 2);
    assert.match(json.res.headers.get('content-disposition')!, new RegExp(`${storyId}\\.json`));
    const md = await call(`/api/stories/${storyId}/export?format=md`);
    assert.match(md.text, /^# /);
    const html = await call(`/api/stories/${storyId}/export?format=html`);
    assert.match(html.text, /^<!doctype html>/);
    assert.doesNotMatch(html.text, /<script|<link|src=|https?:\/\//i);
    const csv = await call(`/api/stories/${storyId}/export?format=csv`);
    assert.match(csv.text, /^row_type,story_id,group_id/);
    assert.equal((await call(`/api/stories/${storyId}/export?format=pdf`)).res.status, 400);
    const all = await call('/api/export.jsonl');
    const lines = all.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.deepEqual(lines.map((l) => l.story.id).sort(), [storyId, chessId].sort());
  });

  it('ingests text as a job and reports its status; the same text again is a duplicate', async () => {
    const text =
      'Ferry pier reopens in Quillmouth\n\nThe fictional port of Quillmouth reopened its ferry pier on Monday after repairs, the harbour board said. Sailings resume on Tuesday.';
    const post = (body: unknown) =>
      call('/api/ingest', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const first = await post({ kind: 'text', text, source: 'Quillmouth Gazette' });
    assert.equal(first.res.status, 202);
    assert.equal(first.res.headers.get('location'), `/api/jobs/${first.json().jobId}`);
    await server.idle();
    const job = (await call(`/api/jobs/${first.json().jobId}`)).json();
    assert.equal(job.status, 'done');
    assert.equal(job.result.status, 'added');
    assert.equal(job.result.source, 'Quillmouth Gazette');
    assert.equal((await call(`/api/articles/${job.result.articleId}`)).res.status, 200);
    const again = await post({ kind: 'text', text });
    await server.idle();
    assert.equal((await call(`/api/jobs/${again.json().jobId}`)).json().result.status, 'duplicate');
    const empty = await post({ kind: 'text', text: 'date 2026-01-01\n' });
    await server.idle();
    const failed = (await call(`/api/jobs/${empty.json().jobId}`)).json();
    assert.equal(failed.status, 'failed');
    assert.match(failed.error, /no article text/);
    assert.equal((await call('/api/jobs/j_nope')).res.status, 404);
  });

  it('validates ingest requests: JSON only, known kinds, size limit; HTML and URL answer 501 until wired', async () => {
    const post = (body: string, type = 'application/json') =>
      call('/api/ingest', { method: 'POST', headers: { 'content-type': type }, body });
    assert.equal((await post('{not json')).res.status, 400);
    assert.equal((await post('text', 'text/plain')).res.status, 415);
    assert.equal((await post(JSON.stringify({ kind: 'pdf', data: 'x' }))).res.status, 400);
    assert.equal((await post(JSON.stringify({ kind: 'text', text: '' }))).res.status, 400);
    assert.equal(
      (await post(JSON.stringify({ kind: 'text', text: 'x', extra: 1 }))).res.status,
      400,
    );
    assert.match(
      (await post(JSON.stringify({ kind: 'url', url: 'file:///etc/passwd' }))).json().detail,
      /http/,
    );
    assert.equal((await post(JSON.stringify({ kind: 'html', html: '<p>x</p>' }))).res.status, 501);
    assert.equal(
      (await post(JSON.stringify({ kind: 'url', url: 'http://127.0.0.1/' }))).res.status,
      501,
    );
    const big = await post(JSON.stringify({ kind: 'text', text: 'a'.repeat(6 * 1024 * 1024) }));
    assert.equal(big.res.status, 413);
  });

  it('sends security headers, and no CORS headers unless configured', async () => {
    for (const path of ['/', '/api/stories', '/assets/app.js']) {
      const res = await fetch(server.url + path, { headers: { origin: 'http://evil.example' } });
      assert.equal(res.status, 200, path);
      assert.match(res.headers.get('content-security-policy')!, /default-src 'self'/);
      assert.doesNotMatch(res.headers.get('content-security-policy')!, /unsafe-inline|unsafe-eval/);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(res.headers.get('access-control-allow-origin'), null);
    }
    const html = await (await fetch(server.url + '/')).text();
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)/, 'no inline script');
    assert.doesNotMatch(html, /https?:\/\//, 'no external resource');
    assert.equal((await fetch(server.url + '/assets/..%2Fpackage.json')).status, 404);
    assert.equal((await fetch(server.url + '/assets/nope.js')).status, 404);
  });

  it('with a token, every API request needs Authorization: Bearer; CORS only for the configured origin', async () => {
    const token = 'test-token-0123456789abcdef';
    const locked = await startServer({
      store,
      host: '127.0.0.1',
      port: 0,
      token,
      corsOrigin: 'http://app.example',
    });
    try {
      for (const path of ['/api/stories', '/api/health', '/api/export.jsonl', '/api/nope']) {
        const res = await fetch(locked.url + path);
        assert.equal(res.status, 401, path);
        assert.match(res.headers.get('content-type')!, /problem\+json/);
      }
      // The shell holds no data and must load so that the UI can ask for the token.
      for (const path of ['/', '/assets/app.js', '/openapi.json'])
        assert.equal((await fetch(locked.url + path)).status, 200, path);
      assert.equal(
        (await fetch(locked.url + '/api/stories', { headers: { authorization: 'Bearer wrong' } }))
          .status,
        401,
      );
      const ok = await fetch(locked.url + '/api/stories', {
        headers: { authorization: `Bearer ${token}`, origin: 'http://app.example' },
      });
      assert.equal(ok.status, 200);
      assert.equal(ok.headers.get('access-control-allow-origin'), 'http://app.example');
    } finally {
      await locked.close();
    }
  });

  it('refuses to listen beyond loopback without a token', async () => {
    assert.equal(checkServeSecurity('127.0.0.1', undefined), null);
    assert.equal(checkServeSecurity('::1', undefined), null);
    assert.equal(checkServeSecurity('localhost', undefined), null);
    assert.match(checkServeSecurity('0.0.0.0', undefined)!, /PARALLAX_TOKEN/);
    assert.match(checkServeSecurity('192.168.1.20', 'short')!, /too short/);
    assert.equal(checkServeSecurity('0.0.0.0', 'a-long-enough-token-1234'), null);
    await assert.rejects(startServer({ store, host: '0.0.0.0', port: 0 }), /refusing to listen/);
  });

  it('validates filled analysis fields against the schema (fixture comparison)', async () => {
    const fixture = await startServer({
      store,
      host: '127.0.0.1',
      port: 0,
      compare: async (s, id) => {
        const c = await compareStory(s, id);
        return c && c.articles.length >= 2 ? withInventedAnalysis(c) : c;
      },
    });
    try {
      const cmp = (await call(`/api/stories/${storyId}/comparison`, {}, fixture.url)).json();
      assert.equal(cmp.quotes.length, 1);
      await call(`/api/stories/${storyId}/quotes`, {}, fixture.url);
      await call(`/api/stories/${storyId}/timeline`, {}, fixture.url);
      const ents = (await call('/api/entities?q=venn', {}, fixture.url)).json();
      assert.equal(ents.total, 1);
      assert.deepEqual(
        ents.items[0].stories.map((s: { id: string }) => s.id),
        [storyId],
      );
      assert.ok(ents.items[0].aliases.includes('Mayor Venn'));
      const ids = (await call('/api/stories?entity=mayor%20venn', {}, fixture.url)).json().items;
      assert.deepEqual(
        ids.map((s: { id: string }) => s.id),
        [storyId],
      );
      const found = (await call('/api/search?q=pillar%20checked', {}, fixture.url)).json();
      assert.equal(found.quotes.length, 1);
      assert.equal(found.quotes[0].speaker, 'Orsolya Venn');
    } finally {
      await fixture.close();
    }
  });

  it('passes HTML and URL ingest to the ingest readers it is given, with the private-network guard off by default', async () => {
    const seenOpts: boolean[] = [];
    const wired = await startServer({
      store,
      host: '127.0.0.1',
      port: 0,
      ingest: {
        // Stand-ins for the ingest stage's readers: tags dropped, text kept.
        htmlToArticle: (html, ctx) =>
          parseTextArticle(html.replace(/<[^>]*>/g, ''), {
            origin: ctx.origin,
            ...(ctx.source ? { source: ctx.source } : {}),
          }),
        fetchUrl: async (url, opts) => {
          seenOpts.push(opts.allowPrivateNetwork);
          if (/^http:\/\/(127\.|10\.)/.test(url) && !opts.allowPrivateNetwork)
            throw new Error(`${url}: refusing a private network address`);
          return {
            body: '<h1>Lantern fair returns to Ostby</h1>\n\n<p>The lantern fair returned to the fictional town of Ostby on Saturday, organisers said.</p>',
            contentType: 'text/html',
            url,
          };
        },
      },
    });
    try {
      const post = async (body: unknown) => {
        const r = await call(
          '/api/ingest',
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          },
          wired.url,
        );
        assert.equal(r.res.status, 202);
        await wired.idle();
        return (await call(`/api/jobs/${r.json().jobId}`, {}, wired.url)).json();
      };
      const html = await post({
        kind: 'html',
        html: '<h1>Kite festival moves to Brask</h1>\n\n<p>The kite festival moved to the fictional village of Brask this year, its organisers said on Sunday.</p>',
        source: 'Brask Weekly',
      });
      assert.equal(html.status, 'done');
      assert.equal(html.result.source, 'Brask Weekly');
      const priv = await post({ kind: 'url', url: 'http://10.1.2.3/page' });
      assert.equal(priv.status, 'failed');
      assert.match(priv.error, /private network/);
      const pub = await post({
        kind: 'url',
        url: 'https://ostby.example/fair',
        source: 'Ostby Post',
      });
      assert.equal(pub.status, 'done');
      assert.deepEqual(seenOpts, [false, false]);
    } finally {
      await wired.close();
    }
  });

  it('validated a response for every documented operation', () => {
    const ops = Object.entries(doc.paths).flatMap(([p, o]) =>
      Object.keys(o).map((m) => `${m} ${p}`),
    );
    const missing = ops.filter((op) => ![...validated].some((v) => v.startsWith(op + ' ')));
    assert.deepEqual(missing, []);
  });

  it('docs/api.md names every documented route', async () => {
    const md = await readFile(join(REPO_ROOT, 'docs', 'api.md'), 'utf8');
    for (const [p, ops] of Object.entries(doc.paths))
      for (const m of Object.keys(ops))
        assert.ok(md.includes(`${m.toUpperCase()} ${p}`), `${m.toUpperCase()} ${p}`);
  });
});

describe('the schema checker used above', () => {
  it('catches a missing field, a wrong type and a value outside an enum', () => {
    const root = {
      components: {
        schemas: {
          T: {
            type: 'object',
            required: ['a', 'k'],
            properties: {
              a: { type: 'integer' },
              k: { enum: ['x'] },
              n: { type: ['string', 'null'] },
            },
          },
        },
      },
    };
    const t = { $ref: '#/components/schemas/T' };
    assert.deepEqual(validate({ a: 1, k: 'x', n: null }, t, root), []);
    assert.equal(validate({ k: 'x' }, t, root).length, 1);
    assert.equal(validate({ a: 1.5, k: 'x' }, t, root).length, 1);
    assert.equal(validate({ a: 1, k: 'y', n: 3 }, t, root).length, 2);
  });
});
