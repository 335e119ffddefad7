import { extractTimes } from '../3-analyse/time/extract-times.js';
import type { StoredArticle } from '../types.js';
import { groupUnits, scorePairs, type UnitPair } from './align.js';
import {
  COMPARISON_SCHEMA_VERSION,
  type Comparison,
  type GroupMember,
  type GroupPair,
  type StatementGroup,
  type StoryEntity,
} from './comparison.js';
import { findConflicts } from './conflicts.js';
import { coverageMatrix, omissions } from './coverage.js';
import { diffPrepared, prepareSpan, shiftOps, type DiffOp } from './diff.js';
import { classifyPair, RELATION_ORDER, type Relation } from './relation.js';
import { provenance } from './provenance.js';
import { quoteFidelity } from './quote-fidelity.js';
import { quotesBySpeaker } from './quotes-by-speaker.js';
import { linkStoryEntities, storyEntityLookup } from './story-entities.js';
import { buildTimeline } from './timeline.js';
import { translationSignals } from './translation-signals.js';
import { storyUnits, type Unit } from './units.js';

export interface StoryInfo {
  id: string;
  title: string;
  firstDate: string | null;
  lastDate: string | null;
}

/**
 * Compares the articles of one story: aligns their statements into groups,
 * classifies how each pair relates with a word diff, and lists what each
 * outlet alone carries. Pure: articles in, comparison out.
 */
export function compareArticles(story: StoryInfo, articles: StoredArticle[]): Comparison {
  const units = storyUnits(articles);
  const pairs = scorePairs(units);
  const pairIndex = new Map<string, UnitPair>();
  for (const p of pairs) pairIndex.set(`${p.a}:${p.b}`, p);
  const grouped = groupUnits(units, pairs);
  const inGroup = new Set(grouped.flat());
  const groups = grouped
    .map((members) =>
      buildGroup(
        members.sort((x, y) => x - y),
        units,
        articles,
        pairIndex,
      ),
    )
    .sort(
      (x, y) =>
        y.sources.length - x.sources.length ||
        RELATION_ORDER.indexOf(x.relation) - RELATION_ORDER.indexOf(y.relation) ||
        firstPosition(x) - firstPosition(y),
    )
    .map((g, i) => ({ ...g, id: `g${i + 1}` }));
  const ids = articles.map((a) => a.id);
  const unique = articles.map((a, ai) => ({
    articleId: a.id,
    source: a.meta.source,
    passages: units
      .filter((u) => u.article === ai && !inGroup.has(u.index))
      .map((u) => ({
        articleId: a.id,
        start: u.start,
        end: u.end,
        text: a.text.slice(u.start, u.end),
      })),
  }));
  const signals = articles.map(translationSignals);
  const entities = linkStoryEntities(articles);
  const named = storyEntityNames(entities);
  const quotes = whoSaidWhat(articles, named);
  return {
    schemaVersion: COMPARISON_SCHEMA_VERSION,
    story,
    articles: articles.map((a, i) => ({
      id: a.id,
      source: a.meta.source,
      title: a.meta.title,
      published: a.meta.published,
      language: a.language.code,
      origin: a.meta.origin,
      artifacts: a.artifacts.map((x) => ({ ...x, text: a.text.slice(x.start, x.end) })),
      translation: signals[i]!,
    })),
    groups,
    unique,
    coverage: coverageMatrix(ids, groups),
    conflicts: findConflicts(groups),
    omissions: omissions(ids, groups),
    entities,
    quotes,
    quoteFidelity: quoteFidelity(quotes),
    timeline: buildTimeline(articles.map((a) => timelineInput(a, story.firstDate, named.nameOf))),
    provenance: provenance(articles, units, groups, signals),
    stats: {
      articles: articles.length,
      units: units.length,
      groups: groups.length,
      unique: Object.fromEntries(unique.map((u) => [u.articleId, u.passages.length])),
    },
  };
}

/**
 * An article without its own date is read against the story's first date
 * (its siblings report the same event), with lower confidence, so "in
 * September" still lands on a year.
 */
