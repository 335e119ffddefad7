import { request } from 'undici';

// TEMPORARY (html branch): a minimal fetch so `parallax extract <url>` compiles and runs.
// The ingestion branch owns the real fetcher (timeouts, robots.txt, SSRF guard); keep theirs on merge.

export interface FetchedPage {
  url: string;
  status: number;
  contentType: string | null;
  body: Uint8Array;
}

const MAX_BYTES = 10 * 1024 * 1024;
const MAX_REDIRECTS = 5;

export async function fetchUrl(
  url: string,
  _options: { allowPrivateNetwork?: boolean } = {},
): Promise<FetchedPage> {
  let current = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const res = await request(current, {
      headers: { 'user-agent': 'Parallax/0.1 (+self-hosted news comparison)' },
      headersTimeout: 15_000,
      bodyTimeout: 30_000,
    });
    const location = res.headers.location;
    if (res.statusCode >= 300 && res.statusCode < 400 && typeof location === 'string') {
      await res.body.dump();
      current = new URL(location, current).toString();
      continue;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_BYTES) {
        res.body.destroy();
        throw new Error(`${current}: response larger than ${MAX_BYTES / 1048576} MB`);
      }
      chunks.push(chunk);
    }
    const type = res.headers['content-type'];
    return {
      url: current,
      status: res.statusCode,
      contentType: typeof type === 'string' ? type : null,
      body: new Uint8Array(Buffer.concat(chunks)),
    };
  }
  throw new Error(`${url}: more than ${MAX_REDIRECTS} redirects`);
}
