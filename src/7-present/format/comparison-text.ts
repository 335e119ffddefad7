import type { Comparison } from '../../5-compare/comparison.js';
import { diffChanges } from './diff-summary.js';
import { clip, dateRange } from './text.js';

export const COVERAGE_MARK = { verbatim: '=', paraphrase: '~', partial: '<', absent: '·' } as const;

/** The comparison for a terminal: readable top to bottom, offsets kept for checking. */
export function comparisonText(c: Comparison): string {
  const lines: string[] = [];
  const label = new Map(c.articles.map((a, i) => [a.id, `[${i + 1}] ${a.source}`]));
  lines.push(`Story ${c.story.id}: ${c.story.title}`);
  lines.push(`  ${dateRange(c.story.firstDate, c.story.lastDate)} · ${c.articles.length} articles`);
  lines.push('');
  for (const a of c.articles) {
    const p = a.published;
    lines.push(`${label.get(a.id)}  ${a.id}  ${a.title}`);
    lines.push(
      `      published ${p.value ?? 'unknown'} (${p.certainty}) · ${a.language} · ${a.origin}`,
    );
    for (const x of a.artifacts)
      lines.push(`      artifact ${x.kind} @${x.start}-${x.end}: ${clip(x.text, 80)}`);
    if (a.translation.probableMachineTranslation) {
      lines.push(`      probable machine translation (confidence ${a.translation.confidence}):`);
      for (const e of a.translation.evidence)
        lines.push(`        ${e.rule} @${e.start}-${e.end}: ${e.detail}`);
    }
  }
  lines.push('');
  lines.push(`Shared statements (${c.groups.length})`);
  for (const g of c.groups) {
    lines.push(`  ${g.id} ${g.relation} · ${g.sources.join(', ')}`);
    for (const m of g.members) {
      lines.push(
        `    ${label.get(m.articleId)} @${m.start}-${m.end} (${m.relation}): ${clip(m.text)}`,
      );
    }
    for (const p of g.pairs) {
      const changes = diffChanges(p.diff);
      if (changes.length) lines.push(`    diff ${p.a + 1}↔${p.b + 1}: ${changes.join('; ')}`);
    }
  }
  lines.push('');
  lines.push(`Coverage (statements × articles; = verbatim, ~ paraphrase, < partial, · absent)`);
  lines.push(`        ${c.coverage.articles.map((_, i) => String(i + 1).padStart(2)).join('')}`);
  for (const row of c.coverage.rows) {
    lines.push(
      `  ${row.groupId.padEnd(6)}${row.cells.map((x) => ' ' + COVERAGE_MARK[x]).join('')}`,
    );
  }
  if (c.conflicts.length) {
    lines.push('');
    lines.push(`Conflicts (${c.conflicts.length})`);
    for (const k of c.conflicts) {
      lines.push(
        `  ${k.groupId} ${k.kind}: ${label.get(k.a.articleId)} "${k.a.value}" @${k.a.start}-${k.a.end} vs ${label.get(k.b.articleId)} "${k.b.value}" @${k.b.start}-${k.b.end}`,
      );
    }
  }
  const omitted = c.omissions.filter((o) => o.groupIds.length);
  if (omitted.length) {
    lines.push('');
    lines.push('Left out (carried by most other articles)');
    for (const o of omitted) lines.push(`  ${label.get(o.articleId)}: ${o.groupIds.join(', ')}`);
  }
  if (c.timeline.length) {
    lines.push('');
    lines.push(`Timeline (${c.timeline.length})`);
    for (const t of c.timeline) lines.push(...timelineLines(t, label));
  }
  if (c.provenance.length) {
    lines.push('');
    lines.push('Provenance (is one article derived from another?)');
    for (const p of c.provenance) {
      const derived = p.derived ? `, ${label.get(p.derived)} derived` : '';
      lines.push(
        `  ${label.get(p.a)} ↔ ${label.get(p.b)}: ${p.kind}${derived} (confidence ${p.confidence})`,
      );
      for (const e of p.evidence) lines.push(`    - ${e}`);
    }
  }
  for (const u of c.unique) {
    lines.push('');
    lines.push(`Only in ${label.get(u.articleId)} (${u.passages.length})`);
    for (const p of u.passages) lines.push(`  @${p.start}-${p.end}: ${clip(p.text)}`);
  }
  return lines.join('\n') + '\n';
}

function timelineLines(t: Comparison['timeline'][number], label: Map<string, string>): string[] {
  const when = t.resolved ? t.value : t.anchor ? anchorText(t.anchor) : `${t.value} (relative)`;
  const out = [`  ${when.padEnd(12)} ${clip(t.label, 90)}`];
  for (const r of t.reports)
    out.push(`      ${label.get(r.articleId)} "${r.time.text}" @${r.time.start}-${r.time.end}`);
  for (const k of t.conflicts)
    out.push(`      conflict: ${label.get(k.articleId)} gives ${k.value} ("${k.text}")`);
  return out;
}

export function anchorText(a: NonNullable<Comparison['timeline'][number]['anchor']>): string {
  const offset = a.offset ? `${durationText(a.offset)} ` : '';
  return a.direction === 'at' ? `at ${a.event}` : `${offset}${a.direction} ${a.event}`;
}

const UNITS: Record<string, string> = { Y: 'year', M: 'month', W: 'week', D: 'day', H: 'hour' };

/** "P1W" → "1 week", "P2D" → "2 days"; anything else is shown as it is. */
function durationText(iso: string): string {
  const m = /^PT?(\d+)([YMWDH])$/.exec(iso);
  if (!m) return iso;
  const n = Number(m[1]);
  return `${n} ${UNITS[m[2]!]}${n === 1 ? '' : 's'}`;
}
