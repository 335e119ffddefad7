/// <reference lib="dom" />
import type { Comparison, GroupPair, StatementGroup } from '../../5-compare/comparison.js';
import type { DiffOp } from '../../5-compare/diff.js';
import { authenticatedDownload, getJson } from './api.js';
import { entityLabel } from './entity-label.js';
import { activatable, el, empty, mount, section } from './dom.js';
import { columns, type Highlight } from './statements.js';
import { timelineChart } from './timeline-chart.js';

const LEGEND: Array<[Highlight, string, string]> = [
  ['shared', 'Shared', 'the same statement, (nearly) the same words'],
  ['paraphrase', 'Paraphrase', 'the same statement in other words, or part of it'],
  ['unique', 'Unique', 'only this outlet carries it'],
  ['conflict', 'Conflict', 'the same statement with a different number or date'],
];

export async function storyPage(root: HTMLElement, storyId: string, focus?: string): Promise<void> {
  mount(root, el('p', { class: 'loading' }, 'Loading story…'));
  const c = await getJson<Comparison>(`/api/stories/${encodeURIComponent(storyId)}/comparison`);
  renderStory(root, c);
  document.title = `${c.story.title} — Parallax`;
  if (focus) document.getElementById(focus)?.scrollIntoView();
}

/** Renders a comparison (exported for the fixture test through the page). */
export function renderStory(root: HTMLElement, c: Comparison): void {
  const outletIndex = new Map(c.articles.map((a, i) => [a.source, i]));
  const outletClass = (source: string) => `outlet-${(outletIndex.get(source) ?? 0) % 8}`;
  const label = new Map(c.articles.map((a) => [a.id, a.source]));
  const groups = new Map(c.groups.map((g) => [g.id, g]));
  const diffPanel = el(
    'div',
    { id: 'diff-panel', class: 'diff-panel', 'aria-live': 'polite' },
    empty('Select a statement to see its counterparts and the word differences.'),
  );

  const select = (groupId: string | null, node: HTMLElement) => {
    for (const x of root.querySelectorAll('.selected, .counterpart'))
      x.classList.remove('selected', 'counterpart');
    node.classList.add('selected');
    diffPanel.classList.add('active');
    if (groupId) {
      for (const x of root.querySelectorAll<HTMLElement>(`[data-group="${CSS.escape(groupId)}"]`))
        if (x !== node) x.classList.add('counterpart');
      mount(diffPanel, groupDiff(groups.get(groupId)!, label));
    } else {
      mount(
        diffPanel,
        el('p', {}, `Only ${node.dataset.source ?? 'this outlet'} carries this statement.`),
      );
    }
  };

  const cols = el('div', { class: 'columns', id: 'columns' });
  for (const col of columns(c)) {
    const list = el('ol', { class: 'statements' });
    for (const s of col.statements) {
      const item = el(
        'li',
        {
          class: `statement hl-${s.highlight}`,
          'data-group': s.groupId ?? undefined,
          'data-source': col.source,
          'data-highlight': s.highlight,
          title: `${s.highlight}${s.groupId ? ` · ${s.groupId}` : ''} · ${s.start}–${s.end}`,
        },
        s.text,
      );
      list.appendChild(activatable(item, () => select(s.groupId, item)));
    }
    cols.appendChild(
      el(
        'article',
        { class: 'column', 'data-article': col.articleId, 'aria-label': col.source },
        el(
          'h3',
          { class: outletClass(col.source) },
          el('a', { href: `#/article/${col.articleId}` }, col.source),
        ),
        el('p', { class: 'muted' }, `${col.published ?? 'date unknown'} · ${col.title}`),
        col.statements.length ? list : empty('No statements.'),
      ),
    );
  }

  mount(
    root,
    el('p', {}, el('a', { href: '#/' }, '← All stories')),
    el('h1', {}, c.story.title),
    el(
      'p',
      { class: 'muted' },
      `${c.story.firstDate ?? 'date unknown'}${c.story.lastDate && c.story.lastDate !== c.story.firstDate ? ` – ${c.story.lastDate}` : ''} · ${c.articles.length} articles · ${new Set(c.articles.map((a) => a.source)).size} outlets · `,
      exportLink(c.story.id, 'html', 'HTML report'),
      ' · ',
      exportLink(c.story.id, 'csv', 'CSV'),
      ' · ',
      exportLink(c.story.id, 'json', 'JSON'),
    ),
    el(
      'ul',
      { class: 'legend', 'aria-label': 'Legend' },
      ...LEGEND.map(([k, name, help]) =>
        el(
          'li',
          {},
          el('span', { class: `swatch hl-${k}`, 'aria-hidden': 'true' }),
          el('strong', {}, name),
          ` ${help}`,
        ),
      ),
    ),
    section('side-by-side', 'Side by side', cols, diffPanel),
    section(
      'coverage',
      'Coverage matrix',
      coverage(c, label, (gid) => {
        const first = root.querySelector<HTMLElement>(
          `.statement[data-group="${CSS.escape(gid)}"]`,
        );
        if (first) {
          select(gid, first);
          first.focus();
        }
      }),
    ),
    section('quotes', 'Quotes by speaker', quotes(c, outletClass)),
    section('timeline', 'Timeline', timelineChart(c.timeline, outletClass)),
    section('entities', 'Entities', entities(c)),
    section('provenance', 'Provenance', provenance(c, label)),
    section('conflicts', 'Conflicts', conflicts(c, label)),
    section('artifacts', 'Flagged artifacts', artifacts(c)),
  );
}

