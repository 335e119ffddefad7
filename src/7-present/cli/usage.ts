export const USAGE = `parallax — one news story from every side

Usage:
  parallax ingest <path>... [--source NAME]   ingest files, folders (recursive) and URLs:
         [--threads N]                        text, HTML, RSS/Atom feeds, OPML, JSONL, .gz;
                                              N analysis threads (default: one per core)
  parallax watch <feed|opml>... [--every 10m] poll feeds, ingesting new items, until Ctrl-C
  parallax stories                            list stories with their articles
  parallax versions <articleId>               an article's versions (with diffs) and same-text copies
  parallax show <articleId>                   one article: metadata, text, sentences, artifacts
  parallax compare <storyId> [--format md]    what each outlet reported, left out or worded differently
  parallax search <query>                     full-text search over stored articles
  parallax analyse <file> [--date D] [--raw]  entities, quotes and time expressions of one text file,
                                              nothing stored; --raw: offsets index the file as it is
  parallax export <storyId> --format json|md|html|csv [--out FILE]   (or --all --format jsonl)
  parallax serve [--port 8080] [--host 127.0.0.1]   HTTP API and web UI (PARALLAX_TOKEN off loopback)

Scaling out (PostgreSQL; see docs/scaling.md):
  parallax migrate                            create or upgrade the tables and the job queue
  parallax ingest <path>... [--wait]          with a database URL: queue the files for the workers
  parallax worker [--concurrency N] [--until-empty]   process queued articles until stopped
  parallax jobs [--failed] [--limit N]        the queue by state; --failed: jobs that failed for good
  parallax extract <file|url> [--json]        main text and metadata of one HTML page (.html, .htm, .html.gz); stores nothing

Options (every command):
  --db FILE     SQLite database (default: $PARALLAX_DB or ./parallax.db)
  --database-url postgres://…   PostgreSQL instead (default: $PARALLAX_DATABASE_URL)
  --json        machine-readable output (each shape is documented in docs/)
  -h, --help    this help
  --allow-private-network   let ingest/watch fetch loopback and private addresses

Exit codes: 0 success, 1 failure (nothing ingested, not found), 2 usage error.
`;

/** A mistake in how the command was called: exit code 2. */
export class UsageError extends Error {}
