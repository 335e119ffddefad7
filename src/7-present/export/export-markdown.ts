import type { Comparison } from '../../5-compare/comparison.js';
import { comparisonMarkdown } from '../format/comparison-markdown.js';

function md(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/([\\`*_{}\[\]<>#|])/g, '\\$1');
}

/** The Markdown report: statements and coverage, then entities, quotes, timeline and provenance. */
export function exportMarkdown(c: Comparison): string {
  const out = [comparisonMarkdown(c).trimEnd(), ''];
  const source = new Map(c.articles.map((a) => [a.id, a.source]));
  if (c.entities.length) {
    out.push('## Entities', '');
    for (const e of c.entities) {
      const aliases = e.aliases.filter((a) => a !== e.name);
      out.push(
        `- **${md(e.name)}** (${e.type})${aliases.length ? ` — also: ${aliases.map(md).join(', ')}` : ''}`,
      );
    }
    out.push('');
  }
  if (c.quotes.length) {
    out.push('## Quotes by speaker', '');
    for (const sq of c.quotes) {
      out.push(`### ${md(sq.speaker)}`, '');
      for (const r of sq.renderings)
        out.push(
          `- ${md(r.source)} (${r.kind}, ${r.content.start}–${r.content.end}${r.cue ? `, cue "${md(r.cue.text)}"` : ''}): ${md(r.content.text)}`,
        );
      out.push('');
    }
  }
  if (c.quoteFidelity.length) {
    out.push('## Quote fidelity', '');
    for (const q of c.quoteFidelity)
      out.push(`- ${q.kind}${q.speaker ? ` (${md(q.speaker)})` : ''}: ${md(q.detail)}`);
    out.push('');
  }
  if (c.timeline.length) {
    out.push('## Timeline', '');
    for (const t of c.timeline) {
      const outlets = [...new Set(t.reports.map((r) => r.source))].map(md).join(', ');
      out.push(
        `- **${t.value}**${t.resolved ? '' : ' (unresolved)'}${t.relative ? ' (relative)' : ''}: ${md(t.label)} — ${outlets}`,
      );
    }
    out.push('');
  }
  if (c.provenance.length) {
    out.push('## Provenance', '');
    for (const p of c.provenance)
      out.push(
        `- ${md(source.get(p.a) ?? p.a)} ↔ ${md(source.get(p.b) ?? p.b)}: ${p.kind}${p.derived ? `, ${md(source.get(p.derived) ?? p.derived)} appears derived` : ''} (confidence ${p.confidence.toFixed(2)})`,
      );
    out.push('');
  }
  return out.join('\n');
}
