/// <reference lib="dom" />
import type { TimelineEntry } from '../../5-compare/comparison.js';
import { el, empty, svg } from './dom.js';
import { timelineDay } from './statements.js';

/**
 * The story's dated events on a time axis (SVG), one row per event, a dot per
 * reporting outlet in that outlet's colour. Entries without a placeable date
 * are listed under the chart as relative or unresolved.
 */
export function timelineChart(
  entries: TimelineEntry[],
  outletClass: (source: string) => string,
): HTMLElement {
  if (entries.length === 0) return empty('No dated events found in this story yet.');
  const placed = entries
    .map((e) => ({ e, day: e.resolved ? timelineDay(e.value) : null }))
    .filter((x): x is { e: TimelineEntry; day: number } => x.day !== null)
    .sort((a, b) => a.day - b.day);
  const unplaced = entries.filter((e) => !e.resolved || timelineDay(e.value) === null);
  const wrap = el('div', { class: 'timeline' });
  if (placed.length) {
    const row = 34;
    const left = 12;
    const width = 1000;
    const axis = 560;
    const height = placed.length * row + 40;
    const min = placed[0]!.day;
    const max = placed[placed.length - 1]!.day;
    const x = (d: number) => left + (max === min ? axis / 2 : ((d - min) / (max - min)) * axis);
    const chart = svg('svg', {
      viewBox: `0 0 ${width} ${height}`,
      class: 'timeline-chart',
      role: 'img',
      'aria-label': `Timeline of ${placed.length} dated events`,
    });
    chart.appendChild(
      svg('line', { x1: left, x2: left + axis, y1: height - 24, y2: height - 24, class: 'axis' }),
    );
    for (const [i, { e, day }] of placed.entries()) {
      const y = 20 + i * row;
      const g = svg('g', { class: 'event', 'data-value': e.value });
      g.appendChild(svg('line', { x1: x(day), x2: x(day), y1: y, y2: height - 24, class: 'tick' }));
      const outlets = [...new Set(e.reports.map((r) => r.source))];
      outlets.forEach((o, k) =>
        g.appendChild(
          svg(
            'circle',
            { cx: x(day) + k * 9, cy: y, r: 5, class: `dot ${outletClass(o)}` },
            svg('title', {}, o),
          ),
        ),
      );
      g.appendChild(svg('text', { x: left + axis + 20, y: y + 5, class: 'date' }, e.value));
      g.appendChild(
        svg(
          'text',
          { x: left + axis + 120, y: y + 5, class: 'label' },
          e.label.length > 60 ? e.label.slice(0, 59) + '…' : e.label,
        ),
      );
      chart.appendChild(g);
    }
    chart.appendChild(svg('text', { x: left, y: height - 6, class: 'date' }, placed[0]!.e.value));
    if (max !== min)
      chart.appendChild(
        svg(
          'text',
          { x: left + axis, y: height - 6, class: 'date', 'text-anchor': 'end' },
          placed[placed.length - 1]!.e.value,
        ),
      );
    wrap.appendChild(chart);
  }
  const list = el('ol', { class: 'timeline-list' });
  for (const e of [...placed.map((p) => p.e), ...unplaced]) {
    const outlets = [...new Set(e.reports.map((r) => r.source))];
    list.appendChild(
      el(
        'li',
        {},
        el('strong', {}, e.value),
        e.resolved ? '' : ' (unresolved)',
        e.relative ? ' (relative)' : '',
        ' — ',
        e.label,
        el('span', { class: 'muted' }, ` · ${outlets.join(', ')}`),
        e.conflicts.length
          ? el(
              'span',
              { class: 'hl-conflict' },
              ` · dated differently by ${e.conflicts.map((k) => `${k.source} (${k.value})`).join(', ')}`,
            )
          : '',
      ),
    );
  }
  wrap.appendChild(list);
  return wrap;
}
