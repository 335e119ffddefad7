import type { Comparison } from '../../5-compare/comparison.js';
import { anchorText } from './comparison-text.js';
import { diffChanges } from './diff-summary.js';
import { dateRange } from './text.js';

/** Markdown text is data: escape what Markdown would read as markup. */
function md(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/([\\`*_{}\[\]<>#|])/g, '\\$1');
}

/** The comparison as a Markdown report. */
export function comparisonMarkdown(c: Comparison): string {
  const out: string[] = [];
  const label = new Map(c.articles.map((a, i) => [a.id, `[${i + 1}] ${md(a.source)}`]));
  out.push(`# ${md(c.story.title)}`, '');
  out.push(
    `Story \`${c.story.id}\` · ${dateRange(c.story.firstDate, c.story.lastDate)} · ${c.articles.length} articles`,
    '',
  );
  out.push(
    '## Articles',
    '',
    '| # | Outlet | Title | Published | Language |',
    '|---|---|---|---|---|',
  );
  c.articles.forEach((a, i) => {
    out.push(
      `| ${i + 1} | ${md(a.source)} | ${md(a.title)} | ${a.published.value ?? 'unknown'} (${a.published.certainty}) | ${a.language} |`,
    );
  });
  const artifacts = c.articles.flatMap((a) => a.artifacts.map((x) => ({ a, x })));
  if (artifacts.length) {
    out.push('', '## Flagged artifacts', '');
    for (const { a, x } of artifacts)
      out.push(`- ${label.get(a.id)} **${x.kind}** (${x.start}–${x.end}): ${md(x.text)}`);
  }
  const translated = c.articles.filter((a) => a.translation.probableMachineTranslation);
  if (translated.length) {
    out.push('', '## Probable machine translations', '');
    for (const a of translated) {
      out.push(`- ${label.get(a.id)} (confidence ${a.translation.confidence})`);
      for (const e of a.translation.evidence)
        out.push(`  - ${e.rule} (${e.start}–${e.end}): ${md(e.detail)}`);
    }
  }
  out.push('', `## Shared statements (${c.groups.length})`, '');
  for (const g of c.groups) {
    out.push(`### ${g.id} — ${g.relation} (${g.sources.map(md).join(', ')})`, '');
    for (const m of g.members)
      out.push(`- ${label.get(m.articleId)} (${m.start}–${m.end}, ${m.relation}): ${md(m.text)}`);
    for (const p of g.pairs) {
      const changes = diffChanges(p.diff);
      if (changes.length) out.push(`- diff ${p.a + 1}↔${p.b + 1}: ${changes.map(md).join('; ')}`);
    }
    out.push('');
  }
  out.push('## Coverage', '');
  out.push(`| statement | ${c.coverage.articles.map((id) => label.get(id)).join(' | ')} |`);
  out.push(`|---|${c.coverage.articles.map(() => '---').join('|')}|`);
  for (const row of c.coverage.rows) out.push(`| ${row.groupId} | ${row.cells.join(' | ')} |`);
  out.push('');
  if (c.conflicts.length) {
    out.push('## Conflicts', '');
    for (const k of c.conflicts) {
      out.push(
        `- ${k.groupId} (${k.kind}): ${label.get(k.a.articleId)} "${md(k.a.value)}" vs ${label.get(k.b.articleId)} "${md(k.b.value)}"`,
      );
    }
    out.push('');
  }
  const omitted = c.omissions.filter((o) => o.groupIds.length);
  if (omitted.length) {
    out.push('## Left out', '');
    for (const o of omitted)
      out.push(
        `- ${label.get(o.articleId)} lacks ${o.groupIds.join(', ')}, which most other articles carry`,
      );
    out.push('');
  }
  if (c.timeline.length) {
    out.push('## Timeline', '', '| when | what | reported by |', '|---|---|---|');
    for (const t of c.timeline) {
      const when = t.resolved ? t.value : t.anchor ? anchorText(t.anchor) : `${t.value} (relative)`;
      const by = t.reports.map((r) => `${label.get(r.articleId)} "${md(r.time.text)}"`).join('; ');
      out.push(`| ${md(when)} | ${md(t.label)} | ${by} |`);
    }
    out.push('');
  }
  if (c.provenance.length) {
    out.push('## Provenance', '');
    for (const p of c.provenance) {
      const derived = p.derived ? `, ${label.get(p.derived)} derived` : '';
      out.push(
        `- ${label.get(p.a)} ↔ ${label.get(p.b)}: **${p.kind}**${derived} (confidence ${p.confidence})`,
      );
      for (const e of p.evidence) out.push(`  - ${md(e)}`);
    }
    out.push('');
  }
  for (const u of c.unique) {
    out.push(`## Only in ${label.get(u.articleId)} (${u.passages.length})`, '');
    for (const p of u.passages) out.push(`- (${p.start}–${p.end}) ${md(p.text)}`);
    out.push('');
  }
  return out.join('\n');
}
