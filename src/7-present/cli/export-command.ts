import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { compareStory } from '../../pipeline/compare-story.js';
import {
  EXPORT_FORMATS,
  exportAllJsonl,
  exportComparison,
  type ExportFormat,
} from '../export/export-format.js';
import type { CliContext } from './context.js';
import { comparisonForCli } from './story-comparison.js';
import { UsageError } from './usage.js';

/** `parallax export <storyId> --format json|md|html|csv [--out FILE]`, `parallax export --all --format jsonl`. */
export async function runExport(ctx: CliContext): Promise<number> {
  const out = ctx.values.out as string | undefined;
  if (ctx.values.all) {
    const format = (ctx.values.format as string | undefined) ?? 'jsonl';
    if (format !== 'jsonl') throw new UsageError(`--all exports JSON Lines: use --format jsonl`);
    if (ctx.positionals.length) throw new UsageError('give either a story id or --all, not both');
    // Streamed line by line: a whole corpus never sits in memory.
    const file = out ? createWriteStream(out) : null;
    for await (const line of exportAllJsonl(ctx.store, compareStory)) {
      if (!file) ctx.out(line);
      else if (!file.write(line)) await once(file, 'drain');
    }
    if (file)
      await new Promise<void>((resolve, reject) =>
        file.end((e?: Error | null) => (e ? reject(e) : resolve())),
      );
    return 0;
  }
  const id = ctx.positionals[0];
  if (!id)
    throw new UsageError('give a story id (see `parallax stories`), or --all --format jsonl');
  const format = (ctx.values.format as string | undefined) ?? (ctx.json ? 'json' : 'md');
  if (!(EXPORT_FORMATS as readonly string[]).includes(format))
    throw new UsageError(
      `unknown --format "${format}" (${EXPORT_FORMATS.join(', ')}; jsonl with --all)`,
    );
  const comparison = await comparisonForCli(ctx, 'export', id);
  if (!comparison) return 1;
  const exported = exportComparison(comparison, format as ExportFormat);
  if (out) {
    await writeFile(out, exported.body);
    ctx.err(`wrote ${out}\n`);
  } else ctx.out(exported.body);
  return 0;
}
