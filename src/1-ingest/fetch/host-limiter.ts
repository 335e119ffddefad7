/**
 * At most one request per `intervalMs` to each host: politeness towards the
 * outlets we read. Callers await `wait(host)` before each request.
 */
export class HostLimiter {
  private readonly next = new Map<string, number>();

  constructor(readonly intervalMs = 1000) {}

  async wait(host: string, signal?: AbortSignal): Promise<void> {
    if (this.intervalMs <= 0) return;
    const now = Date.now();
    const at = Math.max(now, this.next.get(host) ?? 0);
    this.next.set(host, at + this.intervalMs);
    if (at > now) await sleep(at - now, signal);
  }
}

/** Resolves after `ms`, or early (without error) when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
