import type { Comparison } from '../../5-compare/comparison.js';
import { diffChanges } from '../format/diff-summary.js';
import { dateRange } from '../format/text.js';

/** Every piece of article data goes through this: the report never carries markup from an article. */
export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );
}
const e = escapeHtml;

const STYLE = `
body{font:16px/1.5 system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;background:#fff}
h1{font-size:1.6rem}h2{margin-top:2rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:.25rem .5rem;vertical-align:top;text-align:left}
.rel{display:inline-block;padding:0 .4rem;border-radius:.3rem;font-size:.85rem}
.identical,.near-identical,.verbatim{background:#cde8d4}.paraphrase{background:#fbe7b5}.partial{background:#dcd6f2}
.absent{background:#f2f2f2;color:#555}.unique{background:#d5e6f7}.conflict{background:#f7c9c9}
.off{color:#555;font-size:.85rem}ul{padding-left:1.2rem}
`;

/** A single self-contained HTML report: inline style, no script, no external request. */
export function exportHtml(c: Comparison): string {
  const label = new Map(c.articles.map((a, i) => [a.id, `[${i + 1}] ${a.source}`]));
  const L = (id: string) => e(label.get(id) ?? id);
  const o: string[] = [];
  o.push(
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${e(c.story.title)} — Parallax report</title><style>${STYLE}</style></head><body>`,
    `<h1>${e(c.story.title)}</h1>`,
    `<p class="off">Story ${e(c.story.id)} · ${e(dateRange(c.story.firstDate, c.story.lastDate))} · ${c.articles.length} articles · schema ${c.schemaVersion}</p>`,
    '<h2>Articles</h2><table><tr><th>#</th><th>Outlet</th><th>Title</th><th>Published</th><th>Language</th></tr>',
  );
  c.articles.forEach((a, i) =>
    o.push(
      `<tr><td>${i + 1}</td><td>${e(a.source)}</td><td>${e(a.title)}</td><td>${e(a.published.value ?? 'unknown')} (${e(a.published.certainty)})</td><td>${e(a.language)}</td></tr>`,
    ),
  );
  o.push('</table>');
  const artifacts = c.articles.flatMap((a) => a.artifacts.map((x) => ({ a, x })));
  if (artifacts.length) {
    o.push('<h2>Flagged artifacts</h2><ul>');
    for (const { a, x } of artifacts)
      o.push(
        `<li>${L(a.id)} <b>${e(x.kind)}</b> <span class="off">${x.start}–${x.end}</span> ${e(x.text)}</li>`,
      );
    o.push('</ul>');
  }
  o.push(`<h2>Shared statements (${c.groups.length})</h2>`);
  for (const g of c.groups) {
    o.push(`<h3>${e(g.id)} <span class="rel ${e(g.relation)}">${e(g.relation)}</span></h3><ul>`);
    for (const m of g.members)
      o.push(
        `<li>${L(m.articleId)} <span class="off">${m.start}–${m.end}</span> ${e(m.text)}</li>`,
      );
    for (const p of g.pairs) {
      const ch = diffChanges(p.diff);
      if (ch.length)
        o.push(`<li class="off">diff ${p.a + 1}↔${p.b + 1}: ${ch.map(e).join('; ')}</li>`);
    }
    o.push('</ul>');
  }
  o.push('<h2>Coverage</h2><table><tr><th>statement</th>');
  for (const id of c.coverage.articles) o.push(`<th>${L(id)}</th>`);
  o.push('</tr>');
  for (const r of c.coverage.rows)
    o.push(
      `<tr><td>${e(r.groupId)}</td>${r.cells.map((x) => `<td class="${e(x)}">${e(x)}</td>`).join('')}</tr>`,
    );
  o.push('</table>');
  if (c.conflicts.length) {
    o.push('<h2>Conflicts</h2><ul>');
    for (const k of c.conflicts)
      o.push(
        `<li class="conflict">${e(k.groupId)} (${e(k.kind)}): ${L(k.a.articleId)} “${e(k.a.value)}” vs ${L(k.b.articleId)} “${e(k.b.value)}”</li>`,
      );
    o.push('</ul>');
  }
  for (const u of c.unique) {
    o.push(`<h2>Only in ${L(u.articleId)} (${u.passages.length})</h2><ul>`);
    for (const p of u.passages)
      o.push(`<li class="unique"><span class="off">${p.start}–${p.end}</span> ${e(p.text)}</li>`);
    o.push('</ul>');
  }
  if (c.entities.length) {
    o.push('<h2>Entities</h2><ul>');
    for (const en of c.entities)
      o.push(
        `<li><b>${e(en.name)}</b> (${e(en.type)}) ${e(en.aliases.filter((a) => a !== en.name).join(', '))}</li>`,
      );
    o.push('</ul>');
  }
  if (c.quotes.length) {
    o.push('<h2>Quotes by speaker</h2>');
    for (const sq of c.quotes) {
      o.push(`<h3>${e(sq.speaker)}</h3><ul>`);
      for (const r of sq.renderings)
        o.push(
          `<li>${L(r.articleId)} <span class="off">${e(r.kind)} ${r.content.start}–${r.content.end}</span> ${e(r.content.text)}</li>`,
        );
      o.push('</ul>');
    }
  }
  if (c.timeline.length) {
    o.push('<h2>Timeline</h2><ul>');
    for (const t of c.timeline)
      o.push(
        `<li><b>${e(t.value)}</b>${t.resolved ? '' : ' (unresolved)'} ${e(t.label)} <span class="off">${e([...new Set(t.reports.map((r) => r.source))].join(', '))}</span></li>`,
      );
    o.push('</ul>');
  }
  if (c.provenance.length) {
    o.push('<h2>Provenance</h2><ul>');
    for (const p of c.provenance)
      o.push(
        `<li>${L(p.a)} ↔ ${L(p.b)}: ${e(p.kind)}${p.derived ? `, ${L(p.derived)} appears derived` : ''}</li>`,
      );
    o.push('</ul>');
  }
  o.push('</body></html>', '');
  return o.join('\n');
}
