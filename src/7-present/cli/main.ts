import { parseArgs } from 'node:util';
import { describeTarget, openStore, storeTarget } from '../../6-store/open-store.js';
import type { Store } from '../../6-store/store.js';
import { runAnalyse } from './analyse-command.js';
import { runCompare } from './compare-command.js';
import { runExport } from './export-command.js';
import { runExtract } from './extract-command.js';
import { runIngest } from './ingest-command.js';
import { runSearch } from './search-command.js';
import { runServe } from './serve-command.js';
import { runShow } from './show-command.js';
import { runStories } from './stories-command.js';
import { runVersions } from './versions-command.js';
import { runWatch } from './watch-command.js';
import type { CliContext } from './context.js';
import { runEnqueue } from './enqueue-command.js';
import { runJobs } from './jobs-command.js';
import { runMigrate } from './migrate-command.js';
import type { QueueCliContext } from './queue-context.js';
import { runWorker } from './worker-command.js';
import { UsageError, USAGE } from './usage.js';

const COMMANDS: Record<string, (ctx: CliContext) => Promise<number>> = {
  ingest: runIngest,
  stories: runStories,
  show: runShow,
  compare: runCompare,
  search: runSearch,
  export: runExport,
  serve: runServe,
  watch: runWatch,
  versions: runVersions,
};

/** Commands that work on their input alone and must not create a database. */
const NO_STORE: Record<string, (ctx: Omit<CliContext, 'store'>) => Promise<number>> = {
  analyse: runAnalyse,
  extract: runExtract,
};

/** Commands that talk to PostgreSQL and its job queue rather than to a Store. */
const QUEUE_COMMANDS: Record<string, (ctx: QueueCliContext) => Promise<number>> = {
  worker: runWorker,
  migrate: runMigrate,
  jobs: runJobs,
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
        date: { type: 'string' },
        raw: { type: 'boolean', default: false },
        'allow-private-network': { type: 'boolean', default: false },
        every: { type: 'string' },
        threads: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        out: { type: 'string' },
        all: { type: 'boolean' },
        port: { type: 'string' },
        host: { type: 'string' },
        'database-url': { type: 'string' },
        concurrency: { type: 'string' },
        'until-empty': { type: 'boolean' },
        failed: { type: 'boolean' },
        limit: { type: 'string' },
        wait: { type: 'boolean' },
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
  const common = { json: parsed.values.json ?? false, positionals, values: parsed.values };
  const standalone = NO_STORE[command];
  if (standalone) {
    return usageGuard(command, io, () => standalone({ ...common, out: io.out, err: io.err }));
  }
  const target = storeTarget({ db: parsed.values.db, databaseUrl: parsed.values['database-url'] });
  const queueRun =
    QUEUE_COMMANDS[command] ??
    (command === 'ingest' && target.kind === 'postgres' ? runEnqueue : undefined);
  if (queueRun) {
    const ctx: QueueCliContext = {
      databaseUrl: target.kind === 'postgres' ? target.url : undefined,
      json: parsed.values.json ?? false,
      positionals,
      values: parsed.values,
      out: io.out,
      err: io.err,
    };
    try {
      return await queueRun(ctx);
    } catch (e) {
      if (e instanceof UsageError) {
        io.err(`parallax ${command}: ${e.message}\n`);
        return 2;
      }
      io.err(`parallax ${command}: ${describeTarget(target)}: ${(e as Error).message}\n`);
      return 1;
    }
  }
  const run = COMMANDS[command];
  if (!run) {
    io.err(`parallax: unknown command "${command}"\n\n${USAGE}`);
    return 2;
  }
  let store: Store;
  try {
    store = await openStore(target);
  } catch (e) {
    io.err(`parallax: cannot open database ${describeTarget(target)}: ${(e as Error).message}\n`);
    return 1;
  }
  try {
    return await usageGuard(command, io, () => run({ store, ...common, out: io.out, err: io.err }));
  } finally {
    await store.close();
  }
}

/** Runs a command; a UsageError becomes its message and exit code 2. */
async function usageGuard(
  command: string,
  io: { err: (s: string) => void },
  fn: () => Promise<number>,
): Promise<number> {
  try {
    return await fn();
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`parallax ${command}: ${e.message}\n`);
    return 2;
  }
}
