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
