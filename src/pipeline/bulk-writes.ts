import type { Store } from '../6-store/store.js';

/** A store that can group many writes into fewer commits (SQLite does). */
interface BulkStore {
  bulk<T>(fn: () => Promise<T>): Promise<T>;
}

/** Runs `fn` with the store's grouped commits when it has them; plainly otherwise. */
export function withBulkWrites<T>(store: Store, fn: () => Promise<T>): Promise<T> {
  const bulk = (store as Partial<BulkStore>).bulk;
  return typeof bulk === 'function' ? (bulk.call(store, fn) as Promise<T>) : fn();
}
