import { findQuotedSpans } from '../3-analyse/quotes/quote-marks.js';
import type { QuoteFidelityIssue, QuoteRendering, SpeakerQuotes } from './comparison.js';
import { spellingKey } from './diff.js';
import { UNATTRIBUTED, contentKeys, overlap } from './quotes-by-speaker.js';

export const FIDELITY_DEFAULTS = {
  /** Two quoted fragments are the same words' rendering when this share of the shorter one's keys match. */
  fragmentShare: 0.5,
  /** Renderings under different speakers are one utterance when they share this much. */
  crossSpeakerShare: 0.6,
  crossSpeakerShared: 4,
};

/**
 * How faithfully outlets rendered the same utterance:
 * - direct-vs-indirect: quoted in one outlet, paraphrased in another;
 * - wording-changed: the words inside quote marks differ;
 * - truncated: one direct quote is a part of the other;
 * - speaker-changed / speaker-dropped: the same words under another speaker, or none.
 */
export function quoteFidelity(
  groups: SpeakerQuotes[],
  options: Partial<typeof FIDELITY_DEFAULTS> = {},
): QuoteFidelityIssue[] {
  const o = { ...FIDELITY_DEFAULTS, ...options };
  const issues: QuoteFidelityIssue[] = [];
  const seen = new Set<string>();
  const emit = (issue: QuoteFidelityIssue, key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    issues.push(issue);
  };

  for (const g of groups) {
    const speaker = g.speaker === UNATTRIBUTED ? null : g.speaker;
    const byUtterance = new Map<number, QuoteRendering[]>();
    for (const r of g.renderings) {
      const list = byUtterance.get(r.utterance) ?? [];
      list.push(r);
      byUtterance.set(r.utterance, list);
    }
    for (const [u, list] of byUtterance) {
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          const a = list[i]!;
          const b = list[j]!;
          if (a.articleId === b.articleId) continue;
          const pair = [a.articleId, b.articleId].sort().join('|');
          const key = (kind: string) => `${g.speaker}|${u}|${pair}|${kind}`;
          if (quoted(a) !== quoted(b)) {
            const [d, ind] = quoted(a) ? [a, b] : [b, a];
            emit(
              {
                kind: 'direct-vs-indirect',
                speaker,
                renderings: [d, ind],
                detail: `${d.source} quotes it (${d.kind}); ${ind.source} reports it in indirect speech`,
              },
              key('direct-vs-indirect'),
            );
          }
          for (const issue of compareWording(a, b, speaker, o.fragmentShare)) {
            emit(issue, key(issue.kind));
          }
        }
      }
    }
  }
  for (const issue of speakerChanges(groups, o.crossSpeakerShare, o.crossSpeakerShared)) {
    const [a, b] = issue.renderings;
    emit(
      issue,
      `${issue.kind}|${a!.articleId}:${a!.content.start}|${b!.articleId}:${b!.content.start}`,
    );
  }
  return issues;
}

function quoted(r: QuoteRendering): boolean {
  return r.kind !== 'indirect';
}

