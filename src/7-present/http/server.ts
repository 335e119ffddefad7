import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp, type AppOptions } from './app.js';
import { isLoopbackHost } from './loopback.js';

export interface ServeOptions extends AppOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
  /** Resolves when no ingest job is pending. */
  idle(): Promise<void>;
}

/** Refuses a server reachable from other machines without a token. */
export function checkServeSecurity(host: string, token: string | undefined): string | null {
  if (isLoopbackHost(host)) return null;
  if (!token)
    return `refusing to listen on ${host} without a token: set PARALLAX_TOKEN (every request must then send Authorization: Bearer <token>)`;
  if (token.length < 16) return 'PARALLAX_TOKEN is too short (use at least 16 characters)';
  return null;
}

/** How long `close()` lets in-flight requests finish before cutting connections. */
const CLOSE_GRACE_MS = 1000;

/** Starts the API and UI; off loopback a token is required. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const refusal = checkServeSecurity(options.host, options.token);
  if (refusal) throw new Error(refusal);
  const { app, jobs } = createApp(options);
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: options.host, port: options.port }, () =>
      resolve(s),
    );
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    idle: () => jobs.idle(),
    close: async () => {
      await jobs.idle();
      await new Promise<void>((resolve) => {
        // In-flight requests get a short grace period, then every connection is cut.
        const force = setTimeout(() => {
          if ('closeAllConnections' in server) server.closeAllConnections();
        }, CLOSE_GRACE_MS);
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        // Browsers keep idle connections open; do not wait for them.
        if ('closeIdleConnections' in server) server.closeIdleConnections();
      });
    },
  };
}
