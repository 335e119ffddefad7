export const USAGE = `parallax — one news story from every side

Usage:
  parallax ingest <path>... [--source NAME]   ingest text files and folders (recursive)
         [--threads N]                        analysis threads (default: one per core)
  parallax stories                            list stories with their articles
  parallax show <articleId>                   one article: metadata, text, sentences, artifacts
  parallax compare <storyId> [--format md]    what each outlet reported, left out or worded differently
  parallax search <query>                     full-text search over stored articles

Options (every command):
  --db FILE     SQLite database (default: $PARALLAX_DB or ./parallax.db)
  --json        machine-readable output (each shape is documented in docs/)
  -h, --help    this help

Exit codes: 0 success, 1 failure (nothing ingested, not found), 2 usage error.
`;

/** A mistake in how the command was called: exit code 2. */
export class UsageError extends Error {}