function timelineInput(
  a: StoredArticle,
  storyDate: string | null,
  entityName: (articleId: string, entityId: string) => string | null,
) {
  const own = a.meta.published.value;
  const times =
    own || !storyDate
      ? a.times
      : extractTimes(a.text, a.sentences, { published: storyDate, language: a.language.code }).map(
          (t) => ({ ...t, confidence: Math.round(t.confidence * 0.8 * 100) / 100 }),
        );
  return {
    id: a.id,
    source: a.meta.source,
    text: a.text,
    sentences: a.sentences,
    times,
    published: own,
    mentions: a.mentions,
    entityName,
  };
}

/** An article's entity → the name of the story entity it was linked to. */
function storyEntityNames(entities: StoryEntity[]) {
  const lookup = storyEntityLookup(entities);
  const names = new Map(entities.map((e) => [e.id, e.name]));
  return {
    idOf: lookup,
    nameOf: (articleId: string, entityId: string) => {
      const id = lookup(articleId, entityId);
      return id ? (names.get(id) ?? null) : null;
    },
  };
}

/** Quotes grouped by the story-level speaker their article resolved them to. */
function whoSaidWhat(articles: StoredArticle[], named: ReturnType<typeof storyEntityNames>) {
  return quotesBySpeaker(
    articles.map((a) => ({
      id: a.id,
      source: a.meta.source,
      text: a.text,
      quotes: a.quotes,
      language: a.language.code,
    })),
    (articleId, q) => {
      const id = q.speakerId ? named.idOf(articleId, q.speakerId) : null;
      const name = q.speakerId ? named.nameOf(articleId, q.speakerId) : null;
      return { id, name: name || q.speaker || q.source?.text || '' };
    },
  );
}

function firstPosition(g: Omit<StatementGroup, 'id'>): number {
  return g.members[0]!.start;
}

function buildGroup(
  memberUnits: number[],
  units: Unit[],
  articles: StoredArticle[],
  pairIndex: Map<string, UnitPair>,
): Omit<StatementGroup, 'id'> {
  const members: GroupMember[] = memberUnits.map((i) => {
    const u = units[i]!;
    const a = articles[u.article]!;
    return {
      articleId: a.id,
      source: a.meta.source,
      start: u.start,
      end: u.end,
      text: a.text.slice(u.start, u.end),
      relation: 'partial',
    };
  });
  const pairs: GroupPair[] = [];
  const prepared = memberUnits.map((i) =>
    prepareSpan(articles[units[i]!.article]!.text, units[i]!),
  );
  // Diffs by wording: members worded alike (wire copies) are diffed once, then moved.
  const byWording = new Map<string, { diff: DiffOp[]; a: number; b: number }>();
  for (let x = 0; x < memberUnits.length; x++) {
    for (let y = x + 1; y < memberUnits.length; y++) {
      const ua = units[memberUnits[x]!]!;
      const ub = units[memberUnits[y]!]!;
      if (ua.article === ub.article) continue;
      const scored =
        pairIndex.get(`${ua.index}:${ub.index}`) ?? pairIndex.get(`${ub.index}:${ua.index}`);
      const wording = `${members[x]!.text}\u0000${members[y]!.text}`;
      const known = byWording.get(wording);
      const diff = known
        ? shiftOps(known.diff, ua.start - known.a, ub.start - known.b)
        : diffPrepared(prepared[x]!, prepared[y]!);
      if (!known) byWording.set(wording, { diff, a: ua.start, b: ub.start });
      const relation = classifyPair(diff, scored?.containment ?? 0);
      pairs.push({ a: x, b: y, score: round(scored?.score ?? 0), relation, diff });
      for (const m of [x, y]) members[m]!.relation = stronger(members[m]!.relation, relation);
    }
  }
  const relation = pairs.reduce<Relation>((r, p) => stronger(r, p.relation), 'partial');
  return { relation, sources: [...new Set(members.map((m) => m.source))], members, pairs };
}

function stronger(a: Relation, b: Relation): Relation {
  return RELATION_ORDER.indexOf(a) <= RELATION_ORDER.indexOf(b) ? a : b;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
