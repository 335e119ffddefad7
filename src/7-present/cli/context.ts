import type { Store } from '../../6-store/store.js';

export interface CliContext {
  store: Store;
  json: boolean;
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
  out: (s: string) => void;
  err: (s: string) => void;
}

/** JSON output: every top-level shape carries a schemaVersion (see docs/). */
export function printJson(ctx: Pick<CliContext, 'out'>, value: unknown): void {
  ctx.out(JSON.stringify(value, null, 2) + '\n');
}