function groupDiff(g: StatementGroup, label: Map<string, string>): HTMLElement {
  return el(
    'div',
    {},
    el('h3', {}, `${g.id}: ${g.relation} · ${g.sources.join(', ')}`),
    ...g.pairs.map((p) => pairDiff(g, p, label)),
  );
}

function pairDiff(g: StatementGroup, p: GroupPair, label: Map<string, string>): HTMLElement {
  const a = g.members[p.a]!;
  const b = g.members[p.b]!;
  return el(
    'div',
    { class: 'pair' },
    el(
      'p',
      { class: 'muted' },
      `${label.get(a.articleId) ?? a.source} → ${label.get(b.articleId) ?? b.source} · ${p.relation} · score ${p.score.toFixed(2)}`,
    ),
    el('p', { class: 'diff' }, ...p.diff.flatMap((op) => [diffOp(op), ' '])),
  );
}

function diffOp(op: DiffOp): Node {
  switch (op.op) {
    case 'equal':
      return document.createTextNode(op.text);
    case 'variant':
      return el('span', { class: 'variant', title: `spelling: ${op.from} / ${op.to}` }, op.to);
    case 'substitute':
      return el('span', {}, el('del', {}, op.from), ' ', el('ins', {}, op.to));
    case 'delete':
      return el('del', {}, op.text);
    case 'insert':
      return el('ins', {}, op.text);
  }
}

function coverage(
  c: Comparison,
  label: Map<string, string>,
  onRow: (groupId: string) => void,
): HTMLElement {
  if (c.coverage.rows.length === 0)
    return empty('No statement is carried by more than one article.');
  const groups = new Map(c.groups.map((g) => [g.id, g]));
  const table = el(
    'table',
    { class: 'matrix' },
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', { scope: 'col' }, 'Statement'),
        ...c.coverage.articles.map((id) => el('th', { scope: 'col' }, label.get(id) ?? id)),
      ),
    ),
  );
  const body = el('tbody');
  for (const r of c.coverage.rows) {
    const text = groups.get(r.groupId)?.members[0]?.text ?? '';
    const head = el('th', { scope: 'row', title: text }, r.groupId);
    activatable(head, () => onRow(r.groupId));
    body.appendChild(
      el(
        'tr',
        {},
        head,
        ...r.cells.map((cell) =>
          el(
            'td',
            { class: `cell-${cell}`, title: cell },
            cell === 'absent' ? '' : cell[0]!.toUpperCase(),
          ),
        ),
      ),
    );
  }
  table.appendChild(body);
  return el(
    'div',
    { class: 'matrix-wrap' },
    table,
    el(
      'p',
      { class: 'muted' },
      'V verbatim · P paraphrase · P partial (lighter) · blank: absent. Select a row to see it side by side.',
    ),
  );
}

