import type { AnalysedArticle } from '../../types.js';
import { clip } from './text.js';

const at = (s: { start: number; end: number }) =>
  `${String(s.start).padStart(5)}-${String(s.end).padEnd(5)}`;

/** Entities, quotes and time expressions of one article, with offsets, for a terminal. */
export function analysisText(a: AnalysedArticle): string {
  const out: string[] = [];
  const p = a.meta.published;
  out.push(`${a.meta.origin}  ${a.meta.title}`);
  out.push(`  published ${p.value ?? 'unknown'} (${p.certainty}) · language ${a.language.code}`);
  out.push('', `Entities (${a.entities.length})`);
  for (const e of a.entities) {
    const roles = e.roles.length ? ` · roles: ${e.roles.join('; ')}` : '';
    out.push(
      `  ${e.id.padEnd(5)} ${e.type.padEnd(7)} ${e.name} — ${e.aliases.join(' | ')}${roles}`,
    );
  }
  out.push('', `Quotes (${a.quotes.length})`);
  for (const q of a.quotes) {
    const who = q.speaker ?? q.source?.text ?? 'unknown speaker';
    const cue = q.cue ? ` «${q.cue.text}» ${at(q.cue).trim()}` : '';
    out.push(`  ${q.kind.padEnd(8)} ${who}${cue}`);
    out.push(
      `           ${at(q.content)} ${clip(a.text.slice(q.content.start, q.content.end), 110)}`,
    );
  }
  out.push('', `Time expressions (${a.times.length})`);
  for (const t of a.times) {
    const anchor = t.anchor
      ? ` · anchored to ${t.anchor.event} (${t.anchor.direction}${t.anchor.offset ? ' ' + t.anchor.offset : ''})`
      : '';
    const state = t.resolved ? (t.relative ? 'resolved' : 'stated') : 'relative, unresolved';
    out.push(
      `  ${at(t)} ${JSON.stringify(t.text)} → ${t.value} (${t.type}, ${t.granularity}, ${state})${anchor}`,
    );
  }
  out.push('', `Sentences (${a.sentences.length}), artifacts (${a.artifacts.length})`);
  return out.join('\n') + '\n';
}