/** Word keys of a text, spelling-folded. */
function words(text: string): string[] {
  return (text.match(/[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu) ?? []).map(spellingKey);
}

/** The parts of a rendering inside quote marks: all of a direct quote, the quoted pieces of a mixed one. */
function fragments(r: QuoteRendering): string[] {
  if (r.kind === 'direct') return [r.content.text];
  if (r.kind === 'indirect') return [];
  return findQuotedSpans(r.content.text)
    .filter((q) => q.depth === 0)
    .map((q) => r.content.text.slice(q.inner.start, q.inner.end));
}

function isSubsequence(short: string[], long: string[]): boolean {
  if (short.length === 0 || short.length > long.length) return false;
  outer: for (let s = 0; s + short.length <= long.length; s++) {
    for (let k = 0; k < short.length; k++) if (long[s + k] !== short[k]) continue outer;
    return true;
  }
  return false;
}

function compareWording(
  a: QuoteRendering,
  b: QuoteRendering,
  speaker: string | null,
  minShare: number,
): QuoteFidelityIssue[] {
  const out: QuoteFidelityIssue[] = [];
  const fa = fragments(a);
  const fb = fragments(b);
  if (!fa.length || !fb.length) return out;
  if (a.kind === 'direct' && b.kind === 'direct') {
    const wa = words(fa[0]!);
    const wb = words(fb[0]!);
    if (wa.join(' ') === wb.join(' ')) return out;
    const [short, long, sr, lr] = wa.length <= wb.length ? [wa, wb, a, b] : [wb, wa, b, a];
    if (long.length - short.length >= 2 && isSubsequence(short, long)) {
      out.push({
        kind: 'truncated',
        speaker,
        renderings: [lr, sr],
        detail: `${sr.source} quotes ${short.length} of the ${long.length} words ${lr.source} quotes`,
      });
      return out;
    }
  }
  // Pair each quoted fragment with the most similar one of the other rendering.
  const keysB = fb.map((f) => contentKeys(f, { start: 0, end: f.length }));
  const changed: string[] = [];
  for (const f of fa) {
    const ka = contentKeys(f, { start: 0, end: f.length });
    let best = -1;
    let bestShare = 0;
    keysB.forEach((kb, i) => {
      const o = overlap(ka, kb);
      if (o.shared >= 1 && o.share >= minShare && o.share > bestShare) {
        best = i;
        bestShare = o.share;
      }
    });
    if (best < 0) continue;
    const wa = words(f);
    const wb = words(fb[best]!);
    if (wa.join(' ') === wb.join(' ') || isSubsequence(wa, wb) || isSubsequence(wb, wa)) continue;
    changed.push(`“${f.trim()}” / “${fb[best]!.trim()}”`);
  }
  if (changed.length) {
    out.push({
      kind: 'wording-changed',
      speaker,
      renderings: [a, b],
      detail: `inside quote marks, ${a.source} / ${b.source}: ${changed.join('; ')}`,
    });
  }
  return out;
}

/** The same words under another speaker (or under none) in another outlet. */
function speakerChanges(
  groups: SpeakerQuotes[],
  minShare: number,
  minShared: number,
): QuoteFidelityIssue[] {
  const all: Array<{ g: SpeakerQuotes; r: QuoteRendering; keys: Set<string> }> = [];
  for (const g of groups) {
    for (const r of g.renderings) {
      all.push({
        g,
        r,
        keys: contentKeys(r.content.text, { start: 0, end: r.content.text.length }),
      });
    }
  }
  // Inverted index: only renderings that share a key are compared.
  const index = new Map<string, number[]>();
  all.forEach((x, i) => {
    for (const k of x.keys) {
      const l = index.get(k) ?? [];
      l.push(i);
      index.set(k, l);
    }
  });
  const out: QuoteFidelityIssue[] = [];
  all.forEach((x, i) => {
    const counts = new Map<number, number>();
    for (const k of x.keys)
      for (const j of index.get(k)!) if (j > i) counts.set(j, (counts.get(j) ?? 0) + 1);
    for (const [j, shared] of counts) {
      if (shared < minShared) continue;
      const y = all[j]!;
      if (y.g === x.g || y.r.articleId === x.r.articleId) continue;
      const o = overlap(x.keys, y.keys);
      if (o.share < minShare) continue;
      const xu = x.g.speaker === UNATTRIBUTED;
      const yu = y.g.speaker === UNATTRIBUTED;
      if (xu && yu) continue;
      const [named, other] = xu ? [y, x] : [x, y];
      out.push(
        xu || yu
          ? {
              kind: 'speaker-dropped',
              speaker: named.g.speaker,
              renderings: [named.r, other.r],
              detail: `${named.r.source} attributes it to ${named.g.speaker}; ${other.r.source} names no speaker`,
            }
          : {
              kind: 'speaker-changed',
              speaker: named.g.speaker,
              renderings: [named.r, other.r],
              detail: `${named.r.source} attributes it to ${named.g.speaker}; ${other.r.source} to ${other.g.speaker}`,
            },
      );
    }
  });
  return out;
}
