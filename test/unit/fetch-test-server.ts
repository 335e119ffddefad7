import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route =
  | { status?: number; headers?: Record<string, string>; body?: string | Uint8Array }
  | ((req: IncomingMessage, res: ServerResponse) => void);

/** A local HTTP server on 127.0.0.1 for fetch tests; records every request it gets. */
export async function startServer(routes: Record<string, Route>, host = '127.0.0.1') {
  const requests: Array<{ path: string; headers: IncomingMessage['headers']; at: number }> = [];
  const server = createServer((req, res) => {
    requests.push({ path: req.url ?? '', headers: req.headers, at: Date.now() });
    const route = routes[req.url ?? ''] ?? routes[(req.url ?? '').split('?')[0]!];
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('not found');
    }
    if (typeof route === 'function') return route(req, res);
    res.writeHead(route.status ?? 200, { 'content-type': 'text/html', ...route.headers });
    res.end(route.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    base: `http://${host}:${port}`,
    port,
    requests,
    routes,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
