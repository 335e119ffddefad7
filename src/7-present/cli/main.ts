import { parseArgs } from 'node:util';
import { SqliteStore } from '../../6-store/sqlite/sqlite-store.js';
import { runCompare } from './compare-command.js';
import { runIngest } from './ingest-command.js';
import { runSearch } from './search-command.js';
import { runShow } from './show-command.js';
import { runStories } from './stories-command.js';
import type { CliContext } from './context.js';
import { UsageError, USAGE } from './usage.js';

const COMMANDS: Record<string, (ctx: CliContext) => Promise<number>> = {
  ingest: runIngest,
  stories: runStories,
  show: runShow,
  compare: runCompare,
  search: runSearch,
};

/** Runs the CLI; returns the exit code. */
export async function main(
  argv: string[],
  io = { out: (s: string) => process.stdout.write(s), err: (s: string) => process.stderr.write(s) },
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        json: { type: 'boolean', default: false },
        source: { type: 'string' },
        format: { type: 'string' },
        threads: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    io.err(`parallax: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const [command, ...positionals] = parsed.positionals;
  if (parsed.values.help || command === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (!command) {
    io.err(USAGE);
    return 2;
  }
  const run = COMMANDS[command];
  if (!run) {
    io.err(`parallax: unknown command "${command}"\n\n${USAGE}`);
    return 2;
  }
  const dbPath = parsed.values.db ?? process.env.PARALLAX_DB ?? 'parallax.db';
  let store: SqliteStore;
  try {
    store = new SqliteStore(dbPath);
  } catch (e) {
    io.err(`parallax: cannot open database ${dbPath}: ${(e as Error).message}\n`);
    return 1;
  }
  try {
    return await run({
      store,
      json: parsed.values.json ?? false,
      positionals,
      values: parsed.values,
      out: io.out,
      err: io.err,
    });
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`parallax ${command}: ${e.message}\n`);
      return 2;
    }
    throw e;
  } finally {
    await store.close();
  }
}