function quotes(c: Comparison, outletClass: (s: string) => string): HTMLElement {
  if (c.quotes.length === 0) return empty('No quotes found in this story yet.');
  const wrap = el('div', { class: 'quotes' });
  for (const sq of c.quotes) {
    const byUtterance = new Map<number, typeof sq.renderings>();
    for (const r of sq.renderings)
      byUtterance.set(r.utterance, [...(byUtterance.get(r.utterance) ?? []), r]);
    wrap.appendChild(
      el(
        'div',
        { class: 'speaker' },
        el('h3', {}, sq.speaker),
        ...[...byUtterance.values()].map((rs) =>
          el(
            'ul',
            { class: 'utterance' },
            ...rs.map((r) =>
              el(
                'li',
                {},
                el('span', { class: `outlet ${outletClass(r.source)}` }, r.source),
                el('span', { class: `kind kind-${r.kind}` }, r.kind),
                r.kind === 'direct' ? `“${r.content.text}”` : r.content.text,
                r.cue ? el('span', { class: 'muted' }, ` — ${r.cue.text}`) : '',
                ' ',
                el(
                  'a',
                  { href: `#/article/${r.articleId}`, class: 'muted' },
                  `@${r.content.start}–${r.content.end}`,
                ),
              ),
            ),
          ),
        ),
      ),
    );
  }
  if (c.quoteFidelity.length)
    wrap.appendChild(
      el(
        'div',
        { class: 'fidelity' },
        el('h3', {}, 'Rendered differently'),
        el(
          'ul',
          {},
          ...c.quoteFidelity.map((q) =>
            el(
              'li',
              {},
              el('strong', {}, q.kind),
              q.speaker ? ` (${q.speaker})` : '',
              `: ${q.detail}`,
            ),
          ),
        ),
      ),
    );
  return wrap;
}

function entities(c: Comparison): HTMLElement {
  if (c.entities.length === 0) return empty('No entities found in this story yet.');
  return el(
    'ul',
    { class: 'entities' },
    ...c.entities.map((e) => {
      return el(
        'li',
        {},
        ...entityLabel(e),
        el(
          'span',
          { class: 'muted' },
          ` · ${new Set(e.members.map((m) => m.articleId)).size} articles`,
        ),
      );
    }),
  );
}

function provenance(c: Comparison, label: Map<string, string>): HTMLElement {
  if (c.provenance.length === 0)
    return empty('No provenance relations computed for this story yet.');
  return el(
    'ul',
    {},
    ...c.provenance.map((p) =>
      el(
        'li',
        {},
        `${label.get(p.a) ?? p.a} ↔ ${label.get(p.b) ?? p.b}: `,
        el('strong', {}, p.kind),
        p.derived ? ` — ${label.get(p.derived) ?? p.derived} appears derived` : '',
        el(
          'span',
          { class: 'muted' },
          ` · confidence ${p.confidence.toFixed(2)} · shares ${Math.round(p.shared.a * 100)}% / ${Math.round(p.shared.b * 100)}%`,
        ),
        p.evidence.length ? el('span', { class: 'muted' }, ` · ${p.evidence.join('; ')}`) : '',
      ),
    ),
  );
}

function conflicts(c: Comparison, label: Map<string, string>): HTMLElement {
  if (c.conflicts.length === 0)
    return empty('No numbers or dates differ between aligned statements.');
  return el(
    'ul',
    {},
    ...c.conflicts.map((k) =>
      el(
        'li',
        { class: 'hl-conflict' },
        `${k.groupId} (${k.kind}): ${label.get(k.a.articleId) ?? k.a.source} “${k.a.value}” vs ${label.get(k.b.articleId) ?? k.b.source} “${k.b.value}”`,
      ),
    ),
  );
}

function artifacts(c: Comparison): HTMLElement {
  const all = c.articles.flatMap((a) => a.artifacts.map((x) => ({ a, x })));
  if (all.length === 0) return empty('No artifacts flagged.');
  return el(
    'ul',
    {},
    ...all.map(({ a, x }) =>
      el(
        'li',
        {},
        el('strong', {}, a.source),
        ` ${x.kind} `,
        el('span', { class: 'muted' }, `(${x.rule}, ${x.start}–${x.end}) `),
        el('q', {}, x.text),
      ),
    ),
  );
}

function exportLink(storyId: string, format: string, label: string): HTMLAnchorElement {
  const link = el(
    'a',
    { href: `/api/stories/${encodeURIComponent(storyId)}/export?format=${format}` },
    label,
  );
  authenticatedDownload(link, `${storyId}.${format}`);
  return link;
}
