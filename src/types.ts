/**
 * The plain data that flows between pipeline stages. Every span is a pair of
 * character offsets (JavaScript string indices) into the article's stored
 * cleaned `text`: that is the contract between stages, the store and the UI.
 */

export interface Span {
  start: number;
  end: number;
}

/** How sure we are of a publication date, and why. */
export type DateCertainty = 'stated' | 'inferred' | 'unknown';

export interface PublishedDate {
  /** ISO date (YYYY-MM-DD) or null when nothing in or around the text gives one. */
  value: string | null;
  certainty: DateCertainty;
  /** Where the date came from, e.g. "header", "dateline; year from header". */
  evidence: string;
}

/** Metadata read from an input before any cleaning. */
export interface ArticleMeta {
  title: string;
  /** "headline" when the text had one, "lead" when we had to take the first sentence. */
  titleSource: 'header' | 'headline' | 'lead' | 'none';
  published: PublishedDate;
  /** The outlet, e.g. "TASS". */
  source: string;
  /** Where the source name came from: "dateline", "header", "option", "folder". */
  sourceEvidence: string;
  /** The file path or URL the article came from. */
  origin: string;
  /** Header key/values found at the top of the text (date, source, url, ...). */
  headers: Record<string, string>;
  /** Fields of the input we do not interpret (unknown JSONL fields, feed item data), kept as given. */
  extra?: Record<string, unknown>;
}

/** A parsed input: metadata plus the body text every later offset refers to. */
export interface ParsedArticle {
  meta: ArticleMeta;
  /** The body text (header lines consumed as metadata are not part of it). */
  text: string;
}

export type ArtifactKind = 'dateline' | 'caption' | 'read-more' | 'link-only' | 'foreign-script';

/** Something in the text that is not part of the report itself. Flagged, never silently dropped. */
export interface Artifact extends Span {
  kind: ArtifactKind;
  /** The id of the rule that flagged it, e.g. "caption/photo-credit". */
  rule: string;
  /** A short human-readable reason. */
  reason: string;
}

export interface Sentence extends Span {
  /** Index of the paragraph (line block) the sentence sits in. */
  paragraph: number;
}

/** What `analyse` produces for one article: everything later stages need. */
export interface AnalysedArticle {
  meta: ArticleMeta;
  text: string;
  language: { code: string; reliable: boolean };
  artifacts: Artifact[];
  sentences: Sentence[];
  /** People, organisations, places and events, resolved within the article. */
  entities: Entity[];
  mentions: EntityMention[];
  /** Who said what. */
  quotes: Quote[];
  /** Dates, times, durations and sets, normalised. */
  times: TimeExpression[];
}

/**
 * An analysed article ready to store, its analysis passes' output already serialised (the
 * `analysis_json` column). Worker threads hand this over: one string is far cheaper to pass
 * between threads than the object graph of entities, quotes and times.
 */
export interface SerialisedArticle {
  meta: ArticleMeta;
  text: string;
  language: { code: string; reliable: boolean };
  analysisJson: string;
}

/** A stored article, as the store returns it. */
export interface StoredArticle extends AnalysedArticle {
  id: string;
  storyId: string;
  contentHash: string;
  ingestedAt: string;
}

export interface StorySummary {
  id: string;
  title: string;
  firstDate: string | null;
  lastDate: string | null;
  outlets: string[];
  articles: Array<{
    id: string;
    source: string;
    title: string;
    published: string | null;
    origin: string;
  }>;
}

// ---------------------------------------------------------------------------
// Analysis: entities, quotes, time expressions. Every span indexes `text`.
// ---------------------------------------------------------------------------

export type EntityType = 'person' | 'org' | 'place' | 'event' | 'misc';

/** One place in the text that names or refers to an entity. */
export interface EntityMention extends Span {
  text: string;
  type: EntityType;
  /** The article-local entity this mention resolves to (see `Entity.id`). */
  entityId: string;
  /** name: a proper name; role: "the minister"; pronoun: "he". */
  kind: 'name' | 'role' | 'pronoun';
  confidence: number;
}

/** An entity as resolved within one article: all its name forms and roles. */
export interface Entity {
  /** Article-local id, e.g. "e3"; cross-article resolution happens in compare. */
  id: string;
  type: EntityType;
  /** The fullest proper name seen, e.g. "Sergei Lavrov". */
  name: string;
  /** Every distinct surface form (names and roles), e.g. ["Lavrov", "the minister"]. */
  aliases: string[];
  /** Titles and roles, e.g. ["Russian Foreign Minister"]. */
  roles: string[];
  mentionCount: number;
}

export type QuoteKind = 'direct' | 'indirect' | 'mixed';

/** Who said what: Source (speaker), Cue (verb/phrase) and Content, as in PolNeAR. */
export interface Quote {
  kind: QuoteKind;
  /** The span naming the speaker in this sentence ("Lavrov", "he", "the minister"); null when unstated. */
  source: (Span & { text: string }) | null;
  /** The resolved speaker: an `Entity.id` of the same article, or null. */
  speakerId: string | null;
  /** The speaker's display name after resolution ("Sergei Lavrov"), or null. */
  speaker: string | null;
  cue: (Span & { text: string }) | null;
  /** The reported content; for direct quotes, inside the quotation marks. */
  content: Span;
  confidence: number;
}

export type TimeType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

/** A time expression normalised to a TimeML value. */
export interface TimeExpression extends Span {
  text: string;
  type: TimeType;
  /** TimeML value: "2025-11-13", "2025-09", "2024-06", "2025-W46", "P1W", "PRESENT_REF", "XXXX-09" when unresolvable. */
  value: string;
  granularity:
    | 'time'
    | 'day'
    | 'week'
    | 'month'
    | 'quarter'
    | 'season'
    | 'year'
    | 'decade'
    | 'century'
    | 'duration'
    | 'set'
    | 'ref';
  /** True when the value was computed from the publication date or another anchor rather than stated. */
  relative: boolean;
  /** For event-anchored phrases ("a week before the Anchorage summit"): the event and the offset from it. */
  anchor?: { event: string; offset: string | null; direction: 'before' | 'after' | 'at' };
  /** False when the value could not be resolved (kept relative). */
  resolved: boolean;
  confidence: number;
}
