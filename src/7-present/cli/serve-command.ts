import { defaultThreads } from '../../pipeline/analyse-pool.js';
import { defaultIngestAdapters } from '../http/ingest-adapters.js';
import { startServer } from '../http/server.js';
import type { CliContext } from './context.js';
import { UsageError } from './usage.js';

/** `parallax serve [--port 8080] [--host 127.0.0.1]`: the API and the web UI until interrupted. */
export async function runServe(ctx: CliContext): Promise<number> {
  const host = (ctx.values.host as string | undefined) ?? '127.0.0.1';
  const portText = (ctx.values.port as string | undefined) ?? process.env.PARALLAX_PORT ?? '8080';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535)
    throw new UsageError(`--port "${portText}" is not a port number (0-65535)`);
  const token = process.env.PARALLAX_TOKEN || undefined;
  const corsOrigin = process.env.PARALLAX_CORS_ORIGIN || undefined;
  let server;
  try {
    server = await startServer({
      store: ctx.store,
      host,
      port,
      ingest: defaultIngestAdapters(),
      analysisThreads: defaultThreads(),
      ...(token ? { token } : {}),
      ...(corsOrigin ? { corsOrigin } : {}),
    });
  } catch (e) {
    ctx.err(`parallax serve: ${(e as Error).message}\n`);
    return 1;
  }
  ctx.out(
    `Parallax is serving ${server.url}/ (API: ${server.url}/api, OpenAPI: ${server.url}/openapi.json). Ctrl-C stops it.\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
}
