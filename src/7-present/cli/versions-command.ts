import { articleRelations } from '../../pipeline/article-relations.js';
import { diffChanges } from '../format/diff-summary.js';
import { printJson, type CliContext } from './context.js';
import { UsageError } from './usage.js';

/** `parallax versions <articleId>`: earlier/later versions and same-text copies, with diffs. */
export async function runVersions(ctx: CliContext): Promise<number> {
  const id = ctx.positionals[0];
  if (!id) throw new UsageError('give an article id (see `parallax stories`)');
  const r = await articleRelations(ctx.store, id);
  if (!r) {
    ctx.err(`parallax versions: no article "${id}"\n`);
    return 1;
  }
  if (ctx.json) {
    printJson(ctx, { schemaVersion: 1, ...r });
    return 0;
  }
  if (r.links.length === 0) ctx.out(`${id}: no other versions or copies\n`);
  for (const l of r.links) {
    const [a, b] = l.from === id ? ['this', l.to] : [l.from, 'this'];
    ctx.out(
      l.kind === 'version-of'
        ? `${a} is a new version of ${b}\n`
        : `${a} has the same text as ${b}\n`,
    );
  }
  for (const d of r.diffs) {
    ctx.out(`\nChanges from ${d.from} to ${d.to}:\n`);
    for (const c of diffChanges(d.ops, 30)) ctx.out(`  ${c}\n`);
  }
  return 0;
}
