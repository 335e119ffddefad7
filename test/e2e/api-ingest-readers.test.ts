import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SqliteStore } from '../../src/6-store/sqlite/sqlite-store.js';
import { defaultIngestAdapters } from '../../src/7-present/http/ingest-adapters.js';
import { startServer } from '../../src/7-present/http/server.js';

// The API with the real readers `parallax serve` uses: HTML goes through the
// extractor, URLs through the guarded fetcher (private addresses refused).
describe('POST /api/ingest with the real HTML and URL readers', () => {
  const store = new SqliteStore(':memory:');
  let server: Awaited<ReturnType<typeof startServer>>;
  before(async () => {
    server = await startServer({
      store,
      host: '127.0.0.1',
      port: 0,
      ingest: defaultIngestAdapters(),
    });
  });
  after(async () => {
    await server.close();
    await store.close();
  });

  async function ingest(body: unknown) {
    const res = await fetch(`${server.url}/api/ingest`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    assert.equal(res.status, 202);
    const { jobId } = (await res.json()) as { jobId: string };
    await server.idle();
    return (await (await fetch(`${server.url}/api/jobs/${jobId}`)).json()) as {
      status: string;
      error?: string;
      result?: { articleId: string; title: string };
    };
  }

  it('extracts the article from hostile HTML and stores only its text', async () => {
    const job = await ingest({
      kind: 'html',
      source: 'Fennick Herald',
      html: `<html lang="en"><head><title>Ferry returns to Dunmarrow | Fennick Herald</title>
        <script>window.pwned = 1</script></head><body>
        <nav><a href="/">Home</a> <a href="/news">News</a></nav>
        <article><h1>Ferry returns to Dunmarrow</h1>
        <p>The ferry between Dunmarrow and the island of Skellow resumed sailings on Monday after six weeks of repairs to its hull, the harbour office said.</p>
        <p>Harbour master Tamsin Orle said the first crossing carried 140 passengers and a flock of sheep.</p>
        <p><img src="x" onerror="window.pwned = 2">Islanders had relied on a fishing boat for supplies during the closure.</p>
        </article><footer>Cookie settings</footer></body></html>`,
    });
    assert.equal(job.status, 'done', job.error);
    const article = (await (
      await fetch(`${server.url}/api/articles/${job.result!.articleId}`)
    ).json()) as { text: string };
    assert.match(article.text, /resumed sailings on Monday/);
    assert.doesNotMatch(article.text, /pwned|<script|onerror|Cookie settings/);
  });

  it('refuses a URL on a loopback address by default', async () => {
    const job = await ingest({ kind: 'url', url: 'http://127.0.0.1:9/article' });
    assert.equal(job.status, 'failed');
    assert.match(job.error ?? '', /private|loopback|refus/i);
  });
});
