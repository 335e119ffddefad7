import type {
  Artifact,
  EntityType,
  PublishedDate,
  QuoteKind,
  Span,
  TimeExpression,
} from '../types.js';
import type { Conflict } from './conflicts.js';
import type { CoverageMatrix } from './coverage.js';
import type { DiffOp } from './diff.js';
import type { Relation } from './relation.js';
import type { TranslationSignals } from './translation-signals.js';

/** Version of the comparison JSON (docs/comparison.md). Bump on any breaking change. */
export const COMPARISON_SCHEMA_VERSION = 2;

/** A piece of an article: where it is and what it says. */
export interface Passage extends Span {
  articleId: string;
  text: string;
}

export interface ComparedArticle {
  id: string;
  source: string;
  title: string;
  published: PublishedDate;
  language: string;
  origin: string;
  artifacts: Array<Artifact & { text: string }>;
  /** Signs that the article is a machine translation (untranslated leftovers, pronoun errors). */
  translation: TranslationSignals;
}

export interface GroupMember extends Passage {
  source: string;
  /** The member's closest relation to a member from another outlet. */
  relation: Relation;
}

export interface GroupPair {
  /** Indexes into the group's members. */
  a: number;
  b: number;
  score: number;
  relation: Relation;
  /** Word-level diff; `a` spans index member a's article text, `b` spans member b's. */
  diff: DiffOp[];
}

export interface StatementGroup {
  id: string;
  /** The closest relation between members from different outlets. */
  relation: Relation;
  sources: string[];
  members: GroupMember[];
  pairs: GroupPair[];
}

export interface Comparison {
  schemaVersion: number;
  story: { id: string; title: string; firstDate: string | null; lastDate: string | null };
  articles: ComparedArticle[];
  /** Statements carried by more than one article, strongest agreement first. */
  groups: StatementGroup[];
  /** Per article: the statements no other article carries. */
  unique: Array<{ articleId: string; source: string; passages: Passage[] }>;
  /** Statement groups × articles. */
  coverage: CoverageMatrix;
  /** Numbers and dates that differ inside aligned statements. */
  conflicts: Conflict[];
  /** Per article: groups most other articles carry and it does not. */
  omissions: Array<{ articleId: string; groupIds: string[] }>;
  /** People, organisations, places and events resolved across the story's articles. */
  entities: StoryEntity[];
  /** Who said what: quotes grouped by speaker, each outlet's rendering. */
  quotes: SpeakerQuotes[];
  /** The same utterance rendered differently (direct vs indirect, changed, truncated, speaker). */
  quoteFidelity: QuoteFidelityIssue[];
  /** Dated events merged across articles, in time order. */
  timeline: TimelineEntry[];
  /** For each pair of articles: is one derived from the other? */
  provenance: ProvenanceRelation[];
  stats: {
    articles: number;
    units: number;
    groups: number;
    unique: Record<string, number>;
  };
}

/** An entity resolved across the articles of a story ("Sergey Lavrov" = "Sergei Lavrov" = "the minister"). */
export interface StoryEntity {
  /** Story-level id, e.g. "p1". */
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  roles: string[];
  /** The article-local entities merged into this one. */
  members: Array<{ articleId: string; entityId: string; mentions: Array<Span & { text: string }> }>;
}

/** One outlet's rendering of a quote. */
export interface QuoteRendering {
  articleId: string;
  source: string;
  kind: QuoteKind;
  content: Passage;
  cue: Passage | null;
  /** The span naming the speaker in that article, if any. */
  speakerSpan: Passage | null;
  /** Index of the utterance (within this speaker) this rendering belongs to; renderings of the same utterance in different outlets share it. */
  utterance: number;
}

export interface SpeakerQuotes {
  /** The StoryEntity id, or null for an unresolved speaker. */
  entityId: string | null;
  speaker: string;
  renderings: QuoteRendering[];
}

export type QuoteFidelityKind =
  'direct-vs-indirect' | 'wording-changed' | 'truncated' | 'speaker-changed' | 'speaker-dropped';

export interface QuoteFidelityIssue {
  kind: QuoteFidelityKind;
  speaker: string | null;
  /** The renderings compared (two or more, from different outlets). */
  renderings: QuoteRendering[];
  detail: string;
}

/** One dated event of the story, merged across the articles that report it. */
export interface TimelineEntry {
  /** TimeML value, e.g. "2025-08-15", "2024-06"; unresolved relative entries keep e.g. "XXXX-XX-XX". */
  value: string;
  granularity: TimeExpression['granularity'];
  /** A short label: the named event or the dated clause. */
  label: string;
  /** False when the date is relative and could not be resolved (e.g. anchored to an undated event). */
  resolved: boolean;
  relative: boolean;
  anchor?: TimeExpression['anchor'];
  /** Entities taking part (story entity names). */
  participants: string[];
  /** Each article's mention: the time expression and the sentence it dates. */
  reports: Array<{
    articleId: string;
    source: string;
    time: Passage;
    sentence: Passage;
    value: string;
  }>;
  /** Reports that give the same event a different date. */
  conflicts: Array<{ articleId: string; source: string; value: string; text: string }>;
}

export type ProvenanceKind = 'same-text' | 'translation' | 'summary' | 'rewrite' | 'independent';

export interface ProvenanceRelation {
  a: string;
  b: string;
  kind: ProvenanceKind;
  /** The article that appears derived, or null when neither. */
  derived: string | null;
  confidence: number;
  /** Share of each article's statements found in the other. */
  shared: { a: number; b: number };
  evidence: string[];
}
