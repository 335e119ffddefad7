import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import type { z } from 'zod';
import type { Store } from '../../6-store/store.js';
import { exportAllJsonl, exportComparison } from '../export/export-format.js';
import { articleView } from './article-view.js';
import {
  checkIngestSupported,
  runIngestJob,
  type IngestAdapters,
  type IngestJobResult,
} from './ingest-job.js';
import { JobRunner } from './jobs.js';
import { openApiDocument } from './openapi.js';
import { HttpProblem, problem } from './problem.js';
import {
  MAX_BODY_BYTES,
  describeZodError,
  entitiesQuery,
  exportQuery,
  idParam,
  ingestBody,
  searchQuery,
  storiesQuery,
} from './schemas.js';
import { bearerAuth, securityHeaders } from './security.js';
import { StoryCatalog, type CompareFn } from './story-catalog.js';
import { readAsset } from './web-assets.js';

export interface AppOptions {
  store: Store;
  /** When set, every request needs `Authorization: Bearer <token>`. */
  token?: string;
  /** Allowed CORS origin; CORS stays off when unset. */
  corsOrigin?: string;
  /** Defaults to compareStory; tests pass a fixture. */
  compare?: CompareFn;
  ingest?: IngestAdapters;
  /** Analysis threads for POST /api/ingest (default 1: on the server's own thread). */
  analysisThreads?: number;
}

function parse<T extends z.ZodTypeAny>(schema: T, value: unknown, what: string): z.infer<T> {
  const r = schema.safeParse(value);
  if (!r.success) throw new HttpProblem(400, describeZodError(r.error, what));
  return r.data;
}
const id = (c: Context) => parse(idParam, c.req.param('id'), 'id');

