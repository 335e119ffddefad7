import type { Comparison } from '../../5-compare/comparison.js';
import type { Store } from '../../6-store/store.js';
import { exportHtml } from './export-html.js';
import { exportMarkdown } from './export-markdown.js';
import { comparisonCsv } from './export-csv.js';

export const EXPORT_FORMATS = ['json', 'md', 'html', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface Exported {
  body: string;
  contentType: string;
  extension: string;
}

/** One story's comparison in an export format. JSON is the full comparison (versioned schema). */
export function exportComparison(c: Comparison, format: ExportFormat): Exported {
  switch (format) {
    case 'json':
      return {
        body: JSON.stringify(c, null, 2) + '\n',
        contentType: 'application/json; charset=utf-8',
        extension: 'json',
      };
    case 'md':
      return {
        body: exportMarkdown(c),
        contentType: 'text/markdown; charset=utf-8',
        extension: 'md',
      };
    case 'html':
      return { body: exportHtml(c), contentType: 'text/html; charset=utf-8', extension: 'html' };
    case 'csv':
      return { body: comparisonCsv(c), contentType: 'text/csv; charset=utf-8', extension: 'csv' };
  }
}

/** Every story's comparison, one JSON object per line; a story that fails to compare yields an error line, not a stop. */
export async function* exportAllJsonl(
  store: Store,
  compare: (store: Store, id: string) => Promise<Comparison | null>,
): AsyncGenerator<string> {
  for (const s of await store.listStories()) {
    try {
      const c = await compare(store, s.id);
      if (c) yield JSON.stringify(c) + '\n';
    } catch (e) {
      yield (
        JSON.stringify({
          schemaVersion: 1,
          error: { storyId: s.id, message: (e as Error).message },
        }) + '\n'
      );
    }
  }
}
