import { compareStory } from '../../pipeline/compare-story.js';
import type { Comparison } from '../../5-compare/comparison.js';
import type { CliContext } from './context.js';

/**
 * The comparison of the story a user named, for `compare` and `export`. A merged story's id
 * still works: the user is told where it went. Null (after saying so) for an unknown id.
 */
export async function comparisonForCli(
  ctx: CliContext,
  command: string,
  id: string,
): Promise<Comparison | null> {
  const comparison = await compareStory(ctx.store, id);
  if (!comparison) {
    ctx.err(`parallax ${command}: no story "${id}"\n`);
    return null;
  }
  if (comparison.story.id !== id)
    ctx.err(
      `parallax ${command}: story "${id}" merged into "${comparison.story.id}"; showing that\n`,
    );
  return comparison;
}
