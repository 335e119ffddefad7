import type { Artifact, PublishedDate, Span } from '../types.js';
import type { Conflict } from './conflicts.js';
import type { CoverageMatrix } from './coverage.js';
import type { DiffOp } from './diff.js';
import type { Relation } from './relation.js';

/** Version of the comparison JSON (docs/comparison.md). Bump on any breaking change. */
export const COMPARISON_SCHEMA_VERSION = 1;

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
  stats: {
    articles: number;
    units: number;
    groups: number;
    unique: Record<string, number>;
  };
}