/** The HTTP API and the web UI as one Hono app (no listening socket: see server.ts). */
export function createApp(options: AppOptions) {
  const { store } = options;
  const catalog = new StoryCatalog(store, options.compare);
  const compare = (s: Store, storyId: string) => catalog.comparison(storyId);
  const jobs = new JobRunner<IngestJobResult>();
  const adapters = options.ingest ?? {};
  const app = new Hono();

  app.use('*', securityHeaders());
  if (options.corsOrigin)
    app.use(
      '/api/*',
      cors({ origin: options.corsOrigin, allowHeaders: ['Authorization', 'Content-Type'] }),
    );
  // The page shell, its assets and the API description hold no data: the UI must load in
  // order to ask for the token. Everything under /api/ needs it.
  if (options.token) app.use('/api/*', bearerAuth(options.token));

  app.onError((err, c) => {
    if (err instanceof HttpProblem) return problem(err.status, err.message, c.req.path);
    return problem(500, `internal error: ${err.message}`, c.req.path);
  });
  app.notFound((c) => problem(404, `no route ${c.req.method} ${c.req.path}`, c.req.path));

  const requireComparison = async (c: Context) => {
    const storyId = id(c);
    const comparison = await catalog.comparison(storyId);
    if (!comparison) throw new HttpProblem(404, `no story "${storyId}"`);
    redirect(c, storyId, comparison.story.id);
    return comparison;
  };
  /**
   * A merged story's old id answers with the story it merged into (docs/api.md): the body
   * carries the live id, and `Parallax-Redirected-From` (and `redirectedFrom` in a JSON
   * envelope) names the id asked for.
   */
  const redirect = (c: Context, asked: string, live: string): { redirectedFrom?: string } => {
    if (asked === live) return {};
    c.header('Parallax-Redirected-From', asked);
    return { redirectedFrom: asked };
  };

  app.get('/openapi.json', (c) => c.json(openApiDocument()));
  app.get('/api/health', (c) => c.json({ status: 'ok' }));

  app.get('/api/stories', async (c) => {
    const q = parse(storiesQuery, c.req.query(), 'query');
    const { total, items } = await catalog.stories(q);
    return c.json({ schemaVersion: 1, total, limit: q.limit, offset: q.offset, items });
  });
  app.get('/api/stories/:id', async (c) => {
    const storyId = id(c);
    const story = await store.getStory(storyId);
    if (!story) throw new HttpProblem(404, `no story "${storyId}"`);
    return c.json({ schemaVersion: 1, story, ...redirect(c, storyId, story.id) });
  });
  app.get('/api/stories/:id/comparison', async (c) => c.json(await requireComparison(c)));
  app.get('/api/stories/:id/timeline', async (c) => {
    const cmp = await requireComparison(c);
    return c.json({
      schemaVersion: 1,
      storyId: cmp.story.id,
      ...redirect(c, id(c), cmp.story.id),
      timeline: cmp.timeline,
    });
  });
  app.get('/api/stories/:id/quotes', async (c) => {
    const cmp = await requireComparison(c);
    return c.json({
      schemaVersion: 1,
      storyId: cmp.story.id,
      ...redirect(c, id(c), cmp.story.id),
      quotes: cmp.quotes,
      quoteFidelity: cmp.quoteFidelity,
    });
  });
  app.get('/api/stories/:id/export', async (c) => {
    const { format } = parse(exportQuery, c.req.query(), 'query');
    const cmp = await requireComparison(c);
    const out = exportComparison(cmp, format);
    redirect(c, id(c), cmp.story.id);
    const headers: Record<string, string> = {
      'content-type': out.contentType,
      'content-disposition': `attachment; filename="${cmp.story.id}.${out.extension}"`,
    };
    // The HTML report styles itself inline and loads nothing.
    if (format === 'html')
      headers['content-security-policy'] = "default-src 'none'; style-src 'unsafe-inline'";
    return c.body(out.body, 200, headers);
  });
  app.get('/api/export.jsonl', () => {
    const lines = exportAllJsonl(store, compare);
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await lines.next();
        if (next.done) controller.close();
        else controller.enqueue(new TextEncoder().encode(next.value));
      },
    });
    return new Response(stream, {
      headers: {
        'content-type': 'application/x-ndjson; charset=utf-8',
        'content-disposition': 'attachment; filename="parallax.jsonl"',
      },
    });
  });

  app.get('/api/articles/:id', async (c) => {
    const articleId = id(c);
    const a = await store.getArticle(articleId);
    if (!a) throw new HttpProblem(404, `no article "${articleId}"`);
    return c.json(articleView(a));
  });
  app.get('/api/articles/:id/text', async (c) => {
    const articleId = id(c);
    const a = await store.getArticle(articleId);
    if (!a) throw new HttpProblem(404, `no article "${articleId}"`);
    return new Response(a.text, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
  });

  app.get('/api/entities', async (c) => {
    const q = parse(entitiesQuery, c.req.query(), 'query');
    const all = await catalog.entities(q.q);
    return c.json({
      schemaVersion: 1,
      total: all.length,
      limit: q.limit,
      offset: q.offset,
      items: all.slice(q.offset, q.offset + q.limit),
    });
  });

  app.get('/api/search', async (c) => {
    const q = parse(searchQuery, c.req.query(), 'query');
    const [articles, quotes] = await Promise.all([
      store.search(q.q, q.limit),
      catalog.searchQuotes(q.q, q.limit),
    ]);
    return c.json({ schemaVersion: 1, query: q.q, articles, quotes });
  });

  app.post(
    '/api/ingest',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => problem(413, `request body over ${MAX_BODY_BYTES} bytes`),
    }),
    async (c) => {
      if (!/^application\/json\b/i.test(c.req.header('content-type') ?? ''))
        throw new HttpProblem(415, 'send the article as application/json');
      let raw: unknown;
      try {
        raw = await c.req.json();
      } catch {
        throw new HttpProblem(400, 'request body is not valid JSON');
      }
      const body = parse(ingestBody, raw, 'ingest request');
      checkIngestSupported(body, adapters);
      const job = jobs.submit(`ingest-${body.kind}`, () =>
        runIngestJob(store, body, adapters, options.analysisThreads ?? 1),
      );
      return c.json(
        { schemaVersion: 1, jobId: job.id, status: job.status, statusUrl: `/api/jobs/${job.id}` },
        202,
        { location: `/api/jobs/${job.id}` },
      );
    },
  );
  app.get('/api/jobs/:id', (c) => {
    const jobId = parse(idParam, c.req.param('id'), 'id');
    const job = jobs.get(jobId);
    if (!job) throw new HttpProblem(404, `no job "${jobId}"`);
    return c.json({ schemaVersion: 1, ...job });
  });

  // The web UI: one page, hash-routed, plus its static assets.
  app.get('/', () => asset('index.html'));
  app.get('/assets/:file', (c) => asset(c.req.param('file')));

  return { app, jobs };
}

async function asset(name: string): Promise<Response> {
  const a = await readAsset(name);
  if (!a) return problem(404, `no asset "${name}"`);
  return new Response(new Uint8Array(a.body), {
    headers: { 'content-type': a.type, 'cache-control': 'no-cache' },
  });
}
